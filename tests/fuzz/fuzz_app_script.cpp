// Test scripts of the game's --script hook (game/app/src/script.cpp): parsed
// before the window opens, so a malformed one must be refused with SCRIPT:LINE.
#include <cstddef>
#include <cstdint>
#include <string>

#include "script.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        (void)highstep::app::Script::parse(std::string(reinterpret_cast<const char*>(data), size), "fuzz.script");
    } catch (const highstep::app::ScriptError&) {
    }
    return 0;
}
