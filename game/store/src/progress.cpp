#include "highstep/store/progress.h"

#include "sql.h"

namespace highstep::store {

std::vector<ProgressPoint> progress(Database& db, std::int64_t player_id, std::optional<std::string_view> level_id) {
    sql::Statement q(db,
                     "SELECT id, level_id, exercise, finished_unix_s, day, score, COALESCE(grade, ''), "
                     "COALESCE(stability_mean_velocity_mm_s, 0), COALESCE(tempo_accuracy, 0), COALESCE(reps, 0), "
                     "COALESCE(symmetry, 1), perfect + great + good + miss > 0 FROM sessions WHERE player_id = ?1 AND state = 'finished' "
                     "AND (?2 IS NULL OR level_id = ?2) ORDER BY finished_unix_s, id");
    q.bind(1, player_id);
    if (level_id) {
        q.bind(2, *level_id);
    } else {
        q.bind_null(2);
    }
    std::vector<ProgressPoint> out;
    while (q.step()) {
        ProgressPoint p;
        p.session_id = q.int64(0);
        p.level_id = q.text(1);
        p.exercise = q.text(2);
        p.finished_unix_s = q.int64(3);
        p.day = q.text(4);
        p.score = q.real(5);
        p.grade = q.text(6);
        p.stability_mean_velocity_mm_s = q.real(7);
        p.tempo_accuracy = q.real(8);
        p.reps = q.int32(9);
        p.symmetry = q.real(10);
        p.has_tempo = q.int64(11) != 0;
        out.push_back(std::move(p));
    }
    return out;
}

std::vector<TrainingDay> training_days(Database& db, std::int64_t player_id, std::string_view from_day,
                                       std::string_view to_day) {
    // Reps and holds stored count even for unfinished sessions: the work was done.
    sql::Statement q(db,
                     "SELECT s.day, COUNT(*), SUM(s.state = 'finished'), "
                     "SUM((SELECT COUNT(*) FROM reps r WHERE r.session_id = s.id) + "
                     "    (SELECT COUNT(*) FROM holds h WHERE h.session_id = s.id)), "
                     "MAX(CASE WHEN s.state = 'finished' THEN s.score ELSE 0 END) "
                     "FROM sessions s WHERE s.player_id = ?1 AND s.day BETWEEN ?2 AND ?3 "
                     "GROUP BY s.day ORDER BY s.day");
    q.bind(1, player_id).bind(2, from_day).bind(3, to_day);
    std::vector<TrainingDay> out;
    while (q.step()) {
        TrainingDay d;
        d.day = q.text(0);
        d.sessions = q.int32(1);
        d.finished = q.int32(2);
        d.reps = q.int32(3);
        d.best_score = q.real(4);
        out.push_back(std::move(d));
    }
    return out;
}

std::vector<PlanHistoryEntry> plan_history(Database& db, std::int64_t player_id) {
    // A finished session's judgement counts come from the scorer's result; an
    // unfinished one only has the reps it stored.
    sql::Statement q(db,
                     "SELECT s.day, s.exercise, s.program_rung, s.state = 'finished', "
                     "CASE WHEN s.state = 'finished' THEN COALESCE(s.reps, 0) ELSE "
                     " (SELECT COUNT(*) FROM reps r WHERE r.session_id = s.id) + "
                     " (SELECT COUNT(*) FROM holds h WHERE h.session_id = s.id) END, "
                     "s.planned_reps, "
                     "CASE WHEN s.state = 'finished' THEN s.perfect ELSE "
                     " (SELECT COUNT(*) FROM reps r WHERE r.session_id = s.id AND r.judgement = 'perfect') END, "
                     "CASE WHEN s.state = 'finished' THEN s.great ELSE "
                     " (SELECT COUNT(*) FROM reps r WHERE r.session_id = s.id AND r.judgement = 'great') END, "
                     "CASE WHEN s.state = 'finished' THEN s.good ELSE "
                     " (SELECT COUNT(*) FROM reps r WHERE r.session_id = s.id AND r.judgement = 'good') END, "
                     "CASE WHEN s.state = 'finished' THEN s.miss ELSE "
                     " (SELECT COUNT(*) FROM reps r WHERE r.session_id = s.id AND r.judgement = 'miss') END, "
                     "(SELECT COUNT(*) FROM reps r WHERE r.session_id = s.id AND r.steady = 0) + "
                     "(SELECT COUNT(*) FROM holds h WHERE h.session_id = s.id AND h.steady = 0) "
                     "FROM sessions s WHERE s.player_id = ?1 ORDER BY s.started_unix_s, s.id");
    q.bind(1, player_id);
    std::vector<PlanHistoryEntry> out;
    while (q.step()) {
        PlanHistoryEntry e;
        e.day = q.text(0);
        e.exercise = q.text(1);
        e.program_rung = q.int32(2);
        e.finished = q.int64(3) != 0;
        e.reps = q.int32(4);
        e.planned_reps = q.int32(5);
        e.perfect = q.int32(6);
        e.great = q.int32(7);
        e.good = q.int32(8);
        e.miss = q.int32(9);
        e.unsteady_reps = q.int32(10);
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace highstep::store
