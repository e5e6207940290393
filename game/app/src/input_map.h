#pragma once
// Keyboard and gamepad to game input. Menus get Actions; the simulated board gets
// SimControls (what the player means to do with their feet). Only this file and
// the app loop look at SDL events.
//
//   menus     arrows / d-pad / left stick move, Enter / A confirm, Esc / B back;
//             the simulated board's keys do nothing there (a foot key must not
//             step on or off the board and choose an item)
//   playing   Esc / P / Start pause
//   simulated board (any screen that reads the board):
//             A / D or LB / RB      put the left / right foot on the board or take it off
//             Q / E or LT / RT      (held) drive the left / right knee up
//             arrows or left stick  (held) shift weight left / right / front / back
//             Space or gamepad A    (held) push hard into the board
#include <SDL.h>

#include <vector>

#include "highstep/app/actions.h"
#include "highstep/synth/simulated_board.h"

namespace highstep::app {

enum class InputMode {
    menu,   // arrows navigate, Space confirms
    board,  // a scene reading the board: arrows and Space drive the simulated board
    text,   // typing a name: letters are text, not controls
};

// A foot taken off while the other stands on the board becomes a lifted foot (its
// knee up): the whole weight on the standing foot, as "stand on your left foot"
// means. Otherwise the simulated board puts the foot on the floor in front, which
// leaves a quarter of the weight on the board (the start of a step-up).
synth::SimControls lift_instead_of_step_off(synth::SimControls controls);

class InputMapper {
public:
    InputMapper();
    ~InputMapper();
    InputMapper(const InputMapper&) = delete;
    InputMapper& operator=(const InputMapper&) = delete;

    // Translates one event; menu actions are appended to `out`.
    void handle(const SDL_Event& event, InputMode mode, std::vector<Action>& out);
    // Once per frame: gamepad stick auto-repeat in menus.
    void update(double now_s, InputMode mode, std::vector<Action>& out);

    const synth::SimControls& controls() const { return controls_; }
    bool gamepad_connected() const { return pad_ != nullptr; }

private:
    void open_first_pad();
    SDL_GameController* pad_ = nullptr;
    synth::SimControls controls_;
    // Held keys, so two sources (key and stick) combine and release cleanly.
    bool key_left_ = false, key_right_ = false, key_up_ = false, key_down_ = false;
    bool key_drive_ = false, key_knee_l_ = false, key_knee_r_ = false;
    bool pad_drive_ = false, pad_knee_l_ = false, pad_knee_r_ = false;
    double stick_x_ = 0.0, stick_y_ = 0.0;
    // Stick navigation in menus: direction held and when it next repeats.
    int stick_dir_ = -1;
    double stick_next_s_ = 0.0;
    void refresh_controls(InputMode mode);
};

}  // namespace highstep::app
