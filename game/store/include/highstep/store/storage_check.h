#pragma once
// Can results be kept? A read-only database file, a full disk or a database
// another program holds locked would each fail the first rep's transaction, deep
// in a level, with SQLite's raw words. The game and `highstep play` ask here
// once, at start, and tell the player in plain words what is wrong and that this
// run's results will not be kept; then they play on without writing.
//
// Index
//   StorageProblem        none, read_only, disk_full, locked, cannot_open
//   StorageCheck          the problem, its words for a player, SQLite's own message
//   check_storage()       a small write, rolled forward and committed, on an open database
//   storage_problem_of()  the same words for a database that failed to open
#include <string>

#include "highstep/store/database.h"

namespace highstep::store {

enum class StorageProblem {
    none,         // results are kept
    read_only,    // the file (or its folder) cannot be written
    disk_full,    // no space left (or the process may not grow files)
    locked,       // another program holds the database's write lock
    cannot_open,  // any other reason the database cannot be used
};

struct StorageCheck {
    StorageProblem problem = StorageProblem::none;
    std::string what;    // one short sentence for a player: "The database file is read-only."
    std::string fix;     // what to do about it: "Make it writable, then start HighStep again."
    std::string detail;  // the file and SQLite's own message (stderr, bug reports)
    bool ok() const { return problem == StorageProblem::none; }
    // "results will not be kept: <what> <fix> (<detail>)" for stderr.
    std::string sentence() const;
};

// Commits one tiny write (the schema version written again over itself: the
// data is unchanged, but SQLite must take the write lock and append to the
// write-ahead log, which is exactly what a rep's transaction needs). Waits at
// most `wait_ms` for another program's lock, so the answer comes at once.
StorageCheck check_storage(Database& db, int wait_ms = 250);

// The words for a database that could not even be opened (the StoreError its
// constructor threw).
StorageCheck storage_problem_of(const StoreError& error);

}  // namespace highstep::store
