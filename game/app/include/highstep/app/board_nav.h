#pragma once
// Menus driven by the board itself: lean to move the selection, press the board's
// button or make a step to confirm. Pure: fed processed signal frames in time order.
//
// Lean: the centre of pressure held beyond `lean_mm` from the player's own centre
// for `lean_hold_s` gives one move; holding the lean repeats every `repeat_s`; coming
// back inside `rearm_mm` re-arms at once. Left/right is x, forward (toes) is "up".
// Step: lifting one foot and putting it down again within `step_max_s` while
// standing, or stepping onto an empty board, confirms.
#include <optional>
#include <vector>

#include "highstep/app/actions.h"
#include "highstep/core/signal/signal.h"

namespace highstep::app {

struct BoardNavSettings {
    double lean_x_mm = 70.0;      // sideways lean that counts as left/right ...
    // ... or this fraction of the player's half stance (stance centre to a foot) when
    // that is smaller: a narrow stance reads a lean as standing on one leg sooner
    // (the signal's single_enter, 0.62 of the way to a foot), and a lean must stay a
    // two-foot stance to count.
    double lean_x_stance_fraction = 0.5;
    double lean_y_mm = 45.0;      // front/back lean that counts as up/down (the board is shallower)
    double rearm_fraction = 0.5;  // back inside this fraction of the lean distance re-arms
    double lean_hold_s = 0.25;    // a lean must last this long (filters sway)
    double repeat_s = 0.7;        // held lean repeats this often
    double step_max_s = 1.5;      // a foot lifted longer than this is not a step
    double empty_before_step_on_s = 0.8;  // board empty this long before stepping on confirms
};

class BoardNav {
public:
    explicit BoardNav(const BoardNavSettings& settings = {});
    // Feeds one frame; appends the actions it gives (usually none) to `out`.
    void push(const core::SignalFrame& frame, std::vector<Action>& out);
    void reset();  // forget lean/step state (e.g. when a new scene opens)

private:
    std::optional<Action> lean_direction(const core::SignalFrame& frame) const;
    double lean_x_mm(const core::SignalFrame& frame) const;  // the sideways threshold for this stance
    BoardNavSettings settings_;
    // Lean state
    std::optional<Action> lean_;     // direction currently leaned
    double lean_since_s_ = 0.0;
    double last_fire_s_ = 0.0;
    bool lean_fired_ = false;
    bool centre_seen_ = false;       // must return to centre before the first lean (after step-on)
    // Step state
    core::Stance stance_ = core::Stance::off;
    double stance_since_s_ = 0.0;
    double off_duration_s_ = 0.0;    // length of the last empty-board stretch (0 once stood on)
    bool lifted_from_both_ = false;
    double lift_start_s_ = 0.0;
    bool button_ = false;
};

}  // namespace highstep::app
