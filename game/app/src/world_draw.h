#pragma once
// Draws the level's Box2D world from the session's WorldView (plain data; the app
// never touches Box2D): sky and parallax hills, the hill of ledges, the track, the
// tower's platform, crates and balls, and the runner or sprinter as a figure with
// a running stride. Two views are blended by `alpha` (interpolation between the
// last two fixed steps), so motion is smooth at any frame rate.
#include <string>

#include "gfx.h"
#include "highstep/core/level/level.h"
#include "highstep/core/world/world.h"

namespace highstep::app {

// `previous` and `current` are the views after the last two steps; they are
// blended per body when they hold the same bodies. `ghost_label` names the
// rival in Sprint Start when it is somebody's recorded run (a challenge ghost).
// Returns the player's sprinter's drawn height in pixels (0 when there is none):
// the camera never lets it fall below a tenth of the design height.
// The level's marker label ("Ledge 3 / 24", "12 m to go", the tower's tilt) as a
// box in pixels: under the top HUD panels, kept to the window's top edge like them
// (in a tall window the design box sits lower down). Text width `text_w_px`.
SDL_FRect world_label_rect(const Gfx& gfx, core::LevelType type, float text_w_px);
// The label's bottom edge in pixels, whatever its text: the coach's line goes under it.
inline float world_label_bottom_px(const Gfx& gfx, core::LevelType type) {
    const SDL_FRect r = world_label_rect(gfx, type, 0.0f);
    return r.y + r.h;
}

float draw_world(Gfx& gfx, const core::WorldView& previous, const core::WorldView& current, double alpha,
                 core::LevelType type, double t_s, const std::string& ghost_label = {});

}  // namespace highstep::app
