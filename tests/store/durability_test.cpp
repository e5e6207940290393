// Nothing a player did is lost: a reader never blocks or sees half a rep while
// the game writes, and a game killed mid-session leaves a sound database with
// every rep it had reported as stored.
#include <signal.h>
#include <sys/wait.h>

#include <atomic>
#include <thread>

#include "store_fixture.h"

namespace highstep::store::testing {
namespace {

class DurabilityTest : public StoreTest {};

RepRecord rep(int index) {
    RepRecord r;
    r.set_index = index / 8;
    r.rep_index = index % 8;
    r.leg = index % 2 ? Leg::right : Leg::left;
    r.judgement = Judgement::great;
    r.score = 80;
    r.steady = true;
    return r;
}

TEST_F(DurabilityTest, ConcurrentReaderWhileWriting) {
    Database writer(db_path);
    const auto ada = add(writer, "Ada");
    SessionStart start;
    start.player_id = ada;
    start.level_id = "hill-1";
    SessionLog log(writer, start);

    constexpr int kReps = 200;
    std::atomic<bool> done{false};
    std::atomic<int> reads{0};
    std::atomic<bool> reader_failed{false};
    std::string reader_error;  // read only after join()
    bool went_backwards = false;
    std::thread reader([&] {
        try {
            Database db(db_path);  // its own connection, as the progress screen would have
            std::int64_t last = 0;
            while (!done.load()) {
                sqlite3_stmt* st = nullptr;
                sqlite3_prepare_v2(db.handle(), "SELECT COUNT(*), COALESCE(MAX(set_index * 8 + rep_index) + 1, 0) FROM reps",
                                   -1, &st, nullptr);
                if (sqlite3_step(st) != SQLITE_ROW) {
                    reader_error = sqlite3_errmsg(db.handle());
                    sqlite3_finalize(st);
                    reader_failed = true;
                    return;
                }
                const std::int64_t count = sqlite3_column_int64(st, 0);
                const std::int64_t highest = sqlite3_column_int64(st, 1);
                sqlite3_finalize(st);
                // A snapshot holds whole reps, in order: never a gap, never fewer than before.
                if (count < last || count != highest) went_backwards = true;
                last = count;
                ++reads;
            }
        } catch (const std::exception& e) {
            reader_error = e.what();
            reader_failed = true;
        }
    });
    for (int i = 0; i < kReps; ++i) log.add_rep(rep(i));
    // Let the reader see the final state at least once before stopping it.
    const int reads_at_end = reads.load();
    while (reads.load() < reads_at_end + 2 && !reader_failed.load()) std::this_thread::yield();
    done = true;
    reader.join();
    EXPECT_EQ(reader_error, "");
    EXPECT_FALSE(went_backwards);
    EXPECT_GT(reads.load(), 0);
    EXPECT_EQ(query_int(db_path, "SELECT COUNT(*) FROM reps"), kReps);
}

TEST_F(DurabilityTest, KilledMidSessionKeepsEveryCompletedRep) {
    {
        Database db(db_path);
        add(db, "Ada");
    }
    int pipe_fds[2];
    ASSERT_EQ(pipe(pipe_fds), 0);
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        // The game: stores reps as fast as it can and says so after each one.
        close(pipe_fds[0]);
        try {
            Database db(db_path);
            SessionStart start;
            start.player_id = find_player(db, "Ada")->id;
            start.level_id = "hill-1";
            SessionLog log(db, start);
            for (int i = 0; i < 1000000; ++i) {
                log.add_rep(rep(i));
                const char ok = 1;
                if (write(pipe_fds[1], &ok, 1) != 1) _exit(3);
            }
        } catch (...) {
            _exit(2);
        }
        _exit(0);
    }
    close(pipe_fds[1]);
    constexpr int kReported = 40;
    int reported = 0;
    char byte = 0;
    while (reported < kReported && read(pipe_fds[0], &byte, 1) == 1) ++reported;
    // Pulled plug: no destructor, no COMMIT of anything in flight.
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    // Reps written after our count but before the kill may also be there.
    while (read(pipe_fds[0], &byte, 1) == 1) ++reported;
    close(pipe_fds[0]);
    ASSERT_EQ(reported >= kReported, true) << "the child stopped early";
    ASSERT_TRUE(WIFSIGNALED(status)) << "the child was not killed mid-session";

    Database db(db_path);
    EXPECT_EQ(db.integrity_check(), "ok");
    const std::int64_t stored = query_int(db_path, "SELECT COUNT(*) FROM reps");
    // Every reported rep is there; at most the one in flight is missing or extra.
    EXPECT_GE(stored, reported);
    EXPECT_LE(stored, reported + 1);
    EXPECT_EQ(query_int(db_path, "SELECT COUNT(*) FROM sessions WHERE state = 'unfinished'"), 1);
    // Reps are whole rows in order: 0 .. stored-1 with no gap.
    EXPECT_EQ(query_int(db_path, "SELECT MAX(set_index * 8 + rep_index) + 1 FROM reps"), stored);
}

}  // namespace
}  // namespace highstep::store::testing
