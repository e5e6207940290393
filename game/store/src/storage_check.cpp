#include "highstep/store/storage_check.h"

#include <sqlite3.h>

#include <cerrno>

#include "sql.h"

namespace highstep::store {
namespace {

// The system's errno decides where SQLite's code is vague: a write refused for
// lack of space is SQLITE_FULL when it got part way and SQLITE_IOERR_WRITE when
// it got nowhere (ENOSPC on a full disk, EFBIG past a file size limit).
int primary_code(int sqlite_code, int system_errno) {
    if (system_errno == ENOSPC || system_errno == EFBIG || system_errno == EDQUOT) return SQLITE_FULL;
    if (system_errno == EROFS) return SQLITE_READONLY;
    return sqlite_code & 0xff;  // the primary code under the extended one
}

StorageCheck words_for(int sqlite_code, int system_errno, std::string detail) {
    auto said = [&](StorageProblem problem, const char* what, const char* fix) {
        return StorageCheck{problem, what, fix, std::move(detail)};
    };
    switch (primary_code(sqlite_code, system_errno)) {
        case SQLITE_READONLY:
        case SQLITE_PERM:
            return said(StorageProblem::read_only, "The database file is read-only.",
                        "Make it (and its folder) writable, then start HighStep again.");
        case SQLITE_FULL:
            return said(StorageProblem::disk_full, "The disk holding the database is full.",
                        "Free some space, then start HighStep again.");
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return said(StorageProblem::locked, "Another program is using the database.",
                        "Close it, then start HighStep again.");
        default:
            return said(StorageProblem::cannot_open, "The database cannot be used.",
                        "Check the file, or choose another with --db FILE.");
    }
}

}  // namespace

std::string StorageCheck::sentence() const {
    if (ok()) return "results are kept";
    return "results will not be kept: " + what + " " + fix + " (" + detail + ")";
}

StorageCheck check_storage(Database& db, int wait_ms) {
    sqlite3* h = db.handle();
    // A read-only open (the file is not writable) is known without trying.
    if (sqlite3_db_readonly(h, "main") == 1) {
        return words_for(SQLITE_READONLY, 0, db.path().string() + ": the file is open for reading only");
    }
    sqlite3_busy_timeout(h, wait_ms);
    StorageCheck result;
    try {
        sql::exec(h, "BEGIN IMMEDIATE");
        try {
            sql::exec(h, ("PRAGMA user_version = " + std::to_string(db.schema_version())).c_str());
            sql::exec(h, "COMMIT");
        } catch (...) {
            sqlite3_exec(h, "ROLLBACK", nullptr, nullptr, nullptr);
            throw;
        }
    } catch (const StoreError& e) {
        result = words_for(e.sqlite_code(), sqlite3_system_errno(h), e.what());
    }
    sqlite3_busy_timeout(h, db.busy_timeout_ms());
    return result;
}

StorageCheck storage_problem_of(const StoreError& error) {
    return words_for(error.sqlite_code(), error.system_errno(), error.what());
}

}  // namespace highstep::store
