// The player settings screen, in-process with a real database: opened from the
// player list with →, values changed with ←→, saved through the store on Save,
// and nothing written on Cancel or back.
#include <gtest/gtest.h>

#include "app_harness.h"
#include "highstep/store/players.h"
#include "highstep/store/session_log.h"
#include "highstep/store/sound_settings.h"
#include "highstep/synth/simulated_board.h"
#include "scenes/scenes.h"

namespace highstep::app {
namespace {

using testing::AppHarness;

// Row order on the settings screen (see player_settings_scene.cpp).
constexpr int kOffset = 0, kAutoSync = 1, kReset = 2, kBoard = 3, kLeg = 4, kMusic = 5, kEffects = 6, kMute = 7,
              kSave = 8, kCancel = 9;

class PlayerSettings : public ::testing::Test {
protected:
    PlayerSettings() {
        store::Player p;
        p.name = "Alice";
        p.dominant_leg = store::Leg::right;
        alice_ = store::add_player(h_.db(), p);
        p.name = "Bob";
        bob_ = store::add_player(h_.db(), p);
        h_.open(make_player_scene(h_.ctx()));
    }
    store::Player stored(std::int64_t id) { return *store::get_player(h_.db(), id); }
    // From the player list (Alice first, by name) into `who`'s settings.
    void open_settings(int index) {
        h_.act(Action::down, index);
        h_.act(Action::right);
        ASSERT_EQ(h_.top(), "player_settings");
    }
    void go_to_row(int row) {
        while (std::stoi(h_.probe("row")) != row) h_.act(Action::down);
    }

