// `highstep play --level FILE|ID --replay FILE.csv --headless [--offset-ms N]
//   [--player NAME] [--db FILE]`
// Plays a level on a recording with no window, as fast as the machine allows,
// and prints the result JSON (format in docs/session.md). The same recording
// always gives the same result.
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>

#include "commands.h"
#include "highstep/core/level/level_file.h"
#include "highstep/core/session/session.h"
#include "highstep/input/recording.h"
#include "highstep/store/database.h"
#include "play_store.h"

namespace highstep::cli {
namespace {

constexpr const char* kUsage =
    "usage: highstep play --level FILE|ID --replay FILE.csv --headless [--offset-ms N]\n"
    "                     [--player NAME] [--db FILE]\n"
    "  --level      a level file, or the id of a level in the levels/ folder (e.g. hill-1)\n"
    "  --replay     a recording to play the level on\n"
    "  --headless   no window: print the result JSON on stdout\n"
    "  --offset-ms  the player's input offset in ms (+ = contacts register late)\n"
    "  --player     store the run for this player (added if new; their offset is used\n"
    "               unless --offset-ms is given); --db FILE chooses the database\n"
    "  --challenge  with --player: the run is a turn in this challenge\n";

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct PlayOptions {
    std::string level;
    std::string replay;
    bool headless = false;
    double offset_ms = 0.0;
    std::optional<std::string> player;
    std::optional<std::string> db;
    std::optional<std::string> challenge;
    bool offset_given = false;
};

PlayOptions parse(const Args& args) {
    PlayOptions o;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&]() -> const std::string& {
            if (i + 1 >= args.size()) throw UsageError(a + " needs a value");
            return args[++i];
        };
        if (a == "--level") {
            o.level = value();
        } else if (a == "--replay") {
            o.replay = value();
        } else if (a == "--headless") {
            o.headless = true;
        } else if (a == "--offset-ms") {
            const std::string& text = value();
            char* end = nullptr;
            errno = 0;
            o.offset_ms = std::strtod(text.c_str(), &end);
            o.offset_given = true;
            if (end == text.c_str() || *end != '\0' || errno == ERANGE || !std::isfinite(o.offset_ms) ||
                std::fabs(o.offset_ms) > 1000.0) {
                throw UsageError("--offset-ms: '" + text + "' must be a number of ms in -1000..1000");
            }
        } else if (a == "--player") {
            o.player = value();
        } else if (a == "--db") {
            o.db = value();
        } else if (a == "--challenge") {
            o.challenge = value();
        } else {
            throw UsageError("unknown option '" + a + "'");
        }
    }
    if (o.level.empty()) throw UsageError("--level is required");
    if (o.replay.empty()) throw UsageError("--replay is required");
    if (o.challenge && !o.player) throw UsageError("--challenge needs --player");
    if (!o.headless) {
        throw UsageError("play runs headless only (--headless); to play in the window, start `highstep` and pick the level");
    }
    return o;
}

// A path if it names a file; otherwise a level id looked up in the levels folder.
std::filesystem::path level_path(const std::string& level) {
    std::error_code ec;
    if (std::filesystem::exists(level, ec) || level.find('/') != std::string::npos ||
        level.ends_with(".json")) {
        return level;
    }
    return std::filesystem::path(HIGHSTEP_SOURCE_DIR) / "levels" / (level + ".json");
}

}  // namespace

int run_play(const Args& args) {
    PlayOptions options;
    try {
        options = parse(args);
    } catch (const UsageError& e) {
        std::fprintf(stderr, "highstep play: %s\n\n%s", e.what(), kUsage);
        return 2;
    }
    try {
        const core::Level level = core::load_level_file(level_path(options.level));
        const Recording recording = read_recording(options.replay);
        if (recording.samples.empty()) {
            std::fprintf(stderr, "highstep play: %s: the recording has no samples\n", options.replay.c_str());
            return 1;
        }
        std::optional<PlayStore> store;
        if (options.player) store.emplace(*options.player, options.db, options.challenge, level.id);
        core::SessionSettings settings;
        settings.input_offset_ms = store && !options.offset_given ? store->input_offset_ms() : options.offset_ms;
        const core::SessionResult result = core::run_headless(level, recording.samples, settings);
        std::printf("%s\n", core::to_json(result).c_str());
        std::fflush(stdout);  // the result is shown even if storing it fails
        if (store) store->store(level, result, options.replay);
        return 0;
    } catch (const core::LevelError& e) {
        std::fprintf(stderr, "highstep play: %s\n", e.what());
        return 1;
    } catch (const RecordingError& e) {
        std::fprintf(stderr, "highstep play: %s\n", e.what());
        return 1;
    } catch (const store::StoreError& e) {
        std::fprintf(stderr, "highstep play: %s\n", e.what());
        return 1;
    }
}

}  // namespace highstep::cli
