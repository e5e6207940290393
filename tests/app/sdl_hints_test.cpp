// The hints the game sets before SDL starts: SDL's own HIDAPI Wii driver stays off, so
// SDL never opens the Balance Board and fights the board driver over its report mode.
#include <SDL.h>
#include <gtest/gtest.h>

#include <string>

#include "sdl_hints.h"  // game_app.cpp's SdlSession calls it right before SDL_Init

TEST(SdlHints, HidapiWiiDriverIsOffBeforeSdlStarts) {
    // As on a system whose environment turns it on: the game's setting must win.
    SDL_SetHint(SDL_HINT_JOYSTICK_HIDAPI_WII, "1");
    ASSERT_STREQ(SDL_GetHint(SDL_HINT_JOYSTICK_HIDAPI_WII), "1");
    highstep::app::set_sdl_hints_before_init();
    const char* value = SDL_GetHint(SDL_HINT_JOYSTICK_HIDAPI_WII);
    ASSERT_NE(value, nullptr);
    EXPECT_EQ(std::string(value), "0");
    // SDL reads it as a boolean when its joystick subsystem enumerates HIDAPI devices.
    EXPECT_EQ(SDL_GetHintBoolean(SDL_HINT_JOYSTICK_HIDAPI_WII, SDL_TRUE), SDL_FALSE);
}
