#pragma once
// Small images the game ships in assets/images/*.image (the window icon): text, a
// palette and one character a pixel, so they are made and reviewed like code.
//
//   highstep-image 1
//   size 32 32                 # width height, 1..256
//   color b #1c2438            # one character, #rrggbb or "transparent"
//   pixels                     # then `height` rows of `width` characters
//
// A bad file is an ImageError "path:line: what is wrong". Pure: no SDL.
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace highstep::app {

class ImageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct Image {
    int width = 0;
    int height = 0;
    std::vector<std::uint32_t> rgba;  // row by row; 0xRRGGBBAA
};

Image parse_image(std::string_view text, const std::string& source);
Image load_image_file(const std::filesystem::path& path);

}  // namespace highstep::app
