// Group challenges in the window, end to end: the real `highstep` under Xvfb with
// the simulated board. A challenge made with the store API is opened from the title
// menu, two players take hot-seat turns (quick weigh-in, the levels in order) and
// the leaderboard ranks them; a Sprint Start turn races the ghost of a run stored
// with `highstep play --challenge`. The database is read back with the store API.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "highstep/core/level/level_file.h"
#include "highstep/core/session/session.h"
#include "highstep/input/recording.h"
#include "highstep/store/challenge.h"
#include "highstep/store/database.h"
#include "highstep/store/session_log.h"
#include "screen_fixture.h"

namespace {

using highstep::app::testing::ScreenTest;
using highstep::app::testing::Shot;
namespace fs = std::filesystem;
namespace palette = highstep::app::palette;
namespace store = highstep::store;

// Short levels so a turn takes seconds: one 3 s two-foot hold each, and a
// Sprint Start of two knee drives per leg on a 20 m track (four strides) whose level pace
// (8 m per rep) would carry the rival over the line.
constexpr const char* kTowerLevel = R"({"format_version": 1, "id": "ID", "title": "TITLE",
  "description": "A short two-foot hold.", "type": "balance_tower", "difficulty": 1,
  "exercise": "balance_two_feet",
  "program": {"sets": 1, "reps_per_leg": 1, "rest_s": 5, "tempo_bpm": 0, "count_in_s": 2, "hold_target_s": 3},
  "world": {"blocks": 3, "balls": 0, "platform_width_m": 4, "tilt_deg_per_mm": 0.25, "max_tilt_deg": 20}})";
constexpr const char* kSprintLevel = R"({"format_version": 1, "id": "sprint-quick", "title": "Quick Sprint",
  "description": "Four knee drives down a short track.", "type": "sprint_start", "difficulty": 1,
  "exercise": "knee_drive",
  "program": {"sets": 1, "reps_per_leg": 2, "rest_s": 5, "tempo_bpm": 60, "count_in_s": 3,
              "lead_order": "alternate", "hold_target_s": 1.0},
  "world": {"ghost_m_per_rep": 8, "burst_m_s": 6},
  "scoring": {"perfect_ms": 70, "great_ms": 140, "good_ms": 220, "peak_target_bw": 1.15}})";
// The ghost's run: one knee drive, then standing still (it never reaches the line).
constexpr const char* kGhostScript = "empty 1\nstep-on left\nstand 4\nknee-drive left 1.2\nstand 12\n";

class ChallengeScreenTest : public ScreenTest {
protected:
    void SetUp() override {
        ScreenTest::SetUp();
        if (IsSkipped()) return;
        levels_ = dir_ / "levels";
        fs::create_directories(levels_);
    }

    void write_level(const std::string& file, std::string text, const std::string& id = {},
                     const std::string& title = {}) {
        if (!id.empty()) text.replace(text.find("ID"), 2, id);
        if (!title.empty()) text.replace(text.find("TITLE"), 5, title);
        std::ofstream(levels_ / file) << text;
    }

    // Runs the CLI (against the test's database unless `with_db` is false);
    // returns its exit code.
    int cli(const std::string& args, bool with_db = true) {
        const std::string db = with_db ? " --db '" + (dir_ / "test.db").string() + "'" : "";
        const std::string cmd = "cd '" + dir_.string() + "' && '" + HIGHSTEP_BINARY + "' " + args + db + " >>cli.txt 2>&1";
        const int status = std::system(cmd.c_str());
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }

    // Made with the store API: the CLI only knows the project's own levels.
    void create_challenge(const std::string& name, const std::vector<std::string>& level_ids) {
        store::Database db(dir_ / "test.db");
        store::Challenge c;
        c.name = name;
        c.level_ids = level_ids;
        c.starts_day = store::local_day(store::now_unix_s());
        c.ends_day = store::day_after(c.starts_day, 7);
        store::create_challenge(db, c);
    }

    std::string levels_arg() const { return "--levels '" + levels_.string() + "'"; }

    fs::path levels_;
};

}  // namespace

