#pragma once
// Challenge files: a challenge travels between households as JSON
//   { "format_version": 1, "kind": "highstep-challenge",
//     "challenge": { uid, name, levels, rules, starts, ends, household },
//     "entries": [ { uid, player, household, level, score, grade,
//                    stability_mean_velocity_mm_s, reps, finished_unix_s,
//                    recording_csv } ] }
// The export embeds the recording of each player's best run per level, so the
// other household can race the ghosts and send their results back.
// An imported file is untrusted: size-limited before parsing, every field
// checked (type, range, length, control characters), recordings parsed as
// recordings, nothing executed, all-or-nothing in one transaction.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "highstep/store/challenge.h"
#include "highstep/store/database.h"

namespace highstep::store {

inline constexpr int kChallengeFileVersion = 1;

// A rejected challenge file. what() reads "FILE:LINE: message" (LINE where the
// bad value starts; "FILE: message" for a whole-file problem).
class ChallengeFileError : public StoreError {
public:
    using StoreError::StoreError;
};

struct ChallengeFileLimits {
    std::uintmax_t max_file_bytes = 8u * 1024 * 1024;  // refused before reading
    std::size_t max_entries = 1000;
    std::size_t max_recording_bytes = 2u * 1024 * 1024;  // per embedded recording
    double max_score = 1.0e6;
};

struct ImportReport {
    std::int64_t challenge_id = 0;
    bool challenge_created = false;  // false: the challenge was already here
    int entries_added = 0;
    int entries_already_here = 0;    // same uid seen before (re-import, own results)
};

// The challenge with its entries, embedding the recording of each player's best
// run per level. Throws StoreError if there is no such challenge.
std::string export_challenge_json(Database& db, std::int64_t challenge_id);
void export_challenge_file(Database& db, std::int64_t challenge_id, const std::filesystem::path& out);

// Validates and imports; nothing is changed unless the whole file is good.
ImportReport import_challenge_json(Database& db, std::string_view text, std::string_view source_name,
                                   const ChallengeFileLimits& limits = {});
ImportReport import_challenge_file(Database& db, const std::filesystem::path& path,
                                   const ChallengeFileLimits& limits = {});

}  // namespace highstep::store
