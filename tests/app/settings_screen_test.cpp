// The player settings screen in the real program under Xvfb: opened from the
// player list with →, the offset and the board changed with the arrow keys,
// saved, and read back from the database the game wrote. Screenshots are
// checked for the offset time line and the turned board.
#include <gtest/gtest.h>

#include "highstep/store/database.h"
#include "highstep/store/players.h"
#include "highstep/store/session_log.h"
#include "screen_fixture.h"

namespace highstep::app {
namespace {

using testing::ScreenTest;
using testing::Shot;

class SettingsScreen : public ScreenTest {
protected:
    // Alice, who played once: auto-sync suggested +37 ms.
    void seed() {
        store::Database db(dir_ / "test.db");
        store::Player p;
        p.name = "Alice";
        alice_ = store::add_player(db, p);
        store::SessionStart start;
        start.player_id = alice_;
        start.level_id = "hill-2";
        start.level_title = "Hill Climb 2";
        store::SessionLog log(db, start);
        store::SessionResult r;
        r.score = 700;
        r.grade = "A";
        r.result_json = R"({"tempo": {"input_offset_ms": 0, "suggested_offset_ms": 37.0}})";
        log.finish(r);
    }
    std::int64_t alice_ = 0;
};

TEST_F(SettingsScreen, OffsetAndBoardAreChangedOnScreenAndSaved) {
    seed();
    const std::string script = R"(
wait 0.3
key Return
wait_scene players
key Right
wait_scene player_settings
key Right
key Right
key Right
key Right
key Right
key Right
key Right
wait_probe offset_ms == 35 2
wait 0.3
screenshot offset.bmp
key Down
key Down
key Down
key Right
wait_probe rotated == 1 2
wait 0.3
screenshot board.bmp
key Down
key Left
key Down
key Down
key Down
key Down
wait_probe row == 8 2
wait 0.3
screenshot save.bmp
key Return
wait_scene players
wait 0.3
screenshot players.bmp
quit
)";
    ASSERT_EQ(run(script), 0) << err_;
    Shot offset(shot("offset")), board(shot("board")), save(shot("save"));
    ASSERT_TRUE(offset.ok() && board.ok() && save.ok());
    // The offset panel: the gold beat line on the time line.
    EXPECT_GT(offset.count(palette::perfect, 750, 300, 1200, 460), 200);
    // The board panel: both feet, and the board's front (orange) behind the heels
    // (bottom edge), not at the toes (top edge).
    EXPECT_GT(board.count(palette::left_leg, 825, 260, 1125, 420), 1500);
    EXPECT_GT(board.count(palette::right_leg, 825, 260, 1125, 420), 1500);
    EXPECT_GT(board.count(palette::action, 825, 406, 1125, 426), 600);
    EXPECT_LT(board.count(palette::action, 825, 254, 1125, 274), 50);
    // Save's summary shows the changes in gold.
    EXPECT_GT(save.count(palette::perfect, 750, 200, 1200, 340), 300);

    store::Database db(dir_ / "test.db");
    const auto a = store::get_player(db, alice_);
    ASSERT_TRUE(a);
    EXPECT_DOUBLE_EQ(a->input_offset_ms, 35.0);
    EXPECT_TRUE(a->board_rotated_180);
    EXPECT_EQ(a->dominant_leg, store::Leg::left);
}

}  // namespace
}  // namespace highstep::app
