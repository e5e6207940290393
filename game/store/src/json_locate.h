#pragma once
// Finds where a value sits in JSON text, so an error about a value that parsed
// fine but is wrong (a string where a number belongs, a score out of range)
// can name the line of the file, as every error in HighStep does.
#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace highstep::store {

using JsonPathStep = std::variant<std::string, std::size_t>;  // object key or array index
using JsonPath = std::vector<JsonPathStep>;

// 1-based line where the value at `path` starts in `text` (well-formed JSON),
// or the line of the deepest enclosing value found; 1 for the root.
std::size_t json_line_of(std::string_view text, const JsonPath& path);
// "entries[3].score" for messages.
std::string json_path_string(const JsonPath& path);

}  // namespace highstep::store
