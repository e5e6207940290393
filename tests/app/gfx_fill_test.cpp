// The drawing shortcuts that keep a software-rendered frame cheap must draw exactly
// what the plain way draws: the hills' circle union, the gradient cut short where
// something opaque covers it, and text that fades or grows from one cached texture.
#include <gtest/gtest.h>

#include <array>
#include <cstring>

#include "offscreen.h"

namespace highstep::app {
namespace {

using testing::Offscreen;

int differing_pixels(const Offscreen& a, const Offscreen& b) {
    int n = 0;
    const SDL_Surface* sa = a.surface();
    for (int y = 0; y < sa->h; ++y) {
        for (int x = 0; x < sa->w; ++x) n += a.pixel(x, y) != b.pixel(x, y);
    }
    return n;
}

TEST(GfxFill, CircleUnionDrawsTheSamePixelsAsSeparateCircles) {
    Offscreen one_by_one(640, 360), union_of(640, 360);
    const std::array<float, 5> centers{-40.0f, 110.0f, 260.0f, 410.0f, 560.0f};
    const float cy = 330.0f, r = 95.0f;
    const Color c{40, 120, 60, 255};
    for (Offscreen* o : {&one_by_one, &union_of}) o->gfx().clear({0, 0, 0, 255});
    for (float x : centers) one_by_one.gfx().fill_circle(x, cy, r, c);
    union_of.gfx().fill_circle_union(centers, cy, r, 360.0f, c);
    one_by_one.present();
    union_of.present();
    EXPECT_EQ(differing_pixels(one_by_one, union_of), 0);
    EXPECT_EQ(union_of.pixel(110, 300), 0x28783Cu);  // inside a circle
    EXPECT_EQ(union_of.pixel(185, 240), 0x000000u);  // the notch between two circles
}

TEST(GfxFill, CircleUnionStopsAtItsLastRow) {
    Offscreen o(320, 200);
    o.gfx().clear({0, 0, 0, 255});
    const std::array<float, 2> centers{100.0f, 220.0f};
    o.gfx().fill_circle_union(centers, 150.0f, 80.0f, 120.0f, {255, 255, 255, 255});
    o.present();
    EXPECT_EQ(o.pixel(100, 119), 0xFFFFFFu);
    EXPECT_EQ(o.pixel(100, 120), 0x000000u);
    EXPECT_EQ(o.pixel(100, 160), 0x000000u);
}

TEST(GfxFill, GradientCutShortKeepsTheFullGradientsColours) {
    Offscreen full(200, 300), cut(200, 300);
    const Color top{10, 20, 200, 255}, bottom{200, 220, 250, 255};
    for (Offscreen* o : {&full, &cut}) o->gfx().clear({0, 0, 0, 255});
    full.gfx().gradient_rect({0, 0, 200, 300}, top, bottom);
    cut.gfx().gradient_rect({0, 0, 200, 300}, top, bottom, 180.0f);
    full.present();
    cut.present();
    for (int y : {0, 50, 120, 179}) EXPECT_EQ(cut.pixel(77, y), full.pixel(77, y)) << "row " << y;
    EXPECT_EQ(cut.pixel(77, 180), 0x000000u);
    EXPECT_EQ(cut.pixel(77, 299), 0x000000u);
    EXPECT_NE(full.pixel(77, 0), full.pixel(77, 299));
}

// Sum of the red channel over the surface: how much of a white text got drawn.
long long red_sum(const Offscreen& o) {
    long long sum = 0;
    for (int y = 0; y < o.surface()->h; ++y) {
        for (int x = 0; x < o.surface()->w; ++x) sum += (o.pixel(x, y) >> 16) & 0xFF;
    }
    return sum;
}

TEST(GfxText, AFadingTextReusesOneTextureAndGetsFainter) {
    Offscreen o(400, 120);
    long long previous = -1;
    for (int alpha : {255, 160, 60}) {
        o.gfx().clear({0, 0, 0, 255});
        o.gfx().text("Perfect", 20, 20, 48, Color{255, 255, 255, static_cast<std::uint8_t>(alpha)});
        o.present();
        const long long drawn = red_sum(o);
        EXPECT_GT(drawn, 0);
        if (previous >= 0) {
            EXPECT_LT(drawn, previous) << "alpha " << alpha;
        }
        previous = drawn;
        EXPECT_EQ(o.gfx().text_renderer().cached_textures(), 1u);
    }
}

TEST(GfxText, ZoomedTextIsLargerFromTheSameTexture) {
    Offscreen o(600, 200);
    const SDL_FPoint plain = o.gfx().text("Great", 300, 100, 40, {255, 255, 255, 255}, Align::center, VAlign::middle);
    const SDL_FPoint zoomed = o.gfx().text_zoomed("Great", 300, 100, 40, 1.5f, {255, 255, 255, 255}, Align::center,
                                                  VAlign::middle, FontStyle::regular);
    EXPECT_NEAR(zoomed.x, plain.x * 1.5f, 1.0f);
    EXPECT_NEAR(zoomed.y, plain.y * 1.5f, 1.0f);
    EXPECT_EQ(o.gfx().text_renderer().cached_textures(), 1u);
    // Drawn alone, the zoomed word reaches further left than the plain one would.
    o.gfx().clear({0, 0, 0, 255});
    o.gfx().text_zoomed("Great", 300, 100, 40, 1.5f, {255, 255, 255, 255}, Align::center, VAlign::middle,
                        FontStyle::regular);
    o.present();
    int leftmost = 600;
    for (int y = 0; y < 200; ++y) {
        for (int x = 0; x < 600; ++x) {
            if (o.pixel(x, y) != 0) leftmost = std::min(leftmost, x);
        }
    }
    EXPECT_LT(leftmost, 300 - static_cast<int>(plain.x / 2) - 5);
}

}  // namespace
}  // namespace highstep::app
