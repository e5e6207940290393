// The live music stream's clock (music_clock.h) against a simulated sound device
// that reports an output latency, as OpenAL Soft does with AL_SOFT_source_latency:
// the music frame meant for session time T reaches the speaker when the session's
// clock reads T, with the latency taken off; leaving it out would be 60 ms late.
#include <gtest/gtest.h>

#include <cmath>

#include "music_clock.h"

using namespace highstep::app;

namespace {

constexpr int kRate = 48000;

// A device that mixes every `update_frames` and whose output takes `latency_s` to
// reach the speaker: stream frame f is heard at steady time start_s + f / rate + latency_s.
// Between updates its reading stands still (what OpenAL Soft reports).
struct Device {
    double start_s = 100.0;
    double latency_s = 0.060;
    int update_frames = 1024;
    long long unqueued_frames = 8192;  // buffers already played and taken back by the stream

    // (source offset in its queue, reported latency) read at steady time t.
    std::pair<double, double> read(double t) const {
        const double update_s = static_cast<double>(update_frames) / kRate;
        const double last_update = start_s + std::floor((t - start_s) / update_s) * update_s;
        // The stream frame at the source's offset is heard `latency_s` after the update
        // (AL_SEC_OFFSET_LATENCY_SOFT's meaning): heard_at(frame) == last_update + latency_s.
        const double offset_frames = (last_update - start_s) * kRate - static_cast<double>(unqueued_frames);
        return {offset_frames / kRate, latency_s};
    }
    double heard_at(double frame) const { return start_s + frame / kRate + latency_s; }
};

// The game's loop: 60 frames a second (not in step with the device), each telling
// the clock the session's time (session 0 at steady 103.25 s) and the latest reading.
StreamClock run(const Device& d, double seconds) {
    StreamClock clock;
    const double session_start_steady_s = 103.25;
    for (double t = 104.0; t < 104.0 + seconds; t += 1.0 / 60.0 + 0.0003) {
        const auto [offset_s, latency_s] = d.read(t);
        const double heard = heard_stream_frame(d.unqueued_frames, offset_s, latency_s, kRate);
        clock.update(heard, t, t - session_start_steady_s, t, kRate);
    }
    return clock;
}

}  // namespace

TEST(MusicClock, TheHeardFrameIsTheSourceOffsetLessTheReportedLatency) {
    // 4096 frames played and taken back, 10 ms into the queue, 40 ms still on its way out.
    EXPECT_DOUBLE_EQ(heard_stream_frame(4096, 0.010, 0.040, kRate), 4096 + 480 - 1920);
    EXPECT_DOUBLE_EQ(heard_stream_frame(4096, 0.010, 0.0, kRate), 4096 + 480);
}

TEST(MusicClock, AFrameIsHeardWhenTheSessionReachesItsTime) {
    const Device d;  // reports 60 ms of output latency
    const StreamClock clock = run(d, 2.0);
    ASSERT_TRUE(clock.synced());
    const double session_start_steady_s = 103.25;
    for (double session_t : {1.0, 2.5, 7.75}) {
        // The renderer puts session time T at stream frame (T - offset) * rate.
        const double frame = (session_t - clock.offset_s()) * kRate;
        const double session_when_heard = d.heard_at(frame) - session_start_steady_s;
        // Within a block of the device's 21 ms updates the freshest reading is taken.
        EXPECT_NEAR(session_when_heard, session_t, 0.002) << "T = " << session_t;
    }
}

TEST(MusicClock, TheReportedLatencyMovesTheMusicEarlierByThatMuch) {
    Device quick;
    quick.latency_s = 0.0;
    Device slow;  // 60 ms
    const double moved_s = run(slow, 2.0).offset_s() - run(quick, 2.0).offset_s();
    // A later speaker needs the music rendered earlier: stream frame 0 is a later
    // session time, so session time T falls on an earlier stream frame.
    EXPECT_NEAR(moved_s, slow.latency_s, 1e-9);
}

TEST(MusicClock, SmallJitterDoesNotMoveTheClockAndAStopMeasuresAfresh) {
    StreamClock clock;
    clock.update(48000.0, 10.0, 5.0, 10.0, kRate);  // offset 4.0
    EXPECT_DOUBLE_EQ(clock.offset_s(), 4.0);
    clock.update(48000.0, 10.0, 5.501, 10.5, kRate);  // 1 ms later than expected: within tolerance
    EXPECT_DOUBLE_EQ(clock.offset_s(), 4.0);
    clock.reset();  // paused: the next reading is taken as it is
    EXPECT_FALSE(clock.synced());
    clock.update(48000.0, 10.0, 5.501, 10.5, kRate);
    EXPECT_NEAR(clock.offset_s(), 4.001, 1e-9);
}
