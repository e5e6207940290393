// The Box2D worlds behave as the game promises: the climber mirrors the rep, the
// platform follows the CoP, bursts move the sprinter.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "highstep/core/world/world.h"

using namespace highstep::core;

namespace {

constexpr double kStep_s = 1.0 / 120.0;

void run(World& w, double seconds) {
    for (int i = 0; i < static_cast<int>(std::lround(seconds / kStep_s)); ++i) w.step(kStep_s);
}

const BodyView* find(const WorldView& v, BodyRole role) {
    for (const BodyView& b : v.bodies) {
        if (b.role == role) return &b;
    }
    return nullptr;
}

Level hill_level() {
    Level l;
    l.type = LevelType::hill_climb;
    l.world.hill.ledge_height_m = 0.4;
    l.world.hill.ledge_width_m = 1.6;
    return l;
}

}  // namespace

// One rep as the session drives it: contact, rising with the load, the top, the lowering.
void climb_rep(World& w) {
    for (double r : {0.0, 0.3, 0.6, 1.0}) {
        w.climb(ClimbAction{ClimbStage::stepping, r, 0.0});
        run(w, 0.1);
    }
    w.climb(ClimbAction{ClimbStage::top, 1.0, 0.0});
    run(w, 0.3);
    w.climb(ClimbAction{ClimbStage::lowering, 1.0, 0.5});
    run(w, 0.3);
}

TEST(HillWorld, AtTheContactTheLeadFootIsOnTheNextLedgeAndTheClimberRisesWithTheLoad) {
    auto w = make_world(hill_level(), 6, 3.0);
    run(*w, 0.5);
    EXPECT_FALSE(w->view().foot_on_next);
    const double y0 = find(w->view(), BodyRole::runner)->y_m;
    w->climb(ClimbAction{ClimbStage::stepping, 0.0, 0.0});
    w->step(kStep_s);
    EXPECT_TRUE(w->view().foot_on_next);  // the very step of the contact
    EXPECT_EQ(w->view().climb_stage, ClimbStage::stepping);
    double last_y = y0;
    for (double r : {0.25, 0.5, 0.75, 1.0}) {
        w->climb(ClimbAction{ClimbStage::stepping, r, 0.0});
        run(*w, 0.3);
        const double y = find(w->view(), BodyRole::runner)->y_m;
        EXPECT_GT(y, last_y + 0.05) << "rise " << r;
        EXPECT_NEAR(w->view().rise, r, 1e-9);
        last_y = y;
    }
    EXPECT_NEAR(last_y - y0, 0.4, 0.02);  // up by one ledge at full weight
    EXPECT_EQ(w->view().ledge, 0);        // not settled yet
    w->climb(ClimbAction{ClimbStage::lowering, 1.0, 0.4});
    w->step(kStep_s);
    EXPECT_NEAR(w->view().control, 0.4, 1e-9);
    w->settle_climb(SettleClimbAction{true, false});
    run(*w, 1.5);
    const WorldView v = w->view();
    EXPECT_EQ(v.ledge, 1);
    EXPECT_FALSE(v.foot_on_next);
    const BodyView* runner = find(v, BodyRole::runner);
    EXPECT_NEAR(runner->y_m, 0.4 + runner->half_h_m, 1e-3);  // standing on ledge 1
    EXPECT_GT(runner->x_m, 1.6);                             // on it, not over the riser
    EXPECT_LT(runner->x_m, 3.2);
}

TEST(HillWorld, ATakenBackContactGoesBackDownToTheLedgeItCameFrom) {
    auto w = make_world(hill_level(), 6, 3.0);
    run(*w, 0.5);
    const double y0 = find(w->view(), BodyRole::runner)->y_m;
    w->climb(ClimbAction{ClimbStage::stepping, 0.7, 0.0});
    run(*w, 0.5);
    EXPECT_GT(find(w->view(), BodyRole::runner)->y_m, y0 + 0.2);
    w->settle_climb(SettleClimbAction{false, false});
    run(*w, 1.0);
    EXPECT_EQ(w->view().ledge, 0);
    EXPECT_FALSE(w->view().stumbling);
    EXPECT_NEAR(find(w->view(), BodyRole::runner)->y_m, y0, 1e-3);
}

