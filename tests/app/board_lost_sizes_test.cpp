// The "Reconnect your board" pause at other window sizes (4:3 800x600 and full
// HD 1920x1080), drawn into memory: the panel, its red title and the line saying
// how to reach the pause menu without the board land where the scaled layout puts
// them. The frames are kept in the screen-test folder to look at.
#include <gtest/gtest.h>

#include <filesystem>

#include "highstep/core/level/level_file.h"
#include "hud.h"
#include "offscreen.h"
#include "palette.h"

namespace highstep::app {
namespace {

using testing::Offscreen;

struct Grid {  // the 1280x720 design grid in a w x h window, centred as Gfx does
    float scale, ox, oy;
    Grid(int w, int h)
        : scale(std::min(w / 1280.0f, h / 720.0f)), ox((w - 1280.0f * scale) / 2), oy((h - 720.0f * scale) / 2) {}
    int x(float dx) const { return static_cast<int>(ox + dx * scale); }
    int y(float dy) const { return static_cast<int>(oy + dy * scale); }
};

int count(const Offscreen& s, Color c, const Grid& g, float x0, float y0, float x1, float y1) {
    const std::uint32_t want = (std::uint32_t{c.r} << 16) | (std::uint32_t{c.g} << 8) | c.b;
    int n = 0;
    for (int y = g.y(y0); y < g.y(y1); ++y)
        for (int x = g.x(x0); x < g.x(x1); ++x) n += s.pixel(x, y) == want;
    return n;
}

class BoardLostSizes : public ::testing::TestWithParam<std::pair<int, int>> {};

TEST_P(BoardLostSizes, TheReconnectPanelAndTheWayOutFitTheWindow) {
    const auto [w, h] = GetParam();
    const core::Level level = core::load_level_file(std::filesystem::path(HIGHSTEP_SOURCE_DIR) / "levels/hill-1.json");
    core::HudState hud;
    hud.phase = core::Phase::active;
    hud.sets = 2;
    hud.reps_per_leg = 6;
    hud.paused_board_lost = true;
    Offscreen s(w, h);
    s.gfx().clear(palette::background);
    draw_hud(s.gfx(), hud, level, HudExtras{"Foothills", false, false, 0.0});
    s.present();
    std::filesystem::create_directories(HIGHSTEP_SHOT_DIR);
    SDL_SaveBMP(s.surface(), (std::filesystem::path(HIGHSTEP_SHOT_DIR) /
                              ("board-lost-" + std::to_string(w) + "x" + std::to_string(h) + ".bmp"))
                                 .c_str());
    const Grid g(w, h);
    const float area = g.scale * g.scale;  // pixel counts scale with the area
    // The red title in the panel's top band (design 340-940, 265-315).
    EXPECT_GT(count(s, palette::warning, g, 340, 265, 940, 315), 3000 * area);
    // The way out, dim text in the band under "searching" (design 360-920, 452-476).
    EXPECT_GT(count(s, palette::text_dim, g, 360, 452, 920, 476), 40 * area);
    // The panel itself reaches down to it (panel colour at the band's ends).
    EXPECT_GT(count(s, palette::panel, g, 345, 452, 360, 476), 100 * area);
}

INSTANTIATE_TEST_SUITE_P(Windows, BoardLostSizes,
                         ::testing::Values(std::pair{800, 600}, std::pair{1280, 720}, std::pair{1920, 1080}),
                         [](const auto& info) {
                             return std::to_string(info.param.first) + "x" + std::to_string(info.param.second);
                         });

}  // namespace
}  // namespace highstep::app
