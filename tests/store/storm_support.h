#pragma once
// Helpers for the storm tests (kill storm, bad storage): start the real
// `highstep` as a child process, read a database's reps the way a check needs
// them, and look inside a write-ahead log left by a killed process.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

extern char** environ;

namespace highstep::store::storm {

namespace fs = std::filesystem;

// A child process running `argv` with stdout and stderr to files; killed and
// reaped by the destructor if still running.
class Child {
public:
    Child(const std::vector<std::string>& argv, const fs::path& out, const fs::path& err,
          const std::vector<std::string>& extra_env = {}) {
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        std::vector<std::string> env_text;
        for (char** e = environ; *e; ++e) env_text.emplace_back(*e);
        for (const auto& e : extra_env) env_text.push_back(e);
        std::vector<char*> env;
        for (auto& e : env_text) env.push_back(e.data());
        env.push_back(nullptr);
        if (posix_spawn(&pid_, args[0], &actions, nullptr, args.data(), env.data()) != 0) pid_ = -1;
        posix_spawn_file_actions_destroy(&actions);
    }
    ~Child() {
        if (pid_ > 0 && !reaped_) {
            kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
    }
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;

    pid_t pid() const { return pid_; }
    // Exit status, or -signal when killed by a signal.
    int wait() {
        int status = 0;
        waitpid(pid_, &status, 0);
        reaped_ = true;
        return WIFSIGNALED(status) ? -WTERMSIG(status) : WEXITSTATUS(status);
    }
    // True if it has ended (then status() holds how).
    bool poll_ended() {
        if (reaped_) return true;
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) != pid_) return false;
        reaped_ = true;
        status_ = WIFSIGNALED(status) ? -WTERMSIG(status) : WEXITSTATUS(status);
        return true;
    }
    int status() const { return status_; }

private:
    pid_t pid_ = -1;
    bool reaped_ = false;
    int status_ = 0;
};

inline double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// Everything that identifies a stored rep or hold, one line each, in the order
// they were committed (row id). Read with SQLite directly, read-only.
struct StoredRun {
    std::vector<std::string> reps;
    std::vector<std::string> holds;
    bool has_schema = false;  // false: killed before the schema was committed (an empty file)
    int sessions = 0;
    int finished = 0;
    std::string integrity;  // PRAGMA integrity_check
};

inline StoredRun read_run(const fs::path& db_path) {
    StoredRun run;
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        run.integrity = std::string("cannot open: ") + sqlite3_errmsg(db);
        sqlite3_close(db);
        return run;
    }
    auto rows = [&](const char* sql, auto&& each) {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK) {
            ADD_FAILURE() << sql << ": " << sqlite3_errmsg(db);
            return;
        }
        while (sqlite3_step(st) == SQLITE_ROW) each(st);
        sqlite3_finalize(st);
    };
    rows("PRAGMA integrity_check", [&](sqlite3_stmt* st) {
        if (!run.integrity.empty()) run.integrity += "\n";
        run.integrity += reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    });
    rows("SELECT count(*) FROM sqlite_master WHERE name = 'reps'",
         [&](sqlite3_stmt* st) { run.has_schema = sqlite3_column_int(st, 0) == 1; });
    if (!run.has_schema) {
        sqlite3_close(db);
        return run;
    }
    rows("SELECT count(*), coalesce(sum(state = 'finished'), 0) FROM sessions", [&](sqlite3_stmt* st) {
        run.sessions = sqlite3_column_int(st, 0);
        run.finished = sqlite3_column_int(st, 1);
    });
    rows("SELECT printf('%d/%d %s %s t=%.4f %s %.3f', set_index, rep_index, kind, leg, t_s, judgement, score) "
         "FROM reps ORDER BY id",
         [&](sqlite3_stmt* st) { run.reps.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))); });
    rows("SELECT printf('%d/%d %s %.4f %.3f', set_index, hold_index, stance, start_s, score) FROM holds ORDER BY id",
         [&](sqlite3_stmt* st) { run.holds.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))); });
    sqlite3_close(db);
    return run;
}

// What a killed process left in its write-ahead log. Reads the -wal file only;
// call it before anything opens the database (the next open recovers the log).
struct WalState {
    int committed_frames = 0;    // committed, not yet copied into the database: recovered on open
    int uncommitted_frames = 0;  // after the last commit frame: a transaction cut short, ignored on open
};

inline WalState wal_state(const fs::path& db_path) {
    std::ifstream in(db_path.string() + "-wal", std::ios::binary);
    WalState state;
    if (!in) return state;
    std::vector<unsigned char> wal((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto be32 = [&](std::size_t at) {
        return (std::uint32_t{wal[at]} << 24) | (std::uint32_t{wal[at + 1]} << 16) | (std::uint32_t{wal[at + 2]} << 8) |
               std::uint32_t{wal[at + 3]};
    };
    if (wal.size() < 32) return state;
    const std::uint32_t page_size = be32(8);
    const std::uint32_t salt1 = be32(16), salt2 = be32(20);
    const std::size_t frame = 24 + std::size_t{page_size};
    int frames = 0, open_frames = 0;
    for (std::size_t at = 32; at + frame <= wal.size(); at += frame) {
        // Frames from an earlier pass over the log carry other salts: the log ends here.
        if (be32(at + 8) != salt1 || be32(at + 12) != salt2) break;
        ++frames;
        open_frames = be32(at + 4) != 0 ? 0 : open_frames + 1;  // a commit frame closes what came before
    }
    state.committed_frames = frames - open_frames;
    state.uncommitted_frames = open_frames;
    return state;
}

// `got` is the first got.size() entries of `all`.
inline ::testing::AssertionResult is_prefix(const std::vector<std::string>& got, const std::vector<std::string>& all) {
    if (got.size() > all.size()) return ::testing::AssertionFailure() << got.size() << " entries, more than the " << all.size() << " of the unkilled run";
    for (std::size_t i = 0; i < got.size(); ++i) {
        if (got[i] != all[i]) return ::testing::AssertionFailure() << "entry " << i << " is '" << got[i] << "', the unkilled run has '" << all[i] << "'";
    }
    return ::testing::AssertionSuccess();
}

}  // namespace highstep::store::storm
