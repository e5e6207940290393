// A new player's first hour, in the real program under Xvfb: the title asks before
// Esc quits, the board check passes with the foot keys a player reaches for and
// lights the foot that carries the weight, Esc in it goes back to the player
// list, a foot key in a menu chooses nothing, and "Learn the moves" confirms each
// exercise done on the simulated board before the first level.
#include "screen_fixture.h"

#include "highstep/app/game_app.h"

#include "highstep/store/challenge.h"
#include "highstep/store/database.h"
#include "highstep/store/session_log.h"

namespace {

using highstep::app::testing::ScreenTest;
using highstep::app::testing::Shot;
namespace fs = std::filesystem;
namespace palette = highstep::app::palette;

class FirstHour : public ScreenTest {};

TEST_F(FirstHour, EscOnTheTitleAsksBeforeQuitting) {
    const std::string script = R"(
wait_scene title
key Escape
wait_probe confirm_quit == 1
wait 0.2
screenshot ask.bmp
key Down
wait_probe confirm_quit == 0
wait 0.5
expect_scene title
key Escape
wait_probe confirm_quit == 1
key Escape
wait 2
expect_scene nothing
)";
    // The second Esc ends the program (exit 0) before the script's last check.
    ASSERT_EQ(run(script), 0) << err_;
    Shot ask(shot("ask"));
    ASSERT_TRUE(ask.ok());
    EXPECT_GT(ask.count(palette::text, 420, 290, 860, 360), 1500) << "'Quit HighStep?' in the panel";
}

TEST_F(FirstHour, TheBoardCheckPassesWithTheFootKeysAndLightsTheLoadedFoot) {
    const std::string script = R"(
key Return
wait_scene weigh_in
key Escape
wait_scene players
key Return
wait_scene weigh_in
wait_probe stage >= 1 10
key a
key d
wait_probe stage >= 2 15
# D: the right foot off, lifted; the whole weight on the left foot
key d
wait_probe left_pct > 90 5
wait 0.5
screenshot left_foot.bmp
wait_probe stage >= 3 15
key d
wait 0.8
key a
wait_probe left_pct < 10 5
wait_probe stage >= 4 15
wait_scene levels 10
# The foot keys in a menu are not a step that starts a level.
key a
wait 0.3
key a
wait 0.3
key d
wait 0.3
key d
wait 1.5
expect_scene levels
quit
)";
    ASSERT_EQ(run(script, "--player Kim"), 0) << err_;
    Shot left(shot("left_foot"));
    ASSERT_TRUE(left.ok());
    // The board picture (design 90,200 540x300): the left footprint lit in the
    // left leg's blue, the right one not lit; the asked-for left pad has a teal ring.
    EXPECT_GT(left.count(palette::left_leg, 197, 252, 334, 448), 2000);
    EXPECT_LT(left.count(palette::right_leg, 386, 252, 523, 448), 50);
    EXPECT_GT(left.count(palette::accent, 190, 250, 198, 450), 300);
}

TEST_F(FirstHour, LearnTheMovesConfirmsEachExerciseOnTheBoard) {
    const std::string script = R"(
wait_scene title
key Down
key Return
wait_scene practice
wait 1.3
screenshot step_up.bmp
key a
wait 0.6
key d
wait 1.2
key d
wait 1.8
key a
wait_probe confirmed >= 1 10
wait_probe move == 1 5
wait 1.0
key a
key d
# The board first learns how the player stands on both feet ("Stand still a moment").
wait 0.5
screenshot settle.bmp
wait_probe ready == 1 10
down e
wait 1.2
screenshot knee_drive.bmp
up e
wait_probe confirmed >= 2 10
wait_probe move == 2 5
wait 1.0
key d
wait_probe hold_s > 1.5 5
screenshot balance.bmp
wait_probe confirmed >= 3 10
wait_probe move == 3 5
wait 0.5
screenshot summary.bmp
key Return
wait_scene players
quit
)";
    ASSERT_EQ(run(script), 0) << err_;
    Shot step(shot("step_up")), summary(shot("summary"));
    ASSERT_TRUE(step.ok() && summary.ok());
    // The animated figure's legs in the left and right leg colours on the stage panel.
    EXPECT_GT(step.count(palette::left_leg, 80, 170, 600, 500), 300);
    EXPECT_GT(step.count(palette::right_leg, 80, 170, 600, 500), 300);
    // Three green ticks on the summary.
    EXPECT_GT(summary.count(palette::good, 330, 260, 390, 480), 3 * 1000);
}

