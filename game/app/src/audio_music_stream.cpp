// The music's streaming source: one of the audio files (it includes AL/al.h).
#include "audio_music_stream.h"

#include "music_clock.h"

#include <AL/al.h>
#include <AL/alc.h>
#include <AL/alext.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <stdexcept>

namespace highstep::app {

namespace {

constexpr int kSteppedChunk = 512;     // loopback: small, so the music follows the session closely
constexpr int kLiveChunk = 1024;       // live: 21 ms at 48 kHz
constexpr int kLiveBuffers = 4;        // live: ~85 ms queued ahead of the mix

double steady_now_s() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

// A MusicRenderer's stream on one streaming source of the current context.
class MusicSourceFeed {
public:
    MusicSourceFeed(std::unique_ptr<MusicRenderer> renderer, int rate_hz, int chunk_frames, int max_buffers)
        : renderer_(std::move(renderer)), rate_hz_(rate_hz), chunk_(chunk_frames), max_buffers_(max_buffers),
          pcm_(static_cast<std::size_t>(2 * chunk_frames)) {
        if (alIsExtensionPresent("AL_EXT_FLOAT32") != AL_TRUE) throw std::runtime_error("OpenAL has no float32 buffers");
        alGetError();
        alGenSources(1, &source_);
        if (alGetError() != AL_NO_ERROR) throw std::runtime_error("OpenAL could not create the music source");
        // Stereo music is not placed in space: it plays as it was mixed.
        alSourcei(source_, AL_SOURCE_RELATIVE, AL_TRUE);
        alSource3f(source_, AL_POSITION, 0.0f, 0.0f, 0.0f);
        latency_ext_ = alIsExtensionPresent("AL_SOFT_source_latency") == AL_TRUE;
        if (latency_ext_) {
            get_sourcedv_ = reinterpret_cast<LPALGETSOURCEDVSOFT>(alGetProcAddress("alGetSourcedvSOFT"));
        }
    }
    ~MusicSourceFeed() {
        alSourceStop(source_);
        alSourcei(source_, AL_BUFFER, 0);
        alDeleteSources(1, &source_);
        if (!buffers_.empty()) alDeleteBuffers(static_cast<ALsizei>(buffers_.size()), buffers_.data());
    }
    MusicSourceFeed(const MusicSourceFeed&) = delete;
    MusicSourceFeed& operator=(const MusicSourceFeed&) = delete;

    MusicRenderer& renderer() { return *renderer_; }

    // Takes back the buffers the source has played.
    void reclaim() {
        ALint processed = 0;
        alGetSourcei(source_, AL_BUFFERS_PROCESSED, &processed);
        for (ALint i = 0; i < processed; ++i) {
            ALuint b = 0;
            alSourceUnqueueBuffers(source_, 1, &b);
            free_.push_back(b);
            unqueued_frames_ += chunk_;
        }
    }

    // Renders the next chunk and queues it; false when every buffer is queued.
    bool queue_one() {
        if (free_.empty()) {
            if (static_cast<int>(buffers_.size()) >= max_buffers_) return false;
            ALuint b = 0;
            alGenBuffers(1, &b);
            buffers_.push_back(b);
            free_.push_back(b);
        }
        const ALuint b = free_.back();
        free_.pop_back();
        renderer_->render(pcm_);
        alBufferData(b, AL_FORMAT_STEREO_FLOAT32, pcm_.data(), static_cast<ALsizei>(pcm_.size() * sizeof(float)),
                     rate_hz_);
        alSourceQueueBuffers(source_, 1, &b);
        queued_end_ += chunk_;
        return true;
    }

    long long queued_end() const { return queued_end_; }

    void play_if_stopped() {
        ALint state = 0;
        alGetSourcei(source_, AL_SOURCE_STATE, &state);
        if (state != AL_PLAYING) alSourcePlay(source_);
    }