TEST_F(ChallengeScreenTest, TwoPlayersTakeHotSeatTurnsAndTheLeaderboardRanksThem) {
    write_level("tower-quick.json", kTowerLevel, "tower-quick", "Quick Stones");
    write_level("tower-quick-2.json", kTowerLevel, "tower-quick-2", "Quick Stones II");
    create_challenge("Friday Cup", {"tower-quick", "tower-quick-2"});
    ASSERT_EQ(cli("players add Ada"), 0);
    // Ada plays both levels; Bob is created at the board, plays the first level
    // and ends his turn, so Ada leads on total score. Then Ada steps up again:
    // her feet are known from her first weigh-in, so she only steps on.
    const std::string script = R"(
wait 0.3
key Down
key Down
key Down
key Down
wait 0.2
screenshot title.bmp
key Return
wait_scene challenges
wait_probe challenges == 1
screenshot list.bmp
key Return
wait_scene challenge
wait_probe rows == 0
key Return
wait_scene players
key Return
)" + highstep::app::testing::kFullWeighIn + R"(wait_scene challenge_turn 15
wait_probe level == 0
screenshot turn1.bmp
key Return
wait_scene play
wait_scene results 60
key Return
wait_scene challenge_turn 5
wait_probe level == 1
key Return
wait_scene play
wait_scene results 60
screenshot results2.bmp
key Return
wait_scene challenge 5
wait_probe rows == 1
wait_probe place == 1
screenshot after_ada.bmp
key Return
wait_scene players
key Down
key Return
wait_scene new_player
text Bob
key Return
key Return
key Return
wait_scene weigh_in 5
wait 0.3
screenshot bob_weigh.bmp
)" + highstep::app::testing::kLearnFeet + R"(wait_scene challenge_turn 15
key Return
wait_scene play
wait_scene results 60
key Return
wait_scene challenge_turn 5
wait_probe level == 1
key Escape
wait_scene challenge 5
wait_probe rows == 2
wait_probe place == 2
wait 0.3
screenshot leaderboard.bmp
key Return
wait_scene players
# Next player: the list opens on the one after Bob (wrapping round to Ada)
wait_probe selected == 0 2
key Return
wait_scene weigh_in 5
wait 0.3
screenshot ada_again.bmp
wait_scene challenge_turn 15
quit
)";
    ASSERT_EQ(run(script, levels_arg()), 0) << err_;

    // What the store holds: three turns, each with its recording (the ghost),
    // and the leaderboard the screen shows.
    store::Database db(dir_ / "test.db");
    const auto challenge = store::find_challenge(db, "Friday Cup");
    ASSERT_TRUE(challenge);
    const auto entries = store::challenge_entries(db, challenge->id);
    ASSERT_EQ(entries.size(), 3u);
    for (const store::ChallengeEntry& e : entries) {
        ASSERT_FALSE(e.recording_csv.empty()) << e.player_name << " " << e.level_id;
        std::istringstream text(e.recording_csv);
        EXPECT_GT(highstep::read_recording(text, "entry").samples.size(), 100u);
    }
    const auto board = store::leaderboard(db, challenge->id);
    ASSERT_EQ(board.size(), 2u);
    EXPECT_EQ(board[0].player_name, "Ada");
    EXPECT_EQ(board[0].levels_played, 2);
    EXPECT_EQ(board[1].player_name, "Bob");
    EXPECT_EQ(board[1].levels_played, 1);
    EXPECT_GT(board[0].total_score, board[1].total_score);

    Shot list(shot("list")), weigh(shot("bob_weigh")), after_ada(shot("after_ada")), final_board(shot("leaderboard")),
        again(shot("ada_again"));
    ASSERT_TRUE(list.ok() && weigh.ok() && after_ada.ok() && final_board.ok() && again.ok());
    // The list: Friday Cup's item with the green tag of a challenge open today.
    EXPECT_GT(list.count(palette::good, 238, 158, 250, 226), 300);
    // Bob's quick weigh-in kept the board's zero from Ada's turn: its first row is
    // "Step on" (lit), so three rows (step on, left, right), not four.
    EXPECT_GT(weigh.count(palette::panel_light, 700, 160, 1220, 240), 10000);
    EXPECT_LT(weigh.count(palette::panel, 700, 436, 1220, 516), 1000) << "no fourth row";
    // Ada's second quick weigh-in: one row ("Step on", lit), no foot rows.
    EXPECT_GT(again.count(palette::panel_light, 700, 160, 1220, 240), 10000);
    EXPECT_LT(again.count(palette::panel, 700, 252, 1220, 332), 1000) << "no second row";
    // After Ada's turn: her row lit, the gold "place 1 of 1" banner (under the three
    // items: Next player, Change or delete, Back).
    EXPECT_GT(after_ada.count(palette::perfect, 910, 402, 1240, 522), 20000);
    // The final board: Ada first in white, Bob second in gold (the player who just
    // played), his place in the banner.
    EXPECT_GT(final_board.count(palette::text, 110, 192, 300, 220), 100);
    EXPECT_LT(final_board.count(palette::perfect, 110, 192, 300, 220), 20);
    EXPECT_GT(final_board.count(palette::perfect, 110, 240, 300, 268), 100);
    EXPECT_GT(final_board.count(palette::perfect, 910, 402, 1240, 522), 20000);
}

