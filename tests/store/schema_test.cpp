// Schema creation, WAL and foreign keys, and migration from every earlier schema.
#include <fstream>
#include <map>
#include <vector>

#include "store_fixture.h"

namespace highstep::store::testing {
namespace {

// Tables, their columns (name, type, not-null, default, pk) and indexes, as
// SQLite describes them: the shape of the schema independent of SQL text.
std::map<std::string, std::vector<std::string>> describe(const std::filesystem::path& path) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    std::map<std::string, std::vector<std::string>> out;
    sqlite3_stmt* tables = nullptr;
    sqlite3_prepare_v2(db, "SELECT name, type FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name", -1,
                       &tables, nullptr);
    while (sqlite3_step(tables) == SQLITE_ROW) {
        const std::string name = reinterpret_cast<const char*>(sqlite3_column_text(tables, 0));
        const std::string type = reinterpret_cast<const char*>(sqlite3_column_text(tables, 1));
        std::vector<std::string>& cols = out[type + " " + name];
        const std::string pragma = type == "table" ? "PRAGMA table_info(" + name + ")" : "PRAGMA index_info(" + name + ")";
        sqlite3_stmt* info = nullptr;
        sqlite3_prepare_v2(db, pragma.c_str(), -1, &info, nullptr);
        while (sqlite3_step(info) == SQLITE_ROW) {
            std::string row;
            for (int c = 0; c < sqlite3_column_count(info); ++c) {
                const unsigned char* t = sqlite3_column_text(info, c);
                row += (t ? reinterpret_cast<const char*>(t) : "NULL") + std::string("|");
            }
            cols.push_back(row);
        }
        sqlite3_finalize(info);
        if (type == "table") {
            const std::string fks = "PRAGMA foreign_key_list(" + name + ")";
            sqlite3_prepare_v2(db, fks.c_str(), -1, &info, nullptr);
            while (sqlite3_step(info) == SQLITE_ROW) {
                std::string row = "fk:";
                for (int c = 2; c < sqlite3_column_count(info); ++c) {
                    const unsigned char* t = sqlite3_column_text(info, c);
                    row += (t ? reinterpret_cast<const char*>(t) : "NULL") + std::string("|");
                }
                cols.push_back(row);
            }
            sqlite3_finalize(info);
        }
    }
    sqlite3_finalize(tables);
    sqlite3_close(db);
    return out;
}

// Builds a database exactly as schema `version` shipped, with some data in it.
void build_old(const std::filesystem::path& path, int version) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, schema_ddl(version), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    const std::string set_version = "PRAGMA user_version = " + std::to_string(version);
    sqlite3_exec(db, set_version.c_str(), nullptr, nullptr, nullptr);
    const char* data =
        "INSERT INTO players (id, name, dominant_leg, input_offset_ms, created_unix_s) VALUES (1, 'Ada', 'left', 12.5, 1700000000);"
        "INSERT INTO weigh_ins (player_id, t_unix_s, body_weight_kg) VALUES (1, 1700000100, 61.5);"
        "INSERT INTO sessions (id, player_id, level_id, started_unix_s, day, state, finished_unix_s, score, grade, reps) "
        "VALUES (1, 1, 'hill-1', 1700000200, '2023-11-14', 'finished', 1700000500, 8123.0, 'A', 24);"
        "INSERT INTO reps (session_id, set_index, rep_index, kind, leg, t_s, judgement, timing_error_ms, score, peak_bw, "
        "rise_s, lowering_s, hold_s) VALUES (1, 0, 0, 'step_up', 'left', 3.2, 'great', 31.0, 88.0, 1.2, 0.8, 1.4, 0);";
    ASSERT_EQ(sqlite3_exec(db, data, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    sqlite3_close(db);
}

class SchemaTest : public StoreTest {};

TEST_F(SchemaTest, NewDatabaseHasLatestSchemaWalAndForeignKeys) {
    Database db(db_path);
    EXPECT_EQ(db.schema_version(), kSchemaVersion);
    EXPECT_EQ(db.integrity_check(), "ok");
    EXPECT_EQ(query_int(db_path, "PRAGMA user_version"), kSchemaVersion);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db.handle(), "PRAGMA journal_mode", -1, &st, nullptr);
    ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
    EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "wal");
    sqlite3_finalize(st);
    // Foreign keys are enforced: a weigh-in for a player who does not exist fails.
    WeighIn w;
    w.player_id = 999;
    w.body_weight_kg = 70;
    EXPECT_THROW(add_weigh_in(db, w), StoreError);
}

