#pragma once
// The bridge from the game's Session (highstep::core) to the store: records a
// session's reps and holds as they are scored, finishes it with the result, and
// maps a day's plan item onto a level.
//
// Live use (per frame, cheap when nothing changed):
//   SessionRecorder rec(db, session_start(level, player.id));
//   ... session.advance_to(now);
//   if (session.hud().reps_done_total != rec.stored_reps()) rec.sync(session.result());
//   if (session.finished()) outcome = rec.finish(session.result());
#include <cstdint>
#include <string>

#include "highstep/core/level/level.h"
#include "highstep/core/score/scoring.h"
#include "highstep/store/program.h"
#include "highstep/store/session_log.h"

namespace highstep::store {

// "step_up", "knee_drive" (knee drives and high-box step-ups) or "balance".
const char* exercise_name(core::Exercise exercise);

// A SessionStart for playing `level` (id, title, exercise filled in; a step-up
// level's rung is the ladder rung its sets x reps match, see rung_for()).
SessionStart session_start(const core::Level& level, std::int64_t player_id);

// A rep is "steady" when its stability score is at least this (0..100), or it
// had no stability window, and, for step-ups, the lowering was not a drop.
inline constexpr double kSteadyStability = 50.0;

class SessionRecorder {
public:
    SessionRecorder(Database& db, const SessionStart& start);

    std::int64_t session_id() const { return log_.session_id(); }
    int stored_reps() const { return stored_reps_; }  // reps and holds stored so far

    // Stores every rep or hold of `so_far` not stored yet (each in its own
    // transaction) and the summary of every completed set.
    void sync(const core::SessionResult& so_far);
    // The run's recording (CSV text) as a ghost for challenges. Kept only when
    // it can travel in a challenge file (ChallengeFileLimits::max_recording_bytes);
    // returns whether it was kept.
    bool attach_recording(std::string_view csv_text);
    // Stores what is left and the final result; tells about personal bests.
    FinishOutcome finish(const core::SessionResult& result, std::int64_t finished_unix_s = 0);

private:
    SessionLog log_;
    int stored_reps_ = 0;
    std::size_t stored_sets_ = 0;
};

// `level` with the plan item's sets, reps per leg, rest and hold time.
core::Level apply_plan_item(core::Level level, const PlanItem& item);

}  // namespace highstep::store
