// Toasts drawn in-process at several window sizes over a black frame: in play they
// keep off the level's label under the top panels (two two-line toasts stacked down
// between the panels reached the top of "Ledge 0 / 24" at 1280x720), and in the
// stacked HUD of a portrait window off the label and the coach's line; in menus they
// keep off the screen's heading and the board badge in the corner; on the title, above
// its logo.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "app_harness.h"
#include "hud.h"
#include "offscreen.h"
#include "widgets.h"
#include "world_draw.h"

namespace highstep::app {
namespace {

using testing::AppHarness;
using testing::Offscreen;

// Pixels in r (clipped to the frame) that are not the black they were cleared to.
int drawn_in(const Offscreen& s, const SDL_FRect& r, int w, int h) {
    int n = 0;
    for (int y = std::max(0, static_cast<int>(r.y)); y < std::min(h, static_cast<int>(r.y + r.h)); ++y)
        for (int x = std::max(0, static_cast<int>(r.x)); x < std::min(w, static_cast<int>(r.x + r.w)); ++x)
            n += s.pixel(x, y) != 0;
    return n;
}

class ToastPlaceTest : public ::testing::TestWithParam<std::pair<int, int>> {
protected:
    // Two toasts, each too long for one line between the top panels.
    void two_long_toasts() {
        h_.ctx().now_s = 10.0;
        h_.ctx().toast("No board found: playing with the simulated board");
        h_.ctx().toast("Skipped the board check: your weight is measured as you play");
        h_.ctx().now_s = 10.5;
    }
    AppHarness h_;
};

TEST_P(ToastPlaceTest, InPlayTheyLeaveTheLevelsLabelAndTheCoachFree) {
    const auto [w, h] = GetParam();
    Offscreen s(w, h);
    s.gfx().clear(Color{0, 0, 0, 255});
    two_long_toasts();
    draw_toasts(s.gfx(), h_.ctx(), ToastArea::play);
    s.present();
    std::filesystem::create_directories(HIGHSTEP_SHOT_DIR);
    SDL_SaveBMP(s.surface(), (std::filesystem::path(HIGHSTEP_SHOT_DIR) /
                              ("toasts-play-" + std::to_string(w) + "x" + std::to_string(h) + ".bmp"))
                                 .c_str());
    EXPECT_GT(drawn_in(s, {0, 0, static_cast<float>(w), static_cast<float>(h)}, w, h), 3000) << "a toast is shown";
    const HudScale scale(s.gfx());  // the label and the coach are drawn at the HUD's scale
    Gfx& gfx = s.gfx();
    // The label's box across the width it could take (a long Sprint Start label).
    SDL_FRect label = world_label_rect(gfx, core::LevelType::hill_climb, gfx.u(560));
    EXPECT_EQ(drawn_in(s, label, w, h), 0) << "over the level's label";
    if (hud_stacked(gfx)) {
        // The coach's line under the label (and the tower's label at the left).
        const float below = world_label_bottom_px(gfx, core::LevelType::balance_tower);
        EXPECT_EQ(drawn_in(s, {0, below, static_cast<float>(w), gfx.u(56)}, w, h), 0) << "over the coach's line";
    }
}

TEST_P(ToastPlaceTest, InMenusTheyLeaveTheHeadingFree) {
    const auto [w, h] = GetParam();
    Offscreen s(w, h);
    s.gfx().clear(Color{0, 0, 0, 255});
    two_long_toasts();
    for (int i = 0; i < 3; ++i) h_.ctx().toast("Settings saved for a player with a very long name indeed");
    s.gfx().fit_design_width(560);  // as the player list does: a portrait window's larger scale
    draw_toasts(s.gfx(), h_.ctx(), ToastArea::menu);
    s.present();
    EXPECT_GT(drawn_in(s, {0, 0, static_cast<float>(w), static_cast<float>(h)}, w, h), 3000) << "a toast is shown";
    EXPECT_EQ(drawn_in(s, {0, 0, static_cast<float>(w), s.gfx().dy(140)}, w, h), 0) << "over the heading";
    // The board badge and its words in the bottom-right corner (draw_board_badge).
    const float u = s.gfx().unit();
    EXPECT_EQ(drawn_in(s, {static_cast<float>(w) - 150 * u, static_cast<float>(h) - 142 * u, 130 * u, 94 * u}, w, h), 0)
        << "over the board badge";
}

// The title's menu and its player line fill the window down to the key hints: a toast
// above the hints covered the Quit entry and "No player chosen yet · Simulated board" on a
// stranger's first screen. There they go above the logo, one at a time where only one fits.
TEST_P(ToastPlaceTest, OnTheTitleTheyLeaveTheLogoTheMenuAndThePlayerLineFree) {
    const auto [w, h] = GetParam();
    Offscreen s(w, h);
    s.gfx().clear(Color{0, 0, 0, 255});
    two_long_toasts();
    s.gfx().fit_design_width(760);  // as the title does
    draw_toasts(s.gfx(), h_.ctx(), ToastArea::title);
    s.present();
    EXPECT_GT(drawn_in(s, {0, 0, static_cast<float>(w), static_cast<float>(h)}, w, h), 3000) << "a toast is shown";
    const float logo_top = s.gfx().dy(50);
    EXPECT_EQ(drawn_in(s, {0, logo_top, static_cast<float>(w), static_cast<float>(h) - logo_top}, w, h), 0)
        << "over the logo, the menu or the player line";
}

INSTANTIATE_TEST_SUITE_P(Sizes, ToastPlaceTest,
                         ::testing::Values(std::pair{1280, 720}, std::pair{1920, 1080}, std::pair{800, 600},
                                           std::pair{1600, 500}, std::pair{700, 1100}, std::pair{640, 1000}));

}  // namespace
}  // namespace highstep::app
