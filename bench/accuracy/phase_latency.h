#pragma once
// How soon the game can answer a movement: for every true step-up contact and knee-drive
// foot-off of a suite, the movement phase that answers it (recognise/phases.h), how many
// board samples after the true moment it was known, and how far its own time is from the
// truth. The game judges in the simulation step that processes that sample.
#include <vector>

#include "accuracy.h"

namespace highstep::accuracy {

struct PhaseLatency {
    int truth = 0;                     // true moments outside data gaps
    int answered = 0;                  // ... with a matching phase
    std::vector<double> samples_after; // samples from the true moment to the one that made it known
    std::vector<double> delay_ms;      // emitted − true moment
    std::vector<double> error_ms;      // phase time − true moment (its estimate of the moment)
};

struct PhaseLatencyReport {
    PhaseLatency step_up_contact;      // foot_down against the lead foot's contact
    PhaseLatency knee_drive_foot_off;  // single_leg against the foot leaving (knee drives from two feet)
    PhaseLatency knee_drive_shift;     // single_leg's shift_start_s against the knee drive's start
    int foot_downs = 0;                // every foot_down phase
    int stray_foot_downs = 0;          // ... with no true step-up or step-on within 0.5 s
    int sided_at_once = 0;             // step-up contacts whose foot_down had the lead's side
    int sided_later = 0;               // ... had none, and a foot_side gave it
    int sided_never = 0;               // ... had none, and none followed
    int sided_wrong = 0;               // ... the side given (at once or later) was not the lead
    int single_legs = 0;               // every single_leg phase
    int stray_single_legs = 0;         // ... with no true single-leg stance (knee drive, hold, step-up top) near
};

PhaseLatencyReport measure_phase_latency(const std::vector<SuiteCase>& suite);

// |v| of each value (for percentiles of absolute errors).
std::vector<double> abs_of(std::vector<double> values);

}  // namespace highstep::accuracy
