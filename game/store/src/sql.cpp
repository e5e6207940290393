#include "sql.h"

#include <string>

namespace highstep::store::sql {

void throw_sqlite(sqlite3* db, std::string_view doing) {
    const char* file = db ? sqlite3_db_filename(db, "main") : nullptr;
    std::string message = file && *file ? std::string(file) : std::string("database");
    message += ": ";
    message += doing;
    message += ": ";
    message += db ? sqlite3_errmsg(db) : "out of memory";
    throw StoreError(message, db ? sqlite3_extended_errcode(db) : SQLITE_NOMEM, db ? sqlite3_system_errno(db) : 0);
}

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
    if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) != SQLITE_OK) {
        throw_sqlite(db_, "preparing a statement");
    }
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int index, std::int64_t value) {
    if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) throw_sqlite(db_, "binding a value");
    return *this;
}

Statement& Statement::bind(int index, double value) {
    if (sqlite3_bind_double(stmt_, index, value) != SQLITE_OK) throw_sqlite(db_, "binding a value");
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    // SQLITE_TRANSIENT: SQLite copies the text, so temporaries are safe to bind.
    if (sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8) != SQLITE_OK) {
        throw_sqlite(db_, "binding a value");
    }
    return *this;
}

Statement& Statement::bind_null(int index) {
    if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) throw_sqlite(db_, "binding a value");
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw_sqlite(db_, "running a statement");
}

void Statement::run() {
    while (step()) {
    }
    reset();
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
std::int64_t Statement::int64(int column) const { return sqlite3_column_int64(stmt_, column); }
double Statement::real(int column) const { return sqlite3_column_double(stmt_, column); }

std::string Statement::text(int column) const {
    const unsigned char* p = sqlite3_column_text(stmt_, column);
    const int n = sqlite3_column_bytes(stmt_, column);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n)) : std::string();
}

std::optional<double> Statement::optional_real(int column) const {
    if (is_null(column)) return std::nullopt;
    return real(column);
}

std::optional<std::int64_t> Statement::optional_int64(int column) const {
    if (is_null(column)) return std::nullopt;
    return int64(column);
}

Transaction::Transaction(const Database& db) : db_(db.handle()) { exec(db_, "BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
    if (!done_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
    exec(db_, "COMMIT");
    done_ = true;
}

void exec(sqlite3* db, const char* sql) {
    char* error = nullptr;
    if (const int code = sqlite3_exec(db, sql, nullptr, nullptr, &error); code != SQLITE_OK) {
        std::string message = error ? error : "unknown error";
        sqlite3_free(error);
        const char* file = sqlite3_db_filename(db, "main");
        throw StoreError(std::string(file && *file ? file : "database") + ": " + message,
                         sqlite3_extended_errcode(db) ? sqlite3_extended_errcode(db) : code, sqlite3_system_errno(db));
    }
}

}  // namespace highstep::store::sql
