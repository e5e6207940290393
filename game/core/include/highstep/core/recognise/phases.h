#pragma once
// Movement phases: what the body is doing right now, streamed as it happens.
//
// A rep (events.h) is settled once the movement is over; a phase is known within two
// board samples of the moment it describes, so the game can answer at once. Each
// phase carries both times: when it happened (t_s) and when it became known
// (emitted_s, the time of the sample whose processing emitted it). docs/signal.md,
// "Movement phases", says which phase is known when.
#include <optional>

#include "highstep/core/recognise/events.h"

namespace highstep::core {

enum class PhaseType {
    foot_down,    // a foot landed on an empty board (side: that foot, if its load shows it at once)
    full_weight,  // the load reached full body weight (a step-up's top)
    lowering,     // the load left full body weight on the way down
    board_empty,  // the board is empty again
    single_leg,   // one foot left a two-foot stance (side: the stance leg)
    foot_back,    // the lifted foot is back: two feet again (side: the stance leg it relieves)
    foot_side,    // the side of a foot_down that had none, shown later (t_s: that contact)
};
const char* to_string(PhaseType type);  // "foot_down", "full_weight", ...

struct MovementPhase {
    PhaseType type = PhaseType::foot_down;
    double t_s = 0.0;             // the moment it describes (board clock)
    double emitted_s = 0.0;       // the sample that made it known (board clock)
    std::optional<Side> side;     // foot_down, single_leg, foot_back, foot_side; unset when not yet shown
    // single_leg: when the weight began to shift onto the stance leg (a knee drive's
    // judged moment); equal to t_s for the other phases.
    double shift_start_s = 0.0;
};

}  // namespace highstep::core
