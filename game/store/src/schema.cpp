// Every schema version HighStep has shipped, and the migrations between them.
// A version's DDL is never edited once shipped: tests build each old version
// from it and migrate, and the migrated file must equal a fresh one.
// Columns added by a migration are appended at the end of their table in the
// later DDL too, so ALTER TABLE ... ADD COLUMN gives the same table.
#include "schema.h"

#include <string>

#include "highstep/store/database.h"
#include "sql.h"

namespace highstep::store {
namespace {

// v1: players, weigh-ins, sessions and reps.
constexpr const char* kV1Tables = R"sql(
CREATE TABLE players (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL COLLATE NOCASE UNIQUE,
    dominant_leg TEXT NOT NULL CHECK (dominant_leg IN ('left', 'right')),
    input_offset_ms REAL NOT NULL DEFAULT 0,
    created_unix_s INTEGER NOT NULL
);
CREATE TABLE weigh_ins (
    id INTEGER PRIMARY KEY,
    player_id INTEGER NOT NULL REFERENCES players(id) ON DELETE CASCADE,
    t_unix_s INTEGER NOT NULL,
    body_weight_kg REAL NOT NULL
);
CREATE INDEX weigh_ins_by_player ON weigh_ins(player_id, t_unix_s);
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    player_id INTEGER NOT NULL REFERENCES players(id) ON DELETE CASCADE,
    level_id TEXT NOT NULL,
    started_unix_s INTEGER NOT NULL,
    day TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'unfinished' CHECK (state IN ('unfinished', 'finished')),
    finished_unix_s INTEGER,
    score REAL,
    grade TEXT,
    reps INTEGER
);
CREATE INDEX sessions_by_level ON sessions(level_id, state, score);
CREATE INDEX sessions_by_player ON sessions(player_id, started_unix_s);
CREATE TABLE reps (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    set_index INTEGER NOT NULL,
    rep_index INTEGER NOT NULL,
    kind TEXT NOT NULL,
    leg TEXT NOT NULL,
    t_s REAL NOT NULL,
    judgement TEXT NOT NULL,
    timing_error_ms REAL NOT NULL,
    score REAL NOT NULL,
    peak_bw REAL NOT NULL,
    rise_s REAL NOT NULL,
    lowering_s REAL NOT NULL,
    hold_s REAL NOT NULL,
    UNIQUE (session_id, set_index, rep_index)
);
)sql";

// v2: board orientation, foot positions, per-session measures, steadiness of
// reps, sets and holds. v1 did not record steadiness: its reps count as steady
// so the planner judges them by their judgement alone.
constexpr const char* kV2Changes = R"sql(
ALTER TABLE players ADD COLUMN board_rotated_180 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE weigh_ins ADD COLUMN left_foot_x_mm REAL;
ALTER TABLE weigh_ins ADD COLUMN right_foot_x_mm REAL;
ALTER TABLE sessions ADD COLUMN level_title TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN exercise TEXT NOT NULL DEFAULT 'step_up';
ALTER TABLE sessions ADD COLUMN body_weight_kg REAL NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN program_rung INTEGER NOT NULL DEFAULT -1;
ALTER TABLE sessions ADD COLUMN planned_reps INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN perfect INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN great INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN good INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN miss INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN stability_mean_velocity_mm_s REAL;
ALTER TABLE sessions ADD COLUMN stability_score REAL;
ALTER TABLE sessions ADD COLUMN tempo_accuracy REAL;
ALTER TABLE sessions ADD COLUMN symmetry REAL;
ALTER TABLE sessions ADD COLUMN duration_s REAL;
ALTER TABLE sessions ADD COLUMN result_json TEXT;
ALTER TABLE reps ADD COLUMN stability_mean_velocity_mm_s REAL NOT NULL DEFAULT 0;
ALTER TABLE reps ADD COLUMN steady INTEGER NOT NULL DEFAULT 1;
CREATE TABLE sets (
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    set_index INTEGER NOT NULL,
    score REAL NOT NULL,
    grade TEXT NOT NULL,
    reps INTEGER NOT NULL,
    PRIMARY KEY (session_id, set_index)
);
CREATE TABLE holds (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    set_index INTEGER NOT NULL,
    hold_index INTEGER NOT NULL,
    stance TEXT NOT NULL CHECK (stance IN ('both', 'left', 'right')),
    start_s REAL NOT NULL,
    end_s REAL NOT NULL,
    hold_s REAL NOT NULL,
    target_s REAL NOT NULL,
    mean_velocity_mm_s REAL NOT NULL,
    rms_ml_mm REAL NOT NULL,
    rms_ap_mm REAL NOT NULL,
    ellipse95_mm2 REAL NOT NULL,
    path_length_mm REAL NOT NULL,
    score REAL NOT NULL,
    steady INTEGER NOT NULL,
    UNIQUE (session_id, set_index, hold_index)
);
)sql";

