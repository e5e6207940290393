// The small "lean / step" board in a menu's bottom-right corner, drawn in-process
// with the menus that show it at several window sizes: no panel of the screen lies
// under it or its words (the level's card on level select ran under its top-left
// corner at 1280x720, and a broken level file's red line ran under it).
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
    // A broken level file's message, as long as a real one, under level select's card.
    harness.ctx().level_problems = {
        "/home/someone/levels/zz-a-very-long-file-name-for-a-broken-level.json: not valid JSON: parse error at line 2, "
        "column 1: syntax error while parsing object - unexpected end of input; expected '}'"};
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
        // Nor the red line of the broken level (reddish pixels: red well above green).
        int red = 0;
        for (int y = std::max(0, y0); y < std::min(h, y1); ++y)
            for (int x = std::max(0, x0); x < std::min(w, x1); ++x) {
                const std::uint32_t p = s.pixel(x, y);
                red += static_cast<int>((p >> 16) & 0xFF) > static_cast<int>((p >> 8) & 0xFF) + 60;
            }
        EXPECT_EQ(red, 0) << "the broken level's words under the badge at " << w << "x" << h;
    }
}

INSTANTIATE_TEST_SUITE_P(Sizes, BadgePlace,
                         ::testing::Values(std::pair{1280, 720}, std::pair{1920, 1080}, std::pair{800, 600},
                                           std::pair{1600, 500}, std::pair{700, 1100}));

}  // namespace
}  // namespace highstep::app
