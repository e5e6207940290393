#pragma once
// `highstep play ... --player NAME [--db FILE] [--challenge NAME]`: stores a
// headless run for a player, rep by rep and then the result, the way the game
// does live, and says whether it was a personal best.
#include <cstdint>
#include <optional>
#include <string>

#include "highstep/core/level/level.h"
#include "highstep/core/score/scoring.h"
#include "highstep/store/database.h"
#include "highstep/store/players.h"
#include "highstep/store/storage_check.h"

namespace highstep::cli {

class PlayStore {
public:
    // Opens the database (--db or the default) and finds the player, adding a
    // new one (with a note on stderr) if there is none of that name; finds the
    // challenge if one is named. Throws store::StoreError with a clear message.
    // A challenge must include `level_id`.
    // A database that cannot keep results (read-only, full disk, locked by
    // another program, cannot be opened) is no error: it is said on stderr at
    // once, in words, and the run is played but not stored (keeps() is false).
    PlayStore(const std::string& player_name, const std::optional<std::string>& db_path,
              const std::optional<std::string>& challenge, const std::string& level_id);

    // The player's stored input offset (used when --offset-ms is not given).
    double input_offset_ms() const { return player_.input_offset_ms; }
    // Whether the run will be stored (see the constructor).
    bool keeps() const { return storage_.ok(); }

    // Stores the run (its reps and holds, the result, the recording file as the
    // run's ghost) and prints "stored as session N ..." on stderr. Does nothing
    // unless keeps().
    void store(const core::Level& level, const core::SessionResult& result, const std::string& recording_path);

private:
    std::optional<store::Database> db_;
    store::StorageCheck storage_;
    store::Player player_;
    std::optional<std::int64_t> challenge_id_;
};

}  // namespace highstep::cli