// Hill Climb's coach line ("Step off the board to begin") and the "Ledge N / 24" label
// above it: at every window size the label stays whole with the coach's pill shown
// (the pill was drawn over it). The label's white text above the pill's first row is
// counted with and without the pill; the pill must be there and cover none of it.
TEST_F(FirstHour, TheCoachLineLeavesTheLedgeLabelWholeAtEverySize) {
    const std::string script = "wait_scene title\n" + highstep::app::testing::kTitleToFirstLevel + R"(
# the board check's skip toast goes after 4 s
wait 4.5
screenshot plain.bmp
key a
key d
wait_probe coach == 1 20
wait 0.3
screenshot coach.bmp
quit
)";
    screen_ = "1920x1200";
    for (const auto& [w, h] : std::vector<std::pair<int, int>>{{1280, 720}, {800, 600}, {1600, 500}, {700, 1100}, {1920, 1080}}) {
        SCOPED_TRACE(std::to_string(w) + "x" + std::to_string(h));
        window_ = std::to_string(w) + "x" + std::to_string(h);
        ASSERT_EQ(run(script, "--player Kim"), 0) << err_;
        Shot plain(shot("plain")), coach(shot("coach"));
        ASSERT_TRUE(plain.ok() && coach.ok());
        ASSERT_EQ(coach.s->w, w);
        // The window's middle band, where the label and the pill are centred.
        const float unit = std::min(w / 1280.0f, h / 720.0f);
        const int x0 = w / 2 - static_cast<int>(110 * unit), x1 = w / 2 + static_cast<int>(110 * unit);
        // The pill's first row: a row of the band that is mostly its orange (the
        // climber, in the same orange, is narrow).
        int pill_top = -1;
        for (int y = 0; y < h / 2 && pill_top < 0; ++y) {
            if (coach.count(palette::action, x0, y, x1, y + 1) > (x1 - x0) * 3 / 4) pill_top = y;
        }
        ASSERT_GT(pill_top, 0) << "the coach's pill is shown";
        const int label_plain = plain.count(palette::text, x0, 0, x1, pill_top);
        EXPECT_GT(label_plain, 100) << "the label's words are above the pill";
        EXPECT_EQ(coach.count(palette::text, x0, 0, x1, pill_top), label_plain) << "the pill covers none of the label";
    }
}

// A portrait window (700x1100) used to show the 16:9 layout fitted to its width: the
// HUD at 0.55 of its size and the title's list small in the middle. Now the HUD's two
// top panels fill the width, its metronome stands above the bottom corners' panels,
// and the title's column fills the width.
TEST_F(FirstHour, APortraitWindowIsFilledByTheHudAndTheTitle) {
    const std::string script = R"(
wait_scene title
wait 0.5
screenshot title.bmp
)" + highstep::app::testing::kTitleToFirstLevel + R"(
wait 1
screenshot play.bmp
quit
)";
    screen_ = "1920x1200";
    window_ = "700x1100";
    ASSERT_EQ(run(script, "--player Kim"), 0) << err_;
    Shot title(shot("title")), play(shot("play"));
    ASSERT_TRUE(title.ok() && play.ok());
    const int w = 700, h = 1100;
    // The top panels: a row under their words is panel from edge to edge but for the
    // margins (0.62 of it before).
    EXPECT_GT(play.count(palette::hud_panel, 0, 100, w, 101), w * 85 / 100);
    // The bottom middle, between the board's panel and the key help, is the world's:
    // the metronome panel is above them (it sat there before).
    EXPECT_EQ(play.count(palette::hud_panel, w / 2 - 10, h - 100, w / 2 + 10, h - 10), 0);
    EXPECT_GT(play.count(palette::hud_panel, w / 2 - 10, h / 2, w / 2 + 10, h - 100), 500) << "the metronome panel";
    // The title's selected row ("Play"), its widest row of the selection's fill: 370 px
    // of the window's 700 (219 before).
    int widest = 0;
    for (int y = 0; y < h; ++y) widest = std::max(widest, title.count(palette::panel_light, 0, y, w, y + 1));
    EXPECT_GT(widest, 330);
}

// The player settings' ten rows ran 150 design units past the window's bottom: Save
// and Cancel were chosen blind. Selected, Save is drawn inside the window now.
TEST_F(FirstHour, ThePlayerSettingsShowSaveWhenItIsChosen) {
    const std::string script = R"(
wait_scene title
key Return
wait_scene weigh_in
key Escape
wait_scene players
key Right
wait_scene player_settings
wait 0.3
# Up from the first row wraps round to Cancel, then Save
key Up
key Up
wait_probe row == 8
wait 0.5
screenshot save.bmp
quit
)";
    ASSERT_EQ(run(script, "--player Kim"), 0) << err_;
    Shot save(shot("save"));
    ASSERT_TRUE(save.ok());
    // The selected row's fill (panel_light), in the list's column above the key hints
    // (before: 12 pixel rows of it showed at the window's bottom edge), and the list's
    // top rows scrolled away from the selection.
    EXPECT_GT(save.count(palette::panel_light, 90, 300, 710, 680), 20000);
    EXPECT_LT(save.count(palette::panel_light, 90, 150, 710, 300), 5000);
}

