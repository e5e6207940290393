#pragma once
// What a menu or the play scene can be asked to do. Keyboard, gamepad and the
// board itself all become these (Endless Sky's Command idea): scenes never see
// SDL events, so the same scene works with any controller and under test scripts.

namespace highstep::app {

enum class Action {
    up,        // previous item / lean forward
    down,      // next item / lean back
    left,      // previous value / lean left
    right,     // next value / lean right
    confirm,   // Enter, gamepad A, board button or a step
    back,      // Escape, gamepad B
    pause,     // P, gamepad Start
    erase,     // Backspace while typing a name
};

const char* to_string(Action action);

}  // namespace highstep::app
