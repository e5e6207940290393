#include "asset_text.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>

namespace highstep::app::asset_text {

std::optional<std::string> read_file(const std::filesystem::path& path, std::uintmax_t max_bytes, std::string& error) {
    const std::string name = path.string();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        error = name + ":0: no such file";
        return std::nullopt;
    }
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    if (ec || size > max_bytes) {
        error = name + ":0: too large (at most " + std::to_string(max_bytes / 1024) + " kB)";
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in && !in.eof()) {
        error = name + ":0: cannot be read";
        return std::nullopt;
    }
    return text;
}

std::vector<Line> split_lines(std::string_view text) {
    std::vector<Line> out;
    int number = 0;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const std::size_t end = std::min(text.find('\n', pos), text.size());
        std::string_view raw = text.substr(pos, end - pos);
        ++number;
        pos = end + 1;
        for (std::size_t i = 0; i < raw.size(); ++i) {
            if (raw[i] == '#' && (i == 0 || raw[i - 1] == ' ' || raw[i - 1] == '\t')) {
                raw = raw.substr(0, i);
                break;
            }
        }
        Line line;
        line.number = number;
        std::istringstream words{std::string(raw)};
        for (std::string w; words >> w;) line.words.push_back(w);
        if (line.words.empty()) {
            if (end == text.size()) break;
            continue;
        }
        const std::size_t first = raw.find(line.words[0]) + line.words[0].size();
        std::string rest(raw.substr(first));
        rest.erase(0, rest.find_first_not_of(" \t\r"));
        rest.erase(rest.find_last_not_of(" \t\r") + 1);
        line.rest_after_first = rest;
        out.push_back(std::move(line));
        if (end == text.size()) break;
    }
    return out;
}

std::optional<int> parse_int(std::string_view s) {
    int v = 0;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
    return v;
}

std::optional<double> parse_number(std::string_view s) {
    const std::string text(s);
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

std::optional<int> parse_key(std::string_view s) {
    if (s.empty()) return std::nullopt;
    if (std::isdigit(static_cast<unsigned char>(s[0]))) {
        const auto k = parse_int(s);
        if (!k || *k < 0 || *k > 127) return std::nullopt;
        return k;
    }
    static constexpr int kSemitone[] = {9, 11, 0, 2, 4, 5, 7};  // A B C D E F G
    const char letter = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    if (letter < 'A' || letter > 'G') return std::nullopt;
    int key = kSemitone[letter - 'A'];
    std::size_t i = 1;
    if (i < s.size() && (s[i] == '#' || s[i] == 'b')) key += s[i++] == '#' ? 1 : -1;
    const auto octave = parse_int(s.substr(i));
    if (!octave || *octave < -1 || *octave > 9) return std::nullopt;  // and no overflow below
    key += 12 * (*octave + 1);
    if (key < 0 || key > 127) return std::nullopt;
    return key;
}

}  // namespace highstep::app::asset_text
