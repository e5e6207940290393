#include "gfx.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace highstep::app {

namespace {
SDL_Color sdl(Color c) { return {c.r, c.g, c.b, c.a}; }
// Enough segments that a circle looks round at its size, few enough to stay cheap.
int segments_for(float radius) { return std::clamp(static_cast<int>(radius * 0.9f), 12, 64); }
}  // namespace

Gfx::Gfx(SDL_Renderer* renderer, TextRenderer& text) : renderer_(renderer), text_(text) {
    SDL_SetRenderDrawBlendMode(renderer_, SDL_BLENDMODE_BLEND);
}

// Opaque fills go without blending: SDL's software renderer blends every pixel
// of a fill in BLEND mode even at full alpha, which is several times slower than
// a plain fill and would dominate the frame (the sky alone is the whole screen).
void Gfx::draw_verts(Color c) {
    set_color(c);  // geometry without a texture blends by the draw blend mode
    SDL_RenderGeometry(renderer_, nullptr, verts_.data(), static_cast<int>(verts_.size()), nullptr, 0);
}

void Gfx::set_color(Color c) {
    const bool blend = c.a != 255;
    if (blend != blending_) {
        SDL_SetRenderDrawBlendMode(renderer_, blend ? SDL_BLENDMODE_BLEND : SDL_BLENDMODE_NONE);
        blending_ = blend;
    }
    SDL_SetRenderDrawColor(renderer_, c.r, c.g, c.b, c.a);
}

void Gfx::begin_frame() {
    covers_.clear();  // a frame left early (an exception mid-draw) must not clip the next one
    smallest_text_px_ = 0.0f;
    int w = 0, h = 0;
    SDL_GetRendererOutputSize(renderer_, &w, &h);
    width_ = static_cast<float>(std::max(w, 1));
    height_ = static_cast<float>(std::max(h, 1));
    unit_ = window_unit();
    place_design_back();
}

void Gfx::clear(Color c) {
    SDL_SetRenderDrawColor(renderer_, c.r, c.g, c.b, c.a);
    SDL_RenderClear(renderer_);  // clear ignores the blend mode
}

void Gfx::fill_rect(const SDL_FRect& r, Color c) {
    if (c.a == 0 || r.w <= 0 || r.h <= 0) return;
    rows_.clear();
    const PixelRect p = pixels_of_rect(r);
    emit(p.x0, p.y0, p.x1, p.y1);
    flush_rows(c);
}

// Edges to whole pixels. A rectangle thinner than a pixel still paints one.
Gfx::PixelRect Gfx::pixels_of_rect(const SDL_FRect& r) const {
    PixelRect p{column(r.x), row(r.y), column(r.x + r.w), row(r.y + r.h)};
    if (p.x1 == p.x0 && r.w > 0) ++p.x1;
    if (p.y1 == p.y0 && r.h > 0) ++p.y1;
    return p;
}

void Gfx::emit(int x0, int y0, int x1, int y1) {
    if (x1 <= x0 || y1 <= y0) return;
    // SDL's software fill writes a span's 16-byte-aligned middle with non-temporal
    // stores, which straddle cache lines unless the span starts on one: a span is cut
    // at 16-pixel (64-byte) columns so its middle starts on a cache line and its ends
    // are short plain stores. Narrow shapes' rows fill about three times as fast.
    auto push = [this](int l, int t, int r, int b) {
        auto add = [this, t, b](int x0, int x1) {
            if (x1 > x0) {
                rows_.push_back({static_cast<float>(x0), static_cast<float>(t), static_cast<float>(x1 - x0),
                                 static_cast<float>(b - t)});
            }
        };
        const int head_end = std::min(r, (l + 15) & ~15), tail_start = std::max(head_end, r & ~15);
        add(l, head_end);
        add(head_end, tail_start);
        add(tail_start, r);
    };
    // Bands of rows in which the same covers apply; in each, the covered spans are cut out.
    for (int y = y0; y < y1;) {
        int band_end = y1;
        std::pair<int, int> spans[16];
        std::size_t n = 0;
        for (const PixelRect& c : covers_) {
            if (c.x1 <= x0 || c.x0 >= x1 || c.y1 <= y || c.y0 >= band_end) continue;
            if (c.y0 > y) {
                band_end = c.y0;  // starts below: the band stops where it begins
                continue;
            }
            band_end = std::min(band_end, c.y1);
            if (n < std::size(spans)) spans[n++] = {c.x0, c.x1};
        }
        // Spans starting above the band's end but found before it shrank stay valid:
        // every kept cover covers all rows of [y, band_end).
        std::sort(spans, spans + n);
        int x = x0;
        for (std::size_t i = 0; i < n && x < x1; ++i) {
            if (spans[i].first > x) push(x, y, std::min(spans[i].first, x1), band_end);
            x = std::max(x, spans[i].second);
        }
        if (x < x1) push(x, y, x1, band_end);
        y = band_end;
    }
}

