#pragma once
// nlohmann::json parsing that also remembers on which line each object key
// stands, so errors about a field can name the line a person has to fix.
#include <cstddef>
#include <map>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace highstep::hid {

struct JsonWithLines {
    nlohmann::json value;
    std::map<std::string, int> key_lines;  // "cells.tl.size" → 1-based line

    // Line of a dotted key path, else of its closest parent, else 0.
    int line_of(std::string path) const;
};

// Deeper nesting is refused: the files read this way are a few levels deep.
inline constexpr std::size_t kMaxJsonDepth = 32;

// Throws std::invalid_argument with "LINE\tmessage" on a syntax error or too deep
// nesting; the caller adds the file name.
JsonWithLines parse_json_with_lines(std::string_view text);

}  // namespace highstep::hid
