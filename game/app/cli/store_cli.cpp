#include "store_cli.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <ctime>

namespace highstep::cli {

std::optional<std::string> ParsedArgs::get(const std::string& name) const {
    std::optional<std::string> value;
    for (const auto& [k, v] : options) {
        if (k == name) value = v;
    }
    return value;
}

bool ParsedArgs::has(const std::string& name) const {
    return std::any_of(options.begin(), options.end(), [&](const auto& o) { return o.first == name; });
}

ParsedArgs parse_args(const Args& args, const std::vector<std::string>& with_value,
                      const std::vector<std::string>& flags) {
    ParsedArgs out;
    const auto listed = [](const std::vector<std::string>& list, const std::string& a) {
        return std::find(list.begin(), list.end(), a) != list.end();
    };
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a.size() > 2 && a.starts_with("--")) {
            if (listed(with_value, a)) {
                if (i + 1 >= args.size()) throw UsageError(a + " needs a value");
                out.options.emplace_back(a, args[++i]);
            } else if (listed(flags, a)) {
                out.options.emplace_back(a, "");
            } else {
                throw UsageError("unknown option '" + a + "'");
            }
        } else {
            out.positional.push_back(a);
        }
    }
    return out;
}

store::Database open_database(const ParsedArgs& args) {
    const std::optional<std::string> db = args.get("--db");
    return store::Database(db ? std::filesystem::path(*db) : store::default_database_path());
}

store::Player require_player(store::Database& db, const std::string& name) {
    if (std::optional<store::Player> p = store::find_player(db, name)) return *p;
    std::string known;
    for (const store::Player& p : store::list_players(db)) known += (known.empty() ? "" : ", ") + p.name;
    throw store::StoreError("no player called '" + name + "' in " + db.path().string() +
                            (known.empty() ? " (no players yet: `highstep players add NAME`)" : " (players: " + known + ")"));
}

double parse_number(const std::string& option, const std::string& text, double lo, double hi) {
    char* end = nullptr;
    errno = 0;
    const double v = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size() || errno == ERANGE || !std::isfinite(v) || v < lo || v > hi) {
        char range[64];
        std::snprintf(range, sizeof range, "%g..%g", lo, hi);
        throw UsageError(option + ": '" + text + "' must be a number in " + range);
    }
    return v;
}

std::string format_time(std::int64_t unix_s) {
    const std::time_t t = static_cast<std::time_t>(unix_s);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &tm);
    return buf;
}

}  // namespace highstep::cli
