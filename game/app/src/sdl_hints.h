#pragma once
// SDL hints the game sets before SDL_Init.

namespace highstep::app {

// Sets every hint the game needs before SDL starts a subsystem. One of them keeps
// SDL's own HIDAPI Wii driver off (SDL_HINT_JOYSTICK_HIDAPI_WII = "0"): where it is
// on, SDL's joystick subsystem opens the Balance Board itself and writes its own
// report mode, fighting the board driver (input/hid) over the same device.
// Must be called before SDL_Init / SDL_InitSubSystem of the joystick or game
// controller subsystem: SDL reads the hint when it enumerates devices.
void set_sdl_hints_before_init();

}  // namespace highstep::app
