// The drawing shortcuts that keep a software-rendered frame cheap must draw exactly
// what the plain way draws: the hills' circle union, the gradient cut short where
// something opaque covers it, covers (fills that leave alone what is painted later),
// upright boxes filled as one rectangle, and text that fades or grows from one
// cached texture.
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

constexpr Color kUnpainted{255, 0, 255, 255};  // what no drawing here uses

int count_pixels(const Offscreen& o, std::uint32_t rgb) {
    int n = 0;
    for (int y = 0; y < o.surface()->h; ++y) {
        for (int x = 0; x < o.surface()->w; ++x) n += o.pixel(x, y) == rgb;
    }
    return n;
}

TEST(GfxCovers, CoveredPixelsAreLeftAlone) {
    Offscreen o(200, 100);
    o.gfx().clear({0, 0, 0, 255});
    const std::size_t mark = o.gfx().covers_mark();
    o.gfx().cover_rect({50, 20, 60, 40});
    o.gfx().gradient_rect({0, 0, 200, 100}, {10, 10, 10, 255}, {90, 90, 90, 255});
    o.gfx().fill_circle(80, 40, 45, {200, 0, 0, 255});
    o.gfx().fill_rect({0, 0, 200, 100}, {0, 0, 200, 120});  // blended fills are clipped too
    o.gfx().drop_covers(mark);
    o.present();
    EXPECT_EQ(count_pixels(o, 0x000000u), 60 * 40);
    EXPECT_EQ(o.pixel(50, 20), 0x000000u);
    EXPECT_EQ(o.pixel(109, 59), 0x000000u);
    EXPECT_NE(o.pixel(49, 20), 0x000000u);
    EXPECT_NE(o.pixel(110, 59), 0x000000u);
    EXPECT_NE(o.pixel(50, 60), 0x000000u);
}

TEST(GfxCovers, DroppedCoversNoLongerClip) {
    Offscreen o(100, 100);
    o.gfx().clear({0, 0, 0, 255});
    const std::size_t mark = o.gfx().covers_mark();
    o.gfx().cover_rect({0, 0, 100, 100});
    o.gfx().drop_covers(mark);
    o.gfx().fill_rect({0, 0, 100, 100}, {255, 255, 255, 255});
    o.present();
    EXPECT_EQ(count_pixels(o, 0xFFFFFFu), 100 * 100);
}

TEST(GfxCovers, ANewFrameStartsWithNoCovers) {
    Offscreen o(100, 100);
    o.gfx().cover_rect({0, 0, 100, 100});  // never dropped, as if a draw had thrown
    o.gfx().begin_frame();
    o.gfx().clear({0, 0, 0, 255});
    o.gfx().fill_rect({0, 0, 100, 100}, {255, 255, 255, 255});
    o.present();
    EXPECT_EQ(count_pixels(o, 0xFFFFFFu), 100 * 100);
}

// Whatever a cover promises, the shape it stands for paints: cover, paint the rest
// of the window, drop the cover, paint the shape; a pixel left unpainted is a promise
// the shape broke (it would show the previous frame in the game).
template <typename Cover, typename Paint>
int pixels_promised_but_not_painted(Offscreen& o, Cover cover, Paint paint) {
    o.gfx().clear(kUnpainted);
    const std::size_t mark = o.gfx().covers_mark();
    cover();
    o.gfx().fill_rect({0, 0, o.gfx().width(), o.gfx().height()}, {0, 0, 0, 255});
    o.gfx().drop_covers(mark);
    paint();
    o.present();
    return count_pixels(o, 0xFF00FFu);
}

TEST(GfxCovers, ARoundRectsCoverIsInsideWhatItPaints) {
    Offscreen o(160, 120);
    int checked = 0;
    for (float x : {10.0f, 10.3f, 10.5f, 10.7f}) {
        for (float w : {40.0f, 40.4f, 41.5f, 3.2f}) {
            for (float radius : {0.5f, 6.0f, 6.5f, 13.7f, 30.0f}) {
                const SDL_FRect r{x, x * 2.1f, w, 33.6f};
                const int broken = pixels_promised_but_not_painted(
                    o, [&] { o.gfx().cover_round_rect(r, radius); },
                    [&] { o.gfx().fill_round_rect(r, radius, {0, 200, 0, 255}); });
                EXPECT_EQ(broken, 0) << "x " << x << " w " << w << " radius " << radius;
                ++checked;
            }
        }
    }
    EXPECT_EQ(checked, 80);
    // And it promises most of the shape, or it saves nothing.
    o.gfx().clear({0, 0, 0, 255});
    const std::size_t mark = o.gfx().covers_mark();
    o.gfx().cover_round_rect({10, 10, 100, 60}, 12);
    o.gfx().fill_rect({0, 0, 160, 120}, {255, 255, 255, 255});
    o.gfx().drop_covers(mark);
    o.present();
    EXPECT_GT(count_pixels(o, 0x000000u), 100 * 60 * 9 / 10);
}

