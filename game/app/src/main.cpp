// highstep: one program, sub-commands as ../shared/DESIGN.md lists them.
#include <cstdio>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include "commands.h"

namespace {

struct Command {
    std::string_view name;
    int (*run)(const highstep::cli::Args&);
    std::string_view usage;
};

// Keep in the order `highstep --help` should show them.
constexpr Command kCommands[] = {
    {"game", highstep::cli::run_game, "game [--simulated] [--replay FILE.csv] [--player NAME] ...   open the game window (the default; --help for options)"},
    {"analyze", highstep::cli::run_analyze, "analyze FILE.csv [--from S --to S]   print the analysis JSON of a recording"},
    {"synth", highstep::cli::run_synth, "synth OUT.csv [--script NAME|FILE] [--truth OUT.json] ...   write a synthetic recording with its true events"},
    {"devices", highstep::cli::run_devices, "devices [--map FILE]   list the boards this machine sees, or why it sees none"},
    {"record", highstep::cli::run_record, "record OUT.csv [--seconds N] [--raw-log RAW.hidlog] [--map FILE]   record the first board found"},
    {"decode", highstep::cli::run_decode, "decode RAW.hidlog OUT.csv [--map FILE]   turn a raw HID log back into a recording"},
    {"play", highstep::cli::run_play, "play --level FILE|ID --replay FILE.csv --headless [--offset-ms N]   play a level on a recording, print the result JSON"},
    {"scores", highstep::cli::run_scores, "scores [--level ID] [--player NAME] [--db FILE]   print the high-score tables"},
    {"export", highstep::cli::run_export, "export --player NAME OUT.csv [--db FILE]   write a player's history as CSV"},
    {"players", highstep::cli::run_players, "players [add|set|remove|weigh|weights|plan NAME ...] [--db FILE]   players, weigh-ins, the day's plan"},
    {"challenge", highstep::cli::run_challenge, "challenge create|list|show|export|import|household ... [--db FILE]   group challenges"},
};

void print_usage(std::FILE* out) {
    std::fprintf(out, "usage: highstep [COMMAND ...]\n"
                      "       highstep COMMAND --help    a command's options\n"
                      "       highstep --version\n\n"
                      "With no command, opens the game window.\n\ncommands:\n");
    for (const Command& c : kCommands) {
        std::fprintf(out, "  %.*s\n", static_cast<int>(c.usage.size()), c.usage.data());
    }
    std::fprintf(out, "\nThe manual: man highstep, or docs/manual.md in the source.\n");
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    try {
        if (!args.empty() && args[0] == "--version") {
            std::printf("highstep %s\n", HIGHSTEP_VERSION);
            return 0;
        }
        if (args.empty() || (args[0].starts_with("--") && args[0] != "--help")) {
            for (const Command& c : kCommands) {
                if (c.name == "game") return c.run(args);
            }
            std::fprintf(stderr, "highstep: this build has no game window\n");
            return 1;
        }
        if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
            print_usage(stdout);
            return 0;
        }
        for (const Command& c : kCommands) {
            if (c.name == args[0]) {
                return c.run(std::vector<std::string>(args.begin() + 1, args.end()));
            }
        }
        std::fprintf(stderr, "highstep: unknown command '%s'\n\n", args[0].c_str());
        print_usage(stderr);
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "highstep: %s\n", e.what());
        return 1;
    }
}
