#pragma once
// A player's progress over time: one point per finished session, the
// calendar of training days, and the CSV export of the whole history.
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "highstep/store/database.h"
#include "highstep/store/program.h"

namespace highstep::store {

struct ProgressPoint {
    std::int64_t session_id = 0;
    std::string level_id;
    std::string exercise;
    std::int64_t finished_unix_s = 0;
    std::string day;                          // local "YYYY-MM-DD"
    double score = 0.0;
    std::string grade;
    double stability_mean_velocity_mm_s = 0.0;  // lower is steadier
    double tempo_accuracy = 0.0;              // 0..1 of judged contacts (see has_tempo)
    bool has_tempo = false;                   // the session judged contacts on a beat
    int reps = 0;
    double symmetry = 1.0;                    // 0..1
};

struct TrainingDay {
    std::string day;          // local "YYYY-MM-DD"
    int sessions = 0;         // sessions started that day (finished or ended early)
    int finished = 0;         // of those, played to the end
    int reps = 0;             // reps and holds stored that day
    double best_score = 0.0;  // best finished score that day (0: none finished)
};

// Finished sessions of a player, oldest first; optionally of one level only.
std::vector<ProgressPoint> progress(Database& db, std::int64_t player_id,
                                    std::optional<std::string_view> level_id = std::nullopt);
// Days on which the player trained, in [from_day, to_day] (inclusive, "YYYY-MM-DD"), oldest first.
std::vector<TrainingDay> training_days(Database& db, std::int64_t player_id,
                                       std::string_view from_day, std::string_view to_day);

// The player's sessions as the training planner sees them (oldest first).
std::vector<PlanHistoryEntry> plan_history(Database& db, std::int64_t player_id);

// Writes a player's history as CSV: a '# highstep player history v1' line, a
// '# player: NAME' line, a header row, then one row per session (finished or
// interrupted) with its measures. Text fields are quoted when needed.
// Returns the number of session rows written.
std::size_t export_player_csv(Database& db, std::int64_t player_id, std::ostream& out);

}  // namespace highstep::store
