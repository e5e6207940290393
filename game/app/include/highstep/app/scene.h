#pragma once
// One screen of the game (Endless Sky's Panel): menus, weigh-in, play, results.
// The loop calls step() at the fixed simulation rate and draw() once per frame;
// input hooks return false when the scene did not handle the input.
#include <string>
#include <string_view>

#include "highstep/app/actions.h"

namespace highstep::app {

class Gfx;

class Scene {
public:
    virtual ~Scene() = default;

    // Short stable id used by test scripts ("title", "play", ...).
    virtual std::string_view id() const = 0;

    // Once per frame, before the fixed steps: `now_s` is the game clock.
    virtual void frame(double now_s) { (void)now_s; }
    // One fixed simulation step of dt_s seconds; only the top scene is stepped.
    virtual void step(double dt_s) { (void)dt_s; }
    // Draws the scene; `alpha` in [0, 1) is how far the next step has progressed.
    // A full-screen scene paints every pixel of the window (the frame is not cleared).
    virtual void draw(Gfx& gfx, double alpha) = 0;

    virtual bool on_action(Action action) { (void)action; return false; }
    // UTF-8 text typed while wants_text() is true.
    virtual bool on_text(std::string_view utf8) { (void)utf8; return false; }
    virtual bool wants_text() const { return false; }
    // Menus take lean/step/button actions from the board; scenes that read the
    // board themselves (weigh-in, play) say false so stepping is not a menu choice.
    virtual bool wants_board_nav() const { return true; }
    // The simulated board reads a foot taken off (A / D) while the other stands on
    // the board as lifted in the air, not put on the floor: screens that ask the
    // player to stand on one foot (the board check, the balance practice) say true.
    virtual bool foot_off_is_a_lift() const { return false; }

    // An overlay (pause, dialog) is drawn over the scene below it.
    virtual bool is_overlay() const { return false; }
    // Called when the scene becomes the top of the stack (again).
    virtual void on_resume() {}

    // A value for test scripts ("reps", "phase", ...), "" if the scene has none.
    virtual std::string probe(std::string_view key) const { (void)key; return {}; }
};

}  // namespace highstep::app