void Gfx::cover_rect(const SDL_FRect& r) {
    if (r.w <= 0 || r.h <= 0) return;
    const PixelRect p = pixels_of_rect(r);
    if (p.x1 > p.x0 && p.y1 > p.y0) covers_.push_back(p);
}

void Gfx::cover_round_rect(const SDL_FRect& r, float radius) {
    radius = std::min({radius, r.w / 2, r.h / 2});
    if (radius < 1.0f) return cover_rect(r);
    const auto [y0, y1] = rows_between(std::round(r.y), std::round(r.y + r.h));
    // Rows whose centre lies between the corners' arcs are painted full width...
    const int full0 = std::max(y0, static_cast<int>(std::ceil(r.y + radius - 0.5f)));
    const int full1 = std::min(y1, static_cast<int>(std::floor(r.y + r.h - radius - 0.5f)) + 1);
    if (full1 > full0) covers_.push_back({column(r.x), full0, column(r.x + r.w), full1});
    // ...and every row at least between the arcs' inner ends.
    const int x0 = column(r.x + radius), x1 = column(r.x + r.w - radius);
    if (x1 > x0 && y1 > y0) covers_.push_back({x0, y0, x1, y1});
}

std::optional<Gfx::PixelRect> Gfx::pixels_of_axis_box(std::span<const SDL_FPoint> p) const {
    if (p.size() != 4) return std::nullopt;
    const bool a = p[0].y == p[1].y && p[1].x == p[2].x && p[2].y == p[3].y && p[3].x == p[0].x;
    const bool b = p[0].x == p[1].x && p[1].y == p[2].y && p[2].x == p[3].x && p[3].y == p[0].y;
    if (!a && !b) return std::nullopt;
    const float xmin = std::min(p[0].x, p[2].x), xmax = std::max(p[0].x, p[2].x);
    const float ymin = std::min(p[0].y, p[2].y), ymax = std::max(p[0].y, p[2].y);
    // Exactly the rows and columns the scanline fill below takes: rows whose centre
    // lies in [ymin, ymax), columns rounded.
    auto clamp_y = [this](float v) { return static_cast<int>(std::clamp(v, -1.0f, height_ + 1.0f)); };
    return PixelRect{column(xmin), clamp_y(std::ceil(ymin - 0.5f)), column(xmax), clamp_y(std::ceil(ymax - 0.5f))};
}

void Gfx::cover_convex(std::span<const SDL_FPoint> points) {
    if (const auto p = pixels_of_axis_box(points); p && p->x1 > p->x0 && p->y1 > p->y0) covers_.push_back(*p);
}

void Gfx::outline_rect(const SDL_FRect& r, float t, Color c) {
    fill_rect({r.x, r.y, r.w, t}, c);
    fill_rect({r.x, r.y + r.h - t, r.w, t}, c);
    fill_rect({r.x, r.y + t, t, r.h - 2 * t}, c);
    fill_rect({r.x + r.w - t, r.y + t, t, r.h - 2 * t}, c);
}

// Shapes are filled as horizontal pixel rows (scanlines) through one
// SDL_RenderFillRects call: with the software renderer this is several times
// faster than triangles, and neighbouring rows never leave seams or overlap
// (triangle fans do both, which shows as hairlines in translucent shapes).
void Gfx::flush_rows(Color c) {
    if (rows_.empty()) return;
    set_color(c);
    SDL_RenderFillRectsF(renderer_, rows_.data(), static_cast<int>(rows_.size()));
    rows_.clear();
}

// Rows of the window that a span [y0, y1) touches, clamped in floating point
// before converting (a body far off screen may sit at coordinates no int holds).
std::pair<int, int> Gfx::rows_between(float y0, float y1) const {
    const float lo = std::clamp(std::floor(y0), -1.0f, height_ + 1.0f);
    const float hi = std::clamp(std::ceil(y1), -1.0f, height_ + 1.0f);
    return {static_cast<int>(lo), static_cast<int>(hi)};
}

