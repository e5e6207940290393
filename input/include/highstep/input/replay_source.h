#pragma once
// Plays a recording as a SampleSource: either as fast as the caller polls, or
// paced so each sample is released when its t_s has passed on a clock.
#include <functional>
#include <memory>

#include "highstep/input/recording.h"
#include "highstep/input/sample_source.h"

namespace highstep {

class ReplaySource : public SampleSource {
public:
    enum class Pacing { as_fast_as_possible, real_time };
    // `now_s` gives the current time in seconds (monotonic); used only for real_time
    // pacing. The first poll() starts the replay clock. Default: std::chrono::steady_clock.
    ReplaySource(std::shared_ptr<const Recording> recording, Pacing pacing,
                 std::function<double()> now_s = {});
    std::optional<BoardSample> poll() override;
    SourceState state() const override;
    std::string describe() const override;
    std::size_t position() const { return next_; }
private:
    std::shared_ptr<const Recording> recording_;
    Pacing pacing_;
    std::function<double()> now_s_;
    std::size_t next_ = 0;
    bool started_ = false;
    double start_wall_s_ = 0.0;
    double start_sample_s_ = 0.0;
};

}  // namespace highstep
