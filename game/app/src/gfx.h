#pragma once
// Drawing for every scene: filled shapes (through SDL_RenderGeometry, so circles and
// polygons are real filled triangles, not outlines), gradients, text, and a layout
// unit that scales the 1280x720 design to any window size.
#include <SDL.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <span>
#include <utility>
#include <string_view>
#include <vector>

#include "palette.h"
#include "text.h"

namespace highstep::app {

class Gfx {
public:
    Gfx(SDL_Renderer* renderer, TextRenderer& text);

    SDL_Renderer* renderer() const { return renderer_; }
    TextRenderer& text_renderer() { return text_; }

    // Call at the start of each frame: reads the output size and drops all covers.
    void begin_frame();
    float width() const { return width_; }
    float height() const { return height_; }
    // Pixels per design unit: the screens are laid out for 1280x720 and scaled.
    float unit() const { return unit_; }
    float u(float design) const { return design * unit_; }
    // Another scale for a part of the frame (the play HUD in a portrait window, see
    // HudScale in hud.h); begin_frame sets the window's again.
    void set_unit(float unit) { unit_ = unit; }
    // In a window narrower than 16:9 (portrait, but also 4:3 such as 800x600, where the
    // design fitted to the width left its menus' small print 7 px tall between empty
    // bands) a screen laid out in a column narrower than the design (the title's logo
    // and list) is drawn larger: its `design_w` units, centred on the design's middle,
    // fill the window's width while the design's height still fits. In a 16:9 or wider
    // window nothing changes. Call at the start of the screen's draw.
    void fit_design_width(float design_w) {
        if (width_ * 720.0f < height_ * 1280.0f) {
            unit_ = std::max(window_unit(), std::min(width_ / design_w, height_ / 720.0f));
        }
    }
    // The window's own scale: the 1280x720 design fitted inside it.
    float window_unit() const { return std::min(width_ / 1280.0f, height_ / 720.0f); }
    // Left edge of the 16:9 design area, centred in a wider window (moved by place_design).
    float design_left() const { return (width_ - 1280.0f * unit_) / 2.0f + shift_x_px_; }
    float design_top() const { return (height_ - 720.0f * unit_) / 2.0f + shift_y_px_; }
    // Moves the design so that design point (x, y) is drawn at pixel (px, py), until
    // place_design_back or the next begin_frame: a panel of a 16:9 screen drawn
    // elsewhere in a portrait window (PortraitLayout in widgets.h).
    void place_design(float x, float y, float px, float py) {
        place_design_back();
        shift_x_px_ = px - dx(x);
        shift_y_px_ = py - dy(y);
    }
    void place_design_back() { shift_x_px_ = shift_y_px_ = 0.0f; }
    // Design coordinates (0..1280, 0..720) to pixels.
    float dx(float x) const { return design_left() + x * unit_; }
    float dy(float y) const { return design_top() + y * unit_; }
    SDL_FRect drect(float x, float y, float w, float h) const { return {dx(x), dy(y), u(w), u(h)}; }

    void clear(Color c);
    void fill_rect(const SDL_FRect& r, Color c);
    void outline_rect(const SDL_FRect& r, float thickness, Color c);
    void fill_round_rect(const SDL_FRect& r, float radius, Color c);
    // Vertical gradient over r; rows from stop_y down are left undrawn (something opaque covers them).
    void gradient_rect(const SDL_FRect& r, Color top, Color bottom, float stop_y = 1e30f);
    void fill_circle(float cx, float cy, float radius, Color c);
    // A row of equal circles (distant hills) filled as one shape down to y_stop:
    // each pixel is written once, where separate circles would overlap.
    void fill_circle_union(std::span<const float> centers_x, float cy, float radius, float y_stop, Color c);
    void ring(float cx, float cy, float outer, float inner, Color c);
    // Arc of a ring from angle a0 to a1 (radians, 0 = up, clockwise).
    void arc(float cx, float cy, float outer, float inner, float a0, float a1, Color c);
    void fill_convex(std::span<const SDL_FPoint> points, Color c);
    void fill_triangles(std::span<const SDL_FPoint> points, Color c);  // 3 points per triangle
    void line(SDL_FPoint a, SDL_FPoint b, float width, Color c);
    void capsule(SDL_FPoint a, SDL_FPoint b, float width, Color c);   // rounded thick line (limbs)

    // Text in pixels (size in pixels); returns the drawn size.
    SDL_FPoint text(std::string_view s, float x, float y, float size_px, Color c, Align align = Align::left,
                    VAlign valign = VAlign::top, FontStyle style = FontStyle::regular);
    // Text rendered at size_px and drawn zoom times as large (animated sizes).
    SDL_FPoint text_zoomed(std::string_view s, float x, float y, float size_px, float zoom, Color c, Align align,
                           VAlign valign, FontStyle style);
    SDL_FPoint measure(std::string_view s, float size_px, FontStyle style = FontStyle::regular);
    // The smallest text size drawn since begin_frame, pixels (0: none): tests hold
    // a screen's small print to a readable size.
    float smallest_text_px() const { return smallest_text_px_; }

    // Covers: pixels that something drawn later in the frame paints opaque. Fills
    // (rectangles, rows of shapes, gradients) leave covered pixels alone, so the sky
    // under a HUD panel or a ledge is never written: with the software renderer a
    // frame costs the pixels it writes. Textures and triangles are not clipped.
    // Whoever adds a cover must paint all of it once the cover is dropped.
    std::size_t covers_mark() const { return covers_.size(); }
    void drop_covers(std::size_t mark) { covers_.resize(std::min(mark, covers_.size())); }
    // The pixels fill_rect(r) paints.
    void cover_rect(const SDL_FRect& r);
    // The pixels fill_round_rect(r, radius) certainly paints (the rectangle less its corners).
    void cover_round_rect(const SDL_FRect& r, float radius);
    // The pixels fill_convex(points) paints, when the points are an axis-aligned
    // rectangle; any other shape adds nothing.
    void cover_convex(std::span<const SDL_FPoint> points);

private:
    SDL_Renderer* renderer_;
    TextRenderer& text_;
    float width_ = 1280, height_ = 720, unit_ = 1;
    float smallest_text_px_ = 0.0f;
    float shift_x_px_ = 0, shift_y_px_ = 0;  // place_design
    void set_color(Color c);
    void draw_verts(Color c);
    // x (or y) to the nearest pixel edge, clamped in floating point first: a body far
    // off screen may sit at coordinates no int holds.
    int column(float x) const { return static_cast<int>(std::round(std::clamp(x, -1.0f, width_ + 1.0f))); }
    int row(float y) const { return static_cast<int>(std::round(std::clamp(y, -1.0f, height_ + 1.0f))); }
    std::pair<int, int> rows_between(float y0, float y1) const;
    void add_row(int y, float x0, float x1);
    // Queues the pixel rectangle [x0, x1) x [y0, y1) less the covers for flush_rows.
    void emit(int x0, int y0, int x1, int y1);
    struct PixelRect {
        int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    };
    PixelRect pixels_of_rect(const SDL_FRect& r) const;
    std::optional<PixelRect> pixels_of_axis_box(std::span<const SDL_FPoint> p) const;
    std::vector<PixelRect> covers_;
    void flush_rows(Color c);
    std::vector<SDL_Vertex> verts_;
    std::vector<SDL_FRect> rows_;
    bool blending_ = true;
};

}  // namespace highstep::app
