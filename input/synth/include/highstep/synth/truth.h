#pragma once
// Ground truth of a synthetic session: what the script made the body do, with
// times taken from the script itself (never from a detector). The fields follow
// the events of ../shared/DESIGN.md's analysis JSON; synth stays below game/core,
// so it has its own struct rather than core's Event.
#include <string>
#include <vector>

namespace highstep::synth {

enum class Side { left, right };
const char* to_string(Side side);  // "left" / "right"
Side opposite(Side side);

enum class TruthType {
    step_on,       // t = start_s: the first foot's load began to rise from an empty board
    step_off,      // t = start_s: the board became empty again
    one_leg_hold,  // single-leg stance ≥ 1 s with no drive peak
    knee_drive,    // two feet (or a step-up's push-off) → one leg with a drive peak
    step_up,       // 0 → lead foot partial → full (push-off peak) → lowering → 0
};
const char* to_string(TruthType type);  // as in the analysis JSON: "step_on", "knee_drive", ...

struct TruthEvent {
    TruthType type = TruthType::step_on;
    Side side = Side::left;   // stance leg (holds, knee drives) or lead leg (step-ups); unused for step on/off
    double start_s = 0.0;     // step on/off: the moment; one_leg_hold: other foot left the board;
                              // knee_drive: weight began to shift to the stance leg;
                              // step_up: lead foot contact (load began to rise)
    double top_s = 0.0;       // step_up: total load first reached body weight on the way up
    double end_s = 0.0;       // hold/knee drive: lifted foot back down (or lowering began, for a
                              // knee drive at the top of a step-up); step_up: board empty again
    double hold_s = 0.0;      // one_leg_hold / knee_drive: time in single-leg stance
    double peak_bw = 0.0;     // knee_drive / step_up: highest total load, multiples of body weight
    double lowering_s = 0.0;  // step_up: from leaving full weight to the last foot off
    bool ends_in_knee_drive = false;  // step_up finished on one leg with the other knee driven up
    bool drop = false;        // step_up lowered fast (a drop, not a controlled lowering)
    int script_line = 0;      // line of the script action that made it (0 for built-in scripts)
};

}  // namespace highstep::synth
