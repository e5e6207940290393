// The true events must describe what is in the signal: tests read the signal
// around each truth time and check it looks like the event the truth claims.
#include <gtest/gtest.h>

#include "highstep/synth/generator.h"
#include "synth_test_util.h"

namespace highstep::synth {
namespace {

using test::quiet_settings;
using test::window;

class SynthTruth : public ::testing::TestWithParam<std::uint64_t> {};

TEST_P(SynthTruth, StepUpsLookLikeStepUps) {
    SynthSettings s = quiet_settings(85.0, GetParam());
    const SynthSession session = generate(named_script("mixed", 6), s);
    const double bw = s.body.body_weight_kg;
    int step_ups = 0;
    for (const TruthEvent& e : session.truth) {
        if (e.type != TruthType::step_up) continue;
        ++step_ups;
        SCOPED_TRACE(std::string("step-up at ") + std::to_string(e.start_s));
        // Before contact the board is empty, shortly after it holds part of the weight
        // with the CoP on the lead foot's side.
        EXPECT_LT(window(session.samples, s, e.start_s - 0.5, e.start_s - 0.01).max_total_kg, 0.5);
        const auto contact = window(session.samples, s, e.start_s + 0.15, e.start_s + 0.25);
        EXPECT_GT(contact.total_kg, 0.1 * bw);
        EXPECT_LT(contact.total_kg, 0.4 * bw);
        EXPECT_EQ(contact.cop_x_mm < 0.0, e.side == Side::left);
        // Push-off peak 1.1–1.3 × BW, reported as the true peak.
        EXPECT_GE(e.peak_bw, 1.1);
        EXPECT_LE(e.peak_bw, 1.3);
        const auto whole = window(session.samples, s, e.start_s, e.end_s);
        EXPECT_NEAR(whole.max_total_kg / bw, e.peak_bw, 0.03);
        // Full weight at the top; the rise takes a moment.
        EXPECT_GT(e.top_s - e.start_s, 0.3);
        EXPECT_NEAR(window(session.samples, s, e.top_s - 0.006, e.top_s + 0.006).total_kg, bw, 0.05 * bw);
        // Empty again at the end; lowering slow unless it is a drop.
        EXPECT_LT(window(session.samples, s, e.end_s + 0.01, e.end_s + 0.4).max_total_kg, 0.5);
        EXPECT_NEAR(window(session.samples, s, e.end_s - 0.05, e.end_s - 0.01).total_kg, 0.0, 0.25 * bw);
        if (e.drop) {
            EXPECT_LT(e.lowering_s, 0.4);
        } else {
            EXPECT_GE(e.lowering_s, 1.0);
            const double mid = e.end_s - e.lowering_s / 2.0;
            const auto halfway = window(session.samples, s, mid - 0.02, mid + 0.02);
            EXPECT_GT(halfway.total_kg, 0.2 * bw);
            EXPECT_LT(halfway.total_kg, 0.95 * bw);
        }
    }
    EXPECT_EQ(step_ups, 6);
}

TEST_P(SynthTruth, KneeDrivesDipThenPeakThenHoldOnOneLeg) {
    SynthSettings s = quiet_settings(60.0, GetParam());
    const SynthSession session = generate(named_script("knee-drives", 6), s);
    const double bw = s.body.body_weight_kg;
    int drives = 0;
    for (const TruthEvent& e : session.truth) {
        if (e.type != TruthType::knee_drive) continue;
        ++drives;
        SCOPED_TRACE(std::string("knee drive at ") + std::to_string(e.start_s));
        // Two feet just before: CoP near the middle.
        const auto before = window(session.samples, s, e.start_s - 0.5, e.start_s);
        EXPECT_NEAR(before.total_kg, bw, 0.03 * bw);
        EXPECT_LT(std::abs(before.cop_x_mm), 40.0);
        // Within 0.2–0.4 s the CoP is under the stance foot; a dip below BW comes before the peak.
        const auto shift = window(session.samples, s, e.start_s, e.start_s + 0.4);
        EXPECT_LT(shift.min_total_kg, 0.97 * bw);
        EXPECT_GE(e.peak_bw, 1.1);
        EXPECT_LE(e.peak_bw, 1.3);
        EXPECT_NEAR(window(session.samples, s, e.start_s, e.end_s).max_total_kg / bw, e.peak_bw, 0.03);
        const auto hold = window(session.samples, s, e.end_s - e.hold_s + 0.6, e.end_s - 0.05);
        EXPECT_NEAR(hold.total_kg, bw, 0.04 * bw);
        EXPECT_GT(std::abs(hold.cop_x_mm), 70.0);
        EXPECT_EQ(hold.cop_x_mm < 0.0, e.side == Side::left);
        // Back on two feet after the end.
        const auto after = window(session.samples, s, e.end_s + 0.5, e.end_s + 1.0);
        EXPECT_LT(std::abs(after.cop_x_mm), 40.0);
    }
    EXPECT_EQ(drives, 6);
}

TEST_P(SynthTruth, OneLegHoldsHaveNoDrivePeak) {
    SynthSettings s = quiet_settings(110.0, GetParam());
    const SynthSession session = generate(named_script("holds", 4), s);
    const double bw = s.body.body_weight_kg;
    int holds = 0;
    for (const TruthEvent& e : session.truth) {
        if (e.type != TruthType::one_leg_hold) continue;
        ++holds;
        EXPECT_GE(e.hold_s, 1.0);
        const auto w = window(session.samples, s, e.start_s - 1.0, e.end_s + 0.5);
        EXPECT_LT(w.max_total_kg, 1.05 * bw) << "a hold has no drive";
        const auto hold = window(session.samples, s, e.start_s + 0.1, e.end_s - 0.05);
        EXPECT_EQ(hold.cop_x_mm < 0.0, e.side == Side::left);
    }
    EXPECT_EQ(holds, 4);
}

TEST_P(SynthTruth, StepOnAndOffAreWhereTheLoadRisesAndFalls) {
    SynthSettings s = quiet_settings(45.0, GetParam());
    const SynthSession session = generate(named_script("baseline"), s);
    ASSERT_EQ(session.truth.size(), 2u);
    const TruthEvent& on = session.truth[0];
    const TruthEvent& off = session.truth[1];
    ASSERT_EQ(on.type, TruthType::step_on);
    ASSERT_EQ(off.type, TruthType::step_off);
    EXPECT_LT(window(session.samples, s, on.start_s - 1.0, on.start_s - 0.01).max_total_kg, 0.3);
    EXPECT_GT(window(session.samples, s, on.start_s + 0.2, on.start_s + 0.3).total_kg, 2.0);
    EXPECT_GT(window(session.samples, s, off.start_s - 0.3, off.start_s - 0.2).total_kg, 2.0);
    EXPECT_LT(window(session.samples, s, off.start_s + 0.01, off.start_s + 1.0).max_total_kg, 0.3);
}

INSTANTIATE_TEST_SUITE_P(Seeds, SynthTruth, ::testing::Values(1u, 2u, 3u, 17u));

TEST(SynthTruth, StepUpWithKneeDriveGivesBothEvents) {
    const SynthSettings s = quiet_settings();
    const SynthSession session = generate(test::script_from("empty 1\nstep-up-knee right 2\nempty 1\n"), s);
    ASSERT_EQ(session.truth.size(), 2u);
    const TruthEvent* up = nullptr;
    const TruthEvent* drive = nullptr;
    for (const TruthEvent& e : session.truth) (e.type == TruthType::step_up ? up : drive) = &e;
    ASSERT_NE(up, nullptr);
    ASSERT_NE(drive, nullptr);
    EXPECT_TRUE(up->ends_in_knee_drive);
    EXPECT_EQ(drive->type, TruthType::knee_drive);
    EXPECT_EQ(drive->side, Side::right);  // the lead leg is the stance leg at the top
    EXPECT_NEAR(drive->hold_s, 2.0, 0.35);
    // Single-leg at the top: full weight with the CoP under the right foot.
    const auto top = window(session.samples, s, up->top_s + 0.6, drive->end_s - 0.05);
    EXPECT_NEAR(top.total_kg, 70.0, 2.0);
    EXPECT_GT(top.cop_x_mm, 70.0);
}

}  // namespace
}  // namespace highstep::synth