    AppHarness h_;
    std::int64_t alice_ = 0, bob_ = 0;
};

TEST_F(PlayerSettings, RightOpensTheSelectedPlayersSettingsAndSaveStoresThem) {
    open_settings(1);  // Bob
    h_.act(Action::right, 7);
    EXPECT_EQ(h_.probe("offset_ms"), "35");
    h_.act(Action::left);
    EXPECT_EQ(h_.probe("offset_ms"), "30");
    go_to_row(kBoard);
    h_.act(Action::right);
    EXPECT_EQ(h_.probe("rotated"), "1");
    go_to_row(kLeg);
    h_.act(Action::left);
    EXPECT_EQ(h_.probe("leg"), "left");
    EXPECT_DOUBLE_EQ(stored(bob_).input_offset_ms, 0.0) << "nothing is written before Save";
    go_to_row(kSave);
    h_.act(Action::confirm);
    EXPECT_EQ(h_.top(), "players");
    const store::Player b = stored(bob_);
    EXPECT_DOUBLE_EQ(b.input_offset_ms, 30.0);
    EXPECT_TRUE(b.board_rotated_180);
    EXPECT_EQ(b.dominant_leg, store::Leg::left);
    const store::Player a = stored(alice_);
    EXPECT_DOUBLE_EQ(a.input_offset_ms, 0.0) << "only the chosen player changes";
    EXPECT_FALSE(a.board_rotated_180);
}

TEST_F(PlayerSettings, SoundIsStoredPerPlayerOnSave) {
    open_settings(1);  // Bob
    EXPECT_EQ(h_.probe("music"), "70") << "the default music volume";
    go_to_row(kMusic);
    h_.act(Action::left, 2);
    EXPECT_EQ(h_.probe("music"), "50");
    go_to_row(kEffects);
    h_.act(Action::left, 20);
    EXPECT_EQ(h_.probe("effects"), "0") << "stops at 0";
    go_to_row(kMute);
    h_.act(Action::confirm);
    EXPECT_EQ(h_.probe("muted"), "1");
    EXPECT_DOUBLE_EQ(store::sound_settings(h_.db(), bob_).music_volume, 0.7) << "nothing is written before Save";
    go_to_row(kSave);
    h_.act(Action::confirm);
    const store::SoundSettings b = store::sound_settings(h_.db(), bob_);
    EXPECT_NEAR(b.music_volume, 0.5, 1e-6);
    EXPECT_NEAR(b.effects_volume, 0.0, 1e-6);
    EXPECT_TRUE(b.muted);
    const store::SoundSettings a = store::sound_settings(h_.db(), alice_);
    EXPECT_NEAR(a.music_volume, 0.7, 1e-6) << "only the chosen player changes";
    EXPECT_FALSE(a.muted);
    store::delete_player(h_.db(), bob_);
    EXPECT_FALSE(store::sound_settings(h_.db(), bob_).muted) << "deleted with the player";
}

TEST_F(PlayerSettings, CancelAndBackLeaveTheStoredPlayerUnchanged) {
    open_settings(0);
    h_.act(Action::left, 4);
    go_to_row(kBoard);
    h_.act(Action::confirm);  // a two-way row flips on confirm too
    EXPECT_EQ(h_.probe("rotated"), "1");
    go_to_row(kCancel);
    h_.act(Action::confirm);
    EXPECT_EQ(h_.top(), "players");
    h_.act(Action::right);
    ASSERT_EQ(h_.top(), "player_settings");
    EXPECT_EQ(h_.probe("offset_ms"), "0") << "reopened from the store, not the abandoned edit";
    h_.act(Action::right, 3);
    h_.act(Action::back);
    EXPECT_EQ(h_.top(), "players");
    const store::Player a = stored(alice_);
    EXPECT_DOUBLE_EQ(a.input_offset_ms, 0.0);
    EXPECT_FALSE(a.board_rotated_180);
}

TEST_F(PlayerSettings, OffsetStopsAtTheLimitsTheStoreAcceptsAndSaves) {
    open_settings(0);
    h_.act(Action::right, 150);
    EXPECT_EQ(h_.probe("offset_ms"), "500");
    go_to_row(kSave);
    h_.act(Action::confirm);
    EXPECT_DOUBLE_EQ(stored(alice_).input_offset_ms, 500.0);
    h_.act(Action::right);
    h_.act(Action::left, 250);
    EXPECT_EQ(h_.probe("offset_ms"), "-500");
    go_to_row(kReset);
    h_.act(Action::confirm);
    EXPECT_EQ(h_.probe("offset_ms"), "0");
}

TEST_F(PlayerSettings, TheLastAutoSyncValueIsOfferedAndTaken) {
    // A finished session in which auto-sync suggested +37 ms (as the game stores it).
    store::SessionStart start;
    start.player_id = alice_;
    start.level_id = "hill-2";
    start.level_title = "Hill Climb 2";
    store::SessionLog log(h_.db(), start);
    store::SessionResult r;
    r.score = 700;
    r.grade = "A";
    r.result_json = R"({"tempo": {"input_offset_ms": 0, "suggested_offset_ms": 37.2}})";
    log.finish(r);

    open_settings(0);
    EXPECT_EQ(h_.probe("auto_sync"), "37");
    go_to_row(kAutoSync);
    EXPECT_EQ(h_.probe("row"), std::to_string(kAutoSync)) << "the auto-sync row is enabled";
    h_.act(Action::confirm);
    EXPECT_EQ(h_.probe("offset_ms"), "37");
    go_to_row(kOffset);
    h_.act(Action::right);
    EXPECT_EQ(h_.probe("offset_ms"), "40") << "5 ms steps go back onto the grid";
    go_to_row(kSave);
    h_.act(Action::confirm);
    EXPECT_DOUBLE_EQ(stored(alice_).input_offset_ms, 40.0);
}

TEST_F(PlayerSettings, WithoutAutoSyncItsRowIsSkipped) {
    open_settings(0);
    EXPECT_EQ(h_.probe("auto_sync"), "");
    h_.act(Action::down);
    EXPECT_EQ(h_.probe("row"), std::to_string(kBoard)) << "auto-sync and reset (offset 0) are disabled";
}

TEST_F(PlayerSettings, SavingThePlayerAtTheBoardTurnsTheBoardForMenusAndPlay) {
    // Alice chosen to play (Enter on her name), then her settings changed.
    h_.act(Action::confirm);
    ASSERT_TRUE(h_.ctx().player);
    // Her board check this run (normal orientation): tare and feet.
    h_.ctx().player->tare_kg = std::array<float, 4>{0.1f, 0.2f, 0.3f, 0.4f};
    h_.ctx().player->left_foot_x_mm = 95.0;  // looked like the right: the board was turned
    h_.ctx().player->right_foot_x_mm = -105.0;
    h_.scenes().replace(make_player_scene(h_.ctx()));
    h_.scenes().apply_pending();
    h_.act(Action::right);
    go_to_row(kBoard);
    h_.act(Action::right);
    go_to_row(kSave);
    h_.act(Action::confirm);
    EXPECT_TRUE(h_.ctx().player->player.board_rotated_180);
    EXPECT_TRUE(h_.board().rotated_180());
    // What the weigh-in measured in the old frame follows: tare swapped, feet mirrored.
    const PlayerProfile& p = *h_.ctx().player;
    ASSERT_TRUE(p.tare_kg && p.left_foot_x_mm && p.right_foot_x_mm);
    EXPECT_FLOAT_EQ((*p.tare_kg)[0], 0.4f);
    EXPECT_FLOAT_EQ((*p.tare_kg)[3], 0.1f);
    EXPECT_DOUBLE_EQ(*p.left_foot_x_mm, -95.0);
    EXPECT_DOUBLE_EQ(*p.right_foot_x_mm, 105.0);
    // Choosing Bob (board normal) turns it back.
    h_.act(Action::down);
    h_.act(Action::confirm);
    EXPECT_EQ(h_.ctx().player->player.name, "Bob");
    EXPECT_FALSE(h_.board().rotated_180());
}

TEST_F(PlayerSettings, TheBoardItselfWorksTheScreen) {
    // Standing on the simulated board: lean right to raise the offset, lift a foot
    // and put it down to choose. (Rows also move by leaning forward/back, 45 mm; the
    // simulated board's full shift front/back is only ~33 mm, so not here.)
    open_settings(0);
    synth::SimControls c;
    c.left_foot_on = c.right_foot_on = true;
    auto hold = [&](double seconds) {
        h_.sim()->set_controls(c);
        for (double t = 0; t < seconds; t += 1.0 / 60.0) h_.frame();
    };
    hold(3.0);  // on the board, centred: the board's menus arm
    EXPECT_EQ(h_.probe("offset_ms"), "0");
    c.shift_x = 1.0;
    hold(1.0);
    const int leaned = std::stoi(h_.probe("offset_ms"));
    EXPECT_GE(leaned, 5) << "a held lean right raises the offset";
    EXPECT_LE(leaned, 10) << "once, then repeats slowly (0.7 s)";
    c.shift_x = 0.0;
    hold(1.0);
    EXPECT_EQ(std::stoi(h_.probe("offset_ms")), leaned) << "back in the centre nothing moves";
    auto step = [&] {  // a foot lifted and put down again
        c.left_foot_on = false;
        hold(0.6);
        c.left_foot_on = true;
        hold(1.0);
    };
    step();  // on the offset row a choice goes on to the next row
    ASSERT_EQ(h_.probe("row"), std::to_string(kReset)) << "auto-sync has nothing: reset is next";
    step();  // "Reset offset to 0"
    EXPECT_EQ(h_.probe("offset_ms"), "0");
}

}  // namespace
}  // namespace highstep::app