TEST_F(SchemaTest, CreatesMissingFolders) {
    const auto nested = dir.path() / "a" / "b" / "h.db";
    Database db(nested);
    EXPECT_TRUE(std::filesystem::exists(nested));
}

class MigrationTest : public StoreTest, public ::testing::WithParamInterface<int> {};

TEST_P(MigrationTest, MigratesToLatestKeepingData) {
    const int from = GetParam();
    const auto old_path = dir.path() / ("v" + std::to_string(from) + ".db");
    build_old(old_path, from);
    {
        Database db(old_path);
        EXPECT_EQ(db.schema_version(), kSchemaVersion);
        EXPECT_EQ(db.integrity_check(), "ok");
        const auto ada = find_player(db, "ada");
        ASSERT_TRUE(ada);
        EXPECT_EQ(ada->dominant_leg, Leg::left);
        EXPECT_DOUBLE_EQ(ada->input_offset_ms, 12.5);
        EXPECT_FALSE(ada->board_rotated_180);
        ASSERT_TRUE(ada->body_weight_kg);
        EXPECT_DOUBLE_EQ(*ada->body_weight_kg, 61.5);
        // The migrated database accepts new-schema writes.
        SessionStart start;
        start.player_id = ada->id;
        start.level_id = "tower-1";
        start.exercise = "balance";
        SessionLog log(db, start);
        HoldRecord h;
        h.hold_s = 20;
        log.add_hold(h);
    }
    EXPECT_EQ(query_int(old_path, "SELECT COUNT(*) FROM reps"), 1);
    EXPECT_EQ(query_int(old_path, "SELECT score FROM sessions WHERE id = 1"), 8123);
    EXPECT_EQ(query_int(old_path, "SELECT COUNT(*) FROM holds"), 1);
    // The migrated file has exactly the shape of a new one.
    { Database fresh(db_path); }
    EXPECT_EQ(describe(old_path), describe(db_path));
}

INSTANTIATE_TEST_SUITE_P(EveryEarlierSchema, MigrationTest, ::testing::Range(1, kSchemaVersion));

TEST_F(SchemaTest, RefusesNewerSchemaWithoutTouchingIt) {
    {
        sqlite3* db = nullptr;
        sqlite3_open(db_path.c_str(), &db);
        sqlite3_exec(db, "CREATE TABLE future (x); PRAGMA user_version = 99;", nullptr, nullptr, nullptr);
        sqlite3_close(db);
    }
    try {
        Database db(db_path);
        FAIL() << "a newer schema was opened";
    } catch (const StoreError& e) {
        EXPECT_NE(std::string(e.what()).find("newer"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find(db_path.string()), std::string::npos) << e.what();
    }
    EXPECT_EQ(query_int(db_path, "PRAGMA user_version"), 99);
    EXPECT_EQ(query_int(db_path, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'players'"), 0);
}

TEST_F(SchemaTest, NotADatabaseIsAClearError) {
    std::ofstream(db_path) << "this is a text file, not SQLite\n" << std::string(5000, 'x');
    try {
        Database db(db_path);
        FAIL() << "opened a text file";
    } catch (const StoreError& e) {
        const std::string msg = e.what();
        EXPECT_NE(msg.find(db_path.string()), std::string::npos) << msg;
        EXPECT_NE(msg.find("not a database"), std::string::npos) << msg;
    }
}

TEST_F(SchemaTest, DefaultPathFollowsXdg) {
    const char* old_xdg = std::getenv("XDG_DATA_HOME");
    const std::string saved_xdg = old_xdg ? old_xdg : "";
    const std::string saved_home = std::getenv("HOME") ? std::getenv("HOME") : "";
    setenv("XDG_DATA_HOME", "/data/xdg", 1);
    EXPECT_EQ(default_database_path(), std::filesystem::path("/data/xdg/highstep/highstep.db"));
    setenv("XDG_DATA_HOME", "relative/is/ignored", 1);
    setenv("HOME", "/home/ada", 1);
    EXPECT_EQ(default_database_path(), std::filesystem::path("/home/ada/.local/share/highstep/highstep.db"));
    unsetenv("XDG_DATA_HOME");
    unsetenv("HOME");
    EXPECT_THROW(default_database_path(), StoreError);
    if (old_xdg) setenv("XDG_DATA_HOME", saved_xdg.c_str(), 1);
    setenv("HOME", saved_home.c_str(), 1);
}

TEST_F(SchemaTest, ReadOnlyRefusesMissingFile) {
    DatabaseSettings s;
    s.read_only = true;
    EXPECT_THROW(Database(dir.path() / "nothing.db", s), StoreError);
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "nothing.db"));
}

}  // namespace
}  // namespace highstep::store::testing