TEST(GfxCovers, AnUprightBoxsCoverIsExactlyWhatItPaints) {
    Offscreen o(160, 120);
    for (float x0 : {10.0f, 10.49f, 10.5f, 10.51f}) {
        for (float y0 : {5.0f, 5.49f, 5.5f, 5.51f, -30.2f}) {
            const float x1 = x0 + 50.37f, y1 = y0 + 61.5f;
            const SDL_FPoint box[4] = {{x0, y1}, {x1, y1}, {x1, y0}, {x0, y0}};  // as the world's boxes come
            const int broken = pixels_promised_but_not_painted(
                o, [&] { o.gfx().cover_convex(box); }, [&] { o.gfx().fill_convex(box, {0, 200, 0, 255}); });
            EXPECT_EQ(broken, 0) << x0 << ", " << y0;
            // Exactly: the box painted under its own cover paints nothing.
            o.gfx().clear({0, 0, 0, 255});
            const std::size_t mark = o.gfx().covers_mark();
            o.gfx().cover_convex(box);
            o.gfx().fill_convex(box, {255, 255, 255, 255});
            o.gfx().drop_covers(mark);
            o.present();
            EXPECT_EQ(count_pixels(o, 0xFFFFFFu), 0) << x0 << ", " << y0;
        }
    }
    // A turned box promises nothing.
    const SDL_FPoint turned[4] = {{50, 10}, {90, 50}, {50, 90}, {10, 50}};
    o.gfx().clear({0, 0, 0, 255});
    const std::size_t mark = o.gfx().covers_mark();
    o.gfx().cover_convex(turned);
    o.gfx().fill_rect({0, 0, 160, 120}, {255, 255, 255, 255});
    o.gfx().drop_covers(mark);
    o.present();
    EXPECT_EQ(count_pixels(o, 0xFFFFFFu), 160 * 120);
}

TEST(GfxFill, AnUprightBoxFillsTheSamePixelsAsTheScanlineFill) {
    Offscreen fast(160, 120), scan(160, 120);
    for (Offscreen* o : {&fast, &scan}) o->gfx().clear({0, 0, 0, 255});
    const SDL_FPoint box[4] = {{20.4f, 90.7f}, {120.4f, 90.7f}, {120.4f, 10.3f}, {20.4f, 10.3f}};
    // Five points (one repeated) take the general scanline path.
    const SDL_FPoint same[5] = {box[0], box[1], box[2], box[3], box[3]};
    fast.gfx().fill_convex(box, {200, 100, 50, 255});
    scan.gfx().fill_convex(same, {200, 100, 50, 255});
    fast.present();
    scan.present();
    EXPECT_EQ(differing_pixels(fast, scan), 0);
    EXPECT_EQ(count_pixels(fast, 0xC86432u), 100 * 81);  // rows whose centre is inside: 10..90
}

TEST(GfxCovers, DrawingAroundCoversGivesThePictureOfDrawingUnderThem) {
    // A small scene as the play screen draws it: sky, hills, a ledge in three layers,
    // a translucent cloud, then opaque panels over all of it.
    auto scene = [](Offscreen& o, bool covers) {
        Gfx& g = o.gfx();
        g.clear(kUnpainted);
        const SDL_FRect panel{12.3f, 150.6f, 180.2f, 80.5f};
        const SDL_FPoint ledge[4] = {{150.5f, 260.0f}, {310.25f, 260.0f}, {310.25f, 120.4f}, {150.5f, 120.4f}};
        const SDL_FPoint face[4] = {{154.5f, 260.0f}, {306.25f, 260.0f}, {306.25f, 124.4f}, {154.5f, 124.4f}};
        const std::size_t mark = g.covers_mark();
        if (covers) g.cover_round_rect(panel, 14.0f);
        const std::size_t panel_mark = g.covers_mark();
        if (covers) g.cover_convex(ledge);
        g.gradient_rect({0, 0, 320, 240}, {38, 70, 130, 255}, {129, 178, 214, 255});
        const std::array<float, 3> hills{40.0f, 160.0f, 280.0f};
        g.fill_circle_union(hills, 260.0f, 90.0f, 240.0f, {60, 120, 70, 255});
        g.drop_covers(panel_mark);  // the panel's covers stay, the ledge's go
        const std::size_t ledge_mark = g.covers_mark();
        if (covers) g.cover_convex(face);
        g.fill_convex(ledge, {120, 110, 80, 255});
        g.drop_covers(ledge_mark);
        g.fill_convex(face, {196, 164, 120, 255});
        g.fill_circle(100.0f, 170.0f, 40.0f, {240, 240, 250, 170});
        g.drop_covers(mark);
        g.fill_round_rect(panel, 14.0f, {20, 28, 52, 255});
        g.fill_rect({20, 160, 60, 10}, {46, 196, 182, 255});
        o.present();
    };
    Offscreen plain(320, 240), around(320, 240);
    scene(plain, false);
    scene(around, true);
    EXPECT_EQ(count_pixels(plain, 0xFF00FFu), 0);
    EXPECT_EQ(differing_pixels(plain, around), 0);
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
