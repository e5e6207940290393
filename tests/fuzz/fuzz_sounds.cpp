// Sound effects (assets/sounds/effects.sounds, a line-based text format;
// docs/sounds.md): parse_sounds() must refuse a bad file with "path:line: ...",
// never crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "highstep/app/sound_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        const auto fx = highstep::app::parse_sounds(std::string_view(reinterpret_cast<const char*>(data), size),
                                                    "fuzz.sounds");
        (void)fx[highstep::app::Sound::click].notes.size();
    } catch (const highstep::app::SoundsError&) {
    }
    return 0;
}