void Gfx::add_row(int y, float x0, float x1) {
    const int l = column(x0), r = column(x1);
    if (r > l) emit(l, y, r, y + 1);
}

void Gfx::fill_round_rect(const SDL_FRect& r, float radius, Color c) {
    radius = std::min({radius, r.w / 2, r.h / 2});
    if (radius < 1.0f) return fill_rect(r, c);
    if (c.a == 0) return;
    rows_.clear();
    const auto [y0, y1] = rows_between(std::round(r.y), std::round(r.y + r.h));
    const float top_band = r.y + radius, bottom_band = r.y + r.h - radius;
    for (int y = y0; y < y1; ++y) {
        const float yc = y + 0.5f;
        float inset = 0.0f;
        if (yc < top_band || yc > bottom_band) {
            const float dy = yc < top_band ? top_band - yc : yc - bottom_band;
            inset = radius - std::sqrt(std::max(0.0f, radius * radius - dy * dy));
        } else {
            // The straight middle part is one rectangle.
            const int mid_end = std::min(rows_between(std::round(bottom_band), 0.0f).first, y1);
            if (mid_end > y) {
                emit(column(r.x), y, column(r.x + r.w), mid_end);
                y = mid_end - 1;
                continue;
            }
        }
        add_row(y, r.x + inset, r.x + r.w - inset);
    }
    flush_rows(c);
}

void Gfx::gradient_rect(const SDL_FRect& r, Color top, Color bottom, float stop_y) {
    // Bands of 4 pixels: smooth to the eye, a few hundred fills at most.
    constexpr int kBand = 4;
    const int y0 = static_cast<int>(std::round(r.y));
    const int y1 = static_cast<int>(std::round(std::min(r.y + r.h, std::max(r.y, stop_y))));
    const float l = std::round(r.x), w = std::round(r.x + r.w) - l;
    for (int y = y0; y < y1; y += kBand) {
        const double t = r.h > 0 ? (y + kBand / 2.0 - r.y) / r.h : 0.0;
        rows_.clear();
        emit(static_cast<int>(l), y, static_cast<int>(l + w), std::min(y + kBand, y1));
        flush_rows(mix(top, bottom, std::clamp(t, 0.0, 1.0)));
    }
}

void Gfx::fill_circle(float cx, float cy, float radius, Color c) {
    if (radius <= 0 || c.a == 0) return;
    rows_.clear();
    const auto [top, bottom] = rows_between(cy - radius, cy + radius);
    for (int y = top; y < bottom; ++y) {
        const float dy = y + 0.5f - cy;
        if (std::abs(dy) >= radius) continue;
        const float half = std::sqrt(radius * radius - dy * dy);
        add_row(y, cx - half, cx + half);
    }
    flush_rows(c);
}

void Gfx::fill_circle_union(std::span<const float> centers_x, float cy, float radius, float y_stop, Color c) {
    if (radius <= 0 || c.a == 0 || centers_x.empty()) return;
    rows_.clear();
    const auto [top, bottom] = rows_between(cy - radius, std::min(cy + radius, y_stop));
    for (int y = top; y < bottom; ++y) {
        const float dy = y + 0.5f - cy;
        if (std::abs(dy) >= radius) continue;
        const float half = std::sqrt(radius * radius - dy * dy);
        // Centres come in increasing x, so overlapping spans are neighbours: merge them.
        float l = centers_x[0] - half, r = centers_x[0] + half;
        for (std::size_t i = 1; i < centers_x.size(); ++i) {
            if (centers_x[i] - half <= r) {
                r = centers_x[i] + half;
            } else {
                add_row(y, l, r);
                l = centers_x[i] - half;
                r = centers_x[i] + half;
            }
        }
        add_row(y, l, r);
    }
    flush_rows(c);
}

void Gfx::ring(float cx, float cy, float outer, float inner, Color c) {
    arc(cx, cy, outer, inner, 0.0f, 2.0f * std::numbers::pi_v<float>, c);
}