// v3: group challenges, the recordings of runs (ghosts), household settings.
constexpr const char* kV3Changes = R"sql(
CREATE TABLE challenges (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    mode TEXT NOT NULL CHECK (mode IN ('hot_seat', 'anytime')),
    attempts_per_level INTEGER NOT NULL,
    weigh_in_each_turn INTEGER NOT NULL,
    starts_day TEXT NOT NULL,
    ends_day TEXT NOT NULL,
    household TEXT NOT NULL,
    created_unix_s INTEGER NOT NULL
);
CREATE TABLE challenge_levels (
    challenge_id INTEGER NOT NULL REFERENCES challenges(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    level_id TEXT NOT NULL,
    PRIMARY KEY (challenge_id, position)
);
CREATE TABLE challenge_entries (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    challenge_id INTEGER NOT NULL REFERENCES challenges(id) ON DELETE CASCADE,
    player_name TEXT NOT NULL,
    household TEXT NOT NULL,
    level_id TEXT NOT NULL,
    score REAL NOT NULL,
    grade TEXT NOT NULL,
    stability_mean_velocity_mm_s REAL NOT NULL,
    reps INTEGER NOT NULL,
    finished_unix_s INTEGER NOT NULL,
    session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
    recording_csv TEXT NOT NULL DEFAULT ''
);
CREATE INDEX challenge_entries_by_challenge ON challenge_entries(challenge_id, level_id);
CREATE TABLE recordings (
    session_id INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
    csv TEXT NOT NULL
);
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
ALTER TABLE sessions ADD COLUMN challenge_id INTEGER REFERENCES challenges(id) ON DELETE SET NULL;
)sql";

// v4: when each rep's judgement was first shown and heard (the game judges a step-up at
// the foot's contact and settles the rest later). Reps stored before have none.
constexpr const char* kV4Changes = R"sql(
ALTER TABLE reps ADD COLUMN feedback_s REAL;
)sql";

const std::string& full_ddl(int version) {
    static const std::string v1 = kV1Tables;
    static const std::string v2 = v1 + kV2Changes;
    static const std::string v3 = v2 + kV3Changes;
    static const std::string v4 = v3 + kV4Changes;
    return version == 1 ? v1 : version == 2 ? v2 : version == 3 ? v3 : v4;
}

}  // namespace

const char* schema_ddl(int version) {
    if (version < 1 || version > kSchemaVersion) return nullptr;
    return full_ddl(version).c_str();
}

void create_or_migrate(sqlite3* db, const std::string& file) {
    sql::Statement get(db, "PRAGMA user_version");
    get.step();
    const int version = get.int32(0);
    get.reset();
    if (version > kSchemaVersion) {
        throw StoreError(file + ": schema version " + std::to_string(version) +
                         " is newer than this HighStep understands (" + std::to_string(kSchemaVersion) +
                         "); update HighStep");
    }
    if (version == kSchemaVersion) return;
    // One transaction for the whole migration: an old file is either fully
    // migrated or left exactly as it was.
    sql::exec(db, "BEGIN IMMEDIATE");
    try {
        if (version == 0) {
            sql::exec(db, full_ddl(kSchemaVersion).c_str());
        } else {
            if (version < 2) sql::exec(db, kV2Changes);
            if (version < 3) sql::exec(db, kV3Changes);
            if (version < 4) sql::exec(db, kV4Changes);
        }
        sql::exec(db, ("PRAGMA user_version = " + std::to_string(kSchemaVersion)).c_str());
        sql::exec(db, "COMMIT");
    } catch (...) {
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

}  // namespace highstep::store
