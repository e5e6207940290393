#pragma once
// One function per `highstep` sub-command. Each gets the arguments after the
// command name and returns the process exit code (0 ok, 1 runtime failure,
// 2 usage error). Errors go to stderr in one clear line; never a crash.
#include <string>
#include <vector>

namespace highstep::cli {

using Args = std::vector<std::string>;

int run_game(const Args& args);       // `highstep` with no command: the SDL window
int run_analyze(const Args& args);    // analyze FILE.csv [--from S --to S]
int run_synth(const Args& args);      // synth OUT.csv [--script ...]
int run_devices(const Args& args);    // devices
int run_record(const Args& args);     // record OUT.csv [--seconds N] [--raw-log RAW]
int run_decode(const Args& args);     // decode RAW.hidlog OUT.csv
int run_play(const Args& args);       // play --level FILE --replay FILE.csv --headless ...
int run_scores(const Args& args);     // scores [--level ID] [--db FILE]
int run_export(const Args& args);     // export --player NAME OUT.csv
int run_challenge(const Args& args);  // challenge create|export|import|show ...
int run_players(const Args& args);    // players [add NAME ...]

// True if the player asked for a command's usage: --help or -h anywhere after it.
bool asks_for_help(const Args& args);
// Prints a command's usage on stdout (the player asked for it) and gives exit code 0.
int print_help(const char* usage);

}  // namespace highstep::cli
