// Window sizes in the real program under Xvfb: a 800x600 window (4:3: the title and
// the pause menu fill its height, other screens are letterboxed top and bottom), full screen on a 1920x1080 screen (F11) and back, with the
// title and the pause menu over a level. Every pixel is painted (no black
// unpainted bands) and the screen's text lands where the scaled layout puts it.
#include <gtest/gtest.h>

#include "screen_fixture.h"

namespace highstep::app {
namespace {

using testing::ScreenTest;
using testing::Shot;

class WindowSizes : public ScreenTest {
protected:
    WindowSizes() {
        screen_ = "1920x1080";
        window_ = "800x600";
    }
    // Pixels of exactly black: what an unpainted window shows.
    static int unpainted(const Shot& s) { return s.count(Color{0, 0, 0}, 0, 0, s.s->w, s.s->h); }
    // The 1280x720 design grid scaled into a w x h window, centred (as Gfx does); for a
    // screen laid out in a column `column_w` wide, larger in a window narrower than 16:9
    // (Gfx::fit_design_width).
    struct Grid {
        float scale, ox, oy;
        Grid(int w, int h, float column_w = 0)
            : scale(fitted(w, h, column_w)), ox((w - 1280.0f * scale) / 2), oy((h - 720.0f * scale) / 2) {}
        static float fitted(int w, int h, float column_w) {
            const float window = std::min(w / 1280.0f, h / 720.0f);
            if (column_w <= 0 || w * 720 >= h * 1280) return window;
            return std::max(window, std::min(w / column_w, h / 720.0f));
        }
        int x(float dx) const { return static_cast<int>(ox + dx * scale); }
        int y(float dy) const { return static_cast<int>(oy + dy * scale); }
    };
    // Text-coloured pixels of the design box (x0, y0)-(x1, y1) in a shot.
    static int text_in(const Shot& s, float x0, float y0, float x1, float y1, float column_w = 0) {
        const Grid g(s.s->w, s.s->h, column_w);
        return s.count(palette::text, g.x(x0), g.y(y0), g.x(x1), g.y(y1));
    }
};

TEST_F(WindowSizes, SmallWindowAndFullScreenDrawTheWholeLayout) {
    const std::string script = R"(
wait 0.5
screenshot title_small.bmp
key F11
wait 1.0
screenshot title_full.bmp
key F11
wait 1.0
screenshot title_back.bmp
)" + highstep::app::testing::kTitleToFirstLevel + R"(wait 1.0
key Escape
wait_scene pause
wait 0.5
screenshot pause_small.bmp
key F11
wait 1.0
screenshot pause_full.bmp
key Escape
wait_scene play
quit
)";
    ASSERT_EQ(run(script, "--player Sam"), 0) << err_;
    Shot small(shot("title_small")), full(shot("title_full")), back(shot("title_back")), pause_small(shot("pause_small")),
        pause_full(shot("pause_full"));
    ASSERT_TRUE(small.ok() && full.ok() && back.ok() && pause_small.ok() && pause_full.ok());
    EXPECT_EQ(small.s->w, 800);
    EXPECT_EQ(small.s->h, 600);
    EXPECT_EQ(full.s->w, 1920) << "F11 fills the screen";
    EXPECT_EQ(full.s->h, 1080);
    EXPECT_EQ(back.s->w, 800) << "and F11 again gives the window back";
    EXPECT_EQ(back.s->h, 600);
    for (const Shot* s : {&small, &full, &back, &pause_small, &pause_full}) {
        EXPECT_EQ(unpainted(*s), 0) << s->s->w << "x" << s->s->h << ": every pixel painted";
        EXPECT_GT(text_in(*s, 0, 0, 1280, 720), 1000);
    }
    // The title's name ("HighStep", design x 560-1000, y 85-165; its column 760 wide) at
    // every size.
    EXPECT_GT(text_in(small, 560, 85, 1000, 165, 760), 4000);
    EXPECT_GT(text_in(full, 560, 85, 1000, 165, 760), 4000);
    // The pause menu's "Paused" (design 540-740, 220-260; its panel 640 wide) over the
    // level, in both sizes.
    EXPECT_GT(text_in(pause_small, 540, 220, 740, 262, 640), 800);
    EXPECT_GT(text_in(pause_full, 540, 220, 740, 262, 640), 1500);
}

}  // namespace
}  // namespace highstep::app
