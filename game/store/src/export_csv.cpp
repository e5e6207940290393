// `highstep export`: a player's whole history as CSV for a spreadsheet or a coach.
#include <cstdio>
#include <ostream>

#include "highstep/store/players.h"
#include "highstep/store/progress.h"
#include "day_math.h"
#include "sql.h"

namespace highstep::store {
namespace {

// RFC 4180 quoting; a text cell that a spreadsheet would run as a formula
// (starting with = + - @) gets a leading apostrophe so it stays text.
std::string csv_text(const std::string& value) {
    std::string v = value;
    if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@')) v.insert(v.begin(), '\'');
    if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
    std::string quoted = "\"";
    for (char c : v) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

std::string csv_number(double value, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    return buf;
}

std::string local_time(std::int64_t unix_s) { return format_local_time(unix_s, "%Y-%m-%d %H:%M:%S"); }

}  // namespace

std::size_t export_player_csv(Database& db, std::int64_t player_id, std::ostream& out) {
    const std::optional<Player> player = get_player(db, player_id);
    if (!player) throw StoreError("no player with id " + std::to_string(player_id));
    // Player names cannot hold control characters, so the name fits one comment line.
    out << "# highstep player history v1\n# player: " << player->name << "\n";
    out << "session_id,day,started,finished,state,level_id,level_title,exercise,body_weight_kg,score,grade,"
           "reps,planned_reps,perfect,great,good,miss,stability_mean_velocity_mm_s,stability_score,"
           "tempo_accuracy,symmetry,duration_s,program_rung\n";
    sql::Statement q(db,
                     "SELECT s.id, s.day, s.started_unix_s, s.finished_unix_s, s.state, s.level_id, s.level_title, "
                     "s.exercise, s.body_weight_kg, s.score, s.grade, "
                     "CASE WHEN s.state = 'finished' THEN COALESCE(s.reps, 0) ELSE "
                     " (SELECT COUNT(*) FROM reps r WHERE r.session_id = s.id) + "
                     " (SELECT COUNT(*) FROM holds h WHERE h.session_id = s.id) END, "
                     "s.planned_reps, s.perfect, s.great, s.good, s.miss, s.stability_mean_velocity_mm_s, "
                     "s.stability_score, s.tempo_accuracy, s.symmetry, s.duration_s, s.program_rung "
                     "FROM sessions s WHERE s.player_id = ?1 ORDER BY s.started_unix_s, s.id");
    q.bind(1, player_id);
    std::size_t rows = 0;
    const auto opt = [&](int column, int decimals) {
        return q.is_null(column) ? std::string() : csv_number(q.real(column), decimals);
    };
    while (q.step()) {
        out << q.int64(0) << ',' << q.text(1) << ',' << local_time(q.int64(2)) << ','
            << (q.is_null(3) ? std::string() : local_time(q.int64(3))) << ','
            << q.text(4) << ',' << csv_text(q.text(5)) << ',' << csv_text(q.text(6)) << ',' << q.text(7) << ','
            << csv_number(q.real(8), 1) << ',' << opt(9, 1) << ',' << csv_text(q.text(10)) << ',' << q.int64(11)
            << ',' << q.int64(12) << ',' << q.int64(13) << ',' << q.int64(14) << ',' << q.int64(15) << ','
            << q.int64(16) << ',' << opt(17, 2) << ',' << opt(18, 1) << ',' << opt(19, 3) << ',' << opt(20, 3)
            << ',' << opt(21, 1) << ',' << q.int64(22) << '\n';
        ++rows;
    }
    return rows;
}

}  // namespace highstep::store
