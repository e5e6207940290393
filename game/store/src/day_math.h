#pragma once
// Calendar arithmetic on "YYYY-MM-DD" strings, for the planner and the calendar.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace highstep::store {

// Days since 1970-01-01 of a valid "YYYY-MM-DD" (proleptic Gregorian), else nullopt.
std::optional<long> day_number(std::string_view day);
// The inverse: "YYYY-MM-DD" of a day number.
std::string day_string(long day_number);

// Wall-clock seconds formatted in the local time zone with a strftime format.
std::string format_local_time(std::int64_t unix_s, const char* strftime_format);

}  // namespace highstep::store
