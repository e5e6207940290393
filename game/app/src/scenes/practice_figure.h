#pragma once
// The practice screen's picture: a figure on the board seen from the side, doing
// one of the three moves on a loop (keyframes blended smoothly), the left leg in
// the left-leg colour and the right in the right-leg colour, as everywhere else.
#include <SDL.h>

#include "gfx.h"

namespace highstep::app {

enum class PracticeMove { step_up, knee_drive, balance };

// Draws into `r` (pixels) at time `t_s` of the loop.
void draw_practice_figure(Gfx& gfx, const SDL_FRect& r, PracticeMove move, double t_s);

}  // namespace highstep::app
