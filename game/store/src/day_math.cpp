#include "day_math.h"

#include <cstdio>
#include <ctime>

#include "text_checks.h"

namespace highstep::store {

// Howard Hinnant's days_from_civil / civil_from_days algorithms (public domain
// descriptions), written out here for the proleptic Gregorian calendar.
std::optional<long> day_number(std::string_view day) {
    if (!text::is_day(day)) return std::nullopt;
    const auto num = [&](std::size_t at, std::size_t len) {
        long v = 0;
        for (std::size_t k = at; k < at + len; ++k) v = v * 10 + (day[k] - '0');
        return v;
    };
    long y = num(0, 4);
    const long m = num(5, 2);
    const long d = num(8, 2);
    y -= m <= 2 ? 1 : 0;
    const long era = y / 400;  // years >= 2000, so no negative-year case
    const long yoe = y - era * 400;
    const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

std::string day_string(long z) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const long d = doy - (153 * mp + 2) / 5 + 1;
    const long m = mp + (mp < 10 ? 3 : -9);
    const long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    char buf[64];  // room for any long, though the calendar only uses 4-digit years
    std::snprintf(buf, sizeof buf, "%04ld-%02ld-%02ld", y, m, d);
    return buf;
}

std::string format_local_time(std::int64_t unix_s, const char* strftime_format) {
    const std::time_t t = static_cast<std::time_t>(unix_s);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, strftime_format, &tm);
    return buf;
}

}  // namespace highstep::store
