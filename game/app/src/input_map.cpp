#include "input_map.h"

#include <algorithm>
#include <cmath>

namespace highstep::app {

namespace {
constexpr double kStickDead = 0.25;       // stick travel below this is rest
constexpr double kStickNav = 0.6;         // stick travel that moves a menu selection
constexpr double kTriggerOn = 0.5;        // trigger travel that counts as "knee up"
constexpr double kRepeatFirst_s = 0.45;   // menu auto-repeat: first delay, then
constexpr double kRepeatNext_s = 0.15;    // every this often

double axis(SDL_GameController* pad, SDL_GameControllerAxis a) {
    return SDL_GameControllerGetAxis(pad, a) / 32767.0;
}
}  // namespace

synth::SimControls lift_instead_of_step_off(synth::SimControls c) {
    if (c.left_foot_on && !c.right_foot_on) c.right_knee_up = true;
    if (c.right_foot_on && !c.left_foot_on) c.left_knee_up = true;
    return c;
}

InputMapper::InputMapper() {
    if (SDL_WasInit(SDL_INIT_GAMECONTROLLER)) open_first_pad();
}

InputMapper::~InputMapper() {
    if (pad_) SDL_GameControllerClose(pad_);
}

void InputMapper::open_first_pad() {
    for (int i = 0; i < SDL_NumJoysticks() && !pad_; ++i) {
        if (SDL_IsGameController(i)) pad_ = SDL_GameControllerOpen(i);
    }
}

void InputMapper::refresh_controls(InputMode mode) {
    const bool board = mode == InputMode::board;
    double sx = (key_right_ ? 1.0 : 0.0) - (key_left_ ? 1.0 : 0.0);
    double sy = (key_up_ ? 1.0 : 0.0) - (key_down_ ? 1.0 : 0.0);
    if (std::abs(stick_x_) > kStickDead) sx += stick_x_;
    if (std::abs(stick_y_) > kStickDead) sy -= stick_y_;  // stick up is negative
    controls_.shift_x = board ? std::clamp(sx, -1.0, 1.0) : 0.0;
    controls_.shift_y = board ? std::clamp(sy, -1.0, 1.0) : 0.0;
    controls_.drive = board && (key_drive_ || pad_drive_);
    controls_.left_knee_up = board && (key_knee_l_ || pad_knee_l_);
    controls_.right_knee_up = board && (key_knee_r_ || pad_knee_r_);
}

void InputMapper::handle(const SDL_Event& e, InputMode mode, std::vector<Action>& out) {
    switch (e.type) {
        case SDL_KEYDOWN:
        case SDL_KEYUP: {
            const bool down = e.type == SDL_KEYDOWN;
            const bool repeat = e.key.repeat != 0;
            const SDL_Keycode k = e.key.keysym.sym;
            if (mode == InputMode::text) {
                // Typing: only editing and leaving keys act; letters arrive as text.
                if (down && (k == SDLK_RETURN || k == SDLK_KP_ENTER)) out.push_back(Action::confirm);
                if (down && k == SDLK_ESCAPE) out.push_back(Action::back);
                if (down && k == SDLK_BACKSPACE) out.push_back(Action::erase);
                if (down && (k == SDLK_UP || k == SDLK_DOWN)) out.push_back(k == SDLK_UP ? Action::up : Action::down);
                break;
            }
            const bool board = mode == InputMode::board;
            switch (k) {
                case SDLK_UP: key_up_ = down; if (down && !board) out.push_back(Action::up); break;
                case SDLK_DOWN: key_down_ = down; if (down && !board) out.push_back(Action::down); break;
                case SDLK_LEFT: key_left_ = down; if (down && !board) out.push_back(Action::left); break;
                case SDLK_RIGHT: key_right_ = down; if (down && !board) out.push_back(Action::right); break;
                case SDLK_RETURN:
                case SDLK_KP_ENTER:
                    if (down && !repeat && !(e.key.keysym.mod & KMOD_ALT)) out.push_back(Action::confirm);
                    break;
                case SDLK_SPACE:
                    key_drive_ = down;
                    if (down && !repeat && !board) out.push_back(Action::confirm);
                    break;
                case SDLK_ESCAPE:
                    if (down && !repeat) out.push_back(board ? Action::pause : Action::back);
                    break;
                case SDLK_BACKSPACE:
                    if (down && !repeat) out.push_back(Action::back);
                    break;
                case SDLK_p:
                    if (down && !repeat) out.push_back(Action::pause);
                    break;
                // The simulated board's keys act only where a scene reads the board:
                // in a menu, a foot toggled on or off would read as a step and choose.
                case SDLK_a: if (down && !repeat && board) controls_.left_foot_on = !controls_.left_foot_on; break;
                case SDLK_d: if (down && !repeat && board) controls_.right_foot_on = !controls_.right_foot_on; break;
                case SDLK_q: key_knee_l_ = down; break;
                case SDLK_e: key_knee_r_ = down; break;
                default: break;
            }
            break;
        }
        case SDL_CONTROLLERDEVICEADDED:
            if (!pad_) pad_ = SDL_GameControllerOpen(e.cdevice.which);
            break;
        case SDL_CONTROLLERDEVICEREMOVED:
            if (pad_ && SDL_JoystickInstanceID(SDL_GameControllerGetJoystick(pad_)) == e.cdevice.which) {
                SDL_GameControllerClose(pad_);
                pad_ = nullptr;
                open_first_pad();
            }
            break;
        case SDL_CONTROLLERBUTTONDOWN:
        case SDL_CONTROLLERBUTTONUP: {
            const bool down = e.type == SDL_CONTROLLERBUTTONDOWN;
            const bool board = mode == InputMode::board;
            switch (e.cbutton.button) {
                case SDL_CONTROLLER_BUTTON_DPAD_UP: if (down) out.push_back(Action::up); break;
                case SDL_CONTROLLER_BUTTON_DPAD_DOWN: if (down) out.push_back(Action::down); break;
                case SDL_CONTROLLER_BUTTON_DPAD_LEFT: if (down) out.push_back(Action::left); break;
                case SDL_CONTROLLER_BUTTON_DPAD_RIGHT: if (down) out.push_back(Action::right); break;
                case SDL_CONTROLLER_BUTTON_A:
                    pad_drive_ = down && board;
                    if (down && !board) out.push_back(Action::confirm);
                    break;
                case SDL_CONTROLLER_BUTTON_B: if (down) out.push_back(board ? Action::pause : Action::back); break;
                case SDL_CONTROLLER_BUTTON_START: if (down) out.push_back(board ? Action::pause : Action::confirm); break;
                case SDL_CONTROLLER_BUTTON_BACK: if (down) out.push_back(Action::back); break;
                case SDL_CONTROLLER_BUTTON_LEFTSHOULDER:
                    if (down && board) controls_.left_foot_on = !controls_.left_foot_on;
                    break;
                case SDL_CONTROLLER_BUTTON_RIGHTSHOULDER:
                    if (down && board) controls_.right_foot_on = !controls_.right_foot_on;
                    break;
                default: break;
            }
            break;
        }
        default: break;
    }
    refresh_controls(mode);
}

void InputMapper::update(double now_s, InputMode mode, std::vector<Action>& out) {
    if (pad_) {
        stick_x_ = axis(pad_, SDL_CONTROLLER_AXIS_LEFTX);
        stick_y_ = axis(pad_, SDL_CONTROLLER_AXIS_LEFTY);
        pad_knee_l_ = axis(pad_, SDL_CONTROLLER_AXIS_TRIGGERLEFT) > kTriggerOn;
        pad_knee_r_ = axis(pad_, SDL_CONTROLLER_AXIS_TRIGGERRIGHT) > kTriggerOn;
    } else {
        stick_x_ = stick_y_ = 0.0;
        pad_knee_l_ = pad_knee_r_ = pad_drive_ = false;
    }
    // Stick as menu arrows, with auto-repeat while held.
    int dir = -1;
    if (mode != InputMode::board) {
        if (stick_y_ < -kStickNav) dir = static_cast<int>(Action::up);
        else if (stick_y_ > kStickNav) dir = static_cast<int>(Action::down);
        else if (stick_x_ < -kStickNav) dir = static_cast<int>(Action::left);
        else if (stick_x_ > kStickNav) dir = static_cast<int>(Action::right);
    }
    if (dir < 0) {
        stick_dir_ = -1;
    } else if (dir != stick_dir_) {
        stick_dir_ = dir;
        stick_next_s_ = now_s + kRepeatFirst_s;
        out.push_back(static_cast<Action>(dir));
    } else if (now_s >= stick_next_s_) {
        stick_next_s_ = now_s + kRepeatNext_s;
        out.push_back(static_cast<Action>(dir));
    }
    refresh_controls(mode);
}

}  // namespace highstep::app
