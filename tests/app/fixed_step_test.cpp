// The loop's clock: fixed steps from uneven frames, interpolation, dropped stalls.
#include <gtest/gtest.h>

#include <cmath>

#include "highstep/app/fixed_step.h"

using highstep::app::FixedStepClock;
using highstep::app::FixedStepSettings;

TEST(FixedStepClock, SixtyHertzFramesGiveTwoStepsAt120Hz) {
    FixedStepClock clock;
    int total = 0;
    for (int i = 0; i < 60; ++i) total += clock.advance(1.0 / 60.0);
    EXPECT_EQ(total, 120);
    EXPECT_NEAR(clock.sim_time_s(), 1.0, 1e-9);
    EXPECT_GE(clock.alpha(), 0.0);
    EXPECT_LT(clock.alpha(), 1.0);
}

TEST(FixedStepClock, UnevenFramesKeepTheRemainderForTheNextFrame) {
    FixedStepClock clock;
    EXPECT_EQ(clock.advance(0.004), 0);  // half a step: nothing yet
    EXPECT_NEAR(clock.alpha(), 0.48, 1e-9);
    EXPECT_EQ(clock.advance(0.005), 1);  // 9 ms in all: one step, 0.667 ms left
    EXPECT_NEAR(clock.alpha(), (0.009 - 1.0 / 120.0) * 120.0, 1e-9);
    // Sim time never runs ahead of the wall time fed in.
    EXPECT_LE(clock.sim_time_s(), 0.009);
}

TEST(FixedStepClock, ALongStallIsDroppedNotReplayed) {
    FixedStepSettings s;
    s.max_frame_s = 0.25;
    FixedStepClock clock(s);
    const int steps = clock.advance(3.0);  // a 3 s hitch (debugger, window drag)
    EXPECT_EQ(steps, 30);                  // only 0.25 s is simulated
    EXPECT_NEAR(clock.dropped_s(), 2.75, 1e-9);
    EXPECT_NEAR(clock.sim_time_s() + clock.alpha() * clock.step_s() + clock.dropped_s(), 3.0, 1e-9);
}

TEST(FixedStepClock, BackwardsOrBrokenFrameTimesCountAsNothing) {
    FixedStepClock clock;
    EXPECT_EQ(clock.advance(-1.0), 0);
    EXPECT_EQ(clock.advance(std::nan("")), 0);
    EXPECT_EQ(clock.sim_time_s(), 0.0);
}

TEST(FixedStepClock, SameFramesGiveTheSameStepsEveryRun) {
    auto run = [] {
        FixedStepClock clock;
        long long steps = 0;
        for (int i = 0; i < 1000; ++i) steps += clock.advance(0.001 * (1 + i % 23));
        return steps;
    };
    EXPECT_EQ(run(), run());
}

TEST(FixedStepClock, RefusesNonsenseSettings) {
    FixedStepSettings s;
    s.step_s = 0.0;
    EXPECT_THROW(FixedStepClock{s}, std::invalid_argument);
    s.step_s = 0.1;
    s.max_frame_s = 0.05;
    EXPECT_THROW(FixedStepClock{s}, std::invalid_argument);
}
