// The training program: ladder, verdicts and the day's plan.
#include <gtest/gtest.h>

#include "highstep/store/program.h"

namespace highstep::store {
namespace {

PlanHistoryEntry session(const std::string& day, int rung, int perfect, int great, int good, int miss,
                         int unsteady = 0, const std::string& exercise = "step_up") {
    PlanHistoryEntry e;
    e.day = day;
    e.exercise = exercise;
    e.program_rung = rung;
    e.finished = true;
    e.perfect = perfect;
    e.great = great;
    e.good = good;
    e.miss = miss;
    e.reps = perfect + great + good + miss;
    e.planned_reps = e.reps;
    e.unsteady_reps = unsteady;
    return e;
}

TEST(ProgramTest, LadderFollowsTheTrainingAdvice) {
    const auto& ladder = program_ladder();
    ASSERT_GE(ladder.size(), 4u);
    // Starts at 2-3 sets of 6-8 reps per leg, ends within 2-4 sets of 6-12.
    EXPECT_EQ(ladder.front().sets, 2);
    EXPECT_EQ(ladder.front().reps_per_leg, 6);
    EXPECT_EQ(ladder.back().sets, 4);
    EXPECT_EQ(ladder.back().reps_per_leg, 12);
    int previous_volume = 0;
    for (const Rung& r : ladder) {
        EXPECT_GE(r.sets, 2);
        EXPECT_LE(r.sets, 4);
        EXPECT_GE(r.reps_per_leg, 6);
        EXPECT_LE(r.reps_per_leg, 12);
        EXPECT_GE(r.rest_s, 60.0);
        EXPECT_LE(r.rest_s, 120.0);
        EXPECT_GT(r.sets * r.reps_per_leg, previous_volume) << "each rung is more work";
        previous_volume = r.sets * r.reps_per_leg;
    }
}

TEST(ProgramTest, VerdictUpOnlyWhenEveryRepGreatAndSteady) {
    EXPECT_EQ(session_verdict(session("2026-01-01", 0, 10, 14, 0, 0)), Verdict::up);
    EXPECT_EQ(session_verdict(session("2026-01-01", 0, 10, 13, 1, 0)), Verdict::stay);  // one Good
    EXPECT_EQ(session_verdict(session("2026-01-01", 0, 10, 14, 0, 0, 1)), Verdict::stay);  // one wobbly
    auto unfinished = session("2026-01-01", 0, 24, 0, 0, 0);
    unfinished.finished = false;
    EXPECT_EQ(session_verdict(unfinished), Verdict::stay);
    auto short_of_plan = session("2026-01-01", 0, 20, 0, 0, 0);
    short_of_plan.planned_reps = 24;
    EXPECT_EQ(session_verdict(short_of_plan), Verdict::stay);
}

TEST(ProgramTest, VerdictDownAfterAPoorSession) {
    EXPECT_EQ(session_verdict(session("2026-01-01", 3, 5, 5, 4, 6)), Verdict::down);       // 30 % Miss
    EXPECT_EQ(session_verdict(session("2026-01-01", 3, 4, 4, 4, 4)), Verdict::stay);       // exactly 25 % Miss
    EXPECT_EQ(session_verdict(session("2026-01-01", 3, 4, 4, 3, 4)), Verdict::down);       // 4 of 15
    EXPECT_EQ(session_verdict(session("2026-01-01", 3, 10, 10, 0, 0, 16)), Verdict::down);  // over 3/4 unsteady
    EXPECT_EQ(session_verdict(session("2026-01-01", 3, 10, 10, 0, 0, 15)), Verdict::stay);  // wobbly: hold the rung
    auto quit = session("2026-01-01", 3, 6, 4, 0, 0);
    quit.planned_reps = 24;  // fewer than half the plan
    EXPECT_EQ(session_verdict(quit), Verdict::down);
}

TEST(ProgramTest, FirstPlanStartsAtTheBottomWithWarmUp) {
    const DayPlan plan = plan_day({}, "2026-01-05");
    EXPECT_EQ(plan.rung, 0);
    EXPECT_FALSE(plan.knee_drive_day);  // the high box waits for a first step-up session
    ASSERT_EQ(plan.items.size(), 2u);
    EXPECT_EQ(plan.items[0].kind, "warmup");
    EXPECT_EQ(plan.items[0].level_id, "tower-1");
    EXPECT_GT(plan.items[0].hold_s, 0.0);
    EXPECT_EQ(plan.items[1].kind, "step_up");
    EXPECT_EQ(plan.items[1].sets, 2);
    EXPECT_EQ(plan.items[1].reps_per_leg, 6);
    EXPECT_GE(plan.items[1].rest_s, 60.0);
    EXPECT_FALSE(plan.reason.empty());
}

TEST(ProgramTest, MovesUpStaysAndMovesDown) {
    ProgramSettings no_knee;
    no_knee.knee_drive_days_per_week = 0;  // isolate the step-up ladder
    std::vector<PlanHistoryEntry> h = {session("2026-01-05", 0, 12, 12, 0, 0)};
    DayPlan plan = plan_day(h, "2026-01-06", no_knee);
    EXPECT_EQ(plan.rung, 1);
    EXPECT_EQ(plan.last_verdict, Verdict::up);
    EXPECT_EQ(plan.items[1].reps_per_leg, program_ladder()[1].reps_per_leg);

    h.push_back(session("2026-01-06", 1, 10, 16, 2, 0));
    plan = plan_day(h, "2026-01-07", no_knee);
    EXPECT_EQ(plan.rung, 1);
    EXPECT_EQ(plan.last_verdict, Verdict::stay);

    h.push_back(session("2026-01-07", 1, 4, 4, 10, 10));
    plan = plan_day(h, "2026-01-08", no_knee);
    EXPECT_EQ(plan.rung, 0);
    EXPECT_EQ(plan.last_verdict, Verdict::down);
    EXPECT_NE(plan.reason.find("back to"), std::string::npos) << plan.reason;
    EXPECT_NE(plan.reason.find("hard (10 of 28 reps missed the beat)"), std::string::npos) << plan.reason;

    // Never below the bottom rung or above the top one; a hard session on the bottom
    // rung stays there (nothing to go back to).
    h.push_back(session("2026-01-08", 0, 0, 0, 0, 20));
    EXPECT_EQ(plan_day(h, "2026-01-09", no_knee).rung, 0);
    EXPECT_NE(plan_day(h, "2026-01-09", no_knee).reason.find("hard (20 of 20 reps missed the beat): stay at 2 × 6"),
              std::string::npos)
        << plan_day(h, "2026-01-09", no_knee).reason;
    const int top = static_cast<int>(program_ladder().size()) - 1;
    h.push_back(session("2026-01-09", top, 48, 48, 0, 0));
    EXPECT_EQ(plan_day(h, "2026-01-10", no_knee).rung, top);
}

TEST(ProgramTest, FreePlayAndFutureDaysDoNotMoveTheLadder) {
    ProgramSettings no_knee;
    no_knee.knee_drive_days_per_week = 0;
    std::vector<PlanHistoryEntry> h = {session("2026-01-05", 2, 12, 12, 0, 0),
                                       session("2026-01-06", -1, 0, 0, 0, 20),    // free play, poor
                                       session("2026-02-01", 2, 0, 0, 0, 20)};    // after "today"
    const DayPlan plan = plan_day(h, "2026-01-07", no_knee);
    EXPECT_EQ(plan.rung, 3);
}

// A new player's first Foothills, left after a rep, is no grounding for the high
// box: the plan gave them Summit Push with knee drives the next time they looked.
TEST(ProgramTest, NoKneeDriveDayBeforeAFinishedStepUpSession) {
    PlanHistoryEntry left = session("2026-01-05", 0, 1, 0, 0, 0);
    left.finished = false;
    left.planned_reps = 24;
    std::vector<PlanHistoryEntry> h = {left};
    EXPECT_FALSE(plan_day(h, "2026-01-05").knee_drive_day);
    EXPECT_FALSE(plan_day(h, "2026-01-06").knee_drive_day);
    h.push_back(session("2026-01-06", 0, 12, 12, 0, 0));
    EXPECT_TRUE(plan_day(h, "2026-01-07").knee_drive_day);
}

TEST(ProgramTest, KneeDriveOnceOrTwiceAWeekSpreadOut) {
    std::vector<PlanHistoryEntry> h = {session("2026-01-05", 0, 12, 12, 0, 0)};
    DayPlan plan = plan_day(h, "2026-01-06");
    EXPECT_TRUE(plan.knee_drive_day);
    ASSERT_EQ(plan.items.size(), 2u);
    EXPECT_EQ(plan.items[1].kind, "knee_drive");
    EXPECT_EQ(plan.items[1].level_id, "hill-3");
    EXPECT_GE(plan.items[1].rest_s, 60.0);
    // Volumes are written as every other screen writes them: sets × reps.
    const std::string knee_volume = "Knee-drive day: " + std::to_string(plan.items[1].sets) + " × " +
                                    std::to_string(plan.items[1].reps_per_leg) + " per leg";
    EXPECT_NE(plan.reason.find(knee_volume), std::string::npos) << plan.reason;
    EXPECT_EQ(plan.reason.find(" x "), std::string::npos) << plan.reason;

    h.push_back(session("2026-01-06", -1, 10, 0, 0, 0, 0, "knee_drive"));
    EXPECT_TRUE(plan_day(h, "2026-01-06").knee_drive_day);   // the rest of that day
    EXPECT_FALSE(plan_day(h, "2026-01-07").knee_drive_day);  // too soon after
    EXPECT_FALSE(plan_day(h, "2026-01-08").knee_drive_day);
    EXPECT_TRUE(plan_day(h, "2026-01-09").knee_drive_day);   // 3 days later: second of the week

    h.push_back(session("2026-01-09", -1, 10, 0, 0, 0, 0, "knee_drive"));
    EXPECT_FALSE(plan_day(h, "2026-01-12").knee_drive_day);  // two already this week
    EXPECT_TRUE(plan_day(h, "2026-01-13").knee_drive_day);   // the first has left the week

    ProgramSettings once;
    once.knee_drive_days_per_week = 1;
    EXPECT_FALSE(plan_day(h, "2026-01-12", once).knee_drive_day);
    EXPECT_FALSE(plan_day(h, "2026-01-13", once).knee_drive_day);  // 01-09 is still in the week
}

TEST(ProgramTest, LongBreakEasesBackIn) {
    ProgramSettings no_knee;
    no_knee.knee_drive_days_per_week = 0;
    const std::vector<PlanHistoryEntry> h = {session("2026-01-05", 4, 10, 14, 2, 0)};
    EXPECT_EQ(plan_day(h, "2026-01-12", no_knee).rung, 4);
    const DayPlan back = plan_day(h, "2026-02-05", no_knee);
    EXPECT_EQ(back.rung, 3);
    EXPECT_NE(back.reason.find("Welcome back"), std::string::npos) << back.reason;
}

TEST(ProgramTest, SameHistorySamePlan) {
    const std::vector<PlanHistoryEntry> h = {session("2026-01-05", 2, 12, 12, 0, 0),
                                             session("2026-01-07", 3, 12, 12, 0, 0)};
    const DayPlan a = plan_day(h, "2026-01-08");
    const DayPlan b = plan_day({h[1], h[0]}, "2026-01-08");  // any order
    EXPECT_EQ(a.rung, b.rung);
    EXPECT_EQ(a.rung, 4);
    EXPECT_EQ(a.reason, b.reason);
    EXPECT_EQ(a.knee_drive_day, b.knee_drive_day);
}

}  // namespace
}  // namespace highstep::store

namespace highstep::store {
namespace {

TEST(ProgramTest, LevelsSitOnTheLadderByVolume) {
    EXPECT_EQ(rung_for(2, 6), 0);
    EXPECT_EQ(rung_for(3, 8), 5);
    EXPECT_EQ(rung_for(4, 12), static_cast<int>(program_ladder().size()) - 1);
    EXPECT_EQ(rung_for(1, 4), 0);   // less than the first rung
    EXPECT_EQ(rung_for(2, 9), 3);   // 18 reps: the last rung with no more (3 x 6)
    EXPECT_EQ(rung_for(5, 20), static_cast<int>(program_ladder().size()) - 1);
}

}  // namespace
}  // namespace highstep::store
