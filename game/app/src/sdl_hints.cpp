#include "sdl_hints.h"

#include <SDL.h>

namespace highstep::app {

void set_sdl_hints_before_init() {
    SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "1");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    // The board belongs to input/hid: SDL must never open it as a Wii controller.
    SDL_SetHint(SDL_HINT_JOYSTICK_HIDAPI_WII, "0");
}

}  // namespace highstep::app
