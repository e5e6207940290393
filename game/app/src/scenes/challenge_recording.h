#pragma once
// A live run's board samples kept as recording text (input/'s CSV format), so a
// challenge turn carries its recording as a ghost exactly as `highstep play`
// does with its replay file.
#include <string>
#include <utility>
#include <vector>

#include "highstep/input/board_sample.h"

namespace highstep::app {

class RunRecording {
public:
    // `metadata`: '# key: value' lines (level, player, board) written first.
    explicit RunRecording(std::vector<std::pair<std::string, std::string>> metadata);
    // A sample as the session got it; times are kept relative to the first one.
    void add(const BoardSample& sample);
    std::size_t samples() const { return samples_.size(); }
    // The recording as text (empty when there were no samples).
    std::string csv() const;

private:
    std::vector<std::pair<std::string, std::string>> metadata_;
    std::vector<BoardSample> samples_;
    double first_t_s_ = 0.0;  // the live clock's time of the first sample
};

}  // namespace highstep::app
