// The Balance Tower drawn at several window sizes: its blocks stay between the level's
// label under the top panels and the metronome panel at the bottom (the "Tower
// complete!" banner covered the top block at 1280x720, and at 1600x500 the top block
// was cut off at the window's edge). The frames are kept in the screen-test folder.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "highstep/core/level/level_file.h"
#include "highstep/core/world/world.h"
#include "offscreen.h"
#include "palette.h"
#include "world_draw.h"

namespace highstep::app {
namespace {

using testing::Offscreen;

class TowerView : public ::testing::TestWithParam<std::pair<int, int>> {};

TEST_P(TowerView, TheWholeTowerStaysBetweenTheLabelAndTheMetronome) {
    const auto [w, h] = GetParam();
    const core::Level level =
        core::load_level_file(std::filesystem::path(HIGHSTEP_SOURCE_DIR) / "levels" / "tower-1.json");
    const auto world = core::make_world(level, 6, 2.0);
    for (int i = 0; i < 120; ++i) world->step(1.0 / 60.0);  // the blocks settle on the platform
    const core::WorldView view = world->view();

    Offscreen s(w, h);
    s.gfx().clear(palette::background);
    draw_world(s.gfx(), view, view, 1.0, level.type, 2.0, "");
    s.present();
    std::filesystem::create_directories(HIGHSTEP_SHOT_DIR);
    SDL_SaveBMP(s.surface(), (std::filesystem::path(HIGHSTEP_SHOT_DIR) /
                              ("tower-" + std::to_string(w) + "x" + std::to_string(h) + ".bmp"))
                                 .c_str());
    // The crates' dark outline colour, counted above, inside and below the band.
    const Color edge = mix(palette::wood, palette::text_dark, 0.3);
    const std::uint32_t want = (std::uint32_t{edge.r} << 16) | (std::uint32_t{edge.g} << 8) | edge.b;
    const float unit = std::min(w / 1280.0f, h / 720.0f);
    const int top = static_cast<int>(192 * unit), bottom = h - static_cast<int>(128 * unit);
    int above = 0, inside = 0, below = 0;
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            if (s.pixel(x, y) != want) continue;
            (y < top ? above : y >= bottom ? below : inside) += 1;
        }
    }
    EXPECT_GT(inside, 200) << "the tower is drawn";
    EXPECT_EQ(above, 0) << "blocks up under the top panels and the banner";
    EXPECT_EQ(below, 0) << "the tower down behind the metronome";

    // Its label ("Tilt +0.0°  ·  4 / 4 on the platform", about 330 design px) inside the window.
    const SDL_FRect label = world_label_rect(s.gfx(), level.type, 330 * unit);
    EXPECT_GE(label.x, 0.0f);
    EXPECT_LE(label.x + label.w, static_cast<float>(w));
}

INSTANTIATE_TEST_SUITE_P(Windows, TowerView,
                         ::testing::Values(std::pair{1280, 720}, std::pair{1600, 500}, std::pair{800, 600},
                                           std::pair{700, 1100}, std::pair{1920, 1080}),
                         [](const auto& info) {
                             return std::to_string(info.param.first) + "x" + std::to_string(info.param.second);
                         });

}  // namespace
}  // namespace highstep::app
