#pragma once
// Shared by the store's commands (players, scores, export, challenge) and by
// `play --player`: option parsing with --db, opening the database, and
// printing tables.
#include <cstdint>
#include <cstdio>
#include <exception>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "commands.h"
#include "highstep/store/database.h"
#include "highstep/store/players.h"

namespace highstep::cli {

// A wrong command line: printed with the command's usage, exit code 2.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Splits arguments into positionals and --options. `with_value` lists the
// options that take a value (e.g. "--db"); `flags` those that do not. Anything
// else starting with "--" is a UsageError.
struct ParsedArgs {
    std::vector<std::string> positional;
    std::vector<std::pair<std::string, std::string>> options;  // in order; flags have ""
    std::optional<std::string> get(const std::string& name) const;  // last value given
    bool has(const std::string& name) const;
};
ParsedArgs parse_args(const Args& args, const std::vector<std::string>& with_value,
                      const std::vector<std::string>& flags);

// --db FILE or the default ($XDG_DATA_HOME/highstep/highstep.db).
store::Database open_database(const ParsedArgs& args);

// A player by name, or a StoreError listing the players there are.
store::Player require_player(store::Database& db, const std::string& name);

// Parses a number in [lo, hi] or throws UsageError naming the option.
double parse_number(const std::string& option, const std::string& text, double lo, double hi);

// "2026-01-05 18:30" in local time.
std::string format_time(std::int64_t unix_s);

// Runs a store command body: usage errors print `usage` and give 2, store and
// file errors print one line and give 1.
template <typename Body>
int run_store_command(const char* name, const char* usage, Body body) {
    try {
        return body();
    } catch (const UsageError& e) {
        std::fprintf(stderr, "highstep %s: %s\n\n%s", name, e.what(), usage);
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "highstep %s: %s\n", name, e.what());
        return 1;
    }
}

}  // namespace highstep::cli
