#pragma once
// The one order of every high-score table: higher score first; a tie goes to
// the steadier run (lower mean CoP velocity; unknown counts as least steady),
// then to whoever finished first, then to the lower id (stable order).
#include <cstdint>
#include <optional>

#include "highstep/store/database.h"

namespace highstep::store {

// ORDER BY clause over sessions aliased "s".
inline constexpr const char* kSessionOrder =
    " ORDER BY s.score DESC, COALESCE(s.stability_mean_velocity_mm_s, 1e308) ASC, s.finished_unix_s ASC, s.id ASC ";

// 1-based place of a finished session in its level's table (of one player, if given).
int rank_of_session(Database& db, std::int64_t session_id, std::optional<std::int64_t> player_id);

}  // namespace highstep::store
