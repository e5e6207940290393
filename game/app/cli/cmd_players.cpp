// `highstep players`: the household's players, their settings, weigh-ins and
// the day's training plan.
#include <cstdio>

#include "highstep/store/program.h"
#include "highstep/store/progress.h"
#include "highstep/store/session_log.h"
#include "store_cli.h"

namespace highstep::cli {
namespace {

constexpr const char* kUsage =
    "usage: highstep players [--db FILE]                      list the players\n"
    "       highstep players add NAME [NAME ...] [--leg left|right] [--offset-ms N] [--rotated]\n"
    "       highstep players set NAME [--name NEW] [--leg left|right] [--offset-ms N] [--rotated|--not-rotated]\n"
    "       highstep players remove NAME --yes                deletes the player and their history\n"
    "       highstep players weigh NAME KG                    records a weigh-in\n"
    "       highstep players weights NAME                     the weigh-in history\n"
    "       highstep players plan NAME [--day YYYY-MM-DD]     the day's training plan\n"
    "  --leg        dominant leg (default right)\n"
    "  --offset-ms  input offset: + when the board registers the player's contacts late\n"
    "  --rotated    the board stands the other way round in this player's home\n"
    "  --db FILE    the database (default $XDG_DATA_HOME/highstep/highstep.db)\n";

void apply_settings(const ParsedArgs& a, store::Player& p) {
    if (const auto leg = a.get("--leg")) {
        const auto parsed = store::parse_leg(*leg);
        if (!parsed) throw UsageError("--leg: '" + *leg + "' must be left or right");
        p.dominant_leg = *parsed;
    }
    if (const auto offset = a.get("--offset-ms")) p.input_offset_ms = parse_number("--offset-ms", *offset, -500, 500);
    if (a.has("--rotated")) p.board_rotated_180 = true;
    if (a.has("--not-rotated")) p.board_rotated_180 = false;
}

int list(store::Database& db) {
    const auto players = store::list_players(db);
    if (players.empty()) {
        std::printf("No players yet in %s. Add one: highstep players add NAME\n", db.path().string().c_str());
        return 0;
    }
    std::printf("%-40s  %-5s  %9s  %9s  %s\n", "player", "leg", "offset_ms", "weight_kg", "board");
    for (const store::Player& p : players) {
        char weight[32] = "-";
        if (p.body_weight_kg) std::snprintf(weight, sizeof weight, "%.1f", *p.body_weight_kg);
        std::printf("%-40s  %-5s  %9.0f  %9s  %s\n", p.name.c_str(), store::to_string(p.dominant_leg),
                    p.input_offset_ms, weight, p.board_rotated_180 ? "rotated" : "normal");
    }
    return 0;
}

int plan(store::Database& db, const store::Player& p, const std::string& day) {
    const store::DayPlan plan = store::plan_day(store::plan_history(db, p.id), day);
    const store::Rung& rung = store::program_ladder()[static_cast<std::size_t>(plan.rung)];
    std::printf("Plan for %s on %s%s\n", p.name.c_str(), day.c_str(), plan.knee_drive_day ? " (knee-drive day)" : "");
    std::printf("%s\n", plan.reason.c_str());
    std::printf("Step-up level %d of %zu: %d sets x %d reps per leg, %.0f s rest\n\n", plan.rung + 1,
                store::program_ladder().size(), rung.sets, rung.reps_per_leg, rung.rest_s);
    int n = 1;
    for (const store::PlanItem& item : plan.items) {
        if (item.kind == "warmup") {
            std::printf("%d. Warm-up on %s: %d hold of %.0f s\n   %s\n", n++, item.level_id.c_str(), item.reps_per_leg,
                        item.hold_s, item.note.c_str());
        } else {
            std::printf("%d. %s on %s: %d sets x %d reps per leg, %.0f s rest between sets\n   %s\n", n++,
                        item.kind == "knee_drive" ? "High-box step-ups with knee drive" : "Step-ups",
                        item.level_id.c_str(), item.sets, item.reps_per_leg, item.rest_s, item.note.c_str());
        }
    }
    return 0;
}

}  // namespace

int run_players(const Args& args) {
    if (asks_for_help(args)) return print_help(kUsage);
    return run_store_command("players", kUsage, [&] {
        const ParsedArgs a = parse_args(args, {"--db", "--leg", "--offset-ms", "--name", "--day"},
                                        {"--rotated", "--not-rotated", "--yes"});
        store::Database db = open_database(a);
        const auto& pos = a.positional;
        if (pos.empty()) return list(db);
        const std::string& verb = pos[0];
        if (verb == "add") {
            if (pos.size() < 2) throw UsageError("add needs a NAME");
            for (std::size_t i = 1; i < pos.size(); ++i) {
                store::Player p;
                p.name = pos[i];
                apply_settings(a, p);
                store::add_player(db, p);
                std::printf("added player %s\n", p.name.c_str());
            }
            return 0;
        }
        if (pos.size() < 2) throw UsageError(verb + " needs a player NAME");
        store::Player p = require_player(db, pos[1]);
        if (verb == "set") {
            if (const auto name = a.get("--name")) p.name = *name;
            apply_settings(a, p);
            store::update_player(db, p);
            std::printf("updated player %s\n", p.name.c_str());
            return 0;
        }
        if (verb == "remove") {
            if (!a.has("--yes")) {
                throw UsageError("remove deletes " + p.name + "'s whole history; add --yes to confirm");
            }
            store::delete_player(db, p.id);
            std::printf("removed player %s\n", p.name.c_str());
            return 0;
        }
        if (verb == "weigh") {
            if (pos.size() != 3) throw UsageError("weigh needs NAME and KG");
            store::WeighIn w;
            w.player_id = p.id;
            w.body_weight_kg = parse_number("KG", pos[2], 20, 250);
            store::add_weigh_in(db, w);
            std::printf("%s weighs %.1f kg\n", p.name.c_str(), w.body_weight_kg);
            return 0;
        }
        if (verb == "weights") {
            for (const store::WeighIn& w : store::weigh_ins(db, p.id)) {
                std::printf("%s  %6.1f kg\n", format_time(w.t_unix_s).c_str(), w.body_weight_kg);
            }
            return 0;
        }
        if (verb == "plan") {
            const std::string day = a.get("--day").value_or(store::local_day(store::now_unix_s()));
            if (!store::valid_day(day)) throw UsageError("--day: '" + day + "' must be a date YYYY-MM-DD");
            return plan(db, p, day);
        }
        throw UsageError("unknown players command '" + verb + "'");
    });
}

}  // namespace highstep::cli
