#pragma once
// What the recognisers say happened on the board. The same structs fill the
// "events" list of `highstep analyze` and drive the game.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "highstep/core/signal/stability.h"

namespace highstep::core {

enum class Side { left, right };
const char* to_string(Side side);

// Stepping on to stand and stepping off again. A visit to the board that is a rep
// (a step-up) is reported as the StepUpEvent only. step_on comes once the visit can no
// longer be a rep, stamped with the first contact.
struct StepOnEvent {
    double t_s = 0.0;  // first contact of a visit that became standing on the board
};
struct StepOffEvent {
    double t_s = 0.0;  // load fell to an empty board
};
struct OneLegHoldEvent {
    Side side = Side::left;  // stance leg
    double start_s = 0.0;    // the other foot had left the board
    double end_s = 0.0;
    StabilityMeasures stability;
};
struct KneeDriveEvent {
    Side side = Side::left;  // stance leg
    double start_s = 0.0;    // weight began to shift to the stance leg
    double end_s = 0.0;      // lifted foot came back down (at a step-up's top: lowering began)
    double hold_s = 0.0;     // time in single-leg stance
    double peak_bw = 0.0;    // drive peak, multiples of body weight
    StabilityMeasures stability;  // over the single-leg hold
};
struct StepUpEvent {
    Side lead = Side::left;  // the leg that stepped up first
    double start_s = 0.0;    // lead foot contact
    double top_s = 0.0;      // the load first reached (0.98 ×) body weight
    double end_s = 0.0;      // board empty again
    double rise_s = 0.0;     // contact to top
    double lowering_s = 0.0; // controlled descent: from leaving full weight to the last foot off
    double peak_bw = 0.0;
    bool ends_in_knee_drive = false;
};

using Event = std::variant<StepOnEvent, StepOffEvent, OneLegHoldEvent, KneeDriveEvent, StepUpEvent>;

// Time at which the event is considered to happen (start/contact for intervals).
double event_time_s(const Event& event);
// Short type name as in the analysis JSON: "step_on", "knee_drive", ...
const char* event_type(const Event& event);

}  // namespace highstep::core
