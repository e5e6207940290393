#pragma once
// The input offset that auto-sync found for a player. The core's auto-sync
// (core::OffsetCalibrator) runs while a level with a beat is played: after 8 steady
// reps in a row it suggests the median of their timing errors. The suggestion is
// kept in the session's result JSON (tempo.suggested_offset_ms); this reads the
// latest one back, so the player settings screen can offer it.
#include <cstdint>
#include <optional>
#include <string>

#include "highstep/store/database.h"

namespace highstep::store {

struct AutoSyncSuggestion {
    double offset_ms = 0.0;           // the suggested input offset (+ = the player's contacts register late)
    double played_offset_ms = 0.0;    // the input offset that session was played with
    std::int64_t session_id = 0;
    std::string level_title;          // where it was found
    std::int64_t finished_unix_s = 0; // when
};

// The latest finished session of `player_id` in which auto-sync made a
// suggestion; nullopt if there is none (no level with a beat played steadily yet).
// Sessions whose result JSON is damaged are skipped, not reported as errors.
std::optional<AutoSyncSuggestion> last_auto_sync(Database& db, std::int64_t player_id);

}  // namespace highstep::store
