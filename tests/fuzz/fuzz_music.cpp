// Music tracks (assets/music/*.music, a line-based text format; docs/music.md):
// parse_music() must refuse a bad file with "path:line: ...", never crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "highstep/app/music_score.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        const auto track = highstep::app::parse_music(std::string_view(reinterpret_cast<const char*>(data), size),
                                                      "fuzz.music");
        (void)track.is_for("menu");
    } catch (const highstep::app::MusicError&) {
    }
    return 0;
}
