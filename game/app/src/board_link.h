#pragma once
// The game's end of the board: whichever SampleSource is in use (a real board on
// its reader thread, the simulated board, a replayed recording), polled once per
// frame without blocking. Samples are restamped onto the game clock, and a menu
// recogniser keeps the latest processed frame (CoP, loads, stance) for menus, the
// weigh-in and the board-check screens.
#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "highstep/app/board_nav.h"
#include "highstep/core/recognise/recognizer.h"
#include "highstep/input/sample_source.h"

namespace highstep::synth {
class SimulatedBoard;
}

namespace highstep::app {

class BoardLink {
public:
    // `sim` is set when `source` is the simulated board (the link then advances it
    // each frame and the keyboard/gamepad drive it); it points into `source`.
    BoardLink(std::unique_ptr<SampleSource> source, synth::SimulatedBoard* sim);
    ~BoardLink();

    // Once per frame: takes every sample that has arrived. `wall_s` is the clock
    // that stamps real boards; `game_minus_wall_s` maps it onto the game clock
    // (the game clock leaves out stalls the loop dropped).
    // Lean/step/button menu actions found in the new samples go to `nav_out`.
    void poll(double wall_s, double game_minus_wall_s, std::vector<Action>& nav_out);
    void reset_nav() { nav_.reset(); }

    // This frame's samples, stamped on the game clock, oldest first.
    const std::vector<BoardSample>& samples() const { return samples_; }
    // What the menu recogniser found in this frame's samples (step-ups, knee drives,
    // one-leg holds...), oldest first: the practice screen confirms moves with them.
    const std::vector<core::Event>& events() const { return events_; }
    // Latest processed frame of the menu recogniser (tare and body weight applied).
    const core::SignalFrame& frame() const;
    SourceState state() const { return source_->state(); }
    std::string describe() const { return source_->describe(); }
    bool simulated() const { return sim_ != nullptr; }
    // Its empty readings were seen to jump (core::Recognizer::board_blips): each level's
    // session starts knowing it, not from its own first false contact.
    bool board_blips() const { return recognizer_.board_blips(); }
    synth::SimulatedBoard* sim() const { return sim_; }
    bool finished() const { return source_->state() == SourceState::finished; }

    // Tare and body weight learned by the weigh-in, applied to the menu recogniser.
    // The tare is in the player's frame (see set_rotated_180), as recent_raw_mean gives it.
    void set_tare(float tl, float tr, float bl, float br);
    void set_body_weight_kg(double kg);
    // The board as the current player has it placed (store::Player::board_rotated_180):
    // menus, the weigh-in's tare and foot positions then see the player's left as
    // left, the same frame the play session uses.
    void set_rotated_180(bool rotated);
    bool rotated_180() const { return rotated_; }

    // Untared mean of the last `n` samples' sensors (tl, tr, bl, br as the player
    // stands: swapped when the board is turned round); the weigh-in tares with it.
    std::array<float, 4> recent_raw_mean(std::size_t n) const;
    std::size_t total_samples() const { return total_samples_; }

private:
    std::unique_ptr<SampleSource> source_;
    synth::SimulatedBoard* sim_;
    core::Recognizer recognizer_;
    BoardNav nav_;
    std::vector<core::Event> scratch_events_;
    std::vector<core::Event> events_;      // this frame's
    std::vector<BoardSample> samples_;
    std::vector<BoardSample> recent_;      // ring of raw samples for recent_raw_mean
    std::size_t recent_next_ = 0;
    bool have_offset_ = false;
    bool rotated_ = false;
    std::optional<std::array<float, 4>> tare_kg_;  // kept to re-apply when the orientation changes
    double body_weight_kg_ = 0.0;
    double source_to_wall_s_ = 0.0;        // a recording's own clock onto the wall clock
    double last_t_s_ = -1e300;
    std::size_t total_samples_ = 0;
};

}  // namespace highstep::app