TEST(HillWorld, AMissSlipsBackAndWobblesThenTheNextRepStillClimbs) {
    auto w = make_world(hill_level(), 6, 3.0);
    run(*w, 0.5);
    climb_rep(*w);
    w->settle_climb(SettleClimbAction{false, true});
    bool stumbled = false;
    double max_angle = 0.0;
    for (int i = 0; i < 120; ++i) {
        w->step(kStep_s);
        stumbled |= w->view().stumbling;
        max_angle = std::max(max_angle, std::fabs(find(w->view(), BodyRole::runner)->angle_rad));
    }
    EXPECT_TRUE(stumbled);
    EXPECT_GT(max_angle, 0.1);  // it visibly wobbles
    run(*w, 1.0);
    EXPECT_EQ(w->view().ledge, 0);
    EXPECT_FALSE(w->view().stumbling);
    EXPECT_NEAR(find(w->view(), BodyRole::runner)->angle_rad, 0.0, 1e-6);
    climb_rep(*w);
    w->settle_climb(SettleClimbAction{true, false});
    run(*w, 1.0);
    EXPECT_EQ(w->view().ledge, 1);
}

TEST(HillWorld, EveryRepClimbsALedgeUpToTheSummit) {
    auto w = make_world(hill_level(), 3, 3.0);
    run(*w, 0.5);
    for (int i = 0; i < 3; ++i) {
        climb_rep(*w);
        w->settle_climb(SettleClimbAction{true, false});
        run(*w, 1.0);
        EXPECT_EQ(w->view().ledge, i + 1);
    }
    EXPECT_TRUE(w->view().finished);
    // At the summit there is nothing left to climb onto.
    w->climb(ClimbAction{ClimbStage::stepping, 0.5, 0.0});
    w->step(kStep_s);
    EXPECT_FALSE(w->view().foot_on_next);
}

namespace {
Level tower_level(int blocks, int balls) {
    Level l;
    l.type = LevelType::balance_tower;
    l.exercise = Exercise::balance_two_feet;
    l.world.tower.blocks = blocks;
    l.world.tower.balls = balls;
    l.world.tower.tilt_deg_per_mm = 0.25;
    l.world.tower.max_tilt_deg = 20.0;
    return l;
}
}  // namespace

TEST(TowerWorld, PlatformTiltsWithTheCop) {
    auto w = make_world(tower_level(3, 0), 3, 0.0);
    run(*w, 0.5);
    EXPECT_NEAR(w->view().tilt_deg, 0.0, 0.2);
    w->tilt(TiltAction{20.0, 0.0});  // 20 mm right → 5° right side down
    run(*w, 1.5);
    EXPECT_NEAR(w->view().tilt_deg, 5.0, 0.5);
    EXPECT_EQ(w->view().blocks_on, 3);  // a gentle, steady tilt keeps the stack
    w->tilt(TiltAction{-20.0, 0.0});
    run(*w, 1.5);
    EXPECT_NEAR(w->view().tilt_deg, -5.0, 0.5);
    w->tilt(TiltAction{400.0, 0.0});  // far beyond the limit
    run(*w, 1.0);
    EXPECT_NEAR(w->view().tilt_deg, 20.0, 1.0);
}

TEST(TowerWorld, SwayShakesBallsOffAndResetRestacks) {
    auto w = make_world(tower_level(2, 2), 3, 0.0);
    run(*w, 0.5);
    EXPECT_EQ(w->view().blocks_total, 4);
    EXPECT_EQ(w->view().blocks_on, 4);
    for (int i = 0; i < 6; ++i) {
        w->tilt(TiltAction{i % 2 == 0 ? 80.0 : -80.0, 0.0});
        run(*w, 0.8);
    }
    EXPECT_LT(w->view().blocks_on, 4);
    w->reset_tower(ResetTowerAction{});
    run(*w, 0.5);
    EXPECT_EQ(w->view().blocks_on, 4);
    EXPECT_NEAR(w->view().tilt_deg, 0.0, 0.5);
}

