// Keeps a live run's samples and writes them with the recording writer of input/.
#include "scenes/challenge_recording.h"

#include <algorithm>
#include <sstream>

#include "highstep/input/recording.h"

namespace highstep::app {

RunRecording::RunRecording(std::vector<std::pair<std::string, std::string>> metadata)
    : metadata_(std::move(metadata)) {}

void RunRecording::add(const BoardSample& sample) {
    // The recording's clock starts at its first sample ("time starts near 0"),
    // where the replayed ghost's session will start too; it never goes back
    // (a recording that did would be refused when read).
    if (samples_.empty()) first_t_s_ = sample.t_s;
    BoardSample s = sample;
    s.t_s = samples_.empty() ? 0.0 : std::max(samples_.back().t_s, sample.t_s - first_t_s_);
    samples_.push_back(s);
}

std::string RunRecording::csv() const {
    if (samples_.empty()) return {};
    Recording r;
    r.metadata = metadata_;
    r.samples = samples_;
    r.has_button_column = true;
    std::ostringstream out;
    write_recording(out, r);
    return out.str();
}

}  // namespace highstep::app