TEST_F(ChallengeScreenTest, ASprintStartTurnRacesTheStoredGhostAndBeatsIt) {
    write_level("sprint-quick.json", kSprintLevel);
    std::ofstream(dir_ / "ghost.script") << kGhostScript;
    ASSERT_EQ(cli("synth ghost.csv --script ghost.script --rate-hz 60 --seed 7", false), 0);
    create_challenge("Sprint Cup", {"sprint-quick"});
    ASSERT_EQ(cli("play --level '" + (levels_ / "sprint-quick.json").string() +
                  "' --replay ghost.csv --headless --player Ada --challenge 'Sprint Cup'"),
              0);
    ASSERT_EQ(cli("players add Bob"), 0);
    // Bob (second in the list) takes the turn and makes four knee drives; the
    // ghost made one. With the level's pace the rival would run 8 m per rep.
    const std::string script = highstep::app::testing::kTitleToChallenges + R"(key Return
wait_scene challenge
key Return
wait_scene players
key Down
key Return
)" + highstep::app::testing::kFullWeighIn + R"(wait_scene challenge_turn 15
wait_probe ghost == 1
screenshot card.bmp
key Return
wait_scene play
wait 3.5
down q
wait 1.3
up q
wait_probe ghost_m > 0.5 15
wait 1.2
down e
wait 1.3
up e
wait 0.4
screenshot race.bmp
wait 1.2
down q
wait 1.3
up q
wait 1.6
down e
wait 1.3
up e
wait_probe finished == 1 20
wait_probe ghost_m < 8
wait_scene results 10
wait_probe race_won == 1
wait_probe race_margin_m > 1
wait 0.5
screenshot results.bmp
quit
)";
    ASSERT_EQ(run(script, levels_arg()), 0) << err_;

    store::Database db(dir_ / "test.db");
    const auto challenge = store::find_challenge(db, "Sprint Cup");
    ASSERT_TRUE(challenge);
    const auto board = store::leaderboard(db, challenge->id);
    ASSERT_EQ(board.size(), 2u);
    EXPECT_EQ(board[0].player_name, "Bob") << "four drives score above one";
    // Each stored run is a faithful ghost: its recording, replayed headless,
    // scores exactly what the run stored (Bob's was recorded by the window).
    const highstep::core::Level level = highstep::core::load_level_file(levels_ / "sprint-quick.json");
    for (const store::ChallengeEntry& e : store::challenge_entries(db, challenge->id)) {
        std::istringstream text(e.recording_csv);
        const highstep::Recording recording = highstep::read_recording(text, e.player_name);
        EXPECT_EQ(highstep::core::run_headless(level, recording.samples).score, e.score) << e.player_name;
    }

    Shot card(shot("card")), race(shot("race")), results(shot("results"));
    ASSERT_TRUE(card.ok() && race.ok() && results.ok());
    // The card names the ghost on the rival's colour; the race labels it over
    // its head; the results say the player won on a gold box.
    EXPECT_GT(card.count(palette::text_dark, 350, 380, 930, 436), 200) << "dark text on the ghost's tag";
    EXPECT_GT(race.count(palette::rival, 0, 150, 1280, 520), 1500) << "the ghost's name tag";
    EXPECT_GT(results.count(palette::perfect, 900, 500, 1220, 620), 15000);
}

TEST_F(ChallengeScreenTest, AnEmptyListSaysHowToCreateAChallenge) {
    const std::string script = highstep::app::testing::kTitleToChallenges + R"(wait_probe challenges == 0
wait 0.3
screenshot empty.bmp
key Escape
wait_scene title
quit
)";
    ASSERT_EQ(run(script, levels_arg()), 0) << err_;
    Shot empty(shot("empty"));
    ASSERT_TRUE(empty.ok());
    // The message panel: its first line in the text colour, the command in the accent colour.
    EXPECT_GT(empty.count(palette::text, 190, 270, 1090, 310), 500);
    EXPECT_GT(empty.count(palette::accent, 190, 335, 1090, 375), 500);
}
