#include "world_draw.h"

#include "hud.h"

#include "climber_draw.h"
#include "format_value.h"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <vector>
#include <cstdio>
#include <string>
#include <cmath>
#include <numbers>

namespace highstep::app {

namespace {

using core::BodyRole;
using core::BodyView;

constexpr float kPi = std::numbers::pi_v<float>;

struct Camera {
    float scale = 1;   // pixels per metre
    float cx_m = 0, cy_m = 0;
    float sx = 0, sy = 0;  // screen centre
    SDL_FPoint to_px(double x_m, double y_m) const {
        return {sx + (static_cast<float>(x_m) - cx_m) * scale, sy - (static_cast<float>(y_m) - cy_m) * scale};
    }
};

double lerp(double a, double b, double t) { return a + (b - a) * t; }

double lerp_angle(double a, double b, double t) {
    double d = std::remainder(b - a, 2.0 * std::numbers::pi);
    return a + d * t;
}

BodyView blend(const BodyView& a, const BodyView& b, double t) {
    BodyView v = b;
    v.x_m = lerp(a.x_m, b.x_m, t);
    v.y_m = lerp(a.y_m, b.y_m, t);
    v.angle_rad = lerp_angle(a.angle_rad, b.angle_rad, t);
    return v;
}

void box_corners(const Camera& cam, const BodyView& b, SDL_FPoint out[4], double inset_m = 0.0) {
    const double c = std::cos(b.angle_rad), s = std::sin(b.angle_rad);
    const double hw = std::max(0.0, b.half_w_m - inset_m), hh = std::max(0.0, b.half_h_m - inset_m);
    const double xs[4] = {-hw, hw, hw, -hw}, ys[4] = {-hh, -hh, hh, hh};
    for (int i = 0; i < 4; ++i) {
        out[i] = cam.to_px(b.x_m + xs[i] * c - ys[i] * s, b.y_m + xs[i] * s + ys[i] * c);
    }
}

// The top `height_m` of an unrotated box (grass on the ground, the track's surface).
BodyView top_strip(const BodyView& b, double height_m) {
    BodyView s = b;
    s.half_h_m = std::min(height_m / 2, b.half_h_m);
    s.y_m = b.y_m + b.half_h_m - s.half_h_m;
    return s;
}

void fill_box(Gfx& gfx, const Camera& cam, const BodyView& b, Color color, double inset_m = 0.0) {
    SDL_FPoint p[4];
    box_corners(cam, b, p, inset_m);
    gfx.fill_convex(p, color);
}

struct BoxLayer {
    BodyView box;
    Color color;
    double inset_m = 0.0;
};

// Boxes painted in order, each over those before it (a ledge's edge, face and
// grass). Each is drawn around the later ones where they are upright rectangles,
// so every pixel is written once.
void fill_layers(Gfx& gfx, const Camera& cam, std::initializer_list<BoxLayer> layers) {
    for (auto it = layers.begin(); it != layers.end(); ++it) {
        const std::size_t mark = gfx.covers_mark();
        for (auto later = it + 1; later != layers.end(); ++later) {
            SDL_FPoint p[4];
            box_corners(cam, later->box, p, later->inset_m);
            gfx.cover_convex(p);
        }
        fill_box(gfx, cam, it->box, it->color, it->inset_m);
        gfx.drop_covers(mark);
    }
}

// The sky's colour at a row of the window (the gradient draw_sky paints).
Color sky_at(const Gfx& gfx, float y) {
    return mix(palette::sky_top, palette::sky_bottom, std::clamp(static_cast<double>(y / gfx.height()), 0.0, 1.0));
}

// A running figure standing on its feet at `feet` (pixels), `h` pixels tall.
// phase: stride phase in radians; lean: forward lean in radians; tuck: 0..1 knees up (airborne).
// drive: 0 runs; above 0 a knee drive is held (the value is its charge, 0..1): the
// near knee drives up to hip height and rises as the charge builds, the stance leg
// bends into the push, the torso stands tall and the arms swing against the knee.
void draw_figure(Gfx& gfx, SDL_FPoint feet, float h, float phase, float lean, float tuck, float drive, float angle,
                 Color body, Color limbs, std::uint8_t alpha) {
    constexpr float kThigh = 0.25f, kShin = 0.26f, kDown = -0.5f * kPi;
    const bool driving = drive > 0.0f;
    const float charge = std::clamp(drive, 0.0f, 1.0f);
    if (driving) {
        lean = 0.12f;  // tall and tight, as the exercise asks
        tuck = 0.0f;
    }
    // Stance leg in the drive: a slight knee bend that deepens with the charge; the
    // hip drops by as much as the bent leg is shorter, so the foot stays on the ground.
    const float stance_thigh = kDown + 0.10f + 0.22f * charge;
    const float stance_shin = kDown - 0.10f - 0.30f * charge;
    const float drop = driving ? 0.5f + std::sin(stance_thigh) * kThigh + std::sin(stance_shin) * kShin : 0.0f;
    const float ca = std::cos(angle), sa = std::sin(angle);
    // Local coordinates: x forward, y up, origin at the feet; rotated by `angle` (tumbling).
    auto P = [&](float x, float y) {
        y -= drop;
        return SDL_FPoint{feet.x + (x * ca - y * sa) * h, feet.y - (x * sa + y * ca) * h};
    };
    const Color b = body.with_alpha(alpha), l = limbs.with_alpha(alpha), skin = palette::skin.with_alpha(alpha);
    const float hip_y = 0.5f, shoulder_y = 0.82f;
    const float hip_x = lean * 0.1f;
    const SDL_FPoint hip = P(hip_x, hip_y);
    const SDL_FPoint shoulder = P(hip_x + std::sin(lean) * 0.32f, shoulder_y);
    const float limb_w = h * 0.075f;
    // Legs: thigh and shin, opposite phases. Side 1 is the near leg (drawn last).
    for (int side = 0; side < 2; ++side) {
        float thigh = 0.0f, shin = 0.0f;
        if (driving) {
            // Near leg: thigh from a little below the horizontal to just above it,
            // shin hanging under the knee (toe up); far leg: the stance.
            thigh = side ? -0.30f + 0.38f * charge : stance_thigh;
            shin = side ? kDown - 0.12f : stance_shin;
        } else {
            const float ph = phase + (side ? kPi : 0.0f);
            const float swing = std::sin(ph) * 0.55f * (1.0f - tuck);
            // In the air the lead knee drives up and the back leg trails, as in a bound.
            const float lead = side ? 1.0f : 0.0f;
            const float lift = std::max(0.0f, std::cos(ph)) * 0.35f * (1.0f - tuck) + tuck * (0.2f + 0.7f * lead);
            thigh = kDown + swing + tuck * (lead * 1.4f - 0.35f);
            shin = thigh - 0.4f - lift * 1.6f;
        }
        const float kx = hip_x + std::cos(thigh) * kThigh, ky = hip_y + std::sin(thigh) * kThigh;
        const SDL_FPoint knee = P(kx, ky);
        const SDL_FPoint foot = P(kx + std::cos(shin) * kShin, ky + std::sin(shin) * kShin);
        const Color c = side ? l : mix(l, palette::text_dark, 0.25).with_alpha(alpha);
        gfx.capsule(hip, knee, limb_w * 1.15f, c);
        gfx.capsule(knee, foot, limb_w, c);
    }
    // Torso and head.
    gfx.capsule(hip, shoulder, limb_w * 2.2f, b);
    const SDL_FPoint head = P(hip_x + std::sin(lean) * 0.42f, 0.96f);
    gfx.fill_circle(head.x, head.y, h * 0.085f, skin);
    // Arms swing against the legs: in the drive the far arm punches forward (hand
    // at chin height) and the near arm is back, elbow bent, as a sprinter's.
    for (int side = 0; side < 2; ++side) {
        float a = 0.0f, fore = 0.0f;
        if (driving) {
            a = side ? kDown - 0.75f : kDown + 0.85f;
            fore = side ? a + 1.1f : a + 1.6f;
        } else {
            const float ph = phase + (side ? 0.0f : kPi);
            a = kDown + std::sin(ph) * 0.8f * (1.0f - tuck) + tuck * 0.9f;
            fore = a + 1.2f;
        }
        const float shx = hip_x + std::sin(lean) * 0.32f;
        const float ex = shx + std::cos(a) * 0.17f, ey = shoulder_y + std::sin(a) * 0.17f;
        const SDL_FPoint elbow = P(ex, ey);
        const SDL_FPoint hand = P(ex + std::cos(fore) * 0.15f, ey + std::sin(fore) * 0.15f);
        const Color c = side ? b : mix(b, palette::text_dark, 0.25).with_alpha(alpha);
        gfx.capsule(shoulder, elbow, limb_w * 0.9f, c);
        gfx.capsule(elbow, hand, limb_w * 0.8f, skin);
    }
}

void draw_sky(Gfx& gfx, const Camera& cam, double t_s) {
    // Two layers of distant hills with parallax: a row of wide, low circles each.
    // Where a layer's circles overlap enough to cover every column it hides what is
    // behind it, so the sky and the far layer stop there: with the software renderer
    // the frame's cost is the pixels written, and the hills used to write two screens'
    // worth that nobody saw.
    struct HillLayer {
        std::vector<float> centers_x;
        float cy = 0, r = 0, covered_from_y = 0;
        Color color;
    };
    std::array<HillLayer, 2> hills;
    for (int layer = 0; layer < 2; ++layer) {
        HillLayer& h = hills[static_cast<std::size_t>(layer)];
        const float par = layer == 0 ? 0.15f : 0.35f;
        h.color = layer == 0 ? mix(palette::sky_bottom, palette::hill_dark, 0.35) : mix(palette::sky_bottom, palette::hill, 0.6);
        h.r = gfx.u(layer == 0 ? 220.0f : 170.0f);
        const float spacing = h.r * 1.6f;
        h.cy = gfx.height() * (layer == 0 ? 0.74f : 0.84f) + h.r * 0.55f;
        const float offset = std::fmod(cam.cx_m * cam.scale * par, spacing);
        for (int i = -1; i < static_cast<int>(gfx.width() / spacing) + 2; ++i) h.centers_x.push_back(i * spacing - offset);
        // Rows where neighbouring circles' spans meet; the row of centres spans the window.
        h.covered_from_y = h.cy - std::sqrt(h.r * h.r - spacing * spacing / 4.0f);
    }
    gfx.gradient_rect({0, 0, gfx.width(), gfx.height()}, palette::sky_top, palette::sky_bottom,
                      std::ceil(hills[0].covered_from_y));
    // The sun sits below the HUD's top panels. Its glow and the clouds are opaque, in
    // the colour they had as translucent shapes over the sky behind them: a blended
    // fill costs the software renderer several times a plain one.
    const float sun_y = gfx.height() * 0.3f;
    // The glow is a pale warm halo: the sun blended over the blue sky read as a grey ring.
    gfx.fill_circle(gfx.width() * 0.8f, sun_y, gfx.u(46), mix(palette::sun, palette::text, 0.45));
    gfx.fill_circle(gfx.width() * 0.8f, sun_y, gfx.u(34), palette::sun);
    // Clouds drift slowly and move a little with the camera (far away).
    for (int i = 0; i < 5; ++i) {
        const float span = gfx.width() + gfx.u(300);
        float x = std::fmod(i * 331.0f * gfx.unit() - cam.cx_m * cam.scale * 0.1f + static_cast<float>(t_s) * gfx.u(8),
                            span);
        if (x < 0) x += span;
        x -= gfx.u(150);
        const float y = gfx.height() * (0.26f + 0.05f * (i % 3));  // below the HUD's top panels
        const Color c = mix(sky_at(gfx, y), palette::text, 170.0 / 255.0);
        gfx.fill_circle(x, y, gfx.u(26), c);
        gfx.fill_circle(x + gfx.u(30), y + gfx.u(6), gfx.u(22), c);
        gfx.fill_circle(x - gfx.u(28), y + gfx.u(8), gfx.u(18), c);
    }
    gfx.fill_circle_union(hills[0].centers_x, hills[0].cy, hills[0].r, std::ceil(hills[1].covered_from_y), hills[0].color);
    gfx.fill_circle_union(hills[1].centers_x, hills[1].cy, hills[1].r, gfx.height(), hills[1].color);
}

void draw_body(Gfx& gfx, const Camera& cam, const BodyView& b, const core::WorldView& view, core::LevelType type,
               double t_s) {
    switch (b.role) {
        case BodyRole::ground: {
            if (type == core::LevelType::sprint_start) {
                // The running track on top of the ground with lane lines.
                const BodyView track = top_strip(b, 1.2);
                fill_layers(gfx, cam, {{b, palette::hill_dark}, {track, palette::track}});
                for (int lane = 0; lane < 3; ++lane) {
                    const SDL_FPoint a = cam.to_px(b.x_m - b.half_w_m, track.y_m - track.half_h_m + 0.4 * lane);
                    const SDL_FPoint e = cam.to_px(b.x_m + b.half_w_m, track.y_m - track.half_h_m + 0.4 * lane);
                    gfx.line(a, e, std::max(1.0f, cam.scale * 0.03f), palette::track_line.with_alpha(150));
                }
                // Distance markers every 10 m.
                const double x0 = std::ceil((b.x_m - b.half_w_m) / 10.0) * 10.0;
                for (double x = x0; x <= b.x_m + b.half_w_m; x += 10.0) {
                    const SDL_FPoint p = cam.to_px(x, b.y_m + b.half_h_m);
                    gfx.fill_rect({p.x - 1, p.y, 2, cam.scale * 0.5f}, palette::track_line);
                }
            } else {
                fill_layers(gfx, cam, {{b, palette::hill_dark}, {top_strip(b, 0.24), palette::hill}});
            }
            break;
        }
        case BodyRole::ledge: {
            fill_layers(gfx, cam,
                        {{b, mix(palette::ledge, palette::hill_dark, 0.45)}, {b, palette::ledge, 0.04},
                         {top_strip(b, 0.16), palette::hill}});
            break;
        }
        case BodyRole::runner: {
            const double h_m = b.half_h_m * 2.0;
            ClimberPose pose = climber_pose(view, b.x_m, b.y_m - b.half_h_m, h_m);
            pose.angle = static_cast<float>(b.angle_rad);
            const SDL_FPoint feet = cam.to_px(b.x_m, b.y_m - b.half_h_m);
            draw_climber(gfx, feet, static_cast<float>(h_m) * cam.scale, pose, palette::runner, palette::text_dark);
            if (view.stumbling) {
                gfx.text("!", feet.x, feet.y - static_cast<float>(h_m) * cam.scale * 1.2f, cam.scale * 0.5f,
                         palette::miss, Align::center, VAlign::bottom, FontStyle::bold);
            }
            break;
        }
        case BodyRole::sprinter:
        case BodyRole::ghost: {
            const double h_m = b.shape == core::ShapeKind::circle ? b.radius_m * 2.0 : b.half_h_m * 2.0;
            const SDL_FPoint feet = cam.to_px(b.x_m, b.y_m - h_m / 2);
            const bool ghost = b.role == BodyRole::ghost;
            const bool running = type == core::LevelType::sprint_start;
            // Stride speed: the sprinter's stride follows the burst.
            const float phase = static_cast<float>(running ? b.x_m * 2.2 : t_s * 2.0);
            const float lean = running ? 0.35f : 0.1f;
            const float tuck = 0.0f;
            const Color body = ghost ? palette::rival : (b.role == BodyRole::sprinter ? palette::left_leg : palette::runner);
            // Only the player's sprinter drives a knee; the ghost keeps running.
            const float drive = b.role == BodyRole::sprinter ? static_cast<float>(view.charge) : 0.0f;
            draw_figure(gfx, feet, static_cast<float>(h_m) * cam.scale, phase, lean, tuck, drive,
                        static_cast<float>(b.angle_rad), body, ghost ? palette::rival : palette::text_dark,
                        ghost ? 130 : 255);
            break;
        }
        case BodyRole::finish_line: {
            const SDL_FPoint top = cam.to_px(b.x_m, b.y_m + b.half_h_m);
            const SDL_FPoint bottom = cam.to_px(b.x_m, b.y_m - b.half_h_m);
            const float w = std::max(4.0f, static_cast<float>(b.half_w_m * 2) * cam.scale);
            const int squares = 10;
            const float sq = (bottom.y - top.y) / squares;
            for (int i = 0; i < squares; ++i) {
                for (int k = 0; k < 2; ++k) {
                    gfx.fill_rect({top.x - w / 2 + k * w / 2, top.y + i * sq, w / 2, sq},
                                  (i + k) % 2 ? palette::text_dark : palette::track_line);
                }
            }
            // A banner so it reads as the finish from far away.
            gfx.fill_rect({top.x - w * 2, top.y - w * 2, w * 4, w * 1.4f}, palette::miss);
            break;
        }
        case BodyRole::pivot: {
            SDL_FPoint tri[3];
            const SDL_FPoint apex = cam.to_px(b.x_m, b.y_m + b.half_h_m);
            tri[0] = apex;
            tri[1] = cam.to_px(b.x_m + b.half_w_m, b.y_m - b.half_h_m);
            tri[2] = cam.to_px(b.x_m - b.half_w_m, b.y_m - b.half_h_m);
            if (b.shape == core::ShapeKind::circle) {
                const SDL_FPoint c = cam.to_px(b.x_m, b.y_m);
                gfx.fill_circle(c.x, c.y, static_cast<float>(b.radius_m) * cam.scale, palette::stone);
            } else {
                gfx.fill_convex(tri, palette::stone);
            }
            break;
        }
        case BodyRole::platform: {
            fill_layers(gfx, cam,
                        {{b, mix(palette::wood, palette::text_dark, 0.35)},
                         {b, palette::wood, std::min(b.half_h_m * 0.3, 0.05)}});
            break;
        }
        case BodyRole::block: {
            fill_box(gfx, cam, b, mix(palette::wood, palette::text_dark, 0.3));
            fill_box(gfx, cam, b, mix(palette::wood, palette::sun, 0.3), b.half_w_m * 0.14);
            // The crate's diagonal brace.
            SDL_FPoint p[4];
            box_corners(cam, b, p, b.half_w_m * 0.14);
            gfx.line(p[0], p[2], std::max(2.0f, static_cast<float>(b.half_w_m) * cam.scale * 0.18f),
                     mix(palette::wood, palette::text_dark, 0.3));
            break;
        }
        case BodyRole::ball: {
            const SDL_FPoint c = cam.to_px(b.x_m, b.y_m);
            const float r = static_cast<float>(b.radius_m) * cam.scale;
            gfx.fill_circle(c.x, c.y, r, palette::miss);
            // A stripe that turns with the ball shows it rolling.
            const float a = static_cast<float>(b.angle_rad);
            gfx.line({c.x - std::cos(a) * r, c.y + std::sin(a) * r}, {c.x + std::cos(a) * r, c.y - std::sin(a) * r},
                     r * 0.3f, palette::text.with_alpha(200));
            gfx.fill_circle(c.x - r * 0.35f, c.y - r * 0.35f, r * 0.22f, palette::text.with_alpha(160));
            break;
        }
    }
}

// The player's sprinter, if the world has one.
const BodyView* sprinter_of(const core::WorldView& v) {
    for (const BodyView& b : v.bodies) {
        if (b.role == BodyRole::sprinter) return &b;
    }
    return nullptr;
}

// Sprint Start: the world's camera zooms out to keep both runners in view, but
// never so far that the player's sprinter is drawn shorter than a tenth of the
// window's height (72 px at 1280x720; in a tall window the design unit alone would
// leave it 39 px in 1100): beyond that the camera follows the player and the rival
// becomes an arrow at the window's edge. Returns the sprinter's height in pixels
// (0 without one).
constexpr float kMinRunner = 72.0f;  // design px
constexpr float kMinRunnerOfHeight = 0.1f;
constexpr double kRunnerMargin_m = 2.0;  // the sprinter stays this far inside the window

float keep_runner_readable(const Gfx& gfx, Camera& cam, const core::WorldView& previous, const core::WorldView& current,
                           double t) {
    const BodyView* now = sprinter_of(current);
    if (!now) return 0.0f;
    const BodyView* before = sprinter_of(previous);
    const double h_m = now->half_h_m * 2.0;
    if (h_m <= 0.0) return 0.0f;
    const float floor_px = std::max(gfx.u(kMinRunner), kMinRunnerOfHeight * gfx.height());
    cam.scale = std::max(cam.scale, floor_px / static_cast<float>(h_m));
    const double x_m = before ? lerp(before->x_m, now->x_m, t) : now->x_m;
    const double half_m = 0.5 * gfx.width() / cam.scale;
    const double margin_m = std::min(kRunnerMargin_m, 0.4 * half_m);
    cam.cx_m = static_cast<float>(std::clamp<double>(cam.cx_m, x_m - half_m + margin_m, x_m + half_m - margin_m));
    return static_cast<float>(h_m) * cam.scale;
}

// The balance tower (pivot, platform and the blocks on it) stays between the level's
// label under the top panels and the metronome panel at the bottom, zoomed out if the
// band is too short for it: at 1280x720 "Tower complete!" covered the top block, and
// in a wide, low window (1600x500) the top block was cut off at the window's edge and
// the metronome covered the platform.
constexpr float kTowerTop = 192.0f;     // design px from the window's top: under the label
constexpr float kTowerBottom = 128.0f;  // design px from the window's bottom: over the metronome

void keep_tower_in_view(const Gfx& gfx, Camera& cam, const core::WorldView& view) {
    double lo_m = 0.0, hi_m = 0.0;
    bool any = false;
    for (const BodyView& b : view.bodies) {
        if (b.role != BodyRole::pivot && b.role != BodyRole::platform && b.role != BodyRole::block) continue;
        const double reach_m = b.shape == core::ShapeKind::circle
                                   ? b.radius_m
                                   : std::fabs(b.half_w_m * std::sin(b.angle_rad)) + std::fabs(b.half_h_m * std::cos(b.angle_rad));
        lo_m = any ? std::min(lo_m, b.y_m - reach_m) : b.y_m - reach_m;
        hi_m = any ? std::max(hi_m, b.y_m + reach_m) : b.y_m + reach_m;
        any = true;
    }
    if (!any || hi_m <= lo_m) return;
    const float top_px = gfx.u(kTowerTop);
    const float bottom_px = gfx.height() - gfx.u(kTowerBottom);
    if (bottom_px <= top_px) return;
    cam.scale = std::min(cam.scale, (bottom_px - top_px) / static_cast<float>(hi_m - lo_m));
    const float top_y = cam.to_px(0.0, hi_m).y;
    const float bottom_y = cam.to_px(0.0, lo_m).y;
    // A larger centre height moves the world down the window.
    if (top_y < top_px) {
        cam.cy_m += (top_px - top_y) / cam.scale;
    } else if (bottom_y > bottom_px) {
        cam.cy_m -= (bottom_y - bottom_px) / cam.scale;
    }
}

// A rival out of the window: an arrow at that edge with how far away it is.
void rival_off_screen(Gfx& gfx, const Camera& cam, const core::WorldView& v, const std::string& ghost_label) {
    const float x = cam.to_px(v.ghost_x_m, 0.0).x;
    const bool left = x < 0.0f;
    if (!left && x <= gfx.width()) return;
    const float y = cam.to_px(v.ghost_x_m, 0.9).y;
    const float tip = left ? gfx.u(14) : gfx.width() - gfx.u(14);
    const float back = left ? tip + gfx.u(26) : tip - gfx.u(26);
    const SDL_FPoint arrow[3] = {{tip, y}, {back, y - gfx.u(16)}, {back, y + gfx.u(16)}};
    gfx.fill_triangles(arrow, palette::rival);
    const std::string who = ghost_label.empty() ? std::string("Rival") : ghost_label;
    const std::string text = who + format_value(" %.0f m", std::fabs(v.ghost_x_m - v.runner_x_m));
    const float size = gfx.u(17);
    const SDL_FPoint m = gfx.measure(text, size, FontStyle::bold);
    const float pill_x = left ? back + gfx.u(6) : back - gfx.u(6) - m.x - gfx.u(20);
    gfx.fill_round_rect({pill_x, y - gfx.u(15), m.x + gfx.u(20), gfx.u(30)}, gfx.u(15), palette::rival);
    gfx.text(text, pill_x + gfx.u(10), y, size, palette::text_dark, Align::left, VAlign::middle, FontStyle::bold);
}

}  // namespace

SDL_FRect world_label_rect(const Gfx& gfx, core::LevelType type, float text_w_px) {
    // The balance tower stands in the middle of the window, so its label goes to the left.
    const bool tower = type == core::LevelType::balance_tower;
    const float centre_x = gfx.dx(tower ? 250.0f : 640.0f);
    const float centre_y = gfx.u(tower ? 168.0f : 150.0f);  // from the window's top, as the top panels
    SDL_FRect r{centre_x - text_w_px / 2 - gfx.u(16), centre_y - gfx.u(19), text_w_px + gfx.u(32), gfx.u(38)};
    // In a window narrower than the design (a tall one) the tower's label would start
    // left of the window: it keeps to the window's edges.
    const float edge = gfx.u(12);
    r.x = std::max(edge, std::min(r.x, gfx.width() - r.w - edge));
    return r;
}

float draw_world(Gfx& gfx, const core::WorldView& previous, const core::WorldView& current, double alpha,
                 core::LevelType type, double t_s, const std::string& ghost_label) {
    Camera cam;
    const double t = std::clamp(alpha, 0.0, 1.0);
    const double view_w = std::max(2.0, current.camera.view_width_m);
    cam.scale = gfx.width() / static_cast<float>(view_w);
    cam.cx_m = static_cast<float>(lerp(previous.camera.center_x_m, current.camera.center_x_m, t));
    cam.cy_m = static_cast<float>(lerp(previous.camera.center_y_m, current.camera.center_y_m, t));
    cam.sx = gfx.width() / 2;
    // The camera's point sits in the band between the HUD's top and bottom panels.
    cam.sy = gfx.height() * 0.44f;
    const float runner_px = keep_runner_readable(gfx, cam, previous, current, t);
    if (type == core::LevelType::balance_tower) keep_tower_in_view(gfx, cam, current);
    std::vector<BodyView> visible;
    const bool same = previous.bodies.size() == current.bodies.size();
    for (std::size_t i = 0; i < current.bodies.size(); ++i) {
        const BodyView& b = current.bodies[i];
        const bool match = same && previous.bodies[i].role == b.role;
        BodyView v = match ? blend(previous.bodies[i], b, t) : b;
        if (v.role == BodyRole::ground || v.role == BodyRole::ledge) {
            // The ground and the hill's blocks end a metre or so below the surface; drawn,
            // they reach past the window's bottom edge so nothing stands on the far hills.
            const double window_bottom_m = cam.cy_m - (gfx.height() - cam.sy) / cam.scale - 0.5;
            const double top_m = v.y_m + v.half_h_m;
            if (v.y_m - v.half_h_m > window_bottom_m && top_m > window_bottom_m) {
                v.half_h_m = (top_m - window_bottom_m) / 2;
                v.y_m = top_m - v.half_h_m;
            }
        }
        // Bodies wholly outside the window (the rest of a long hill or track) are
        // skipped: a bounding circle around the body is enough to be sure.
        const double reach_m = v.shape == core::ShapeKind::circle ? v.radius_m : std::hypot(v.half_w_m, v.half_h_m) + 0.5;
        const SDL_FPoint c = cam.to_px(v.x_m, v.y_m);
        const float reach_px = static_cast<float>(reach_m) * cam.scale;
        if (c.x + reach_px < 0 || c.x - reach_px > gfx.width() || c.y + reach_px < 0 || c.y - reach_px > gfx.height()) {
            continue;
        }
        visible.push_back(v);
    }
    // The sky and hills are drawn around the ground and the ledges, which cover them.
    const std::size_t mark = gfx.covers_mark();
    for (const BodyView& v : visible) {
        if (v.role != BodyRole::ground && v.role != BodyRole::ledge) continue;
        SDL_FPoint p[4];
        box_corners(cam, v, p);
        gfx.cover_convex(p);
    }
    draw_sky(gfx, cam, t_s);
    gfx.drop_covers(mark);
    for (const BodyView& v : visible) {
        draw_body(gfx, cam, v, current, type, t_s);
        if (v.role == BodyRole::ghost && !ghost_label.empty()) {
            // A name tag over a recorded rival's head, so the player knows whose run it is.
            const std::string tag = ghost_label + "'s ghost";
            const SDL_FPoint top = cam.to_px(v.x_m, v.y_m + v.half_h_m * 1.6);
            const SDL_FPoint size = gfx.measure(tag, gfx.u(17), FontStyle::bold);
            gfx.fill_round_rect({top.x - size.x / 2 - gfx.u(10), top.y - gfx.u(15), size.x + gfx.u(20), gfx.u(30)},
                                gfx.u(15), palette::rival);
            gfx.text(tag, top.x, top.y, gfx.u(17), palette::text_dark, Align::center, VAlign::middle, FontStyle::bold);
        }
    }
    // Level-specific markers on top of the world, on a pill so clouds never hide them.
    constexpr double kStartedM = 0.05;  // the sprinter has moved off the start line
    auto label = [&gfx, type](const std::string& s, Color c) {
        const HudScale scale(gfx);  // under the top panels, at their scale
        const SDL_FPoint size = gfx.measure(s, gfx.u(22), FontStyle::bold);
        const SDL_FRect r = world_label_rect(gfx, type, size.x);
        gfx.fill_round_rect(r, r.h / 2, palette::hud_panel);
        gfx.text(s, r.x + r.w / 2, r.y + r.h / 2, gfx.u(22), c, Align::center, VAlign::middle, FontStyle::bold);
    };
    if (type == core::LevelType::hill_climb && current.ledges > 0) {
        label("Ledge " + std::to_string(current.ledge) + " / " + std::to_string(current.ledges), palette::text);
    } else if (type == core::LevelType::sprint_start && current.finish_x_m > 0) {
        const double ahead = current.runner_x_m - current.ghost_x_m;
        // Racing somebody's recorded run, say whose ("ahead of Ada's ghost by 1.2 m").
        const std::string rival = ghost_label.empty() ? "" : (ahead >= 0 ? " of " : " ") + ghost_label + "'s ghost";
        const std::string to_go = format_value("%.0f m to go", std::max(0.0, current.finish_x_m - current.runner_x_m));
        if (current.runner_x_m < kStartedM) {
            // Not off the blocks yet: no race standing to be behind in.
            label(to_go, palette::text);
        } else if (current.runner_finish_s) {
            // Over the line: who crossed first, not who coasted further past it.
            const bool first = !current.ghost_finish_s || *current.runner_finish_s <= *current.ghost_finish_s;
            const std::string by =
                current.ghost_finish_s ? format_value("%.1f s", std::fabs(*current.ghost_finish_s - *current.runner_finish_s))
                                       : format_value("%.1f m", std::max(0.0, current.finish_x_m - current.ghost_x_m));
            const std::string whose = ghost_label.empty() ? "" : (first ? " of " : " ") + ghost_label + "'s ghost";
            label(std::string(first ? "Over the line first" : "Over the line second") + "   ·   " + by +
                      (first ? " ahead" : " behind") + whose,
                  first ? palette::text : palette::warning);
        } else {
            label(to_go + "   ·   " + (ahead >= 0 ? "ahead" : "behind") + rival + " by " + format_value("%.1f m", std::abs(ahead)),
                  ahead >= 0 ? palette::text : palette::warning);
        }
        if (current.charge > 0.0) {
            // Charge meter over the sprinter while a knee drive is held.
            const SDL_FRect r = gfx.drect(540, 180, 200, 14);
            gfx.fill_round_rect(r, r.h / 2, palette::hud_panel);
            gfx.fill_round_rect({r.x, r.y, r.w * static_cast<float>(std::clamp(current.charge, 0.0, 1.0)), r.h}, r.h / 2,
                                palette::action);
        }
        rival_off_screen(gfx, cam, current, ghost_label);
    } else if (type == core::LevelType::balance_tower) {
        label("Tilt " + format_value("%+.1f°", current.tilt_deg) + "   ·   " + std::to_string(current.blocks_on) + " / " +
                  std::to_string(current.blocks_total) + " on the platform",
              palette::text);
    }
    return runner_px;
}

}  // namespace highstep::app