    // The stream frame the listener hears now: the source's position (counted from
    // the start of the stream) minus the output latency the device reports.
    struct Position {
        double heard_frame = 0.0;
        double latency_s = 0.0;
    };
    Position position() const {
        Position p;
        if (get_sourcedv_) {
            ALdouble v[2] = {0.0, 0.0};
            get_sourcedv_(source_, AL_SEC_OFFSET_LATENCY_SOFT, v);
            p.latency_s = v[1];
            p.heard_frame = heard_stream_frame(unqueued_frames_, v[0], v[1], rate_hz_);
        } else {
            ALint offset = 0;
            alGetSourcei(source_, AL_SAMPLE_OFFSET, &offset);
            p.heard_frame = static_cast<double>(unqueued_frames_ + offset);
        }
        return p;
    }

private:
    std::unique_ptr<MusicRenderer> renderer_;
    int rate_hz_;
    int chunk_;
    int max_buffers_;
    std::vector<float> pcm_;
    ALuint source_ = 0;
    std::vector<ALuint> buffers_;
    std::vector<ALuint> free_;
    long long unqueued_frames_ = 0;
    long long queued_end_ = 0;
    bool latency_ext_ = false;
    LPALGETSOURCEDVSOFT get_sourcedv_ = nullptr;
};

// ------------------------------------------------------------ loopback

SteppedMusicStream::SteppedMusicStream(std::unique_ptr<MusicRenderer> renderer, int rate_hz)
    : feed_(std::make_unique<MusicSourceFeed>(std::move(renderer), rate_hz, kSteppedChunk, 1 << 20)) {}
SteppedMusicStream::~SteppedMusicStream() = default;

void SteppedMusicStream::set_state(const MusicState& state) { feed_->renderer().set_state(state); }

void SteppedMusicStream::follow(double offset_s) {
    MusicRenderer& r = feed_->renderer();
    if (std::fabs(offset_s - r.stream_offset_s()) > StreamClock::kTolerance_s) r.set_stream_offset(offset_s);
}

void SteppedMusicStream::feed_until(long long frame) {
    feed_->reclaim();
    // A chunk beyond the frames about to be mixed, so the source never runs dry
    // (a stopped source would restart late and the stream would lose its clock).
    while (feed_->queued_end() < frame + kSteppedChunk) feed_->queue_one();
    if (!started_) {
        feed_->play_if_stopped();  // mixed from the next output frame on: frame 0
        started_ = true;
    }
}

// ------------------------------------------------------------ live

LiveMusicStream::LiveMusicStream(std::unique_ptr<MusicRenderer> renderer, int rate_hz)
    : feed_(std::make_unique<MusicSourceFeed>(std::move(renderer), rate_hz, kLiveChunk, kLiveBuffers)),
      rate_hz_(rate_hz) {
    thread_ = std::thread([this] { run(); });
}

LiveMusicStream::~LiveMusicStream() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void LiveMusicStream::set_state(const MusicState& state) {
    std::lock_guard lock(mutex_);
    if (!state.running) clock_.reset();  // the session's clock stops: its next start is measured afresh
    state_ = state;
}

void LiveMusicStream::sync(double session_s, double steady_s) {
    std::lock_guard lock(mutex_);
    if (!heard_.valid || !state_.running) {
        clock_.reset();
        return;
    }
    clock_.update(heard_.frame, heard_.steady_s, session_s, steady_s, rate_hz_);
}

void LiveMusicStream::run() {
    std::unique_lock lock(mutex_);
    while (!stop_) {
        const MusicState state = state_;
        const double offset = clock_.offset_s();
        const bool synced = clock_.synced();
        lock.unlock();
        // Until the stream's clock is measured, a running session's music waits.
        MusicState s = state;
        if (!synced) s.running = s.running && s.bpm <= 0.0;
        feed_->renderer().set_state(s);
        feed_->renderer().set_stream_offset(offset);
        feed_->reclaim();
        while (feed_->queue_one()) {
        }
        feed_->play_if_stopped();
        const MusicSourceFeed::Position p = feed_->position();
        const double now = steady_now_s();
        latency_s_.store(p.latency_s);
        lock.lock();
        heard_ = {true, p.heard_frame, now};
        wake_.wait_for(lock, std::chrono::milliseconds(5));
    }
}

}  // namespace highstep::app
