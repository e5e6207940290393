// The climber mirrors the rep: a spectator can tell from it what the player does now.
//   ready     standing near the next riser (walking on after a rep), arms loose;
//   stepping  the lead foot up on the next ledge, the body rising with the load, leaning
//             in, arms pumping;
//   top       standing tall on the new ledge, arms up;
//   lowering  steadying: arms out to the sides, and a ring over the head that fills as
//             the lowering is done with control.
#include "climber_draw.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "palette.h"

namespace highstep::app {

namespace {
constexpr float kPi = std::numbers::pi_v<float>;
constexpr float kThigh = 0.25f, kShin = 0.26f;  // body heights
constexpr float kHipY = 0.5f, kShoulderY = 0.82f;

struct Pt {
    float x, y;
};

// The knee of a two-segment leg from hip to foot, bent forward (+x).
Pt knee_of(Pt hip, Pt foot) {
    const float dx = foot.x - hip.x, dy = foot.y - hip.y;
    const float d = std::clamp(std::hypot(dx, dy), 0.05f, kThigh + kShin - 1e-3f);
    // Angle at the hip between the hip-foot line and the thigh (law of cosines).
    const float cos_a = std::clamp((kThigh * kThigh + d * d - kShin * kShin) / (2 * kThigh * d), -1.0f, 1.0f);
    const float base = std::atan2(dy, dx);
    // Forward bend: turn the thigh toward +x (counter-clockwise when the foot is below).
    const float a = base + std::acos(cos_a);
    return {hip.x + std::cos(a) * kThigh, hip.y + std::sin(a) * kThigh};
}
}  // namespace

ClimberPose climber_pose(const core::WorldView& view, double feet_x_m, double feet_y_m, double h_m) {
    ClimberPose p;
    p.stage = view.climb_stage;
    p.foot_on_next = view.foot_on_next;
    p.control = static_cast<float>(view.control);
    if (view.foot_on_next && h_m > 0.0) {
        // The lead foot stays where it landed on the next ledge while the body rises.
        p.lead_dx = static_cast<float>((view.lead_foot_x_m - feet_x_m) / h_m);
        p.lead_up = static_cast<float>(std::max(0.0, view.lead_foot_y_m - feet_y_m) / h_m);
    }
    return p;
}

void draw_climber(Gfx& gfx, SDL_FPoint feet, float h, const ClimberPose& pose, Color body, Color limbs) {
    const float ca = std::cos(pose.angle), sa = std::sin(pose.angle);
    auto P = [&](Pt q) { return SDL_FPoint{feet.x + (q.x * ca - q.y * sa) * h, feet.y - (q.x * sa + q.y * ca) * h}; };
    const Color skin = palette::skin;
    const float limb_w = h * 0.075f;
    using core::ClimbStage;
    const bool stepping = pose.stage == ClimbStage::stepping && pose.foot_on_next;
    const float lean = stepping ? 0.28f : pose.stage == ClimbStage::top ? -0.02f : 0.06f;
    const Pt hip{lean * 0.12f, kHipY};
    const Pt shoulder{hip.x + std::sin(lean) * (kShoulderY - kHipY), kShoulderY};

    // Legs: the far (trail) leg stands under the body; the near (lead) leg reaches up onto
    // the next ledge from the contact on.
    Pt trail_foot{-0.05f, 0.0f};
    Pt lead_foot{0.06f, 0.0f};
    if (pose.foot_on_next) lead_foot = {pose.lead_dx, pose.lead_up};
    const SDL_FPoint hip_px = P(hip);
    for (int side = 0; side < 2; ++side) {
        const Pt foot = side ? lead_foot : trail_foot;
        const Pt knee = knee_of(hip, foot);
        const Color c = side ? limbs : mix(limbs, palette::text_dark, 0.25);
        gfx.capsule(hip_px, P(knee), limb_w * 1.15f, c);
        gfx.capsule(P(knee), P(foot), limb_w, c);
        // A shoe, so the foot on the ledge reads.
        gfx.capsule(P(foot), P({foot.x + 0.07f, foot.y}), limb_w * 0.9f, c);
    }
    // Torso and head.
    const SDL_FPoint shoulder_px = P(shoulder);
    gfx.capsule(hip_px, shoulder_px, limb_w * 2.2f, body);
    const Pt head{shoulder.x + std::sin(lean) * 0.14f, 0.96f};
    gfx.fill_circle(P(head).x, P(head).y, h * 0.085f, skin);
    // Arms.
    for (int side = 0; side < 2; ++side) {
        float a = -0.5f * kPi, fore = a;  // hanging
        switch (pose.stage) {
            case ClimbStage::stepping:  // pumping, as when climbing stairs briskly
                a = side ? -0.5f * kPi + 0.9f : -0.5f * kPi - 0.6f;
                fore = a + 1.3f;
                break;
            case ClimbStage::top:  // standing tall: arms up
                a = side ? 0.5f * kPi - 0.35f : 0.5f * kPi + 0.35f;
                fore = a;
                break;
            case ClimbStage::lowering:  // steadying: arms out to the sides
                a = side ? 0.15f : kPi - 0.15f;
                fore = a - (side ? 0.2f : -0.2f);
                break;
            case ClimbStage::ready:
                a = -0.5f * kPi + (side ? 0.15f : -0.15f);
                fore = a + 0.3f;
                break;
        }
        const Pt elbow{shoulder.x + std::cos(a) * 0.17f, shoulder.y + std::sin(a) * 0.17f};
        const Pt hand{elbow.x + std::cos(fore) * 0.15f, elbow.y + std::sin(fore) * 0.15f};
        const Color c = side ? body : mix(body, palette::text_dark, 0.25);
        gfx.capsule(shoulder_px, P(elbow), limb_w * 0.9f, c);
        gfx.capsule(P(elbow), P(hand), limb_w * 0.8f, skin);
    }
    // The lowering's control, over the head: fills as the lowering is done slowly.
    if (pose.stage == ClimbStage::lowering) {
        const SDL_FPoint c = P({head.x, 1.22f});
        const float r = h * 0.11f;
        gfx.ring(c.x, c.y, r, r * 0.62f, palette::panel);
        const Color fill = pose.control >= 1.0f ? palette::good : palette::accent;
        if (pose.control > 0.0f) gfx.arc(c.x, c.y, r, r * 0.62f, 0.0f, 2 * kPi * std::min(1.0f, pose.control), fill);
    }
}

}  // namespace highstep::app
