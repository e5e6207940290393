#pragma once
// The play screen's coach line: one short prompt when the player seems stuck.
//   * Hill Climb waiting for its first rep with the player standing on the board
//     since the level began, or for longer than a step-up's top lasts: "Step off the
//     board to begin" (every step-up starts from the floor).
//   * A level played on the board (Sprint Start, Balance Tower) with nobody on it
//     for two seconds: "Step onto the board with both feet".
//   * A minute of a set without a rep: a nudge naming the next move.
// Pure: fed the HUD state each frame; the scene draws the line.
#include <optional>
#include <string>

#include "highstep/core/level/level.h"
#include "highstep/core/session/session.h"

namespace highstep::app {

enum class CoachPrompt { step_off_to_begin = 1, step_on = 2, nudge = 3, hold_the_top = 4 };

struct CoachLine {
    CoachPrompt prompt;
    std::string text;
};

struct PlayCoach {
    static constexpr double kOffBoard_s = 2.0;   // empty this long before asking to step on
    static constexpr double kNudge_s = 60.0;     // a set without a rep this long: nudge
    // Standing on the board this long is no step-up's top (Summit Push holds a knee
    // drive 1.5 s there, at 60 beats a minute).
    static constexpr double kStandingStill_s = 4.0;

    // The line to show now (none: the player is doing fine).
    std::optional<CoachLine> update(core::LevelType type, const core::HudState& hud, bool simulated_board, double now_s);

private:
    int last_reps_ = -1;
    double last_progress_s_ = 0.0;  // the last rep, or when waiting stopped counting (rest, count-in)
    std::optional<double> off_since_s_;
    bool been_off_ = false;  // the board was seen empty since the level began
    std::optional<double> standing_since_s_;  // on the board with both feet and full weight
    bool unweighed_take_back_ = false;  // a contact was taken back before anyone was weighed
};

}  // namespace highstep::app
