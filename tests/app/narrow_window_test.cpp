// Menus in windows narrower than 16:9, drawn in-process: in a 4:3 window the menus
// laid out in a column are drawn larger (at 800x600 they were the 16:9 design fitted
// to the width, 0.625 px per unit, the entries' small print 7 px tall), and the
// title's storage notice stays whole inside a narrow window (at 700x1100 the larger
// title put it off the left edge).
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "app_harness.h"
#include "offscreen.h"
#include "scenes/challenge_scenes.h"
#include "scenes/scenes.h"

namespace highstep::app {
namespace {

using testing::AppHarness;
using testing::Offscreen;

using SceneMaker = std::function<std::unique_ptr<Scene>(AppContext&)>;

const std::vector<std::pair<std::string, SceneMaker>>& column_menus() {
    static const std::vector<std::pair<std::string, SceneMaker>> menus = {
        {"title", [](AppContext& c) { return make_title_scene(c); }},
        {"players", [](AppContext& c) { return make_player_scene(c); }},
        {"new_player", [](AppContext& c) { return make_new_player_scene(c); }},
        {"challenges", [](AppContext& c) { return make_challenge_list_scene(c); }}};
    return menus;
}

TEST(NarrowWindow, ColumnMenusInA4By3WindowAreDrawnLarger) {
    for (const auto& [w, h] : {std::pair{800, 600}, std::pair{1024, 768}}) {
        for (const auto& [name, make] : column_menus()) {
            SCOPED_TRACE(name + " at " + std::to_string(w) + "x" + std::to_string(h));
            AppHarness harness;
            Offscreen s(w, h);
            make(harness.ctx())->draw(s.gfx(), 0.0);
            // The design's full height fits: 600 / 720 and 768 / 720 px per unit.
            EXPECT_FLOAT_EQ(s.gfx().unit(), static_cast<float>(h) / 720.0f);
            EXPECT_GE(s.gfx().unit(), 1.3f * s.gfx().window_unit());
        }
    }
    // A 16:9 or wider window is drawn as before.
    for (const auto& [w, h] : {std::pair{1280, 720}, std::pair{1600, 500}}) {
        AppHarness harness;
        Offscreen s(w, h);
        make_title_scene(harness.ctx())->draw(s.gfx(), 0.0);
        EXPECT_FLOAT_EQ(s.gfx().unit(), s.gfx().window_unit()) << w << "x" << h;
    }
}

// The title's storage notice ("Results will not be kept", its red bar down the left
// side) lies inside the window, clear of its edges.
TEST(NarrowWindow, TheTitlesStorageNoticeIsWholeInsideTheWindow) {
    const std::uint32_t red = (std::uint32_t{palette::warning.r} << 16) | (std::uint32_t{palette::warning.g} << 8) |
                              palette::warning.b;
    for (const auto& [w, h] : {std::pair{700, 1100}, std::pair{640, 1000}, std::pair{800, 600}, std::pair{1280, 720}}) {
        SCOPED_TRACE(std::to_string(w) + "x" + std::to_string(h));
        AppHarness harness;
        harness.ctx().storage.problem = store::StorageProblem::read_only;
        harness.ctx().storage.what = "The database file is read-only.";
        harness.ctx().storage.fix = "Make it (and its folder) writable, then start HighStep again.";
        Offscreen s(w, h);
        make_title_scene(harness.ctx())->draw(s.gfx(), 0.0);
        s.present();
        int tallest_column = 0, at_edge = 0;
        for (int x = 0; x < w; ++x) {
            int column = 0;
            for (int y = 0; y < h; ++y) column += s.pixel(x, y) == red;
            tallest_column = std::max(tallest_column, column);
            if (x < 4 || x >= w - 4) at_edge += column;
        }
        EXPECT_GT(tallest_column, 40) << "the notice's red bar is in the window";
        EXPECT_EQ(at_edge, 0) << "the notice runs to the window's edge";
    }
}

}  // namespace
}  // namespace highstep::app
