// Names and times of recogniser events, as the analysis JSON spells them.
#include "highstep/core/recognise/events.h"

#include <type_traits>

namespace highstep::core {

const char* to_string(Side side) {
    return side == Side::left ? "left" : "right";
}

double event_time_s(const Event& event) {
    return std::visit(
        [](const auto& e) -> double {
            using T = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<T, StepOnEvent> || std::is_same_v<T, StepOffEvent>) {
                return e.t_s;
            } else {
                return e.start_s;
            }
        },
        event);
}

const char* event_type(const Event& event) {
    return std::visit(
        [](const auto& e) -> const char* {
            using T = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<T, StepOnEvent>) return "step_on";
            else if constexpr (std::is_same_v<T, StepOffEvent>) return "step_off";
            else if constexpr (std::is_same_v<T, OneLegHoldEvent>) return "one_leg_hold";
            else if constexpr (std::is_same_v<T, KneeDriveEvent>) return "knee_drive";
            else return "step_up";
        },
        event);
}

}  // namespace highstep::core
