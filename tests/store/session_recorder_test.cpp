// The bridge from core's Session results to the store, and plans onto levels.
#include <fstream>
#include <sstream>

#include "highstep/core/level/level.h"
#include "highstep/store/progress.h"
#include "highstep/store/session_recorder.h"
#include "store_fixture.h"

namespace highstep::store::testing {
namespace {

core::RepScore step_rep(core::Side side, core::Judgement j, int points, double stability, double lowering_value) {
    core::RepScore r;
    r.input.kind = core::RepKind::step_up;
    r.input.side = side;
    r.input.t_s = 10.0;
    core::TimingResult t;
    t.judgement = j;
    t.error_ms = 42.0;
    r.input.timing = t;
    r.input.peak_bw = 1.2;
    r.input.lowering_s = 1.1;
    r.input.stability.duration_s = 0.8;
    r.input.stability.samples = 80;
    r.input.stability.mean_velocity_mm_s = 25.0;
    r.stability = stability;
    r.lowering_value = lowering_value;
    r.points = points;
    return r;
}

core::Level read_level(const std::string& id) {
    const std::string path = std::string(HIGHSTEP_SOURCE_DIR) + "/levels/" + id + ".json";
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return core::parse_level(text.str(), path);
}

class SessionRecorderTest : public StoreTest {
protected:
    Database db{db_path};
    std::int64_t ada = add(db, "Ada");
};

TEST_F(SessionRecorderTest, StoresNewRepsOnceAndFinishes) {
    core::Level level;
    level.id = "hill-2";
    level.title = "Ridge";
    level.exercise = core::Exercise::step_up_knee_drive;
    SessionRecorder rec(db, session_start(level, ada));

    core::SessionResult so_far;
    so_far.sets.push_back({});
    so_far.sets[0].set_number = 1;
    so_far.sets[0].reps.push_back(step_rep(core::Side::left, core::Judgement::perfect, 900, 80, 1.0));
    rec.sync(so_far);
    rec.sync(so_far);  // nothing new: nothing stored twice
    EXPECT_EQ(rec.stored_reps(), 1);
    so_far.sets[0].reps.push_back(step_rep(core::Side::right, core::Judgement::good, 500, 45, 1.0));  // wobbly
    so_far.sets[0].reps.push_back(step_rep(core::Side::left, core::Judgement::great, 700, 90, 0.1));  // dropped
    so_far.sets[0].completed = true;
    so_far.sets[0].score = 2100;
    so_far.sets[0].grade = core::Grade::B;
    so_far.sets.push_back({});
    so_far.sets[1].set_number = 2;
    core::RepScore hold;
    hold.input.kind = core::RepKind::hold;
    hold.input.two_feet = true;
    hold.input.hold_s = 9.5;
    hold.input.stability.duration_s = 9.5;
    hold.input.stability.samples = 950;
    hold.input.stability.mean_velocity_mm_s = 7.5;
    hold.stability = 95;
    hold.points = 950;
    so_far.sets[1].reps.push_back(hold);
    rec.sync(so_far);
    EXPECT_EQ(rec.stored_reps(), 4);
    EXPECT_EQ(query_int(db_path, "SELECT COUNT(*) FROM reps"), 3);
    EXPECT_EQ(query_int(db_path, "SELECT COUNT(*) FROM reps WHERE steady = 1"), 1);
    EXPECT_EQ(query_int(db_path, "SELECT COUNT(*) FROM reps WHERE leg = 'right' AND judgement = 'good'"), 1);
    EXPECT_EQ(query_int(db_path, "SELECT COUNT(*) FROM holds WHERE stance = 'both' AND steady = 1"), 1);
    EXPECT_EQ(query_int(db_path, "SELECT COUNT(*) FROM sets"), 1);  // set 2 is still open

    so_far.score = 3050;
    so_far.grade = core::Grade::B;
    so_far.reps = 4;
    so_far.reps_target = 4;
    so_far.judgements = {1, 1, 1, 0};
    so_far.stability.mean_velocity_mm_s = 19.0;
    so_far.symmetry.reps_pct = 50;
    so_far.symmetry.peak_pct = 100;
    so_far.symmetry.stability_pct = 90;
    const FinishOutcome out = rec.finish(so_far, 1767261600);
    EXPECT_TRUE(out.personal_best);
    EXPECT_EQ(query_int(db_path, "SELECT COUNT(*) FROM sets"), 2);
    const auto points = progress(db, ada);
    ASSERT_EQ(points.size(), 1u);
    EXPECT_EQ(points[0].exercise, "knee_drive");  // high-box step-ups count as knee-drive days
    EXPECT_DOUBLE_EQ(points[0].score, 3050);
    EXPECT_NEAR(points[0].tempo_accuracy, 2.0 / 3.0, 1e-9);
    EXPECT_TRUE(points[0].has_tempo);
    EXPECT_NEAR(points[0].symmetry, 0.8, 1e-9);
    EXPECT_DOUBLE_EQ(points[0].stability_mean_velocity_mm_s, 19.0);
    EXPECT_EQ(query_int(db_path, "SELECT result_json LIKE '{%' FROM sessions"), 1);
}

TEST(PlanOntoLevelsTest, EveryPlannedLevelExistsAndTakesThePlan) {
    if (!std::filesystem::exists(std::string(HIGHSTEP_SOURCE_DIR) + "/levels")) GTEST_SKIP() << "no levels folder";
    std::vector<PlanHistoryEntry> history(1);
    history[0].day = "2026-01-05";
    history[0].exercise = "step_up";
    history[0].program_rung = 5;
    history[0].finished = true;
    history[0].reps = history[0].planned_reps = history[0].great = 48;
    for (const std::string day : {"2026-01-06", "2026-01-07"}) {  // a knee-drive day and a normal one
        const DayPlan plan = plan_day(history, day);
        for (const PlanItem& item : plan.items) {
            const core::Level level = apply_plan_item(read_level(item.level_id), item);
            EXPECT_EQ(level.program.sets, item.sets) << item.level_id;
            if (item.kind == "warmup") {
                EXPECT_DOUBLE_EQ(level.program.hold_target_s, item.hold_s);
                EXPECT_EQ(exercise_name(level.exercise), std::string("balance"));
            } else {
                EXPECT_EQ(level.program.reps_per_leg, item.reps_per_leg);
                EXPECT_DOUBLE_EQ(level.program.rest_s, item.rest_s);
                EXPECT_EQ(exercise_name(level.exercise), item.kind) << item.level_id;
            }
        }
    }
}

}  // namespace
}  // namespace highstep::store::testing
