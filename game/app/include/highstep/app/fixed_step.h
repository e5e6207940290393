#pragma once
// The game loop's clock: a fixed simulation step with an accumulator (SuperTux's
// screen_manager). The frame tells it how much wall time passed; it answers how
// many fixed steps to run and how far the next step has progressed (for drawing
// with interpolation). A long stall (debugger, window drag, slow disk) is dropped,
// not replayed: replaying it would run seconds of game in one frame.
// Pure: no clock of its own, so tests drive it with made-up frame times.

namespace highstep::app {

struct FixedStepSettings {
    double step_s = 1.0 / 120.0;   // simulation step, seconds (120 Hz)
    double max_frame_s = 0.25;     // wall time beyond this in one frame is dropped
};

class FixedStepClock {
public:
    explicit FixedStepClock(const FixedStepSettings& settings = {});

    // Adds the wall time since the previous frame; returns how many steps to run now.
    int advance(double frame_s);

    double step_s() const { return settings_.step_s; }
    // Fraction of a step accumulated but not yet simulated, in [0, 1): draw at
    // previous + alpha * (current - previous).
    double alpha() const { return accumulator_s_ / settings_.step_s; }
    double sim_time_s() const { return sim_time_s_; }   // simulated time, seconds
    double dropped_s() const { return dropped_s_; }     // wall time dropped by stalls
    long long steps() const { return steps_; }          // steps run since construction

private:
    FixedStepSettings settings_;
    double accumulator_s_ = 0.0;
    double sim_time_s_ = 0.0;
    double dropped_s_ = 0.0;
    long long steps_ = 0;
};

}  // namespace highstep::app
