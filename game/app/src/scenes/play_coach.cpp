#include "scenes/play_coach.h"

namespace highstep::app {

namespace {
constexpr double kOnBoardKg = 8.0;  // more than this: someone stands on the board

std::string next_move(core::LevelType type, const core::HudState& h, bool keys) {
    const bool left = h.lead == core::Side::left;
    switch (type) {
        case core::LevelType::hill_climb:
            return std::string("step up with your ") + (left ? "LEFT" : "RIGHT") + " foot" +
                   (keys ? (left ? " (A, then D)" : " (D, then A)") : "");
        case core::LevelType::sprint_start:
            return std::string("stand on your ") + (left ? "LEFT" : "RIGHT") + " foot, drive the other knee up" +
                   (keys ? (left ? " (hold E)" : " (hold Q)") : "");
        case core::LevelType::balance_tower:
            if (h.two_feet) return "stand still on both feet";
            return std::string("stand on your ") + (left ? "LEFT" : "RIGHT") + " foot and hold" +
                   (keys ? (left ? " (hold E)" : " (hold Q)") : "");
    }
    return {};
}
}  // namespace

std::optional<CoachLine> PlayCoach::update(core::LevelType type, const core::HudState& h, bool keys, double now_s) {
    if (h.phase == core::Phase::finished || h.paused_board_lost) return std::nullopt;
    const double load_kg = h.left_kg + h.right_kg;
    const bool on_board = load_kg > kOnBoardKg;
    off_since_s_ = on_board ? std::nullopt : std::optional<double>(off_since_s_.value_or(now_s));
    been_off_ = been_off_ || !on_board;
    // Time only counts while a set runs and asks for a rep.
    if (h.reps_done_total != last_reps_ || h.phase != core::Phase::active) {
        last_reps_ = h.reps_done_total;
        last_progress_s_ = now_s;
    }
    if (type == core::LevelType::hill_climb) {
        const double standing_kg = h.body_weight_kg > 0.0 ? 0.6 * h.body_weight_kg : 30.0;
        const bool standing = h.stance == core::Stance::both && load_kg > standing_kg;
        standing_since_s_ = standing ? std::optional<double>(standing_since_s_.value_or(now_s)) : std::nullopt;
        // On the board since the level began; or, once the board was empty, standing on
        // it longer than a step-up's top lasts: before that it is the first step-up on
        // its way (its rep counts when it ends), which the line told to step off.
        const bool stuck = !been_off_ || (standing_since_s_ && now_s - *standing_since_s_ >= kStandingStill_s);
        if (h.reps_done_total == 0 && h.phase != core::Phase::rest && standing && stuck) {
            return CoachLine{CoachPrompt::step_off_to_begin,
                             std::string("Step off the board to begin: each step-up starts from the floor") +
                                 (keys ? " (A and D take your feet off)" : "")};
        }
        // No weigh-in and never still long enough to be weighed (a top of well under a
        // beat): every visit reads as stepping on and is taken back. Say what helps.
        unweighed_take_back_ = h.body_weight_kg <= 0.0 && h.reps_done_total == 0 &&
                               (unweighed_take_back_ || (h.popup && h.popup->taken_back));
        if (unweighed_take_back_) {
            return CoachLine{CoachPrompt::hold_the_top,
                             std::string("Hold the top for a beat, so the board can weigh you") +
                                 (keys ? " (wait before lifting a foot)" : "")};
        }
    } else if (off_since_s_ && now_s - *off_since_s_ >= kOffBoard_s && h.phase != core::Phase::rest) {
        return CoachLine{CoachPrompt::step_on, std::string("Step onto the board with both feet") + (keys ? " (A and D)" : "")};
    }
    if (h.phase == core::Phase::active && now_s - last_progress_s_ >= kNudge_s) {
        return CoachLine{CoachPrompt::nudge, "Still there? Next: " + next_move(type, h, keys) + "  ·  Esc pauses"};
    }
    return std::nullopt;
}

}  // namespace highstep::app
