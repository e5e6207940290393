#include "highstep/app/image_file.h"

#include <array>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>

namespace highstep::app {

namespace {

constexpr int kMaxSide = 256;

std::optional<std::uint32_t> parse_colour(std::string_view s) {
    if (s == "transparent") return 0u;
    if (s.size() != 7 || s[0] != '#') return std::nullopt;
    std::uint32_t rgb = 0;
    for (char c : s.substr(1)) {
        int v = 0;
        if (c >= '0' && c <= '9') v = c - '0';
        else if (c >= 'a' && c <= 'f') v = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') v = c - 'A' + 10;
        else return std::nullopt;
        rgb = rgb * 16 + static_cast<std::uint32_t>(v);
    }
    return rgb << 8 | 0xffu;
}

[[noreturn]] void fail_at(const std::string& source, int line, const std::string& message) {
    throw ImageError(source + ":" + std::to_string(line) + ": " + message);
}

}  // namespace

Image parse_image(std::string_view text, const std::string& source) {
    auto fail = [&](int line, const std::string& message) { fail_at(source, line, message); };
    std::istringstream in{std::string(text)};
    std::array<std::optional<std::uint32_t>, 256> palette{};
    Image img;
    bool header = false, pixels = false;
    int line_no = 0, row = 0;
    for (std::string line; std::getline(in, line);) {
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (pixels) {
            if (row == img.height) {
                if (line.find_first_not_of(" \t") != std::string::npos && line[line.find_first_not_of(" \t")] != '#') {
                    fail(line_no, "more rows than the size says (" + std::to_string(img.height) + ")");
                }
                continue;
            }
            if (static_cast<int>(line.size()) != img.width) {
                fail(line_no, "a row of " + std::to_string(line.size()) + " pixels; the size says " + std::to_string(img.width));
            }
            for (unsigned char c : line) {
                if (!palette[c]) fail(line_no, std::string("'") + static_cast<char>(c) + "' is not a colour of the palette");
                img.rgba.push_back(*palette[c]);
            }
            ++row;
            continue;
        }
        std::istringstream words(line);
        std::string w;
        if (!(words >> w) || w[0] == '#') continue;
        if (!header) {
            std::string version;
            words >> version;
            if (w != "highstep-image") fail(line_no, "an image file starts with 'highstep-image 1'");
            if (version != "1") fail(line_no, "format version '" + version + "' is not supported (this HighStep reads version 1)");
            header = true;
        } else if (w == "size") {
            if (!(words >> img.width >> img.height) || img.width < 1 || img.height < 1 || img.width > kMaxSide ||
                img.height > kMaxSide) {
                fail(line_no, "'size WIDTH HEIGHT' with each 1..256 expected");
            }
        } else if (w == "color") {
            std::string key, value;
            words >> key >> value;
            const auto colour = parse_colour(value);
            if (key.size() != 1 || !colour) fail(line_no, "'color C #rrggbb' (or 'transparent') expected");
            palette[static_cast<unsigned char>(key[0])] = colour;
        } else if (w == "pixels") {
            if (img.width == 0) fail(line_no, "'size' comes before 'pixels'");
            pixels = true;
        } else {
            fail(line_no, "unknown statement '" + w + "'");
        }
    }
    if (!header) fail(1, "an image file starts with 'highstep-image 1'");
    if (row != img.height) fail(line_no, "only " + std::to_string(row) + " of " + std::to_string(img.height) + " rows");
    return img;
}

Image load_image_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ImageError(path.string() + ":0: cannot be opened");
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return parse_image(text, path.string());
}

}  // namespace highstep::app
