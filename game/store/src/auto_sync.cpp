#include "highstep/store/auto_sync.h"

#include <cmath>

#include "sql.h"

namespace highstep::store {

std::optional<AutoSyncSuggestion> last_auto_sync(Database& db, std::int64_t player_id) {
    // SQLite's JSON functions read the stored result; json_valid() first, so a
    // damaged row is passed over instead of failing the query.
    sql::Statement q(db,
                     "SELECT id, level_title, finished_unix_s, "
                     "       json_extract(result_json, '$.tempo.suggested_offset_ms'), "
                     "       json_extract(result_json, '$.tempo.input_offset_ms') "
                     "FROM sessions "
                     "WHERE player_id = ?1 AND state = 'finished' AND json_valid(result_json) "
                     "  AND json_type(result_json, '$.tempo.suggested_offset_ms') IN ('integer', 'real') "
                     "ORDER BY finished_unix_s DESC, id DESC");
    q.bind(1, player_id);
    while (q.step()) {
        AutoSyncSuggestion s;
        s.session_id = q.int64(0);
        s.level_title = q.text(1);
        s.finished_unix_s = q.optional_int64(2).value_or(0);
        s.offset_ms = q.real(3);
        s.played_offset_ms = q.optional_real(4).value_or(0.0);
        // A number the game could not have written (hand-edited file) is not offered.
        if (std::isfinite(s.offset_ms) && std::fabs(s.offset_ms) <= 500.0) return s;
    }
    return std::nullopt;
}

}  // namespace highstep::store
