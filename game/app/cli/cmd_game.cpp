// `highstep [game] [options]`: the game window. With no options it uses the first
// board found, else the simulated board driven from the keyboard or a gamepad.
#include <charconv>
#include <cstdio>
#include <optional>
#include <string>

#include "commands.h"
#include "highstep/app/game_app.h"
#include "highstep/paths/paths.h"
#include "text.h"

namespace highstep::cli {

namespace {

constexpr const char* kUsage =
    "usage: highstep [game] [options]\n"
    "  --simulated           play with the simulated board (keyboard/gamepad), never look for a board\n"
    "  --replay FILE.csv     play a recording as the board, paced in real time\n"
    "  --player NAME         start as this player (created if new)\n"
    "  --db FILE             database file (default: $XDG_DATA_HOME/highstep/highstep.db)\n"
    "  --levels DIR          level files (default: levels/ in the data folder)\n"
    "  --data-dir DIR        the game's data folder (default: HIGHSTEP_DATA_DIR, else the\n"
    "                        installed share/highstep, else the source tree)\n"
    "  --window WxH          window size in pixels (default 1280x720)\n"
    "  --fullscreen          start full screen (F11 or Alt+Enter toggles)\n"
    "  --mute                no sound\n"
    "  --audio-out FILE.wav  no sound device: write what the game plays to FILE.wav, in\n"
    "                        step with the game clock (with --fixed-frame-ms: exact; tests)\n"
    "  --software            SDL's software renderer\n"
    "  --fps                 show the frame time\n"
    "  --script FILE         test hook: drive the game from a script (see game/app/src/script.h)\n"
    "  --fixed-frame-ms N    every frame advances the game clock by exactly N ms (tests)\n";

bool parse_double(const std::string& s, double& out) {
    const char* end = s.data() + s.size();
    auto [p, ec] = std::from_chars(s.data(), end, out);
    return ec == std::errc{} && p == end;
}

}  // namespace

int run_game(const Args& args) {
    app::GameOptions o;
    std::optional<std::filesystem::path> data_dir_option;
    bool levels_given = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](const char* what) -> const std::string* {
            if (i + 1 >= args.size()) {
                std::fprintf(stderr, "highstep: %s needs %s\n\n%s", a.c_str(), what, kUsage);
                return nullptr;
            }
            return &args[++i];
        };
        if (a == "--help" || a == "-h") {
            std::fputs(kUsage, stdout);
            return 0;
        } else if (a == "--simulated") {
            o.simulated = true;
        } else if (a == "--mute") {
            o.mute = true;
        } else if (a == "--fullscreen") {
            o.fullscreen = true;
        } else if (a == "--software") {
            o.software_renderer = true;
        } else if (a == "--fps") {
            o.show_fps = true;
        } else if (a == "--replay" || a == "--script" || a == "--db" || a == "--levels" || a == "--player" ||
                   a == "--data-dir" || a == "--audio-out") {
            const bool folder = a == "--levels" || a == "--data-dir";
            const std::string* v = value(a == "--player" ? "a name" : folder ? "a folder" : "a file");
            if (!v) return 2;
            if (a == "--replay") o.replay = *v;
            if (a == "--script") o.script = *v;
            if (a == "--db") o.db = *v;
            if (a == "--levels") o.levels_dir = *v;
            if (a == "--levels") levels_given = true;
            if (a == "--data-dir") data_dir_option = *v;
            if (a == "--player") o.player = *v;
            if (a == "--audio-out") o.audio_out = *v;
        } else if (a == "--window") {
            const std::string* v = value("a size like 1280x720");
            if (!v) return 2;
            const auto x = v->find('x');
            double w = 0, h = 0;
            if (x == std::string::npos || !parse_double(v->substr(0, x), w) || !parse_double(v->substr(x + 1), h) ||
                w < 640 || h < 360 || w > 16384 || h > 16384) {
                std::fprintf(stderr, "highstep: --window wants WIDTHxHEIGHT of at least 640x360, got '%s'\n", v->c_str());
                return 2;
            }
            o.width = static_cast<int>(w);
            o.height = static_cast<int>(h);
        } else if (a == "--fixed-frame-ms") {
            const std::string* v = value("milliseconds");
            if (!v) return 2;
            double ms = 0;
            if (!parse_double(*v, ms) || ms <= 0 || ms > 1000) {
                std::fprintf(stderr, "highstep: --fixed-frame-ms wants 0 < N <= 1000, got '%s'\n", v->c_str());
                return 2;
            }
            o.fixed_frame_s = ms / 1000.0;
        } else {
            std::fprintf(stderr, "highstep: unknown option '%s'\n\n%s", a.c_str(), kUsage);
            return 2;
        }
    }
    try {
        o.data_dir = paths::find_data_dir(paths::this_program_search(data_dir_option));
        if (!levels_given) o.levels_dir = o.data_dir / "levels";
    } catch (const paths::PathError& e) {
        // With --levels the game can run without its data folder (fonts come from the system).
        if (!levels_given) {
            std::fprintf(stderr, "highstep: %s\n", e.what());
            return 1;
        }
    }
    // The player's folders, made on the first run so they are there to look in.
    if (!o.db) {
        try {
            paths::create_user_dirs(paths::this_process_env());
        } catch (const paths::PathError& e) {
            std::fprintf(stderr, "highstep: %s\n", e.what());
        }
    }
    if (!std::filesystem::is_directory(o.levels_dir)) {
        std::fprintf(stderr, "highstep: level folder %s not found (use --levels DIR)\n", o.levels_dir.string().c_str());
        return 1;
    }
    try {
        return app::run_game_window(o);
    } catch (const app::FontError& e) {
        std::fprintf(stderr, "highstep: %s\n", e.what());
        return 1;
    }
}

}  // namespace highstep::cli
