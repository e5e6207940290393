#pragma once
// The HighStep database: one SQLite file per household holding players,
// weigh-ins, sessions (sets, reps, holds), results, high scores and
// challenges. Opening it creates or migrates the schema (PRAGMA user_version),
// turns on WAL, foreign keys and a busy timeout. All SQL is prepared
// statements; every write is its own transaction so a crash loses at most the
// rep in progress.
//
// Index
//   StoreError            every failure of the store (clear one-line message)
//   DatabaseSettings      busy timeout, create-or-not
//   Database              the open connection; move-only
//   default_database_path $XDG_DATA_HOME/highstep/highstep.db or ~/.local/share/...
//   schema_ddl            the DDL of each schema version (tests build old files)
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>

struct sqlite3;

namespace highstep::store {

// Any failure of the store. what() names the database file and what went wrong;
// sqlite_code() is SQLite's extended result code when SQLite said no (else 0) and
// system_errno() the system's errno behind it, so a caller can tell a read-only
// file, a full disk or a lock apart (storage_check.h).
class StoreError : public std::runtime_error {
public:
    explicit StoreError(const std::string& message, int sqlite_code = 0, int system_errno = 0)
        : std::runtime_error(message), sqlite_code_(sqlite_code), system_errno_(system_errno) {}
    int sqlite_code() const { return sqlite_code_; }
    int system_errno() const { return system_errno_; }

private:
    int sqlite_code_ = 0;
    int system_errno_ = 0;
};

struct DatabaseSettings {
    int busy_timeout_ms = 5000;     // how long a writer waits for another connection's lock
    bool create_if_missing = true;  // false: refuse to open a file that does not exist
    bool read_only = false;         // open for reading only (no migration is run)
    // true: every commit is synced to disk (synchronous=FULL), so even a power
    // cut loses at most the rep in progress; costs ~2-10 ms per rep on an SSD.
    // false: synchronous=NORMAL, safe against a crash of the program but the
    // last few reps may be lost to a power cut; ~0.03 ms per rep.
    bool durable_commits = true;
};

// The schema version this build writes. Earlier versions are migrated on open;
// a newer one (from a newer HighStep) is refused rather than damaged.
inline constexpr int kSchemaVersion = 4;

class Database {
public:
    // Opens (and creates/migrates) the database at `path`; creates parent folders.
    // Throws StoreError naming the file on any failure.
    explicit Database(const std::filesystem::path& path, const DatabaseSettings& settings = {});
    ~Database();
    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    const std::filesystem::path& path() const { return path_; }
    int busy_timeout_ms() const { return busy_timeout_ms_; }  // as opened (DatabaseSettings)
    int schema_version() const;          // PRAGMA user_version as stored
    std::string integrity_check() const; // "ok" or SQLite's list of problems

    // The raw connection, for the store's own source files only.
    sqlite3* handle() const { return db_; }

private:
    std::filesystem::path path_;
    sqlite3* db_ = nullptr;
    int busy_timeout_ms_ = 0;
};

// Where the game keeps its database when no --db is given:
// $XDG_DATA_HOME/highstep/highstep.db, else $HOME/.local/share/highstep/highstep.db.
// Throws StoreError when neither variable is set.
std::filesystem::path default_database_path();

// The DDL that creates schema version `version` (1..kSchemaVersion) from an
// empty file, exactly as that version shipped. Tests use it to build old
// databases and migrate them; Database uses the latest for new files.
const char* schema_ddl(int version);

}  // namespace highstep::store
