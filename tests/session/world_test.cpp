// The Box2D worlds behave as the game promises: judgement shapes the jump, the
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

TEST(HillWorld, PerfectJumpLandsCleanOnTheNextLedge) {
    auto w = make_world(hill_level(), 6, 3.0);
    run(*w, 0.5);
    EXPECT_EQ(w->view().ledge, 0);
    w->jump(JumpAction{Judgement::perfect});
    run(*w, 0.1);
    EXPECT_TRUE(w->view().airborne);
    run(*w, 1.5);
    const WorldView v = w->view();
    EXPECT_EQ(v.ledge, 1);
    EXPECT_FALSE(v.stumbling);
    const BodyView* runner = find(v, BodyRole::runner);
    ASSERT_NE(runner, nullptr);
    EXPECT_NEAR(runner->angle_rad, 0.0, 0.01);
    EXPECT_NEAR(runner->x_m, 1.5 * 1.6, 0.2);              // the middle of ledge 1
    EXPECT_NEAR(runner->y_m, 0.4 + runner->half_h_m, 0.05);  // standing on it
}

TEST(HillWorld, WorseTimingLandsNearerTheEdge) {
    double x[3];
    const Judgement js[3] = {Judgement::perfect, Judgement::great, Judgement::good};
    for (int i = 0; i < 3; ++i) {
        auto w = make_world(hill_level(), 6, 3.0);
        run(*w, 0.5);
        w->jump(JumpAction{js[i]});
        run(*w, 1.6);
        ASSERT_EQ(w->view().ledge, 1) << to_string(js[i]);
        x[i] = find(w->view(), BodyRole::runner)->x_m;
    }
    EXPECT_GT(x[0], x[1]);
    EXPECT_GT(x[1], x[2]);
    EXPECT_GT(x[2], 1.6);  // still on ledge 1
}

TEST(HillWorld, MissStumblesAndStaysDown) {
    auto w = make_world(hill_level(), 6, 3.0);
    run(*w, 0.5);
    w->jump(JumpAction{Judgement::miss});
    bool stumbled = false;
    double max_angle = 0.0;
    for (int i = 0; i < 240; ++i) {
        w->step(kStep_s);
        stumbled |= w->view().stumbling;
        max_angle = std::max(max_angle, std::fabs(find(w->view(), BodyRole::runner)->angle_rad));
    }
    EXPECT_TRUE(stumbled);
    EXPECT_GT(max_angle, 0.3);  // it visibly tumbles
    run(*w, 3.0);
    const WorldView v = w->view();
    EXPECT_EQ(v.ledge, 0);       // did not make it up
    EXPECT_FALSE(v.stumbling);   // got back up
    EXPECT_NEAR(find(v, BodyRole::runner)->angle_rad, 0.0, 1e-6);
    // ... and the next good jump still works.
    w->jump(JumpAction{Judgement::perfect});
    run(*w, 1.6);
    EXPECT_EQ(w->view().ledge, 1);
}

TEST(HillWorld, JumpsQueuedInTheAirAllLandAndReachTheSummit) {
    auto w = make_world(hill_level(), 3, 3.0);
    run(*w, 0.5);
    for (int i = 0; i < 3; ++i) w->jump(JumpAction{Judgement::perfect});
    run(*w, 6.0);
    EXPECT_EQ(w->view().ledge, 3);
    EXPECT_TRUE(w->view().finished);
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
