// The board check with a real board reader (over the fake HIDAPI) whose board is
// pulled mid-stage: the screen says to reconnect, its stage starts again when the
// board is back, and no tare or weight joins readings from both sides of the gap.
// The frame drawn while the board is out is kept in the screen-test folder.
#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <thread>

#include "../hid/fake_boards.h"
#include "app_harness.h"
#include "offscreen.h"
#include "palette.h"
#include "scenes/scenes.h"

namespace highstep::app {
namespace {

using hid::test::plug_board;
using hid::test::quick_settings;
using hid::test::round_calibration;
using hid::test::wait_until;
using hid::test::wii_candidate;
using testing::AppHarness;
using testing::Offscreen;

constexpr const char* kSerial = "00:24:44:DC:0B:25";
const std::wstring kSerialW = L"00:24:44:DC:0B:25";

// Raw counts of round_calibration() for `kg` on each sensor (TR, BR, TL, BL).
std::array<std::uint16_t, 4> counts_of(double kg_each) {
    std::array<std::uint16_t, 4> c{};
    for (int s = 0; s < 4; ++s) c[s] = static_cast<std::uint16_t>(1000 * (s + 1) + kg_each * 100.0);
    return c;
}

class WeighInBoardLost : public ::testing::Test {
protected:
    // `seconds` of game time at 60 frames a second, the board sending one report
    // before each frame. A report the reader thread has not passed on yet is
    // simply read by a later frame, as in the game.
    void play(AppHarness& app, double kg_each, double seconds) {
        for (double t = 0; t < seconds; t += 1.0 / 60.0) {
            board_->send_data(counts_of(kg_each));
            std::this_thread::sleep_for(std::chrono::milliseconds(3));
            app.frame();
        }
    }

    hid::test::FakeSystemGuard guard_;
    std::shared_ptr<fake_hid::FakeWiiBoard> board_ = plug_board("fake/hidraw0", round_calibration(), kSerialW);
};

TEST_F(WeighInBoardLost, TheCheckSaysToReconnectAndItsStepStartsAgain) {
    AppHarness app([](auto) -> std::unique_ptr<SampleSource> {
        return hid::BoardReader::open(wii_candidate("fake/hidraw0", kSerial), quick_settings());
    });
    app.open(make_weigh_in_scene(app.ctx()));
    ASSERT_EQ(app.top(), "weigh_in");

    // An empty board for 1 s of the 1.5 s the tare needs.
    play(app, 0.4, 1.0);
    ASSERT_EQ(app.probe("stage"), "0");
    EXPECT_EQ(app.probe("board_lost"), "0");
    EXPECT_GT(std::stod(app.probe("progress")), 0.4);

    fake_hid::unplug("fake/hidraw0");
    ASSERT_TRUE(wait_until([&] { return app.board().state() == SourceState::lost; }));
    for (int i = 0; i < 6; ++i) app.frame();
    EXPECT_EQ(app.probe("board_lost"), "1");
    EXPECT_EQ(app.probe("stage"), "0");
    EXPECT_EQ(std::stod(app.probe("progress")), 0.0);

    // Drawn: the red "Reconnect your board" title in its panel (design 340-940, 265-315).
    Offscreen screen(1280, 720);
    app.scenes().top()->draw(screen.gfx(), 0.0);
    screen.present();
    std::filesystem::create_directories(HIGHSTEP_SHOT_DIR);
    SDL_SaveBMP(screen.surface(), (std::filesystem::path(HIGHSTEP_SHOT_DIR) / "weigh-in-board-lost.bmp").c_str());
    const std::uint32_t red = (std::uint32_t{palette::warning.r} << 16) | (std::uint32_t{palette::warning.g} << 8) |
                              palette::warning.b;
    int red_pixels = 0;
    for (int y = 265; y < 315; ++y)
        for (int x = 340; x < 940; ++x) red_pixels += screen.pixel(x, y) == red;
    EXPECT_GT(red_pixels, 3000);

    // Back on another hidraw node. Half a second of readings is not the 1.5 s the
    // tare needs: the second before the loss does not count with them.
    board_ = plug_board("fake/hidraw7", round_calibration(), kSerialW);
    ASSERT_TRUE(wait_until([&] { return app.board().state() == SourceState::running; }));
    play(app, 0.4, 0.5);
    EXPECT_EQ(app.probe("board_lost"), "0");
    EXPECT_EQ(app.probe("stage"), "0") << "tared from readings on both sides of the loss";

    // The whole 1.5 s after the return zeroes the board, and the check goes on.
    play(app, 0.4, 1.4);
    EXPECT_EQ(app.probe("stage"), "1");
}

}  // namespace
}  // namespace highstep::app
