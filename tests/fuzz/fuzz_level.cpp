// Level JSON files (levels/*.json, and any a player adds): parsed and validated
// by parse_level(), which load_level_file() calls with the file's text.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "highstep/core/level/level.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        (void)highstep::core::parse_level(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.json");
    } catch (const highstep::core::LevelError&) {
    }
    return 0;
}
