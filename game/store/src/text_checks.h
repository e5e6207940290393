#pragma once
// Checks for text that ends up on screen, in tables and in files shared
// between households: names, level ids, dates, uids.
#include <cstddef>
#include <string>
#include <string_view>

namespace highstep::store::text {

// Number of code points, or npos if `text` is not valid UTF-8.
std::size_t utf8_length(std::string_view text);

// "" when `text` is a good display name of 1..max_chars characters: valid
// UTF-8, no control characters (C0, DEL, C1), no bidirectional overrides that
// could disguise it, no leading or trailing space. Else a reason ("is empty").
std::string check_name(std::string_view text, std::size_t max_chars);

// Level id as in levels/<id>.json: 1..40 of [a-z0-9_-].
bool is_level_id(std::string_view text);
// A real calendar date "YYYY-MM-DD" (years 2000..2999).
bool is_day(std::string_view text);
// 32 lower-case hex digits.
bool is_uid(std::string_view text);
// Grade text: 1..3 of [A-Z+-] ("S", "A+", ...), or empty.
bool is_grade(std::string_view text);

}  // namespace highstep::store::text
