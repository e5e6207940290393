#pragma once
// Challenge-entry insert shared by the public API, SessionLog::finish and the
// challenge-file import; runs inside the caller's transaction.
#include <cstdint>

#include "highstep/store/challenge.h"

namespace highstep::store {

// Inserts a validated challenge with its levels; needs an open transaction.
std::int64_t insert_challenge(Database& db, const Challenge& challenge);

// "" when the entry's fields are acceptable, else why not.
std::string validate_entry(const ChallengeEntry& entry);
// Inserts a validated entry; when its uid is already stored, leaves it and
// returns the existing id with `added` false. Needs an open transaction.
std::int64_t insert_challenge_entry(Database& db, const ChallengeEntry& entry, bool* added = nullptr);

}  // namespace highstep::store
