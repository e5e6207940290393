// Small images (assets/images/*.image, the window icon; a text format of a palette
// and one character a pixel, game/app/include/highstep/app/image_file.h):
// parse_image() must refuse a bad file with "path:line: ...", never crash, and what
// it returns holds width × height pixels.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "highstep/app/image_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        const highstep::app::Image image =
            highstep::app::parse_image(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.image");
        if (image.rgba.size() != static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height)) {
            std::abort();
        }
    } catch (const highstep::app::ImageError&) {
    }
    return 0;
}
