#pragma once
// Shared set-up for the store tests: a real SQLite database in a fresh
// temporary folder, removed afterwards, and helpers that play sessions.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "highstep/store/database.h"
#include "highstep/store/players.h"
#include "highstep/store/session_log.h"

namespace highstep::store::testing {

class TempDir {
public:
    TempDir() {
        std::string tmpl = (std::filesystem::temp_directory_path() / "highstep-store-XXXXXX").string();
        if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
        path_ = tmpl;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

class StoreTest : public ::testing::Test {
protected:
    TempDir dir;
    std::filesystem::path db_path = dir.path() / "highstep.db";

    std::int64_t add(Database& db, const std::string& name) {
        Player p;
        p.name = name;
        return add_player(db, p);
    }

    // Plays a finished session on `level` with a given score and steadiness.
    FinishOutcome play(Database& db, std::int64_t player, const std::string& level, double score,
                       double stability_mm_s = 10.0, std::int64_t finished_unix_s = 1767261600) {
        SessionStart start;
        start.player_id = player;
        start.level_id = level;
        start.exercise = "step_up";
        start.started_unix_s = finished_unix_s - 300;
        SessionLog log(db, start);
        SessionResult r;
        r.score = score;
        r.grade = "A";
        r.reps = 12;
        r.stability_mean_velocity_mm_s = stability_mm_s;
        r.finished_unix_s = finished_unix_s;
        return log.finish(r);
    }
};

// Runs a query returning one integer on a separate raw connection (the way an
// outside tool would see the file).
inline std::int64_t query_int(const std::filesystem::path& db_path, const char* sql) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* st = nullptr;
    std::int64_t v = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
        v = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

}  // namespace highstep::store::testing
