#include "highstep/synth/truth.h"

namespace highstep::synth {

const char* to_string(Side side) { return side == Side::left ? "left" : "right"; }

Side opposite(Side side) { return side == Side::left ? Side::right : Side::left; }

const char* to_string(TruthType type) {
    switch (type) {
        case TruthType::step_on: return "step_on";
        case TruthType::step_off: return "step_off";
        case TruthType::one_leg_hold: return "one_leg_hold";
        case TruthType::knee_drive: return "knee_drive";
        case TruthType::step_up: return "step_up";
    }
    return "unknown";
}

}  // namespace highstep::synth
