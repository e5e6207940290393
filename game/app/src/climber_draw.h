#pragma once
// The Hill Climb climber, posed as the player's step-up is right now
// (core::WorldView's climb stage, rise and lowering control).
#include "gfx.h"
#include "highstep/core/world/world.h"

namespace highstep::app {

struct ClimberPose {
    core::ClimbStage stage = core::ClimbStage::ready;
    bool foot_on_next = false;
    float lead_dx = 0.0f;   // the lead foot on the next ledge: forward of the feet, in body heights
    float lead_up = 0.0f;   // ... and above them, in body heights
    float control = 0.0f;   // 0..1 while lowering
    float angle = 0.0f;     // a wobble after a Miss, radians
};

// The pose from the world's view; the climber's feet are at (feet_x_m, feet_y_m), it is h_m tall.
ClimberPose climber_pose(const core::WorldView& view, double feet_x_m, double feet_y_m, double h_m);

// Draws the climber standing at `feet` (pixels), `h` pixels tall.
void draw_climber(Gfx& gfx, SDL_FPoint feet, float h, const ClimberPose& pose, Color body, Color limbs);

}  // namespace highstep::app
