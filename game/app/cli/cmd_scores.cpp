// `highstep scores`: the high-score tables, per level, overall or of one player.
#include <cstdio>

#include "highstep/store/scores.h"
#include "store_cli.h"

namespace highstep::cli {
namespace {

constexpr const char* kUsage =
    "usage: highstep scores [--level ID] [--player NAME] [--db FILE]\n"
    "  --level   only this level (e.g. hill-1); default: every level played\n"
    "  --player  that player's own top 10 instead of everyone's\n"
    "  --db      the database (default $XDG_DATA_HOME/highstep/highstep.db)\n"
    "Ties go to the steadier run (lower mean CoP velocity), then to the earlier one.\n";

void print_table(const std::string& level, const std::vector<store::ScoreEntry>& rows) {
    const std::string title = rows.empty() || rows[0].level_title.empty() ? "" : " - " + rows[0].level_title;
    std::printf("%s%s\n", level.c_str(), title.c_str());
    if (rows.empty()) {
        std::printf("  no finished runs yet\n\n");
        return;
    }
    std::printf("  %4s  %-40s  %8s  %-5s  %14s  %4s  %s\n", "rank", "player", "score", "grade", "stability_mm_s",
                "reps", "finished");
    for (const store::ScoreEntry& e : rows) {
        std::printf("  %4d  %-40s  %8.0f  %-5s  %14.2f  %4d  %s\n", e.rank, e.player_name.c_str(), e.score,
                    e.grade.c_str(), e.stability_mean_velocity_mm_s, e.reps, format_time(e.finished_unix_s).c_str());
    }
    std::printf("\n");
}

}  // namespace

int run_scores(const Args& args) {
    if (asks_for_help(args)) return print_help(kUsage);
    return run_store_command("scores", kUsage, [&] {
        const ParsedArgs a = parse_args(args, {"--db", "--level", "--player"}, {});
        if (!a.positional.empty()) throw UsageError("unexpected argument '" + a.positional[0] + "'");
        store::Database db = open_database(a);
        std::optional<std::int64_t> player_id;
        if (const auto name = a.get("--player")) player_id = require_player(db, *name).id;
        std::vector<std::string> levels;
        if (const auto level = a.get("--level")) {
            levels.push_back(*level);
        } else {
            levels = store::scored_levels(db);
        }
        if (levels.empty()) {
            std::printf("No scores yet in %s. Play a level to set one.\n", db.path().string().c_str());
            return 0;
        }
        for (const std::string& level : levels) print_table(level, store::top_scores(db, level, player_id));
        return 0;
    });
}

}  // namespace highstep::cli
