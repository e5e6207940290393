#include "highstep/input/replay_source.h"

#include <chrono>

namespace highstep {

ReplaySource::ReplaySource(std::shared_ptr<const Recording> recording, Pacing pacing,
                           std::function<double()> now_s)
    : recording_(std::move(recording)), pacing_(pacing), now_s_(std::move(now_s)) {
    if (!now_s_) {
        now_s_ = [] {
            return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
        };
    }
}

std::optional<BoardSample> ReplaySource::poll() {
    if (!recording_ || next_ >= recording_->samples.size()) return std::nullopt;
    const BoardSample& sample = recording_->samples[next_];
    if (pacing_ == Pacing::real_time) {
        const double now = now_s_();
        if (!started_) {
            started_ = true;
            start_wall_s_ = now;
            start_sample_s_ = sample.t_s;
        }
        if (sample.t_s - start_sample_s_ > now - start_wall_s_) return std::nullopt;
    }
    ++next_;
    return sample;
}

SourceState ReplaySource::state() const {
    return recording_ && next_ < recording_->samples.size() ? SourceState::running : SourceState::finished;
}

std::string ReplaySource::describe() const {
    const std::string board = recording_ ? recording_->meta("board") : std::string();
    return "recording" + (board.empty() ? std::string() : " of a " + board);
}

}  // namespace highstep
