#include "highstep/store/scores.h"

#include "ranking.h"
#include "sql.h"

namespace highstep::store {

int rank_of_session(Database& db, std::int64_t session_id, std::optional<std::int64_t> player_id) {
    // Counts the finished sessions on the same level that sort before this one.
    sql::Statement q(db,
                     "WITH me AS (SELECT level_id, player_id, score, "
                     "COALESCE(stability_mean_velocity_mm_s, 1e308) AS stab, finished_unix_s AS fin, id "
                     "FROM sessions WHERE id = ?1) "
                     "SELECT COUNT(*) FROM sessions s, me WHERE s.state = 'finished' AND s.level_id = me.level_id "
                     "AND (?2 IS NULL OR s.player_id = ?2) AND s.id != me.id AND ("
                     " s.score > me.score OR (s.score = me.score AND ("
                     "  COALESCE(s.stability_mean_velocity_mm_s, 1e308) < me.stab OR "
                     "  (COALESCE(s.stability_mean_velocity_mm_s, 1e308) = me.stab AND "
                     "   (s.finished_unix_s < me.fin OR (s.finished_unix_s = me.fin AND s.id < me.id))))))");
    q.bind(1, session_id).bind(2, player_id);
    q.step();
    return static_cast<int>(q.int64(0)) + 1;
}

std::vector<ScoreEntry> top_scores(Database& db, std::string_view level_id, std::optional<std::int64_t> player_id,
                                   int limit) {
    sql::Statement q(db,
                     std::string("SELECT s.id, s.player_id, p.name, s.level_id, s.level_title, s.score, "
                                 "COALESCE(s.grade, ''), COALESCE(s.stability_mean_velocity_mm_s, 0), "
                                 "COALESCE(s.reps, 0), s.finished_unix_s "
                                 "FROM sessions s JOIN players p ON p.id = s.player_id "
                                 "WHERE s.state = 'finished' AND s.level_id = ?1 AND (?2 IS NULL OR s.player_id = ?2)") +
                         kSessionOrder + "LIMIT ?3");
    q.bind(1, level_id).bind(2, player_id).bind(3, limit);
    std::vector<ScoreEntry> out;
    while (q.step()) {
        ScoreEntry e;
        e.rank = static_cast<int>(out.size()) + 1;
        e.session_id = q.int64(0);
        e.player_id = q.int64(1);
        e.player_name = q.text(2);
        e.level_id = q.text(3);
        e.level_title = q.text(4);
        e.score = q.real(5);
        e.grade = q.text(6);
        e.stability_mean_velocity_mm_s = q.real(7);
        e.reps = q.int32(8);
        e.finished_unix_s = q.int64(9);
        out.push_back(std::move(e));
    }
    return out;
}

std::vector<std::string> scored_levels(Database& db) {
    sql::Statement q(db, "SELECT DISTINCT level_id FROM sessions WHERE state = 'finished' ORDER BY level_id");
    std::vector<std::string> out;
    while (q.step()) out.push_back(q.text(0));
    return out;
}

std::optional<double> personal_best(Database& db, std::int64_t player_id, std::string_view level_id) {
    sql::Statement q(db,
                     "SELECT MAX(score) FROM sessions WHERE player_id = ?1 AND level_id = ?2 AND state = 'finished'");
    q.bind(1, player_id).bind(2, level_id);
    q.step();
    return q.optional_real(0);
}

int sessions_ended_early(Database& db, std::int64_t player_id, std::string_view level_id) {
    sql::Statement q(db,
                     "SELECT COUNT(*) FROM sessions WHERE player_id = ?1 AND level_id = ?2 AND state = 'unfinished'");
    q.bind(1, player_id).bind(2, level_id);
    q.step();
    return q.int32(0);
}

}  // namespace highstep::store