void Gfx::arc(float cx, float cy, float outer, float inner, float a0, float a1, Color c) {
    if (outer <= 0 || c.a == 0) return;
    const float span = a1 - a0;
    const int n = std::max(3, static_cast<int>(segments_for(outer) * std::abs(span) / (2 * std::numbers::pi_v<float>)));
    verts_.clear();
    const SDL_Color col = sdl(c);
    auto at = [&](float radius, float a) { return SDL_FPoint{cx + radius * std::sin(a), cy - radius * std::cos(a)}; };
    for (int i = 0; i < n; ++i) {
        const float t0 = a0 + span * static_cast<float>(i) / n;
        const float t1 = a0 + span * static_cast<float>(i + 1) / n;
        if (inner <= 0) {
            verts_.push_back({{cx, cy}, col, {0, 0}});
            verts_.push_back({at(outer, t0), col, {0, 0}});
            verts_.push_back({at(outer, t1), col, {0, 0}});
        } else {
            verts_.push_back({at(inner, t0), col, {0, 0}});
            verts_.push_back({at(outer, t0), col, {0, 0}});
            verts_.push_back({at(outer, t1), col, {0, 0}});
            verts_.push_back({at(inner, t0), col, {0, 0}});
            verts_.push_back({at(outer, t1), col, {0, 0}});
            verts_.push_back({at(inner, t1), col, {0, 0}});
        }
    }
    draw_verts(c);
}

void Gfx::fill_convex(std::span<const SDL_FPoint> p, Color c) {
    if (p.size() < 3 || c.a == 0) return;
    float ymin = p[0].y, ymax = p[0].y;
    for (const auto& q : p) {
        ymin = std::min(ymin, q.y);
        ymax = std::max(ymax, q.y);
    }
    rows_.clear();
    if (const auto box = pixels_of_axis_box(p)) {
        // Ledges, panels and the ground: one rectangle instead of a row per pixel.
        emit(box->x0, box->y0, box->x1, box->y1);
        return flush_rows(c);
    }
    const auto [y0, y1] = rows_between(ymin, ymax);
    for (int y = y0; y < y1; ++y) {
        const float yc = y + 0.5f;
        float xl = 1e30f, xr = -1e30f;
        for (std::size_t i = 0; i < p.size(); ++i) {
            const SDL_FPoint a = p[i], b = p[(i + 1) % p.size()];
            if ((a.y <= yc && b.y > yc) || (b.y <= yc && a.y > yc)) {
                const float x = a.x + (yc - a.y) / (b.y - a.y) * (b.x - a.x);
                xl = std::min(xl, x);
                xr = std::max(xr, x);
            }
        }
        if (xr > xl) add_row(y, xl, xr);
    }
    flush_rows(c);
}

void Gfx::fill_triangles(std::span<const SDL_FPoint> p, Color c) {
    if (p.size() < 3 || c.a == 0) return;
    verts_.clear();
    const SDL_Color col = sdl(c);
    for (std::size_t i = 0; i + 2 < p.size(); i += 3) {
        for (std::size_t k = 0; k < 3; ++k) verts_.push_back({p[i + k], col, {0, 0}});
    }
    draw_verts(c);
}

void Gfx::line(SDL_FPoint a, SDL_FPoint b, float width, Color c) {
    const float dx = b.x - a.x, dy = b.y - a.y;
    const float len = std::hypot(dx, dy);
    if (len < 1e-3f) return;
    const float nx = -dy / len * width / 2, ny = dx / len * width / 2;
    const SDL_FPoint q[4] = {{a.x + nx, a.y + ny}, {b.x + nx, b.y + ny}, {b.x - nx, b.y - ny}, {a.x - nx, a.y - ny}};
    fill_convex(q, c);
}

void Gfx::capsule(SDL_FPoint a, SDL_FPoint b, float width, Color c) {
    line(a, b, width, c);
    fill_circle(a.x, a.y, width / 2, c);
    fill_circle(b.x, b.y, width / 2, c);
}

SDL_FPoint Gfx::text(std::string_view s, float x, float y, float size_px, Color c, Align align, VAlign valign,
                     FontStyle style) {
    if (!s.empty() && (smallest_text_px_ == 0.0f || size_px < smallest_text_px_)) smallest_text_px_ = size_px;
    return text_.draw(s, x, y, size_px, c, align, valign, style);
}

SDL_FPoint Gfx::text_zoomed(std::string_view s, float x, float y, float size_px, float zoom, Color c, Align align,
                            VAlign valign, FontStyle style) {
    return text_.draw_zoomed(s, x, y, size_px, zoom, c, align, valign, style);
}

SDL_FPoint Gfx::measure(std::string_view s, float size_px, FontStyle style) {
    return text_.measure(s, std::max(6.0f, std::round(size_px)), style);
}

}  // namespace highstep::app
