// The small "lean / step" board in a menu's bottom-right corner, drawn in-process
// with the menus that show it at several window sizes: no panel of the screen lies
// under it or its words (the level's card on level select ran under its top-left
// corner at 1280x720).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "app_harness.h"
#include "highstep/core/level/level_file.h"
#include "offscreen.h"
#include "scenes/challenge_scenes.h"
#include "scenes/scenes.h"

namespace highstep::app {
namespace {

using testing::AppHarness;
using testing::Offscreen;

class BadgePlace : public ::testing::TestWithParam<std::pair<int, int>> {};

TEST_P(BadgePlace, NoPanelLiesUnderTheBoardBadge) {
    const auto [w, h] = GetParam();
    AppHarness harness;
    harness.ctx().levels = core::load_level_directory(std::filesystem::path(HIGHSTEP_SOURCE_DIR) / "levels").levels;
    for (const auto& [name, make] : std::vector<std::pair<std::string, std::function<std::unique_ptr<Scene>()>>>{
             {"levels", [&] { return make_level_select_scene(harness.ctx()); }},
             {"title", [&] { return make_title_scene(harness.ctx()); }},
             {"challenges", [&] { return make_challenge_list_scene(harness.ctx()); }}}) {
        SCOPED_TRACE(name);
        Offscreen s(w, h);
        std::unique_ptr<Scene> scene = make();
        scene->draw(s.gfx(), 0.0);
        s.present();
        // The badge with its words above it, in the window's unit (draw_board_badge).
        const float u = s.gfx().unit();
        const int x0 = static_cast<int>(static_cast<float>(w) - 150 * u), y0 = static_cast<int>(static_cast<float>(h) - 142 * u);
        const int x1 = static_cast<int>(static_cast<float>(w) - 20 * u), y1 = static_cast<int>(static_cast<float>(h) - 48 * u);
        int under = 0;
        const std::uint32_t panel = (std::uint32_t{palette::panel.r} << 16) | (std::uint32_t{palette::panel.g} << 8) | palette::panel.b;
        for (int y = std::max(0, y0); y < std::min(h, y1); ++y)
            for (int x = std::max(0, x0); x < std::min(w, x1); ++x) under += s.pixel(x, y) == panel;
        EXPECT_EQ(under, 0) << "pixels of a panel under the badge at " << w << "x" << h;
    }
}

INSTANTIATE_TEST_SUITE_P(Sizes, BadgePlace,
                         ::testing::Values(std::pair{1280, 720}, std::pair{1920, 1080}, std::pair{800, 600},
                                           std::pair{1600, 500}, std::pair{700, 1100}));

}  // namespace
}  // namespace highstep::app
