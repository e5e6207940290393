// `highstep export --player NAME OUT.csv`: a player's whole history as CSV.
#include <cstdio>
#include <fstream>
#include <iostream>

#include "highstep/store/progress.h"
#include "store_cli.h"

namespace highstep::cli {
namespace {

constexpr const char* kUsage =
    "usage: highstep export --player NAME OUT.csv [--db FILE]\n"
    "  writes one row per session (finished or cut short) with its measures;\n"
    "  OUT.csv '-' writes to standard output\n";

}  // namespace

int run_export(const Args& args) {
    if (asks_for_help(args)) return print_help(kUsage);
    return run_store_command("export", kUsage, [&] {
        const ParsedArgs a = parse_args(args, {"--db", "--player"}, {});
        const auto name = a.get("--player");
        if (!name) throw UsageError("--player is required");
        if (a.positional.size() != 1) throw UsageError("give one output file (or - for standard output)");
        const std::string out = a.positional[0];
        store::Database db = open_database(a);
        const store::Player player = require_player(db, *name);
        if (out == "-") {
            store::export_player_csv(db, player.id, std::cout);
            return 0;
        }
        // Temporary file and rename: a failed export never leaves half a file
        // where a previous good one was.
        const std::string tmp = out + ".part";
        std::size_t rows = 0;
        {
            std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
            if (!f) throw store::StoreError(out + ": cannot write");
            rows = store::export_player_csv(db, player.id, f);
            f.flush();
            if (!f) {
                std::remove(tmp.c_str());
                throw store::StoreError(out + ": write failed (disk full?)");
            }
        }
        if (std::rename(tmp.c_str(), out.c_str()) != 0) {
            std::remove(tmp.c_str());
            throw store::StoreError(out + ": cannot write");
        }
        std::fprintf(stderr, "wrote %zu sessions of %s to %s\n", rows, player.name.c_str(), out.c_str());
        return 0;
    });
}

}  // namespace highstep::cli
