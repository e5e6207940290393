#include <algorithm>
#include <cstdio>
#include <string_view>

#include "commands.h"

namespace highstep::cli {

bool asks_for_help(const Args& args) {
    return std::any_of(args.begin(), args.end(), [](const std::string& a) { return a == "--help" || a == "-h"; });
}

int print_help(const char* usage) {
    const std::string_view text(usage);
    std::fputs(usage, stdout);
    if (!text.ends_with('\n')) std::fputc('\n', stdout);
    return 0;
}

}  // namespace highstep::cli
