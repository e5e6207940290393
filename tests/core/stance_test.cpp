// Stance classification: hysteresis and dwell keep noise from flickering it.
#include <gtest/gtest.h>

#include "board_script.h"
#include "highstep/core/signal/signal.h"

using highstep::core::SignalProcessor;
using highstep::core::SignalSettings;
using highstep::core::Stance;
using highstep::test::BoardScript;

namespace {

struct StanceRun {
    std::vector<Stance> changes;        // every stance the frames went through, in order
    std::vector<double> since_s;        // when each began
};

StanceRun run(const BoardScript& b, const SignalSettings& s = {}) {
    SignalProcessor p(s);
    StanceRun r;
    for (const auto& sample : b.samples()) {
        const auto& f = p.push(sample);
        if (r.changes.empty() || r.changes.back() != f.stance) {
            r.changes.push_back(f.stance);
            r.since_s.push_back(f.stance_since_s);
        }
    }
    return r;
}

}  // namespace

TEST(Stance, StepOnStandStepOff) {
    BoardScript b;
    b.add(0, 0, 0).add(1.5, 0, 0).add(1.7, 0, 30).add(2.0, 0, 30).add(2.2, 35, 35).add(6, 35, 35)
        .add(6.2, 35, 0).add(6.4, 0, 0).add(7.5, 0, 0);
    b.noise_kg = 0.05;
    const StanceRun r = run(b);
    const std::vector<Stance> want{Stance::off, Stance::partial, Stance::both, Stance::partial, Stance::off};
    ASSERT_EQ(r.changes, want);
    EXPECT_NEAR(r.since_s[1], 1.5, 0.03);  // first contact, not the threshold crossing
    EXPECT_NEAR(r.since_s[4], 6.4, 0.03);  // board empty
}

TEST(Stance, EmptyBoardNoiseNeverStepsOn) {
    // 1 kg of noise per sensor (4x a real board's) with zero-load CoP swinging wildly.
    BoardScript b;
    b.add(0, 0, 0).add(30, 0, 0);
    b.noise_kg = 1.0;
    const StanceRun r = run(b);
    EXPECT_EQ(r.changes, std::vector<Stance>{Stance::off});
}

TEST(Stance, LoadBetweenThresholdsDoesNotFlicker) {
    // Full load, then the load wavers between full_leave (0.65 BW) and full_enter (0.8 BW):
    // the player stays on two feet. Rises to 0.78 never reach full from partial.
    BoardScript b;
    b.add(0, 35, 35).add(3, 35, 35);
    for (int i = 0; i < 20; ++i) b.add(3.2 + 0.4 * i, 26, 26).add(3.4 + 0.4 * i, 28, 28);
    b.add(11.5, 35, 35).add(14, 35, 35);
    b.noise_kg = 0.2;
    const StanceRun r = run(b);
    EXPECT_EQ(r.changes, (std::vector<Stance>{Stance::off, Stance::partial, Stance::both}));
}

TEST(Stance, CopBetweenSideThresholdsDoesNotFlicker) {
    // Weight wavers around 55-60 % of the way to the right foot (between the
    // single_leave and single_enter shares): still two feet, whatever the sway.
    BoardScript b;
    b.add(0, 35, 35).add(3, 35, 35);
    for (int i = 0; i < 30; ++i) b.add(3.3 + 0.3 * i, 12.6, 57.4).add(3.45 + 0.3 * i, 15.0, 55.0);
    b.noise_kg = 0.3;
    const StanceRun r = run(b);
    EXPECT_EQ(r.changes.back(), Stance::both);
    EXPECT_EQ(std::count(r.changes.begin(), r.changes.end(), Stance::right), 0);
}

TEST(Stance, SingleLegBothSidesAtAnyRate) {
    for (double rate : {40.0, 60.0, 100.0}) {
        BoardScript b;
        b.add(0, 35, 35).add(3, 35, 35).add(3.3, 0, 70).add(5.3, 0, 70).add(5.6, 35, 35).add(7, 35, 35)
            .add(7.3, 70, 0).add(9.3, 70, 0).add(9.6, 35, 35).add(11, 35, 35);
        b.rate_hz = rate;
        b.jitter_frac = 0.4;
        b.noise_kg = 0.1;
        const StanceRun r = run(b);
        const std::vector<Stance> want{Stance::off, Stance::partial, Stance::both, Stance::right, Stance::both,
                                       Stance::left, Stance::both};
        ASSERT_EQ(r.changes, want) << rate << " Hz";
        EXPECT_NEAR(r.since_s[3], 3.2, 0.1) << rate << " Hz";
    }
}

TEST(Stance, RotatedBoardKeepsThePlayersSides) {
    BoardScript b;
    b.add(0, 35, 35).add(3, 35, 35).add(3.3, 0, 70).add(5.3, 0, 70);
    b.rotated_180 = true;
    SignalSettings s;
    s.rotated_180 = true;
    EXPECT_EQ(run(b, s).changes.back(), Stance::right);
    EXPECT_EQ(run(b).changes.back(), Stance::left);  // not told: the sides swap
}

TEST(Stance, OffCentreFeetFromAWeighIn) {
    // Feet 70 mm right of the board's centre: two-foot stance is at x = +70, which
    // would look like 64 % of the way to a centred right foot. With foot positions
    // from a weigh-in it is two feet, and the right foot alone is the right leg.
    BoardScript b;
    b.left_foot_x_mm = -30;
    b.right_foot_x_mm = 170;
    b.add(0, 0, 0).add(1.2, 0, 0).add(1.4, 35, 35).add(8, 35, 35).add(8.3, 0, 70).add(10, 0, 70);
    SignalSettings s;
    s.left_foot_x_mm = -30;
    s.right_foot_x_mm = 170;
    const StanceRun with_feet = run(b, s);
    EXPECT_EQ(with_feet.changes, (std::vector<Stance>{Stance::off, Stance::partial, Stance::both, Stance::right}));
}

TEST(Stance, GapOfASecondKeepsTheStance) {
    BoardScript b;
    b.add(0, 35, 35).add(10, 35, 35);
    b.gap_from_s = 4.0;
    b.gap_to_s = 5.0;
    const StanceRun r = run(b);
    EXPECT_EQ(r.changes, (std::vector<Stance>{Stance::off, Stance::partial, Stance::both}));
}

TEST(Stance, AFootLandingInAGapIsDatedFromTheRiseAfterIt) {
    // The board drops 0.9 s of samples; the lead foot lands 0.05 s before they come back,
    // its load rising over 0.15 s, so the first sample back carries a few kilograms and
    // the next ones more. The contact is where that rise, taken back, starts, not a line
    // across the gap from the last empty sample (that put it 0.5-0.65 s early, in the
    // unstill suite a step_on made up before the step-up's window). Back already loaded,
    // nothing tells: the contact is somewhere in the gap.
    for (const double land_s : {2.85, 2.0}) {
        BoardScript b;
        b.noise_kg = 0.05;
        b.rate_hz = 75.0;
        b.add(0, 0, 0).add(land_s, 0, 0).add(land_s + 0.15, 0, 20).add(6, 0, 20);
        b.gap_from_s = 2.0;
        b.gap_to_s = 2.9;
        const StanceRun r = run(b);
        ASSERT_GE(r.changes.size(), 2u);
        EXPECT_EQ(r.changes[1], Stance::partial);
        if (land_s > 2.5) {
            EXPECT_NEAR(r.since_s[1], land_s, 0.06);
        } else {
            EXPECT_GE(r.since_s[1], 1.98);
            EXPECT_LE(r.since_s[1], 2.9);
        }
    }
}
