#include "highstep/app/fixed_step.h"

#include <algorithm>
#include <stdexcept>

namespace highstep::app {

FixedStepClock::FixedStepClock(const FixedStepSettings& settings) : settings_(settings) {
    if (!(settings_.step_s > 0.0) || !(settings_.max_frame_s >= settings_.step_s)) {
        throw std::invalid_argument("FixedStepClock: need step_s > 0 and max_frame_s >= step_s");
    }
}

int FixedStepClock::advance(double frame_s) {
    // A clock that went backwards or a NaN counts as no time at all.
    if (!(frame_s > 0.0)) frame_s = 0.0;
    if (frame_s > settings_.max_frame_s) {
        dropped_s_ += frame_s - settings_.max_frame_s;
        frame_s = settings_.max_frame_s;
    }
    accumulator_s_ += frame_s;
    int steps = 0;
    // The small epsilon keeps a frame of exactly N steps from leaving N-1 steps and
    // an accumulator of 0.99999 step through rounding.
    const double eps = settings_.step_s * 1e-9;
    while (accumulator_s_ + eps >= settings_.step_s) {
        accumulator_s_ -= settings_.step_s;
        ++steps;
    }
    accumulator_s_ = std::max(accumulator_s_, 0.0);
    sim_time_s_ += steps * settings_.step_s;
    steps_ += steps;
    return steps;
}

}  // namespace highstep::app