TEST(SprintWorld, BurstsMoveTheSprinterAndPowerMatters) {
    Level l;
    l.type = LevelType::sprint_start;
    l.exercise = Exercise::knee_drive;
    auto weak = make_world(l, 10, 4.0);
    auto strong = make_world(l, 10, 4.0);
    run(*weak, 0.2);
    run(*strong, 0.2);
    weak->burst(BurstAction{0.2, 0.2});
    strong->burst(BurstAction{1.0, 1.0});
    run(*weak, 4.0);
    run(*strong, 4.0);
    EXPECT_GT(weak->view().runner_x_m, 0.3);
    EXPECT_GT(strong->view().runner_x_m, 2.0 * weak->view().runner_x_m);
    // Full power carries about burst / damping = 5 m.
    EXPECT_NEAR(strong->view().runner_x_m, 5.0, 0.6);
}

TEST(SprintWorld, GhostRunsAtThePaceOnlyWhenTold) {
    Level l;
    l.type = LevelType::sprint_start;
    l.exercise = Exercise::knee_drive;
    l.world.sprint.ghost_m_per_rep = 4.0;
    auto w = make_world(l, 10, 4.0);  // 4 m per 4 s rep: 1 m/s
    run(*w, 1.0);
    EXPECT_NEAR(w->view().ghost_x_m, 0.0, 1e-6);
    w->ghost(GhostAction{true});
    run(*w, 3.0);
    EXPECT_NEAR(w->view().ghost_x_m, 3.0, 0.05);
    w->ghost(GhostAction{false});
    run(*w, 2.0);
    EXPECT_NEAR(w->view().ghost_x_m, 3.0, 0.05);
    w->charge(ChargeAction{0.6});
    EXPECT_DOUBLE_EQ(w->view().charge, 0.6);
}

// The track is the whole program at full power: even perfect bursts, one per rep
// at the tempo, leave metres to go until the last rep; after it the run home
// (both runners at the same speed) crosses the line.
TEST(SprintWorld, PerfectRepsReachTheLineOnlyWithTheLastOne) {
    for (const int sets : {1, 2, 3}) {
        Level l;
        l.type = LevelType::sprint_start;
        l.exercise = Exercise::knee_drive;
        l.program.sets = sets;
        l.program.reps_per_leg = 5;
        const int total = sets * l.reps_per_set();
        auto w = make_world(l, total, 4.0);
        EXPECT_NEAR(w->view().finish_x_m, total * sprint_stride_m(l), 1e-9);
        w->ghost(GhostAction{true});
        for (int rep = 1; rep < total; ++rep) {
            w->burst(BurstAction{1.0, 1.0});
            run(*w, 4.0);
            EXPECT_FALSE(w->view().finished) << sets << " sets, rep " << rep;
            EXPECT_GT(w->view().finish_x_m - w->view().runner_x_m, 0.5 * sprint_stride_m(l));
        }
        run(*w, 30.0);  // coasting for ever does not get there either
        EXPECT_FALSE(w->view().finished);
        w->burst(BurstAction{0.5, 0.5});  // the last rep, not even a good one
        w->ghost(GhostAction{false});
        w->run_home(RunHomeAction{});
        run(*w, 8.0);
        EXPECT_TRUE(w->view().finished);
        EXPECT_GE(w->view().runner_x_m, w->view().finish_x_m);
        EXPECT_GE(w->view().ghost_x_m, w->view().finish_x_m - 0.2);
    }
}

TEST(Worlds, NonFiniteInputsAreIgnoredNotPropagated) {
    auto tower = make_world(tower_level(2, 1), 3, 0.0);
    tower->tilt(TiltAction{std::nan(""), 0.0});
    run(*tower, 0.5);
    EXPECT_TRUE(std::isfinite(tower->view().tilt_deg));
    EXPECT_NEAR(tower->view().tilt_deg, 0.0, 0.5);
    Level l;
    l.type = LevelType::sprint_start;
    auto sprint = make_world(l, 10, 4.0);
    sprint->burst(BurstAction{std::nan(""), std::numeric_limits<double>::infinity()});
    sprint->charge(ChargeAction{std::nan("")});
    run(*sprint, 1.0);
    EXPECT_TRUE(std::isfinite(sprint->view().runner_x_m));
    EXPECT_DOUBLE_EQ(sprint->view().charge, 0.0);
}
