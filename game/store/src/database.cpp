#include "highstep/store/database.h"

#include <sqlite3.h>

#include <system_error>
#include <utility>

#include "highstep/paths/paths.h"
#include "schema.h"
#include "sql.h"

namespace highstep::store {

Database::Database(const std::filesystem::path& path, const DatabaseSettings& settings)
    : path_(path), busy_timeout_ms_(settings.busy_timeout_ms) {
    const std::string file = path.string();
    if (!settings.create_if_missing || settings.read_only) {
        std::error_code ec;
        if (!std::filesystem::exists(path, ec)) throw StoreError(file + ": no such database");
    } else if (path.has_parent_path()) {
        std::error_code ec;
        std::filesystem::create_directories(path.parent_path(), ec);
        if (ec) {
            // A code as SQLite would give, so storage_check.h can say it in words.
            const int code = ec == std::errc::permission_denied || ec == std::errc::read_only_file_system
                                 ? SQLITE_READONLY
                                 : ec == std::errc::no_space_on_device ? SQLITE_FULL : SQLITE_CANTOPEN;
            throw StoreError(file + ": cannot create its folder: " + ec.message(), code);
        }
    }
    const int flags = settings.read_only ? SQLITE_OPEN_READONLY
                                         : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(file.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
        const int code = db_ ? sqlite3_extended_errcode(db_) : SQLITE_NOMEM;
        const int system_errno = db_ ? sqlite3_system_errno(db_) : 0;
        sqlite3_close(db_);
        db_ = nullptr;
        throw StoreError(file + ": cannot open: " + message, code, system_errno);
    }
    try {
        sqlite3_extended_result_codes(db_, 1);
        sqlite3_busy_timeout(db_, settings.busy_timeout_ms);
        // Foreign keys are per connection and off by default in SQLite.
        sql::exec(db_, "PRAGMA foreign_keys = ON");
        if (!settings.read_only) {
            // WAL: readers never block the writer and a crash mid-write leaves the
            // last committed state. synchronous=NORMAL is durable across an
            // application crash in WAL mode; FULL adds safety against power loss
            // at the cost of a sync per rep, which a rep every few seconds affords.
            {
                sql::Statement wal(db_, "PRAGMA journal_mode = WAL");
                wal.step();  // finalized at the end of this block: no statement left running
            }
            sql::exec(db_, settings.durable_commits ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
            create_or_migrate(db_, file);
        } else {
            sql::Statement get(db_, "PRAGMA user_version");
            get.step();
            if (get.int32(0) != kSchemaVersion) {
                throw StoreError(file + ": schema version " + std::to_string(get.int32(0)) +
                                 " needs migrating; open it for writing once");
            }
        }
    } catch (...) {
        sqlite3_close(db_);
        db_ = nullptr;
        throw;
    }
}

Database::~Database() {
    // All statements are finalized by their RAII owners before this runs.
    if (db_) sqlite3_close(db_);
}

Database::Database(Database&& other) noexcept
    : path_(std::move(other.path_)), db_(std::exchange(other.db_, nullptr)), busy_timeout_ms_(other.busy_timeout_ms_) {}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        if (db_) sqlite3_close(db_);
        path_ = std::move(other.path_);
        db_ = std::exchange(other.db_, nullptr);
        busy_timeout_ms_ = other.busy_timeout_ms_;
    }
    return *this;
}

int Database::schema_version() const {
    sql::Statement get(db_, "PRAGMA user_version");
    get.step();
    return get.int32(0);
}

std::string Database::integrity_check() const {
    sql::Statement check(db_, "PRAGMA integrity_check");
    std::string result;
    while (check.step()) {
        if (!result.empty()) result += "\n";
        result += check.text(0);
    }
    return result;
}

std::filesystem::path default_database_path() {
    try {
        return paths::database_file(paths::this_process_env());
    } catch (const paths::PathError& e) {
        throw StoreError(std::string(e.what()) + "; use --db FILE");
    }
}

}  // namespace highstep::store
