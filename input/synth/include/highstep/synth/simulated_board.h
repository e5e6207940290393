#pragma once
// The simulated board: play without hardware. The game maps keys or a gamepad to
// SimControls (what the player means to do); the board turns those intents into
// realistic samples through the same body model the generator uses, with smooth
// transitions, so the recognisers see real-looking step-ups and knee drives when
// the keys are pressed in the natural order:
//   step-up:      left foot on → right foot on (push-off) → right foot off (lowering) → left foot off
//   knee drive:   on both feet, hold "right knee up" (stance on the left), release
//   step-up with knee drive at the top: left foot on → hold right knee up → release → left foot off
// Recommended key mapping (docs/synth.md):
//   A / D            toggle left / right foot on the board
//   Q / E (held)     lift left / right knee (drive it up)
//   arrow keys (held) shift weight left/right/front/back
//   Space            drive: push hard into the board (a force peak)
//   gamepad: LB/RB toggle feet, LT/RT knee up, left stick shift, A drive
// No clock inside: the caller says what time it is with advance_to().
#include <cstdint>
#include <deque>
#include <string>

#include "highstep/input/sample_source.h"
#include "highstep/synth/body_model.h"
#include "highstep/synth/pose.h"

namespace highstep::synth {

struct SimControls {
    bool left_foot_on = false;    // left foot is on the board (else on the floor in front of it)
    bool right_foot_on = false;   // right foot is on the board
    bool left_knee_up = false;    // left knee driven up (the foot is in the air), held
    bool right_knee_up = false;   // right knee driven up, held
    double shift_x = 0.0;         // weight shift, -1 full left … +1 full right
    double shift_y = 0.0;         // weight shift, -1 back … +1 front
    bool drive = false;           // push hard into the board: a drive peak on the press

    bool operator==(const SimControls&) const = default;
};

struct SimulatedBoardSettings {
    BodySettings body;            // weight, noise, offsets...
    double rate_hz = 100.0;       // report rate
    double jitter_ms = 1.0;       // spacing jitter, as a real board over Bluetooth
    std::uint64_t seed = 1;
    std::size_t max_queued = 1000;  // samples kept for poll(); older ones are dropped
};

class SimulatedBoard : public SampleSource {
public:
    explicit SimulatedBoard(const SimulatedBoardSettings& settings = {});

    // New intents, effective from the time of the last advance_to().
    void set_controls(const SimControls& controls);
    // The same, for a change that happened at `at_s` (the key or button event's own time,
    // on the caller's clock): the body starts to move then, not at the next frame. A time
    // before the last advance_to() takes effect from that advance.
    void set_controls(const SimControls& controls, double at_s);
    const SimControls& controls() const { return controls_; }
    // Generates the samples up to and including t_s (seconds, the caller's clock).
    // The first call starts the board's time line at t_s; going backwards is ignored.
    void advance_to(double t_s);

    std::optional<BoardSample> poll() override;
    SourceState state() const override { return SourceState::running; }
    std::string describe() const override { return "Simulated board (keyboard/gamepad)"; }

    double time_s() const { return now_s_; }
    Pose pose() const;                       // what the body does now (for a HUD or tests)
    std::size_t dropped() const { return dropped_; }  // samples dropped because nobody polled

private:
    enum class Foot { floor, board, lifted };
    Foot foot_state(bool right) const;
    void plan_transition(Foot old_left, Foot old_right, double from_s);
    Pose shifted(Pose pose, double t_s) const;

    SimulatedBoardSettings settings_;
    BodyModel body_;
    Rng timing_rng_;
    SimControls controls_;
    PoseTrack plan_;
    double drive_start_s_ = -1e9;   // time of the last drive press
    double shift_x_ = 0.0, shift_y_ = 0.0;  // smoothed shifts (muscles are not instant)
    double now_s_ = 0.0;
    double next_sample_s_ = 0.0;
    double partial_since_s_ = -1e9; // when the first foot went on from an empty board
    bool started_ = false;
    std::deque<BoardSample> queue_;
    std::size_t dropped_ = 0;
};

}  // namespace highstep::synth
