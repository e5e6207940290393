#pragma once
// A SessionRecorder on its own thread. Storing a rep is one synced SQLite
// transaction (2–4 ms, more on a slow disk): on the game thread it would stall
// the frame that shows the rep. The game posts each new result and goes on; the
// worker stores it. Only the newest result matters (sync() stores everything not
// stored yet), so a post replaces one the worker has not taken.
//
// The recorder has its own connection to the database file: an SQLite connection
// is not to be shared by two threads mid-transaction, and with WAL the game's own
// connection can go on reading (and writing) while the worker stores a rep.
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "highstep/store/database.h"
#include "highstep/store/session_recorder.h"

namespace highstep::store {

class BackgroundRecorder {
public:
    // Opens its connection and the session row on the calling thread (errors throw
    // here, like SessionRecorder's).
    BackgroundRecorder(const std::filesystem::path& db_path, const SessionStart& start,
                       const DatabaseSettings& settings = {});
    // Stores what was posted and not yet stored, then stops the worker.
    ~BackgroundRecorder();
    BackgroundRecorder(const BackgroundRecorder&) = delete;
    BackgroundRecorder& operator=(const BackgroundRecorder&) = delete;

    std::int64_t session_id() const { return session_id_; }

    // Hands the session's result so far to the worker. Returns at once.
    void post(const core::SessionResult& so_far);
    // Reps and holds the worker has stored so far.
    int stored_reps() const;
    // The first storing error, once (then the worker stops storing: the caller
    // tells the player, as it would for a failed synchronous write).
    std::optional<std::string> take_error();

    // Waits until everything posted is stored, stops the worker and hands back the
    // recorder for the last steps on the calling thread (attach_recording, finish).
    // Afterwards post() does nothing. Rethrows a storing error that was not taken.
    SessionRecorder& finish_on_caller();

private:
    void run();

    Database db_;
    SessionRecorder recorder_;
    std::int64_t session_id_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::optional<core::SessionResult> pending_;
    bool stopping_ = false;
    bool failed_ = false;
    int stored_reps_ = 0;
    std::optional<std::string> error_;
    std::thread worker_;
};

}  // namespace highstep::store
