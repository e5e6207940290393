#pragma once
// A producer of BoardSamples: a board reader, the simulated board, a replay.
#include <optional>
#include <string>

#include "highstep/input/board_sample.h"

namespace highstep {

enum class SourceState {
    running,   // samples flow
    lost,      // the device went away; the source is trying to get it back
    finished,  // a finite source (a recording) has no more samples
};

class SampleSource {
public:
    virtual ~SampleSource() = default;
    // Next sample if one is ready now; never blocks.
    virtual std::optional<BoardSample> poll() = 0;
    virtual SourceState state() const = 0;
    // Human-readable name, e.g. "Wii Balance Board (/dev/hidraw3)".
    virtual std::string describe() const = 0;
};

}  // namespace highstep
