// Synthetic player scripts (`highstep synth --script FILE`, tests/data/golden/*.script).
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "highstep/synth/script.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    try {
        (void)highstep::synth::parse_script(in, "fuzz.script");
    } catch (const highstep::synth::ScriptError&) {
    }
    return 0;
}
