#pragma once
// A number as text through a printf format ("%.0f", "%.1f mm/s", "%+.0f ms"), for
// the values screens show.
#include <cstdio>
#include <string>

namespace highstep::app {

inline std::string format_value(const char* printf_format, double value) {
    char buf[64];
    std::snprintf(buf, sizeof buf, printf_format, value);
    return buf;
}

}  // namespace highstep::app
