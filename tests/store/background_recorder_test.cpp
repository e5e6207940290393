// Reps stored from a worker thread: everything posted reaches the database, a
// post that replaces an untaken one loses nothing, and a failing write is an
// error the game can show, not a crash or a hang.
#include <sqlite3.h>

#include "highstep/store/background_recorder.h"
#include "highstep/store/progress.h"
#include "store_fixture.h"

namespace highstep::store::testing {
namespace {

core::RepScore rep(core::Side side, int points) {
    core::RepScore r;
    r.input.kind = core::RepKind::step_up;
    r.input.side = side;
    r.input.t_s = 5.0;
    r.input.peak_bw = 1.2;
    r.input.lowering_s = 1.0;
    r.stability = 70;
    r.lowering_value = 1.0;
    r.points = points;
    return r;
}

SessionStart start_for(std::int64_t player) {
    SessionStart s;
    s.player_id = player;
    s.level_id = "hill-1";
    s.level_title = "Foothills";
    s.exercise = "step_up";
    return s;
}

class BackgroundRecorderTest : public StoreTest {
protected:
    Database db{db_path};
    std::int64_t ada = add(db, "Ada");
};

TEST_F(BackgroundRecorderTest, EveryPostedRepIsStoredOnceByFinish) {
    BackgroundRecorder rec(db_path, start_for(ada));
    core::SessionResult so_far;
    so_far.sets.push_back({});
    so_far.sets[0].set_number = 1;
    // Posted faster than the worker stores them: later posts replace earlier ones.
    for (int i = 0; i < 20; ++i) {
        so_far.sets[0].reps.push_back(rep(i % 2 ? core::Side::right : core::Side::left, 500 + i));
        rec.post(so_far);
    }
    so_far.score = 10190;
    so_far.reps = 20;
    so_far.reps_target = 20;
    SessionRecorder& last = rec.finish_on_caller();
    EXPECT_EQ(last.stored_reps(), 20);
    EXPECT_EQ(rec.stored_reps(), 20);
    last.finish(so_far, 1767261600);
    rec.post(so_far);  // after finish: ignored, nothing stored twice
    EXPECT_EQ(query_int(db_path, "SELECT COUNT(*) FROM reps"), 20);
    EXPECT_EQ(query_int(db_path, "SELECT COUNT(*) FROM reps WHERE leg = 'right'"), 10);
    EXPECT_EQ(query_int(db_path, "SELECT CAST(SUM(score) AS INTEGER) FROM reps"), 20 * 500 + 190);
    ASSERT_EQ(progress(db, ada).size(), 1u);
}

TEST_F(BackgroundRecorderTest, DestroyingItStoresWhatWasPosted) {
    {
        BackgroundRecorder rec(db_path, start_for(ada));
        core::SessionResult so_far;
        so_far.sets.push_back({});
        so_far.sets[0].reps.push_back(rep(core::Side::left, 700));
        so_far.sets[0].reps.push_back(rep(core::Side::right, 800));
        rec.post(so_far);
    }  // e.g. the player quits mid-set: the reps done are kept
    EXPECT_EQ(query_int(db_path, "SELECT COUNT(*) FROM reps"), 2);
}

TEST_F(BackgroundRecorderTest, TheGamesOwnConnectionWorksWhileTheWorkerStores) {
    BackgroundRecorder rec(db_path, start_for(ada));
    core::SessionResult so_far;
    so_far.sets.push_back({});
    for (int i = 0; i < 30; ++i) {
        so_far.sets[0].reps.push_back(rep(core::Side::left, 600));
        rec.post(so_far);
        // Meanwhile the game writes and reads on its own connection.
        Player p;
        p.name = "Guest " + std::to_string(i);
        add_player(db, p);
    }
    EXPECT_EQ(rec.finish_on_caller().stored_reps(), 30);
    EXPECT_EQ(query_int(db_path, "SELECT COUNT(*) FROM players"), 31);
    EXPECT_EQ(query_int(db_path, "SELECT COUNT(*) FROM reps"), 30);
    EXPECT_EQ(db.integrity_check(), "ok");
}

TEST_F(BackgroundRecorderTest, AFailedWriteIsReportedOnceAndStopsStoring) {
    BackgroundRecorder rec(db_path, start_for(ada));
    // Another program breaks the database under the game.
    sqlite3* other = nullptr;
    ASSERT_EQ(sqlite3_open(db_path.c_str(), &other), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(other, "ALTER TABLE reps RENAME TO reps_gone", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(other);

    core::SessionResult so_far;
    so_far.sets.push_back({});
    so_far.sets[0].reps.push_back(rep(core::Side::left, 700));
    rec.post(so_far);
    // The error is there once the worker has tried; finish rethrows one not yet taken.
    try {
        rec.finish_on_caller();
        FAIL() << "no error";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("reps"), std::string::npos) << e.what();
    }
    EXPECT_EQ(rec.stored_reps(), 0);
    EXPECT_FALSE(rec.take_error());
}

}  // namespace
}  // namespace highstep::store::testing
