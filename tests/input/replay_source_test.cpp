#include <gtest/gtest.h>

#include <memory>

#include "highstep/input/replay_source.h"

namespace {

std::shared_ptr<highstep::Recording> three_samples() {
    auto rec = std::make_shared<highstep::Recording>();
    rec->samples = {{10.0, 1, 1, 1, 1, false}, {10.5, 2, 2, 2, 2, false}, {12.0, 3, 3, 3, 3, false}};
    return rec;
}

}  // namespace

TEST(ReplaySource, AsFastAsPossibleGivesEverySampleInOrder) {
    highstep::ReplaySource source(three_samples(), highstep::ReplaySource::Pacing::as_fast_as_possible);
    EXPECT_EQ(source.state(), highstep::SourceState::running);
    std::vector<double> times;
    while (auto s = source.poll()) times.push_back(s->t_s);
    EXPECT_EQ(times, (std::vector<double>{10.0, 10.5, 12.0}));
    EXPECT_EQ(source.state(), highstep::SourceState::finished);
    EXPECT_FALSE(source.poll().has_value());
}

TEST(ReplaySource, RealTimePacingReleasesSamplesWhenTheirTimeHasCome) {
    double clock_s = 100.0;
    highstep::ReplaySource source(three_samples(), highstep::ReplaySource::Pacing::real_time,
                                  [&clock_s] { return clock_s; });
    ASSERT_TRUE(source.poll().has_value());  // first sample starts the clock
    EXPECT_FALSE(source.poll().has_value());
    clock_s = 100.49;
    EXPECT_FALSE(source.poll().has_value());
    clock_s = 100.5;
    ASSERT_TRUE(source.poll().has_value());
    clock_s = 101.9;
    EXPECT_FALSE(source.poll().has_value());
    clock_s = 103.0;
    auto last = source.poll();
    ASSERT_TRUE(last.has_value());
    EXPECT_DOUBLE_EQ(last->t_s, 12.0);
    EXPECT_EQ(source.state(), highstep::SourceState::finished);
}

TEST(ReplaySource, EmptyRecordingIsFinishedAtOnce) {
    highstep::ReplaySource source(std::make_shared<highstep::Recording>(),
                                  highstep::ReplaySource::Pacing::as_fast_as_possible);
    EXPECT_EQ(source.state(), highstep::SourceState::finished);
    EXPECT_FALSE(source.poll().has_value());
}
