#include "scenes/practice_figure.h"

#include <algorithm>
#include <cmath>
#include <span>
#include <vector>

namespace highstep::app {

namespace {

// A pose in figure units: x forward (towards the board), y up from the floor; a
// leg is 90 units long, the board's top is at 30.
struct Pose {
    SDL_FPoint hip, knee_l, foot_l, knee_r, foot_r;
    bool hands_behind_head = false;
};

struct Key {
    double at;  // share of the loop, 0 … 1
    Pose pose;
};

constexpr float kBoardTop = 30.0f;

Pose lerp(const Pose& a, const Pose& b, float u) {
    auto p = [u](SDL_FPoint x, SDL_FPoint y) { return SDL_FPoint{x.x + (y.x - x.x) * u, x.y + (y.y - x.y) * u}; };
    return {p(a.hip, b.hip), p(a.knee_l, b.knee_l), p(a.foot_l, b.foot_l), p(a.knee_r, b.knee_r), p(a.foot_r, b.foot_r),
            a.hands_behind_head};
}

Pose at(std::span<const Key> keys, double loop) {
    for (std::size_t i = 0; i + 1 < keys.size(); ++i) {
        if (loop <= keys[i + 1].at) {
            const double span = keys[i + 1].at - keys[i].at;
            double u = span > 0 ? (loop - keys[i].at) / span : 1.0;
            u = u * u * (3.0 - 2.0 * u);  // ease in and out
            return lerp(keys[i].pose, keys[i + 1].pose, static_cast<float>(u));
        }
    }
    return keys.back().pose;
}

// Standing on the floor in front of the board, and standing on it.
constexpr Pose kFloor{{-40, 90}, {-38, 45}, {-38, 0}, {-42, 45}, {-42, 0}};
constexpr Pose kOnBoard{{50, 120}, {52, 75}, {52, kBoardTop}, {48, 75}, {48, kBoardTop}};

const std::vector<Key>& keys_of(PracticeMove move) {
    static const std::vector<Key> step_up{
        {0.00, kFloor},
        {0.12, kFloor},
        {0.30, {{-8, 95}, {28, 68}, {40, kBoardTop}, {-30, 45}, {-38, 0}}},   // left foot on
        {0.48, kOnBoard},                                                      // right foot up: stand tall
        {0.58, kOnBoard},
        {0.78, {{0, 96}, {32, 70}, {40, kBoardTop}, {-14, 48}, {-28, 0}}},     // right foot down, slowly
        {0.96, kFloor},                                                        // left foot down
        {1.00, kFloor},
    };
    static const Pose drive{{50, 122}, {52, 76}, {52, kBoardTop}, {90, 122}, {90, 78}};
    static const std::vector<Key> knee_drive{
        {0.00, kOnBoard}, {0.25, kOnBoard}, {0.45, drive}, {0.75, drive}, {0.92, kOnBoard}, {1.00, kOnBoard},
    };
    static Pose held{{50, 121}, {52, 76}, {52, kBoardTop}, {62, 80}, {36, 52}, true};
    static Pose both = [] {
        Pose p = kOnBoard;
        p.hands_behind_head = true;
        return p;
    }();
    static const std::vector<Key> balance{
        {0.00, both}, {0.20, both}, {0.35, held}, {0.85, held}, {0.97, both}, {1.00, both},
    };
    switch (move) {
        case PracticeMove::step_up: return step_up;
        case PracticeMove::knee_drive: return knee_drive;
        case PracticeMove::balance: return balance;
    }
    return step_up;
}

constexpr double kLoop_s = 4.0;

}  // namespace

void draw_practice_figure(Gfx& gfx, const SDL_FRect& r, PracticeMove move, double t_s) {
    // Figure units to pixels: 260 units tall fit the rect; the floor near its bottom.
    const float k = r.h / 260.0f;
    const float floor_y = r.y + r.h - 20 * k;
    const float ox = r.x + r.w / 2 - 10 * k;
    auto px = [&](SDL_FPoint p) { return SDL_FPoint{ox + p.x * k, floor_y - p.y * k}; };

    gfx.fill_rect({r.x, floor_y, r.w, 4 * k}, palette::panel_edge);
    // The board from the side: a low deck on two feet.
    const SDL_FRect deck{ox + 0 * k, floor_y - kBoardTop * k, 100 * k, 22 * k};
    gfx.fill_round_rect(deck, 6 * k, mix(palette::panel_light, palette::text, 0.3));
    gfx.fill_rect({deck.x + 8 * k, floor_y - 8 * k, 12 * k, 8 * k}, palette::text_dim);
    gfx.fill_rect({deck.x + deck.w - 20 * k, floor_y - 8 * k, 12 * k, 8 * k}, palette::text_dim);

    const double loop = std::fmod(std::max(0.0, t_s), kLoop_s) / kLoop_s;
    const Pose p = at(keys_of(move), loop);
    const SDL_FPoint hip = px(p.hip);
    const SDL_FPoint neck = px({p.hip.x + 2, p.hip.y + 62});
    const SDL_FPoint head = px({p.hip.x + 4, p.hip.y + 82});
    const float limb = 11 * k;
    // The far (right) leg first, then the body, then the near (left) leg and arm.
    gfx.capsule(hip, px(p.knee_r), limb, palette::right_leg);
    gfx.capsule(px(p.knee_r), px(p.foot_r), limb, palette::right_leg);
    gfx.capsule(px(p.foot_r), px({p.foot_r.x + 14, p.foot_r.y}), limb * 0.8f, palette::right_leg);
    gfx.capsule(hip, neck, 16 * k, palette::text);
    gfx.fill_circle(head.x, head.y, 13 * k, palette::skin);
    if (p.hands_behind_head) {
        // Prisoner hold: elbows out wide, hands behind the head.
        gfx.capsule(px({p.hip.x + 2, p.hip.y + 58}), px({p.hip.x + 22, p.hip.y + 76}), limb * 0.8f, palette::text_dim);
        gfx.capsule(px({p.hip.x + 22, p.hip.y + 76}), px({p.hip.x - 6, p.hip.y + 84}), limb * 0.8f, palette::text_dim);
    } else {
        gfx.capsule(px({p.hip.x + 2, p.hip.y + 58}), px({p.hip.x + 8, p.hip.y + 28}), limb * 0.8f, palette::text_dim);
    }
    gfx.capsule(hip, px(p.knee_l), limb, palette::left_leg);
    gfx.capsule(px(p.knee_l), px(p.foot_l), limb, palette::left_leg);
    gfx.capsule(px(p.foot_l), px({p.foot_l.x + 14, p.foot_l.y}), limb * 0.8f, palette::left_leg);
    gfx.text("left", px({-80, 150}).x, px({-80, 150}).y, 15 * k, palette::left_leg, Align::center, VAlign::middle);
    gfx.text("right", px({-80, 135}).x, px({-80, 135}).y, 15 * k, palette::right_leg, Align::center, VAlign::middle);
}

}  // namespace highstep::app
