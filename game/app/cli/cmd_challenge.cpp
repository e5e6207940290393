// `highstep challenge`: group challenges between players of one household
// (hot-seat) or several (files sent back and forth).
#include <cstdio>
#include <filesystem>

#include "highstep/paths/paths.h"
#include "highstep/store/challenge.h"
#include "highstep/store/challenge_file.h"
#include "highstep/store/session_log.h"
#include "store_cli.h"

namespace highstep::cli {
namespace {

constexpr const char* kUsage =
    "usage: highstep challenge create NAME --levels ID[,ID...] [--starts YYYY-MM-DD] [--ends YYYY-MM-DD]\n"
    "                                [--mode hot_seat|anytime] [--attempts N] [--no-weigh-in]\n"
    "       highstep challenge list\n"
    "       highstep challenge show NAME|UID         rules, leaderboard and every result\n"
    "       highstep challenge export NAME|UID OUT.json\n"
    "       highstep challenge import FILE.json      results and ghosts from another household\n"
    "       highstep challenge household [NAME]      this household's name on shared leaderboards\n"
    "  all take [--db FILE]; play a turn with: highstep play ... --player NAME --challenge NAME\n"
    "  --starts     first day (default today); --ends last day (default a week later)\n"
    "  --mode       hot_seat: turns on one board, a quick weigh-in each turn (default);\n"
    "               anytime: everyone plays when they like\n"
    "  --attempts   runs per player and level that count (default 3, 0 = unlimited)\n"
    "  --data-dir   the game's data folder, whose levels/ the --levels ids must be in\n";

std::vector<std::string> split_levels(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = text.find(',', start);
        const std::string id = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (!id.empty()) out.push_back(id);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

store::Challenge require_challenge(store::Database& db, const std::string& which) {
    if (auto c = store::find_challenge(db, which)) return *c;
    throw store::StoreError("no challenge called '" + which + "' (see `highstep challenge list`)");
}

int create(store::Database& db, const ParsedArgs& a) {
    if (a.positional.size() != 2) throw UsageError("create needs one NAME (quote a name with spaces)");
    store::Challenge c;
    c.name = a.positional[1];
    const auto levels = a.get("--levels");
    if (!levels) throw UsageError("--levels is required, e.g. --levels hill-1,tower-1");
    c.level_ids = split_levels(*levels);
    const auto data_dir = a.get("--data-dir");
    const auto levels_dir = paths::find_data_dir(paths::this_program_search(
                                data_dir ? std::optional<std::filesystem::path>(*data_dir) : std::nullopt)) /
                            "levels";
    for (const std::string& id : c.level_ids) {
        const auto file = levels_dir / (id + ".json");
        std::error_code ec;
        if (!std::filesystem::exists(file, ec)) throw UsageError("--levels: there is no level '" + id + "' in " +
                                                                 file.parent_path().string());
    }
    c.starts_day = a.get("--starts").value_or(store::local_day(store::now_unix_s()));
    if (!store::valid_day(c.starts_day)) throw UsageError("--starts: '" + c.starts_day + "' must be YYYY-MM-DD");
    c.ends_day = a.get("--ends").value_or(store::day_after(c.starts_day, 6));
    if (const auto mode = a.get("--mode")) {
        const auto parsed = store::parse_challenge_mode(*mode);
        if (!parsed) throw UsageError("--mode: '" + *mode + "' must be hot_seat or anytime");
        c.rules.mode = *parsed;
    }
    if (const auto n = a.get("--attempts")) c.rules.attempts_per_level = static_cast<int>(parse_number("--attempts", *n, 0, 100));
    c.rules.weigh_in_each_turn = !a.has("--no-weigh-in") && c.rules.mode == store::ChallengeMode::hot_seat;
    if (const std::string why = store::validate_challenge(c); !why.empty()) throw UsageError(why);
    const std::int64_t id = store::create_challenge(db, c);
    const auto made = store::get_challenge(db, id);
    std::printf("created challenge '%s' (%s), %s to %s\n", made->name.c_str(), made->uid.substr(0, 8).c_str(),
                made->starts_day.c_str(), made->ends_day.c_str());
    return 0;
}

int list(store::Database& db) {
    const auto all = store::list_challenges(db);
    if (all.empty()) {
        std::printf("No challenges yet. Create one: highstep challenge create NAME --levels hill-1,tower-1\n");
        return 0;
    }
    std::printf("%-8s  %-40s  %-10s  %-10s  %-8s  %s\n", "uid", "name", "starts", "ends", "mode", "levels");
    for (const store::Challenge& c : all) {
        std::string levels;
        for (const std::string& l : c.level_ids) levels += (levels.empty() ? "" : ",") + l;
        std::printf("%-8s  %-40s  %-10s  %-10s  %-8s  %s\n", c.uid.substr(0, 8).c_str(), c.name.c_str(),
                    c.starts_day.c_str(), c.ends_day.c_str(), store::to_string(c.rules.mode), levels.c_str());
    }
    return 0;
}

int show(store::Database& db, const store::Challenge& c) {
    std::printf("%s  (uid %s, by %s)\n", c.name.c_str(), c.uid.c_str(), c.household.c_str());
    std::printf("%s to %s, %s, %s attempts per level%s\n\n", c.starts_day.c_str(), c.ends_day.c_str(),
                c.rules.mode == store::ChallengeMode::hot_seat ? "hot-seat turns" : "play any time",
                c.rules.attempts_per_level ? std::to_string(c.rules.attempts_per_level).c_str() : "unlimited",
                c.rules.weigh_in_each_turn ? ", weigh-in each turn" : "");
    const auto board = store::leaderboard(db, c.id);
    std::printf("Leaderboard (best run per level within the dates and attempts; ties: steadier first)\n");
    std::printf("  %4s  %-40s  %-20s  %8s  %14s", "rank", "player", "household", "total", "stability_mm_s");
    for (const std::string& l : c.level_ids) std::printf("  %10s", l.c_str());
    std::printf("\n");
    if (board.empty()) std::printf("  nobody has played yet\n");
    for (const store::LeaderboardRow& r : board) {
        std::printf("  %4d  %-40s  %-20s  %8.0f  %14.2f", r.rank, r.player_name.c_str(), r.household.c_str(),
                    r.total_score, r.mean_stability_mm_s);
        for (const auto& best : r.level_best) {
            if (best) std::printf("  %10.0f", *best);
            else std::printf("  %10s", "-");
        }
        std::printf("\n");
    }
    const auto entries = store::challenge_entries(db, c.id);
    std::printf("\nResults (%zu)\n", entries.size());
    for (const store::ChallengeEntry& e : entries) {
        std::printf("  %-16s  %-40s  %-20s  %-10s  %8.0f  %-3s  %6.2f mm/s%s\n", format_time(e.finished_unix_s).c_str(),
                    e.player_name.c_str(), e.household.c_str(), e.level_id.c_str(), e.score, e.grade.c_str(),
                    e.stability_mean_velocity_mm_s, e.recording_csv.empty() ? "" : "  [ghost]");
    }
    return 0;
}

}  // namespace

int run_challenge(const Args& args) {
    if (asks_for_help(args)) return print_help(kUsage);
    return run_store_command("challenge", kUsage, [&] {
        const ParsedArgs a = parse_args(args, {"--db", "--levels", "--starts", "--ends", "--mode", "--attempts", "--data-dir"},
                                        {"--no-weigh-in"});
        if (a.positional.empty()) throw UsageError("which challenge command?");
        const std::string& verb = a.positional[0];
        store::Database db = open_database(a);
        if (verb == "create") return create(db, a);
        if (verb == "list") return list(db);
        if (verb == "household") {
            if (a.positional.size() == 2) store::set_household_name(db, a.positional[1]);
            std::printf("household: %s\n", store::household_name(db).c_str());
            return 0;
        }
        if (verb == "import") {
            if (a.positional.size() != 2) throw UsageError("import needs one FILE");
            const store::ImportReport r = store::import_challenge_file(db, a.positional[1]);
            const auto c = store::get_challenge(db, r.challenge_id);
            std::printf("%s challenge '%s': %d new result%s, %d already here\n",
                        r.challenge_created ? "imported new" : "updated", c->name.c_str(), r.entries_added,
                        r.entries_added == 1 ? "" : "s", r.entries_already_here);
            return 0;
        }
        if (a.positional.size() < 2) throw UsageError(verb + " needs a challenge NAME or UID");
        const store::Challenge c = require_challenge(db, a.positional[1]);
        if (verb == "show") return show(db, c);
        if (verb == "export") {
            if (a.positional.size() != 3) throw UsageError("export needs NAME and OUT.json");
            store::export_challenge_file(db, c.id, a.positional[2]);
            std::printf("wrote %s: rules, %zu results and the best runs' recordings\n", a.positional[2].c_str(),
                        store::challenge_entries(db, c.id).size());
            return 0;
        }
        throw UsageError("unknown challenge command '" + verb + "'");
    });
}

}  // namespace highstep::cli
