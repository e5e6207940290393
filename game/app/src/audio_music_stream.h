#pragma once
// The music's OpenAL streaming source (used only by audio_openal.cpp; the AL types
// stay in the .cpp). A MusicRenderer's stream is queued on one source in chunks.
//
// SteppedMusicStream (loopback): fed in step with the loopback's render(), started
// at output frame 0, never allowed to run dry: stream sample n is output frame n.
// LiveMusicStream (a sound device): a thread of its own renders and queues (the
// game thread never synthesises) and measures which stream sample the player hears
// now: the source's offset minus the latency the device reports
// (AL_SOFT_source_latency). sync() turns that into the stream's clock offset.
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "highstep/app/music_renderer.h"
#include "music_clock.h"

namespace highstep::app {

class MusicSourceFeed;

class SteppedMusicStream {
public:
    SteppedMusicStream(std::unique_ptr<MusicRenderer> renderer, int rate_hz);  // needs a current context
    ~SteppedMusicStream();
    void set_state(const MusicState& state);
    // Queues music so that output frames before `frame` (and a chunk more) have it.
    void feed_until(long long frame);
    // Stream frame 0 is session time `offset_s` (re-anchored only beyond 2 ms, so
    // rounding to the output's frames never moves the music).
    void follow(double offset_s);

private:
    std::unique_ptr<MusicSourceFeed> feed_;
    bool started_ = false;
};

class LiveMusicStream {
public:
    LiveMusicStream(std::unique_ptr<MusicRenderer> renderer, int rate_hz);  // needs a current context
    ~LiveMusicStream();
    void set_state(const MusicState& state);
    // At steady-clock time steady_s the session's clock read session_s.
    void sync(double session_s, double steady_s);
    double latency_s() const { return latency_s_.load(); }

private:
    void run();

    struct Heard {
        bool valid = false;
        double frame = 0.0;     // stream frame heard at `steady_s`
        double steady_s = 0.0;
    };

    std::unique_ptr<MusicSourceFeed> feed_;
    int rate_hz_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stop_ = false;
    MusicState state_;            // guarded by mutex_
    StreamClock clock_;           // guarded: the stream's clock offset the thread applies
    Heard heard_;                 // guarded: the thread's latest measurement
    std::atomic<double> latency_s_{0.0};
    std::thread thread_;
};

}  // namespace highstep::app
