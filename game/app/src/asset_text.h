#pragma once
// What the text formats in assets/ share (music_score.cpp, sound_file.cpp): one
// statement a line, so every error can name its line; a word starting with '#'
// starts a comment (a '#' inside a word is a sharp: F#2); note names and numbers.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace highstep::app::asset_text {

struct Line {
    int number = 0;                 // 1-based line number in the file
    std::vector<std::string> words;
    std::string rest_after_first;   // the text after the first word (titles)
};

// The whole file, or nullopt with `error` set to "path:0: why" (missing, larger
// than `max_bytes`, unreadable).
std::optional<std::string> read_file(const std::filesystem::path& path, std::uintmax_t max_bytes, std::string& error);

// The lines that have words, comments removed.
std::vector<Line> split_lines(std::string_view text);

std::optional<int> parse_int(std::string_view s);        // the whole text, base 10
std::optional<double> parse_number(std::string_view s);  // the whole text, finite
// "C4" (60), "F#2", "Bb1", "C-1" (0), or a MIDI key number "36"; 0..127.
std::optional<int> parse_key(std::string_view s);

}  // namespace highstep::app::asset_text
