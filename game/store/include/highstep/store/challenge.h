#pragma once
// Group challenges: a set of levels, rules and dates; players take turns on
// one board (hot-seat, quick weigh-in per turn) or play at different times.
// Entries come from finished sessions here or from imported challenge files
// (other households). The leaderboard sums each player's best score per
// level; ties go to the steadier player (lower mean CoP velocity).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "highstep/store/database.h"

namespace highstep::store {

enum class ChallengeMode { hot_seat, anytime };
const char* to_string(ChallengeMode mode);                       // "hot_seat", "anytime"
std::optional<ChallengeMode> parse_challenge_mode(std::string_view text);

struct ChallengeRules {
    ChallengeMode mode = ChallengeMode::hot_seat;
    int attempts_per_level = 3;       // runs a player may count per level (0: unlimited)
    bool weigh_in_each_turn = true;   // hot-seat: a quick weigh-in before each turn
};

struct Challenge {
    std::int64_t id = 0;              // local id (0 until stored)
    std::string uid;                  // 32 hex digits, the same in every household (made on create)
    std::string name;                 // 1..60 characters, no control characters
    std::vector<std::string> level_ids;  // 1..20 level ids ([a-z0-9_-], 1..40 chars)
    ChallengeRules rules;
    std::string starts_day;           // "YYYY-MM-DD", inclusive
    std::string ends_day;             // "YYYY-MM-DD", inclusive, >= starts_day
    std::string household;            // who created it (1..40 chars; empty: this database's household)
    std::int64_t created_unix_s = 0;  // 0: now
};

struct ChallengeEntry {
    std::int64_t id = 0;
    std::string uid;                  // 32 hex digits, unique everywhere (dedups re-imports)
    std::int64_t challenge_id = 0;
    std::string player_name;
    std::string household;            // household_name() for this database's own players
    std::string level_id;
    double score = 0.0;
    std::string grade;
    double stability_mean_velocity_mm_s = 0.0;
    int reps = 0;
    std::int64_t finished_unix_s = 0;
    std::optional<std::int64_t> session_id;  // local run, if it was played here
    std::string recording_csv;        // the run's recording (ghost), may be empty
};

struct LeaderboardRow {
    int rank = 0;                     // 1-based; equal score and stability share a rank
    std::string player_name;
    std::string household;
    double total_score = 0.0;         // sum of best score per level of the challenge
    int levels_played = 0;
    double mean_stability_mm_s = 0.0; // mean of the counted runs' CoP velocity
    std::vector<std::optional<double>> level_best;  // per challenge level, in order
};

// This database's household name (made once as "home-" + 6 hex digits until
// set), written into its players' challenge entries so that results from
// several households never merge on a leaderboard.
std::string household_name(Database& db);
// Renames the household, in its own entries too. Throws StoreError for a bad name.
void set_household_name(Database& db, std::string_view name);

// "" when the challenge is acceptable, else why not.
std::string validate_challenge(const Challenge& challenge);

// True when turns played on `day` ("YYYY-MM-DD") count: within the challenge's
// dates (runs outside them are kept but left off the leaderboard).
bool challenge_open_on(const Challenge& challenge, std::string_view day);
// "" when `level_id` is one of the challenge's levels, else why a turn on it
// cannot be stored in the challenge.
std::string check_challenge_level(const Challenge& challenge, std::string_view level_id);

// Stores a new challenge (uid made here if empty); returns its id. Throws StoreError.
std::int64_t create_challenge(Database& db, const Challenge& challenge);
// Changes a stored challenge (found by challenge.id): its name, levels, rules and
// dates, in one transaction. Its uid, household and creation time stay. Entries
// on a level taken out are kept (off the leaderboard; back if it is put back).
// Throws StoreError for a bad challenge, an unknown id, or one another household
// made (its copies elsewhere would no longer agree).
void update_challenge(Database& db, const Challenge& challenge);
// Deletes a challenge with its levels and entries (sessions played for it stay,
// no longer in a challenge). False when there is no such challenge.
bool delete_challenge(Database& db, std::int64_t id);
std::vector<Challenge> list_challenges(Database& db);                 // newest first
std::optional<Challenge> get_challenge(Database& db, std::int64_t id);
// By exact name or by uid (or a unique uid prefix of >= 6 digits).
std::optional<Challenge> find_challenge(Database& db, std::string_view name_or_uid);

// Adds an entry (uid made here if empty). Ignores an entry whose uid is already
// stored and returns its existing id. Throws StoreError for a bad entry.
std::int64_t add_challenge_entry(Database& db, const ChallengeEntry& entry);
std::vector<ChallengeEntry> challenge_entries(Database& db, std::int64_t challenge_id);  // by score
std::vector<LeaderboardRow> leaderboard(Database& db, std::int64_t challenge_id);

// The best entry on a level that carries a recording, to race as a ghost
// (nullopt: nobody's run on that level has one).
std::optional<ChallengeEntry> ghost_entry(Database& db, std::int64_t challenge_id, std::string_view level_id);

// A random 32-hex-digit id.
std::string make_uid();

}  // namespace highstep::store
