// Recording CSV files (*.csv): a player's own recordings, shared ones, and the
// recordings embedded in challenge files. read_recording() must refuse anything
// malformed with a RecordingError, never crash, hang or leak.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "highstep/input/recording.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    try {
        const highstep::Recording r = highstep::read_recording(in, "fuzz.csv");
        (void)r.meta("board");
    } catch (const highstep::RecordingError&) {
        // A clear refusal is the expected outcome for most inputs.
    }
    return 0;
}
