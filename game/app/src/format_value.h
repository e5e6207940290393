#pragma once
// A number as text through a printf format ("%.0f", "%.1f mm/s", "%+.0f ms"), for
// the values screens show.
#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>

namespace highstep::app {

// A value that rounds to zero loses its minus sign ("-0.0 kg" reads as a loss;
// with a "%+" format it shows "+0").
inline std::string format_value(const char* printf_format, double value) {
    char buf[64];
    std::snprintf(buf, sizeof buf, printf_format, value);
    std::string s = buf;
    const std::size_t minus = s.find('-');
    if (minus == std::string::npos) return s;
    std::size_t end = minus + 1;
    bool zero = false;
    for (; end < s.size() && (s[end] == '0' || s[end] == '.'); ++end) zero = zero || s[end] == '0';
    const bool more_digits = end < s.size() && s[end] >= '1' && s[end] <= '9';
    if (zero && !more_digits) {
        if (std::string_view(printf_format).find("%+") != std::string_view::npos) {
            s[minus] = '+';
        } else {
            s.erase(minus, 1);
        }
    }
    return s;
}

// Seconds with the precision they have: "2 s", "1.5 s" (a 1.5 s target is not "2 s").
inline std::string format_seconds(double seconds) {
    const double tenths = std::round(seconds * 10.0);
    return format_value(std::fmod(tenths, 10.0) == 0.0 ? "%.0f s" : "%.1f s", tenths / 10.0);
}

// "1 day", "3 days".
inline std::string count_of(long long n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace highstep::app
