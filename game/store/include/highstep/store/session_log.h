#pragma once
// Recording a play session as it happens. Each call is one transaction, so a
// crash or a pulled plug loses at most the rep in progress; a session that
// never reached finish() stays "unfinished" with every rep it had.
//
// Index
//   Judgement           Perfect/Great/Good/Miss: core's, stored by name
//   SessionStart        who plays what, when
//   RepRecord           one finished step-up or knee drive
//   HoldRecord          one finished balance hold (two feet or one leg)
//   SetRecord           a finished set's summary
//   SessionResult       the final result of a finished session
//   FinishOutcome       personal best / level record info for the results screen
//   SessionLog          the writer
//   local_day           wall-clock seconds -> "YYYY-MM-DD" in local time
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "highstep/core/score/scoring.h"
#include "highstep/store/database.h"
#include "highstep/store/players.h"

namespace highstep::store {

// The scorer's judgement, ordered from best to worst ("at least Great" is
// judgement <= Judgement::great); stored as core::to_string() gives it.
using Judgement = core::Judgement;
std::optional<Judgement> parse_judgement(std::string_view text);  // case-insensitive

struct SessionStart {
    std::int64_t player_id = 0;
    std::string level_id;                 // levels/<id>.json's id, e.g. "hill-1"
    std::string level_title;              // shown in tables if the level file is gone
    std::string exercise = "step_up";     // "step_up", "knee_drive" or "balance"
    std::int64_t started_unix_s = 0;      // 0: now
    double body_weight_kg = 0.0;          // from this session's weigh-in (0: unknown)
    int program_rung = -1;                // training-program rung played (-1: not from a plan)
    std::optional<std::int64_t> challenge_id;  // a challenge turn: the entry is added on finish()
};

struct RepRecord {
    int set_index = 0;                    // 0-based
    int rep_index = 0;                    // 0-based within the set
    std::string kind = "step_up";         // "step_up" or "knee_drive"
    Leg leg = Leg::left;                  // lead leg (step-up) or stance leg (knee drive)
    double t_s = 0.0;                     // the judged moment (contact) in the session's clock
    double feedback_s = 0.0;              // when the game first showed and sounded its judgement
    Judgement judgement = Judgement::miss;
    double timing_error_ms = 0.0;         // contact minus beat, after the input offset
    double score = 0.0;                   // 0..100 for this rep
    double peak_bw = 0.0;                 // drive peak, multiples of body weight
    double rise_s = 0.0;                  // step-up: contact to top
    double lowering_s = 0.0;              // step-up: controlled descent
    double hold_s = 0.0;                  // knee drive: single-leg hold
    double stability_mean_velocity_mm_s = 0.0;  // CoP mean velocity during the rep/hold
    bool steady = false;                  // the scorer judged the rep steady
};

struct HoldRecord {
    int set_index = 0;
    int hold_index = 0;
    std::optional<Leg> stance;            // nullopt: both feet
    double start_s = 0.0;
    double end_s = 0.0;
    double hold_s = 0.0;                  // time held
    double target_s = 0.0;                // time the level asked for
    double mean_velocity_mm_s = 0.0;      // Prieto measures of the hold
    double rms_ml_mm = 0.0;
    double rms_ap_mm = 0.0;
    double ellipse95_mm2 = 0.0;
    double path_length_mm = 0.0;
    double score = 0.0;                   // 0..100
    bool steady = false;
};

struct SetRecord {
    int set_index = 0;
    double score = 0.0;
    std::string grade;                    // "S", "A", ... as the scorer gives it
    int reps = 0;
};

struct SessionResult {
    double score = 0.0;                   // final session score (higher is better)
    std::string grade;
    int reps = 0;                         // reps and holds completed
    int planned_reps = 0;                 // reps and holds the program asked for (0: unknown)
    int perfect = 0, great = 0, good = 0, miss = 0;
    double stability_mean_velocity_mm_s = 0.0;  // mean CoP velocity over the session (lower is steadier)
    double stability_score = 0.0;         // 0..100
    double tempo_accuracy = 0.0;          // 0..1: share of contacts judged Perfect or Great
    double symmetry = 1.0;                // 0..1: 1 = left and right legs equal
    double duration_s = 0.0;
    std::int64_t finished_unix_s = 0;     // 0: now
    std::string result_json;              // the full result JSON as `play` prints it (kept verbatim)
};

struct FinishOutcome {
    std::int64_t session_id = 0;
    bool personal_best = false;           // best score of this player on this level so far
    bool level_record = false;            // best score of anyone on this level
    std::optional<double> previous_best;  // this player's best before this session
    int rank_overall = 0;                 // 1-based place in the level's table
    int rank_player = 0;                  // 1-based place in the player's own table
};

class SessionLog {
public:
    // Inserts the session row (state "unfinished" until finish()).
    SessionLog(Database& db, const SessionStart& start);

    std::int64_t session_id() const { return session_id_; }

    void add_rep(const RepRecord& rep);       // one transaction
    void add_hold(const HoldRecord& hold);    // one transaction
    void finish_set(const SetRecord& set);    // one transaction
    // The recording of this run (recording CSV text) kept as a ghost for challenges.
    void attach_recording(std::string_view csv_text);
    // Stores the result, marks the session finished, adds the challenge entry if
    // any, and tells whether this is a personal best. Only once.
    FinishOutcome finish(const SessionResult& result);

private:
    Database* db_;
    std::int64_t session_id_ = 0;
    std::optional<std::int64_t> challenge_id_;
    bool finished_ = false;
};

// "YYYY-MM-DD" of a wall-clock time in the local time zone (training calendar).
std::string local_day(std::int64_t unix_s);
// True for a real calendar date "YYYY-MM-DD" (years 2000..2999).
bool valid_day(std::string_view day);
// The date `days` days after a valid "YYYY-MM-DD" (negative: before).
std::string day_after(std::string_view day, int days);
// Wall-clock now in whole seconds.
std::int64_t now_unix_s();

}  // namespace highstep::store
