#pragma once
// High-score tables, derived from finished sessions.
// Order: higher score first; a tie goes to the steadier run (lower mean CoP
// velocity), then to whoever got there first.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "highstep/store/database.h"

namespace highstep::store {

struct ScoreEntry {
    int rank = 0;                        // 1-based
    std::int64_t session_id = 0;
    std::int64_t player_id = 0;
    std::string player_name;
    std::string level_id;
    std::string level_title;
    double score = 0.0;
    std::string grade;
    double stability_mean_velocity_mm_s = 0.0;
    int reps = 0;
    std::int64_t finished_unix_s = 0;
};

inline constexpr int kTopScores = 10;

// The top `limit` runs on a level, of everyone or of one player.
std::vector<ScoreEntry> top_scores(Database& db, std::string_view level_id,
                                   std::optional<std::int64_t> player_id = std::nullopt,
                                   int limit = kTopScores);
// Levels that have at least one finished session, sorted by id.
std::vector<std::string> scored_levels(Database& db);
// A player's best score on a level (nullopt: never finished it).
std::optional<double> personal_best(Database& db, std::int64_t player_id, std::string_view level_id);
// How many of a player's sessions on a level ended early (never finished).
int sessions_ended_early(Database& db, std::int64_t player_id, std::string_view level_id);

}  // namespace highstep::store
