// The stored player settings are what a level is played with: a golden
// recording played through the real play scene (in-process, paced in real time
// on the harness clock) by a player chosen on the player screen, three times —
// as stored by default, with a +50 ms input offset, and with the board turned
// round — and the reps the game wrote to the database compared.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cmath>
#include <string>
#include <vector>

#include "app_harness.h"
#include "highstep/core/level/level_file.h"
#include "highstep/input/recording.h"
#include "highstep/input/replay_source.h"
#include "highstep/store/players.h"
#include "scenes/scenes.h"

namespace highstep::app {
namespace {

using testing::AppHarness;

struct StoredRep {
    std::string kind, leg;
    double t_s = 0.0;
    double timing_error_ms = 0.0;
};

std::vector<StoredRep> stored_reps(const std::filesystem::path& db_file) {
    sqlite3* db = nullptr;
    std::vector<StoredRep> reps;
    if (sqlite3_open_v2(db_file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db, "SELECT kind, leg, t_s, timing_error_ms FROM reps ORDER BY set_index, rep_index", -1,
                               &st, nullptr) == SQLITE_OK) {
            while (sqlite3_step(st) == SQLITE_ROW) {
                reps.push_back({reinterpret_cast<const char*>(sqlite3_column_text(st, 0)),
                                reinterpret_cast<const char*>(sqlite3_column_text(st, 1)), sqlite3_column_double(st, 2),
                                sqlite3_column_double(st, 3)});
            }
        }
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return reps;
}

// Plays hill-1 on its golden recording as a stored player with these settings.
std::vector<StoredRep> play_as(double input_offset_ms, bool board_rotated_180) {
    const std::filesystem::path csv = std::filesystem::path(HIGHSTEP_TEST_DATA_DIR) / "golden/hill-1-full-program.csv";
    AppHarness h([&](std::function<double()> clock) -> std::unique_ptr<SampleSource> {
        auto recording = std::make_shared<const Recording>(read_recording(csv));
        return std::make_unique<ReplaySource>(recording, ReplaySource::Pacing::real_time, std::move(clock));
    });
    store::Player p;
    p.name = "Alice";
    p.input_offset_ms = input_offset_ms;
    p.board_rotated_180 = board_rotated_180;
    store::add_player(h.db(), p);
    // Chosen on the player screen, the way the game loads a player.
    h.open(make_player_scene(h.ctx()));
    h.act(Action::confirm);
    EXPECT_TRUE(h.ctx().player && h.ctx().player->player.name == "Alice");
    const core::Level level = core::load_level_file(std::filesystem::path(HIGHSTEP_SOURCE_DIR) / "levels/hill-1.json");
    h.scenes().reset(make_play_scene(h.ctx(), level));
    h.scenes().apply_pending();
    EXPECT_TRUE(h.run_until([&] { return h.top() == "results"; }, 240.0)) << "the level never finished";
    return stored_reps(h.dir() / "highstep.db");
}

TEST(PlaySettings, TheStoredInputOffsetAndBoardOrientationAreUsedInPlay) {
    const std::vector<StoredRep> plain = play_as(0.0, false);
    const std::vector<StoredRep> offset = play_as(50.0, false);
    const std::vector<StoredRep> turned = play_as(0.0, true);
    ASSERT_GE(plain.size(), 8u) << "the golden run's reps were stored";
    ASSERT_EQ(offset.size(), plain.size());
    ASSERT_EQ(turned.size(), plain.size());
    int left = 0;
    for (std::size_t i = 0; i < plain.size(); ++i) {
        // The offset is taken off each contact before it is judged: 50 ms earlier.
        EXPECT_NEAR(offset[i].timing_error_ms, plain[i].timing_error_ms - 50.0, 1e-6) << "rep " << i;
        EXPECT_NEAR(offset[i].t_s, plain[i].t_s, 1e-9) << "rep " << i;
        // Turned round, the board's left is the player's right.
        EXPECT_NE(turned[i].leg, plain[i].leg) << "rep " << i;
        EXPECT_EQ(turned[i].kind, plain[i].kind);
        left += plain[i].leg == "left";
    }
    EXPECT_GT(left, 0);
    EXPECT_LT(left, static_cast<int>(plain.size())) << "both legs lead in the program";
}

}  // namespace
}  // namespace highstep::app