// Levels from a folder outside the data folder: the sounds, the music and the window
// icon still come from the data folder (--data-dir), not from "assets/" beside that
// folder (which does not exist: the game warned three times and ran silent).
TEST_F(FirstHour, LevelsFromElsewhereTakeTheAssetsFromTheDataFolder) {
    namespace app = highstep::app;
    const fs::path elsewhere = dir_ / "elsewhere" / "levels";
    fs::create_directories(elsewhere);
    fs::copy_file(fs::path(HIGHSTEP_SOURCE_DIR) / "levels" / "hill-1.json", elsewhere / "hill-1.json");
    app::GameOptions o;
    o.levels_dir = elsewhere;
    o.data_dir = HIGHSTEP_SOURCE_DIR;
    EXPECT_EQ(app::game_assets_dir(o), fs::path(HIGHSTEP_SOURCE_DIR) / "assets");
    o.data_dir.clear();  // --levels and no data folder found: beside the levels is all there is
    EXPECT_EQ(app::game_assets_dir(o), dir_ / "elsewhere" / "assets");

    const std::string script = R"(
wait_scene title
wait 0.5
quit
)";
    // ALSOFT_DRIVERS=null still opens a device, so the effects and the music are loaded.
    const std::string args = "--levels '" + elsewhere.string() + "' --data-dir '" + HIGHSTEP_SOURCE_DIR + "'";
    ASSERT_EQ(run(script, args), 0) << err_;
    EXPECT_EQ(err_.find("elsewhere"), std::string::npos) << err_;
    EXPECT_EQ(err_.find("effects"), std::string::npos) << err_;
    EXPECT_EQ(err_.find("music"), std::string::npos) << err_;
    EXPECT_EQ(err_.find("icon"), std::string::npos) << err_;
}

TEST_F(FirstHour, AChallengeIsMadeInTheWindow) {
    const std::string script = highstep::app::testing::kTitleToChallenges + R"(wait_probe challenges == 0
key Return
wait_scene new_challenge
text Family Cup
key Return
wait_probe row == 1
key Return
key Down
key Down
key Return
wait_probe levels == 2
key Up
key Up
key Up
key Up
key Up
wait_probe row == 9
key Left
key Left
wait_probe days == 5
key Down
wait 0.3
screenshot new.bmp
key Return
wait_scene challenges
wait_probe challenges == 1
wait 0.3
screenshot list.bmp
quit
)";
    ASSERT_EQ(run(script), 0) << err_;
    highstep::store::Database db(dir_ / "test.db");
    const auto c = highstep::store::find_challenge(db, "Family Cup");
    ASSERT_TRUE(c);
    // The first two levels were ticked to start with; the first was unticked and the
    // third ticked.
    ASSERT_EQ(c->level_ids.size(), 2u);
    EXPECT_EQ(c->level_ids[0], "hill-2");
    EXPECT_EQ(c->level_ids[1], "hill-3");
    EXPECT_EQ(highstep::store::day_after(c->starts_day, 4), c->ends_day) << "five days, today included";
}

// A challenge is changed in the window (its name, levels and days), and deleted
// only when Enter is pressed a second time (Esc in between keeps it).
TEST_F(FirstHour, AChallengeIsChangedAndDeletedInTheWindow) {
    namespace store = highstep::store;
    std::int64_t id = 0;
    {
        store::Database db(dir_ / "test.db");
        store::Challenge c;
        c.name = "Family Cup";
        c.level_ids = {"hill-2", "hill-3"};
        c.starts_day = store::local_day(store::now_unix_s());
        c.ends_day = store::day_after(c.starts_day, 4);
        id = store::create_challenge(db, c);
    }
    const std::string open_it = highstep::app::testing::kTitleToChallenges + R"(key Return
wait_scene challenge
wait_probe can_change == 1
key Down
key Return
wait_scene edit_challenge
)";
    const std::string change = open_it + R"(wait_probe levels == 2
wait_probe days == 5
key BackSpace
key BackSpace
key BackSpace
text Clan
key Return
wait_probe row == 1
key Return
wait_probe levels == 3
key Up
key Up
key Up
key Up
wait_probe row == 9
key Right
key Right
wait_probe days == 7
wait 0.3
screenshot change.bmp
key Down
key Return
wait_scene challenge
wait_probe levels == 3
wait 0.3
screenshot changed.bmp
quit
)";
    ASSERT_EQ(run(change), 0) << err_;
    {
        store::Database db(dir_ / "test.db");
        const auto c = store::get_challenge(db, id);
        ASSERT_TRUE(c);
        EXPECT_EQ(c->name, "Family Clan");
        // The challenge's own order kept, the newly ticked level last.
        EXPECT_EQ(c->level_ids, (std::vector<std::string>{"hill-2", "hill-3", "hill-1"}));
        EXPECT_EQ(store::day_after(c->starts_day, 6), c->ends_day) << "seven days from the same start";
    }
    const std::string remove = open_it + R"(key Up
