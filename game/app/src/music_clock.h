#pragma once
// The live music stream's clock arithmetic (audio_music_stream.cpp), pure so that a
// unit test can drive it with a device that reports a latency (tests/audio).
//
// The device tells where the music source is and how long until that is heard
// (AL_SOFT_source_latency: AL_SEC_OFFSET_LATENCY_SOFT gives the offset and the
// output latency); the game tells what the session's clock reads. StreamClock turns
// the two into the session time of stream frame 0 (MusicRenderer's stream offset),
// so the frame the player *hears* at a moment is the music of that moment.
#include <deque>
#include <utility>

namespace highstep::app {

// The stream frame the listener hears now: the frames of buffers already played
// and taken back, plus the source's offset in its queue, minus the output latency
// the device reports (what has been mixed but is still on its way to the speaker).
double heard_stream_frame(long long unqueued_frames, double source_offset_s, double latency_s, int rate_hz);

class StreamClock {
public:
    static constexpr double kWindow_s = 1.0;       // readings kept this long
    static constexpr double kTolerance_s = 0.002;  // re-anchored beyond this

    // The stream frame `heard_frame` was heard at steady-clock time `heard_steady_s`;
    // at steady-clock time `steady_s` the session's clock read `session_s`.
    void update(double heard_frame, double heard_steady_s, double session_s, double steady_s, int rate_hz);
    // The session's clock stopped (pause, board lost): its next start is measured afresh.
    void reset() { synced_ = false; }
    bool synced() const { return synced_; }
    // Session time of stream frame 0.
    double offset_s() const { return offset_s_; }

private:
    std::deque<std::pair<double, double>> estimates_;  // (steady_s, offset_s)
    double offset_s_ = 0.0;
    bool synced_ = false;
};

}  // namespace highstep::app
