#include "highstep/store/session_log.h"

#include <cctype>
#include <chrono>
#include <cmath>

#include "highstep/store/challenge.h"
#include "highstep/store/scores.h"
#include "challenge_entries.h"
#include "day_math.h"
#include "ranking.h"
#include "sql.h"
#include "text_checks.h"

namespace highstep::store {

std::optional<Judgement> parse_judgement(std::string_view text) {
    std::string lower;
    for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (Judgement j : {Judgement::perfect, Judgement::great, Judgement::good, Judgement::miss}) {
        if (lower == to_string(j)) return j;
    }
    return std::nullopt;
}

std::string local_day(std::int64_t unix_s) { return format_local_time(unix_s, "%Y-%m-%d"); }

bool valid_day(std::string_view day) { return text::is_day(day); }

std::string day_after(std::string_view day, int days) {
    const std::optional<long> n = day_number(day);
    if (!n) throw StoreError("'" + std::string(day) + "' is not a date (YYYY-MM-DD)");
    return day_string(*n + days);
}

std::int64_t now_unix_s() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

namespace {

bool is_exercise(std::string_view e) { return e == "step_up" || e == "knee_drive" || e == "balance"; }

// Every measure must be a finite number: NaN or infinity in the database would
// poison averages and the high-score order.
void check_finite(std::initializer_list<double> values, const char* what) {
    for (double v : values) {
        if (!std::isfinite(v)) throw StoreError(std::string(what) + ": a measure is not a finite number");
    }
}

}  // namespace

SessionLog::SessionLog(Database& db, const SessionStart& start) : db_(&db), challenge_id_(start.challenge_id) {
    if (!text::is_level_id(start.level_id)) throw StoreError("level id '" + start.level_id + "' is not a level id");
    if (!is_exercise(start.exercise)) throw StoreError("exercise '" + start.exercise + "' is not step_up, knee_drive or balance");
    check_finite({start.body_weight_kg}, "session start");
    const std::int64_t started = start.started_unix_s ? start.started_unix_s : now_unix_s();
    sql::Transaction tx(db);
    sql::Statement player(db, "SELECT 1 FROM players WHERE id = ?1");
    player.bind(1, start.player_id);
    if (!player.step()) throw StoreError("no player with id " + std::to_string(start.player_id));
    if (start.challenge_id) {
        sql::Statement challenge(db, "SELECT 1 FROM challenges WHERE id = ?1");
        challenge.bind(1, *start.challenge_id);
        if (!challenge.step()) throw StoreError("no challenge with id " + std::to_string(*start.challenge_id));
    }
    sql::Statement insert(db,
                          "INSERT INTO sessions (player_id, level_id, started_unix_s, day, level_title, exercise, "
                          "body_weight_kg, program_rung, challenge_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    insert.bind(1, start.player_id)
        .bind(2, start.level_id)
        .bind(3, started)
        .bind(4, local_day(started))
        .bind(5, start.level_title)
        .bind(6, start.exercise)
        .bind(7, start.body_weight_kg)
        .bind(8, start.program_rung)
        .bind(9, start.challenge_id);
    insert.run();
    session_id_ = sqlite3_last_insert_rowid(db.handle());
    tx.commit();
}

void SessionLog::add_rep(const RepRecord& r) {
    if (finished_) throw StoreError("session " + std::to_string(session_id_) + " is already finished");
    if (r.kind != "step_up" && r.kind != "knee_drive") throw StoreError("rep kind must be step_up or knee_drive");
    check_finite({r.t_s, r.feedback_s, r.timing_error_ms, r.score, r.peak_bw, r.rise_s, r.lowering_s, r.hold_s,
                  r.stability_mean_velocity_mm_s},
                 "rep");
    sql::Transaction tx(*db_);
    sql::Statement insert(*db_,
                          "INSERT INTO reps (session_id, set_index, rep_index, kind, leg, t_s, judgement, "
                          "timing_error_ms, score, peak_bw, rise_s, lowering_s, hold_s, stability_mean_velocity_mm_s, "
                          "steady, feedback_s) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)");
    insert.bind(1, session_id_)
        .bind(2, r.set_index)
        .bind(3, r.rep_index)
        .bind(4, r.kind)
        .bind(5, to_string(r.leg))
        .bind(6, r.t_s)
        .bind(7, to_string(r.judgement))
        .bind(8, r.timing_error_ms)
        .bind(9, r.score)
        .bind(10, r.peak_bw)
        .bind(11, r.rise_s)
        .bind(12, r.lowering_s)
        .bind(13, r.hold_s)
        .bind(14, r.stability_mean_velocity_mm_s)
        .bind(15, r.steady)
        .bind(16, r.feedback_s);
    insert.run();
    tx.commit();
}

void SessionLog::add_hold(const HoldRecord& h) {
    if (finished_) throw StoreError("session " + std::to_string(session_id_) + " is already finished");
    check_finite({h.start_s, h.end_s, h.hold_s, h.target_s, h.mean_velocity_mm_s, h.rms_ml_mm, h.rms_ap_mm,
                  h.ellipse95_mm2, h.path_length_mm, h.score},
                 "hold");
    sql::Transaction tx(*db_);
    sql::Statement insert(*db_,
                          "INSERT INTO holds (session_id, set_index, hold_index, stance, start_s, end_s, hold_s, "
                          "target_s, mean_velocity_mm_s, rms_ml_mm, rms_ap_mm, ellipse95_mm2, path_length_mm, score, "
                          "steady) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
    insert.bind(1, session_id_)
        .bind(2, h.set_index)
        .bind(3, h.hold_index)
        .bind(4, h.stance ? to_string(*h.stance) : "both")
        .bind(5, h.start_s)
        .bind(6, h.end_s)
        .bind(7, h.hold_s)
        .bind(8, h.target_s)
        .bind(9, h.mean_velocity_mm_s)
        .bind(10, h.rms_ml_mm)
        .bind(11, h.rms_ap_mm)
        .bind(12, h.ellipse95_mm2)
        .bind(13, h.path_length_mm)
        .bind(14, h.score)
        .bind(15, h.steady);
    insert.run();
    tx.commit();
}

void SessionLog::finish_set(const SetRecord& s) {
    check_finite({s.score}, "set");
    sql::Transaction tx(*db_);
    sql::Statement upsert(*db_,
                          "INSERT INTO sets (session_id, set_index, score, grade, reps) VALUES (?1, ?2, ?3, ?4, ?5) "
                          "ON CONFLICT (session_id, set_index) DO UPDATE SET score = excluded.score, "
                          "grade = excluded.grade, reps = excluded.reps");
    upsert.bind(1, session_id_).bind(2, s.set_index).bind(3, s.score).bind(4, s.grade).bind(5, s.reps);
    upsert.run();
    tx.commit();
}

void SessionLog::attach_recording(std::string_view csv_text) {
    sql::Transaction tx(*db_);
    sql::Statement upsert(*db_,
                          "INSERT INTO recordings (session_id, csv) VALUES (?1, ?2) "
                          "ON CONFLICT (session_id) DO UPDATE SET csv = excluded.csv");
    upsert.bind(1, session_id_).bind(2, csv_text);
    upsert.run();
    tx.commit();
}

FinishOutcome SessionLog::finish(const SessionResult& r) {
    if (finished_) throw StoreError("session " + std::to_string(session_id_) + " is already finished");
    check_finite({r.score, r.stability_mean_velocity_mm_s, r.stability_score, r.tempo_accuracy, r.symmetry,
                  r.duration_s},
                 "session result");
    const std::int64_t finished_at = r.finished_unix_s ? r.finished_unix_s : now_unix_s();
    FinishOutcome out;
    out.session_id = session_id_;

    sql::Transaction tx(*db_);
    sql::Statement who(*db_, "SELECT player_id, level_id FROM sessions WHERE id = ?1");
    who.bind(1, session_id_);
    if (!who.step()) throw StoreError("session " + std::to_string(session_id_) + " was deleted");
    const std::int64_t player_id = who.int64(0);
    const std::string level_id = who.text(1);

    out.previous_best = personal_best(*db_, player_id, level_id);
    sql::Statement others(*db_, "SELECT COUNT(*) FROM sessions WHERE level_id = ?1 AND state = 'finished'");
    others.bind(1, level_id);
    others.step();
    const bool level_played_before = others.int64(0) > 0;

    sql::Statement update(*db_,
                          "UPDATE sessions SET state = 'finished', finished_unix_s = ?2, score = ?3, grade = ?4, "
                          "reps = ?5, planned_reps = ?6, perfect = ?7, great = ?8, good = ?9, miss = ?10, "
                          "stability_mean_velocity_mm_s = ?11, stability_score = ?12, tempo_accuracy = ?13, "
                          "symmetry = ?14, duration_s = ?15, result_json = ?16 WHERE id = ?1");
    update.bind(1, session_id_)
        .bind(2, finished_at)
        .bind(3, r.score)
        .bind(4, r.grade)
        .bind(5, r.reps)
        .bind(6, r.planned_reps)
        .bind(7, r.perfect)
        .bind(8, r.great)
        .bind(9, r.good)
        .bind(10, r.miss)
        .bind(11, r.stability_mean_velocity_mm_s)
        .bind(12, r.stability_score)
        .bind(13, r.tempo_accuracy)
        .bind(14, r.symmetry)
        .bind(15, r.duration_s)
        .bind(16, r.result_json);
    update.run();

    if (challenge_id_) {
        sql::Statement name(*db_, "SELECT name FROM players WHERE id = ?1");
        name.bind(1, player_id);
        name.step();
        sql::Statement recording(*db_, "SELECT csv FROM recordings WHERE session_id = ?1");
        recording.bind(1, session_id_);
        ChallengeEntry entry;
        entry.challenge_id = *challenge_id_;
        entry.player_name = name.text(0);
        entry.household = household_name(*db_);
        entry.level_id = level_id;
        entry.score = r.score;
        entry.grade = r.grade;
        entry.stability_mean_velocity_mm_s = r.stability_mean_velocity_mm_s;
        entry.reps = r.reps;
        entry.finished_unix_s = finished_at;
        entry.session_id = session_id_;
        if (recording.step()) entry.recording_csv = recording.text(0);
        insert_challenge_entry(*db_, entry);  // inside this transaction
    }

    out.rank_overall = rank_of_session(*db_, session_id_, std::nullopt);
    out.rank_player = rank_of_session(*db_, session_id_, player_id);
    out.personal_best = !out.previous_best || r.score > *out.previous_best;
    out.level_record = level_played_before && out.rank_overall == 1;
    tx.commit();
    finished_ = true;
    return out;
}

}  // namespace highstep::store
