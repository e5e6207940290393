// Recording a session rep by rep, finishing it, and personal bests.
#include "highstep/store/scores.h"
#include "store_fixture.h"

namespace highstep::store::testing {
namespace {

class SessionLogTest : public StoreTest {
protected:
    Database db{db_path};
    std::int64_t ada = add(db, "Ada");
    std::int64_t bob = add(db, "Bob");

    SessionStart start_for(std::int64_t player) {
        SessionStart s;
        s.player_id = player;
        s.level_id = "hill-1";
        s.level_title = "Hill Climb 1";
        s.exercise = "step_up";
        s.started_unix_s = 1767261600;
        s.body_weight_kg = 63.0;
        s.program_rung = 2;
        return s;
    }
};

TEST_F(SessionLogTest, EveryRepIsStoredAsItHappens) {
    SessionLog log(db, start_for(ada));
    for (int i = 0; i < 5; ++i) {
        RepRecord r;
        r.rep_index = i;
        r.leg = i % 2 ? Leg::right : Leg::left;
        r.judgement = i == 3 ? Judgement::good : Judgement::perfect;
        r.timing_error_ms = 10.0 * i;
        r.t_s = 5.0 + 4.0 * i;
        r.feedback_s = r.t_s + 0.020 * (i + 1);  // judged at the contact, a few samples later
        r.score = 90;
        r.steady = true;
        log.add_rep(r);
        // Visible to another connection at once: it was committed.
        EXPECT_EQ(query_int(db_path, "SELECT COUNT(*) FROM reps"), i + 1);
    }
    EXPECT_EQ(query_int(db_path, "SELECT COUNT(*) FROM reps WHERE judgement = 'good' AND leg = 'right'"), 1);
    // When each judgement was first shown is kept beside the judged moment (ms).
    EXPECT_EQ(query_int(db_path, "SELECT ROUND((feedback_s - t_s) * 1000) FROM reps WHERE rep_index = 3"), 80);
    EXPECT_EQ(query_int(db_path, "SELECT state = 'unfinished' FROM sessions"), 1);
    // The same rep twice is a bug in the caller, not a second rep.
    RepRecord dup;
    dup.rep_index = 2;
    EXPECT_THROW(log.add_rep(dup), StoreError);
    EXPECT_EQ(query_int(db_path, "SELECT COUNT(*) FROM reps"), 5);
}

TEST_F(SessionLogTest, HoldsSetsAndRecordingAreStored) {
    SessionLog log(db, start_for(ada));
    HoldRecord h;
    h.stance = Leg::left;
    h.hold_s = 18.5;
    h.target_s = 20;
    h.mean_velocity_mm_s = 22.5;
    h.steady = true;
    log.add_hold(h);
    log.finish_set({0, 812.0, "A", 8});
    log.finish_set({0, 900.0, "S", 8});  // a corrected set summary replaces the first
    log.attach_recording("# highstep recording v1\nt_s,tl_kg,tr_kg,bl_kg,br_kg\n0,1,1,1,1\n");
    EXPECT_EQ(query_int(db_path, "SELECT COUNT(*) FROM holds WHERE stance = 'left' AND steady = 1"), 1);
    EXPECT_EQ(query_int(db_path, "SELECT score FROM sets"), 900);
    EXPECT_EQ(query_int(db_path, "SELECT COUNT(*) FROM recordings"), 1);
}

TEST_F(SessionLogTest, NonFiniteMeasuresRefused) {
    SessionLog log(db, start_for(ada));
    RepRecord r;
    r.score = std::numeric_limits<double>::quiet_NaN();
    EXPECT_THROW(log.add_rep(r), StoreError);
    SessionResult res;
    res.score = std::numeric_limits<double>::infinity();
    EXPECT_THROW(log.finish(res), StoreError);
    EXPECT_EQ(query_int(db_path, "SELECT COUNT(*) FROM reps"), 0);
    EXPECT_EQ(query_int(db_path, "SELECT state = 'unfinished' FROM sessions"), 1);
}

TEST_F(SessionLogTest, BadStartRefused) {
    SessionStart s = start_for(ada);
    s.level_id = "../../etc/passwd";
    EXPECT_THROW(SessionLog(db, s), StoreError);
    s = start_for(999);
    EXPECT_THROW(SessionLog(db, s), StoreError);
    s = start_for(ada);
    s.exercise = "dance";
    EXPECT_THROW(SessionLog(db, s), StoreError);
    EXPECT_EQ(query_int(db_path, "SELECT COUNT(*) FROM sessions"), 0);
}

TEST_F(SessionLogTest, PersonalBestAndLevelRecord) {
    const auto first = play(db, ada, "hill-1", 5000);
    EXPECT_TRUE(first.personal_best);   // a first run is a best
    EXPECT_FALSE(first.level_record);  // but nobody was beaten
    EXPECT_FALSE(first.previous_best);
    EXPECT_EQ(first.rank_overall, 1);

    const auto lower = play(db, ada, "hill-1", 4000);
    EXPECT_FALSE(lower.personal_best);
    EXPECT_DOUBLE_EQ(*lower.previous_best, 5000);
    EXPECT_EQ(lower.rank_player, 2);

    const auto equal = play(db, ada, "hill-1", 5000, 12.0);  // same score, less steady
    EXPECT_FALSE(equal.personal_best);
    EXPECT_EQ(equal.rank_player, 2);

    const auto bob_run = play(db, bob, "hill-1", 4500);
    EXPECT_TRUE(bob_run.personal_best);  // Bob's own first run
    EXPECT_FALSE(bob_run.level_record);
    EXPECT_EQ(bob_run.rank_overall, 3);
    EXPECT_EQ(bob_run.rank_player, 1);

    const auto bob_best = play(db, bob, "hill-1", 6000);
    EXPECT_TRUE(bob_best.personal_best);
    EXPECT_TRUE(bob_best.level_record);
    EXPECT_EQ(bob_best.rank_overall, 1);

    // Another level has its own table.
    const auto other = play(db, ada, "hill-2", 100);
    EXPECT_TRUE(other.personal_best);
    EXPECT_EQ(other.rank_overall, 1);
}

TEST_F(SessionLogTest, FinishOnlyOnceAndNoRepsAfterwards) {
    SessionLog log(db, start_for(ada));
    SessionResult r;
    r.score = 10;
    r.finished_unix_s = 1767262000;
    log.finish(r);
    EXPECT_THROW(log.finish(r), StoreError);
    EXPECT_THROW(log.add_rep(RepRecord{}), StoreError);
    EXPECT_EQ(query_int(db_path, "SELECT COUNT(*) FROM sessions WHERE state = 'finished'"), 1);
}

TEST(JudgementTest, NamesRoundTrip) {
    for (Judgement j : {Judgement::perfect, Judgement::great, Judgement::good, Judgement::miss}) {
        EXPECT_EQ(parse_judgement(to_string(j)), j);
    }
    EXPECT_EQ(parse_judgement("GREAT"), Judgement::great);
    EXPECT_FALSE(parse_judgement("awesome"));
}

TEST(LocalDayTest, FormatsTheLocalDate) {
    setenv("TZ", "UTC", 1);
    tzset();
    EXPECT_EQ(local_day(1767225599), "2025-12-31");
    EXPECT_EQ(local_day(1767225600), "2026-01-01");
}

}  // namespace
}  // namespace highstep::store::testing
