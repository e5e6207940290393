// Tempo: beat grid, judgement windows, input offset, auto-sync, consistency.
#include <gtest/gtest.h>

#include "highstep/core/score/scoring.h"

using namespace highstep::core;

namespace {
// 120 bpm from t = 10 s: beats at 10.0, 10.5, 11.0, ...
BeatGrid grid120() { return BeatGrid{10.0, 120.0}; }
}  // namespace

TEST(BeatGrid, PeriodIndexAndPhase) {
    const BeatGrid g = grid120();
    EXPECT_DOUBLE_EQ(g.period_s(), 0.5);
    EXPECT_EQ(g.beat_index(9.99), -1);
    EXPECT_EQ(g.beat_index(10.0), 0);
    EXPECT_EQ(g.beat_index(11.0), 2);
    EXPECT_EQ(g.beat_index(11.49), 2);
    EXPECT_NEAR(g.phase(10.25), 0.5, 1e-9);
    EXPECT_NEAR(g.phase(10.125), 0.25, 1e-9);
    EXPECT_DOUBLE_EQ(g.nearest_beat_s(10.74), 10.5);
    EXPECT_DOUBLE_EQ(g.nearest_beat_s(10.76), 11.0);
    EXPECT_DOUBLE_EQ(g.nearest_beat_s(3.0), 10.0);  // never before beat 0
}

TEST(JudgeTiming, WindowsWorkedByHand) {
    const TimingWindows w{60.0, 120.0, 200.0};
    // 11.0 is a beat; errors of +50, −100, +150, +240 ms.
    EXPECT_EQ(judge_timing(11.050, grid120(), 0.0, w).judgement, Judgement::perfect);
    EXPECT_EQ(judge_timing(10.900, grid120(), 0.0, w).judgement, Judgement::great);
    EXPECT_EQ(judge_timing(11.150, grid120(), 0.0, w).judgement, Judgement::good);
    EXPECT_EQ(judge_timing(11.240, grid120(), 0.0, w).judgement, Judgement::miss);
    const TimingResult late = judge_timing(11.150, grid120(), 0.0, w);
    EXPECT_NEAR(late.error_ms, 150.0, 1e-6);
    EXPECT_DOUBLE_EQ(late.beat_s, 11.0);
    // Window edges belong to the better judgement.
    EXPECT_EQ(judge_timing(11.060, grid120(), 0.0, w).judgement, Judgement::perfect);
    EXPECT_EQ(judge_timing(10.880, grid120(), 0.0, w).judgement, Judgement::great);
}

TEST(JudgeTiming, InputOffsetIsSubtractedBeforeJudging) {
    const TimingWindows w{60.0, 120.0, 200.0};
    // A player whose contacts register 150 ms late: Good without offset, Perfect with it.
    const TimingResult raw = judge_timing(11.150, grid120(), 0.0, w);
    const TimingResult corrected = judge_timing(11.150, grid120(), 150.0, w);
    EXPECT_EQ(raw.judgement, Judgement::good);
    EXPECT_EQ(corrected.judgement, Judgement::perfect);
    EXPECT_NEAR(corrected.error_ms, 0.0, 1e-6);
    EXPECT_NEAR(corrected.raw_error_ms, 150.0, 1e-6);  // auto-sync sees the uncorrected error
    // A negative offset (early contacts) works the other way: 10.92 → −80 ms raw.
    EXPECT_NEAR(judge_timing(10.920, grid120(), -80.0, w).error_ms, 0.0, 1e-6);
}

TEST(JudgementValue, OrderedAndBounded) {
    EXPECT_DOUBLE_EQ(judgement_value(Judgement::perfect), 1.0);
    EXPECT_GT(judgement_value(Judgement::great), judgement_value(Judgement::good));
    EXPECT_GT(judgement_value(Judgement::good), judgement_value(Judgement::miss));
    EXPECT_DOUBLE_EQ(judgement_value(Judgement::miss), 0.0);
}

TEST(OffsetCalibrator, MedianOfASteadyRun) {
    OffsetCalibrator cal(OffsetCalibrationSettings{5, 80.0, 300.0});
    const double errors[] = {90, 110, 100, 130, 95};  // steady, about 100 ms late
    bool ready = false;
    for (double e : errors) ready = cal.push(e);
    ASSERT_TRUE(ready);
    ASSERT_TRUE(cal.suggested_offset_ms().has_value());
    EXPECT_DOUBLE_EQ(*cal.suggested_offset_ms(), 100.0);  // sorted 90 95 100 110 130
}

TEST(OffsetCalibrator, AStrayRepRestartsTheRun) {
    OffsetCalibrator cal(OffsetCalibrationSettings{4, 80.0, 300.0});
    EXPECT_FALSE(cal.push(50));
    EXPECT_FALSE(cal.push(60));
    EXPECT_FALSE(cal.push(55));
    EXPECT_FALSE(cal.push(-400));  // far off a beat: run broken
    EXPECT_FALSE(cal.push(52));
    EXPECT_FALSE(cal.push(58));
    EXPECT_FALSE(cal.suggested_offset_ms().has_value());
    EXPECT_FALSE(cal.push(61));
    EXPECT_TRUE(cal.push(49));
    EXPECT_DOUBLE_EQ(*cal.suggested_offset_ms(), 55.0);  // median of 49 52 58 61
}

TEST(OffsetCalibrator, SpreadTooWideGivesNoSuggestion) {
    OffsetCalibrator cal(OffsetCalibrationSettings{4, 80.0, 300.0});
    for (double e : {0.0, 150.0, -50.0, 100.0, 20.0, -60.0}) cal.push(e);
    EXPECT_FALSE(cal.suggested_offset_ms().has_value());
    cal.reset();
    EXPECT_FALSE(cal.suggested_offset_ms().has_value());
}

TEST(IntervalSpread, HandWorked) {
    EXPECT_DOUBLE_EQ(interval_spread_ms({1.0, 2.0}), 0.0);            // too few to say
    EXPECT_NEAR(interval_spread_ms({0.0, 2.0, 4.0, 6.0}), 0.0, 1e-9);  // metronome-steady
    // Intervals 1.9, 2.1, 2.0: mean 2.0, sample SD sqrt((0.01 + 0.01 + 0) / 2) = 0.1 s.
    EXPECT_NEAR(interval_spread_ms({0.0, 1.9, 4.0, 6.0}), 100.0, 1e-6);
}
