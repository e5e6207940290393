#pragma once
// Thin RAII over the SQLite C API for the store's own source files:
// prepared statements with typed binds and columns, and transactions that
// roll back unless committed. Every failure throws StoreError with SQLite's
// message and the database file name.
#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "highstep/store/database.h"

namespace highstep::store::sql {

[[noreturn]] void throw_sqlite(sqlite3* db, std::string_view doing);

class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    Statement(const Database& db, std::string_view sql) : Statement(db.handle(), sql) {}
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Binds are 1-based as in SQLite; each returns *this for chaining.
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, bool value) { return bind(index, static_cast<std::int64_t>(value ? 1 : 0)); }
    Statement& bind_null(int index);
    template <typename T>
    Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bind_null(index);
    }

    // Steps once: true while a row is available, false when done.
    bool step();
    // Runs a statement that returns no rows.
    void run();
    void reset();

    // Columns are 0-based as in SQLite.
    bool is_null(int column) const;
    std::int64_t int64(int column) const;
    int int32(int column) const { return static_cast<int>(int64(column)); }
    double real(int column) const;
    std::string text(int column) const;
    std::optional<double> optional_real(int column) const;
    std::optional<std::int64_t> optional_int64(int column) const;

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

// BEGIN IMMEDIATE on construction (takes the write lock at once, waiting up to
// the busy timeout), ROLLBACK on destruction unless commit() was called.
class Transaction {
public:
    explicit Transaction(const Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    sqlite3* db_;
    bool done_ = false;
};

// Runs SQL text with no parameters (DDL, PRAGMA). Only for constant text.
void exec(sqlite3* db, const char* sql);

}  // namespace highstep::store::sql