wait_probe row == 11
key Return
wait_probe confirm_delete == 1
wait 0.3
screenshot confirm.bmp
key Escape
wait_probe confirm_delete == 0
expect_scene edit_challenge
key Return
wait_probe confirm_delete == 1
key Return
wait_scene challenges
wait_probe challenges == 0
quit
)";
    ASSERT_EQ(run(remove), 0) << err_;
    store::Database db(dir_ / "test.db");
    EXPECT_FALSE(store::get_challenge(db, id));
    Shot form(shot("change")), confirm(shot("confirm"));
    ASSERT_TRUE(form.ok() && confirm.ok());
    // The delete row asks in the miss colour's tag; the form's hints sit at the bottom.
    EXPECT_GT(confirm.count(palette::miss, 230, 100, 260, 660), 150) << "the delete row's red tag";
}

}  // namespace

// Learn the moves, level select, the board check, the results and progress were the 16:9 design fitted
// to a portrait window's width: 0.55 of their size in a band across the middle. Each
// now stacks its panels down the window at a larger scale (PortraitLayout), so they
// reach both the window's top quarter and its bottom quarter. A one-hold tower level
// (2 s) gives the results and progress something to show.
TEST_F(FirstHour, TallWindowsStackTheMenusPanelsDownTheWindow) {
    const fs::path levels = dir_ / "levels";
    fs::create_directories(levels);
    {
        std::ifstream in(fs::path(HIGHSTEP_SOURCE_DIR) / "levels" / "tower-1.json");
        std::stringstream text;
        text << in.rdbuf();
        std::string json = text.str();
        const auto swap = [&json](const std::string& from, const std::string& to) {
            const auto at = json.find(from);
            ASSERT_NE(at, std::string::npos) << from;
            json.replace(at, from.size(), to);
        };
        swap("\"reps_per_leg\": 3", "\"reps_per_leg\": 1");
        swap("\"count_in_s\": 3", "\"count_in_s\": 1");
        swap("\"hold_target_s\": 10", "\"hold_target_s\": 2");
        std::ofstream(levels / "tower-1.json") << json;
    }
    const std::string script = R"(
wait_scene title
key Down
key Return
wait_scene practice
wait 0.3
screenshot practice.bmp
wait_probe unit >= MIN 2
key Escape
wait_scene title
key Up
key Return
wait_scene weigh_in
wait 0.3
screenshot weigh_in.bmp
wait_probe unit >= MIN 2
key Return
wait_scene levels
wait 0.3
screenshot levels.bmp
wait_probe unit >= MIN 2
key Return
wait_scene play
key a
key d
wait_scene results 30
wait 0.6
screenshot results.bmp
wait_probe unit >= MIN 2
key Return
wait_scene progress
wait 0.3
screenshot progress.bmp
wait_probe unit >= MIN 2
quit
)";
    const std::string args = "--player Kim --levels '" + levels.string() + "' --data-dir '" + HIGHSTEP_SOURCE_DIR + "'";
    // 640 is the narrowest window the game opens.
    for (const auto& [w, h] : {std::pair{700, 1100}, std::pair{640, 1000}}) {
        SCOPED_TRACE(std::to_string(w) + "x" + std::to_string(h));
        screen_ = "1920x1200";
        window_ = std::to_string(w) + "x" + std::to_string(h);
        // At least 1.5 times the 16:9 design's scale in the window (0.55 at 700 wide).
        std::string s = script;
        const std::string min = std::to_string(1.5 * w / 1280.0);
        for (auto at = s.find("MIN"); at != std::string::npos; at = s.find("MIN")) s.replace(at, 3, min);
        fs::remove(dir_ / "test.db");
        ASSERT_EQ(run(s, args), 0) << err_;
        for (const char* name : {"practice", "weigh_in", "levels", "results", "progress"}) {
            SCOPED_TRACE(name);
            Shot shot_of(shot(name));
            ASSERT_TRUE(shot_of.ok());
            // Panels in the top quarter (under the heading) and in the bottom quarter
            // (above the key hints); the design's band was 0.32..0.68 of the height.
            EXPECT_GT(shot_of.count(palette::panel, 0, h / 8, w, h / 4), 2000);
            EXPECT_GT(shot_of.count(palette::panel, 0, h * 3 / 4, w, h - h / 16), 2000);
        }
    }
}

