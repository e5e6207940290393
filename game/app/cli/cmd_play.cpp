// `highstep play --level FILE|ID --replay FILE.csv --headless [--offset-ms N]
//   [--player NAME] [--db FILE] [--audio-out FILE.wav [--music FILE.music]
//   [--music-volume V] [--effects-volume V]]`
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
#include "highstep/app/music_follow.h"
#include "highstep/app/sound_file.h"
#include "highstep/app/soundtrack.h"
#include "highstep/core/level/level_file.h"
#include "highstep/core/session/session.h"
#include "highstep/input/recording.h"
#include "highstep/paths/paths.h"
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
    "  --challenge  with --player: the run is a turn in this challenge\n"
    "  --audio-out  also write everything the player would hear (music and cues) to\n"
    "               this WAV file, sample 0 at 0 s of the recording's clock\n"
    "  --music      with --audio-out: this track (assets/music/*.music) instead of the\n"
    "               level type's; --music-volume, --effects-volume 0..1 (default 0.7, 1)\n"
    "  --data-dir   the game's data folder, where a level id is looked up in levels/\n"
    "A database that cannot keep the run (read-only, disk full, locked by another\n"
    "program) is said at once on stderr; the run is played and printed, exit status 1.\n";

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
    std::optional<std::filesystem::path> data_dir;
    bool offset_given = false;
    std::optional<std::string> audio_out;
    std::optional<std::string> music;
    app::Volumes volumes;
};

float parse_volume(const std::string& option, const std::string& text) {
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (end == text.c_str() || *end != '\0' || !(v >= 0.0 && v <= 1.0)) {
        throw UsageError(option + ": '" + text + "' must be a number in 0..1");
    }
    return static_cast<float>(v);
}

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
        } else if (a == "--audio-out") {
            o.audio_out = value();
        } else if (a == "--music") {
            o.music = value();
        } else if (a == "--music-volume") {
            o.volumes.music = parse_volume(a, value());
        } else if (a == "--effects-volume") {
            o.volumes.effects = parse_volume(a, value());
        } else if (a == "--data-dir") {
            o.data_dir = value();
        } else {
            throw UsageError("unknown option '" + a + "'");
        }
    }
    if (o.level.empty()) throw UsageError("--level is required");
    if (o.replay.empty()) throw UsageError("--replay is required");
    if (o.challenge && !o.player) throw UsageError("--challenge needs --player");
    if (o.music && !o.audio_out) throw UsageError("--music needs --audio-out");
    if (!o.headless) {
        throw UsageError("play runs headless only (--headless); to play in the window, start `highstep` and pick the level");
    }
    return o;
}

// The data folder's levels/ (paths::find_data_dir: --data-dir, HIGHSTEP_DATA_DIR, the install).
std::filesystem::path levels_folder(const std::optional<std::filesystem::path>& data_dir) {
    return paths::find_data_dir(paths::this_program_search(data_dir)) / "levels";
}

// A path if it names a file; otherwise a level id looked up in the levels folder.
std::filesystem::path level_path(const std::string& level, const std::optional<std::filesystem::path>& data_dir) {
    std::error_code ec;
    if (std::filesystem::exists(level, ec) || level.find('/') != std::string::npos ||
        level.ends_with(".json")) {
        return level;
    }
    return levels_folder(data_dir) / (level + ".json");
}

// The track --audio-out plays: --music FILE, else the level type's from assets/music
// (beside the levels folder). A bad track file is an error; none at all is a notice.
std::shared_ptr<const app::MusicTrack> track_for(const PlayOptions& o, const core::Level& level) {
    if (o.music) return std::make_shared<const app::MusicTrack>(app::load_music_file(*o.music));
    const std::filesystem::path dir = app::assets_dir_beside(levels_folder(o.data_dir)) / "music";
    const app::MusicLibrary library = app::load_music_library(dir);
    for (const std::string& e : library.errors) std::fprintf(stderr, "highstep play: %s\n", e.c_str());
    auto track = app::shared_track(library, core::to_string(level.type));
    if (!track) std::fprintf(stderr, "highstep play: no music for %s in %s\n", core::to_string(level.type), dir.c_str());
    return track;
}

core::SessionResult play_with_audio(const PlayOptions& o, const core::Level& level, const Recording& recording,
                                    const core::SessionSettings& settings) {
    app::SoundtrackOptions options;
    options.volumes = o.volumes;
    options.track = track_for(o, level);
    options.effects = app::effects_file_in(app::assets_dir_beside(levels_folder(o.data_dir)));
    const app::Soundtrack out = app::play_with_soundtrack(level, recording.samples, settings, options, *o.audio_out);
    if (options.track && out.music_status.rfind("music: FluidSynth", 0) != 0) {
        std::fprintf(stderr, "highstep play: %s\n", out.music_status.c_str());
    }
    if (!out.has_effects) std::fprintf(stderr, "highstep play: %s\n", out.effects_status.c_str());
    return out.result;
}

}  // namespace

int run_play(const Args& args) {
    if (asks_for_help(args)) return print_help(kUsage);
    PlayOptions options;
    try {
        options = parse(args);
    } catch (const UsageError& e) {
        std::fprintf(stderr, "highstep play: %s\n\n%s", e.what(), kUsage);
        return 2;
    }
    try {
        const core::Level level = core::load_level_file(level_path(options.level, options.data_dir));
        const Recording recording = read_recording(options.replay);
        if (recording.samples.empty()) {
            std::fprintf(stderr, "highstep play: %s: the recording has no samples\n", options.replay.c_str());
            return 1;
        }
        std::optional<PlayStore> store;
        if (options.player) store.emplace(*options.player, options.db, options.challenge, level.id);
        core::SessionSettings settings;
        settings.input_offset_ms = store && !options.offset_given ? store->input_offset_ms() : options.offset_ms;
        const core::SessionResult result = options.audio_out ? play_with_audio(options, level, recording, settings)
                                                             : core::run_headless(level, recording.samples, settings);
        std::printf("%s\n", core::to_json(result).c_str());
        std::fflush(stdout);  // the result is shown even if storing it fails
        if (store) store->store(level, result, options.replay);
        // Played but not stored (said on stderr at start): a script can tell.
        return store && !store->keeps() ? 1 : 0;
    } catch (const core::LevelError& e) {
        std::fprintf(stderr, "highstep play: %s\n", e.what());
        return 1;
    } catch (const RecordingError& e) {
        std::fprintf(stderr, "highstep play: %s\n", e.what());
        return 1;
    } catch (const store::StoreError& e) {
        std::fprintf(stderr, "highstep play: %s\n", e.what());
        return 1;
    } catch (const app::MusicError& e) {
        std::fprintf(stderr, "highstep play: %s\n", e.what());
        return 1;
    } catch (const paths::PathError& e) {
        std::fprintf(stderr, "highstep play: %s\n", e.what());
        return 1;
    } catch (const std::runtime_error& e) {  // the WAV could not be written, no loopback device
        std::fprintf(stderr, "highstep play: %s\n", e.what());
        return 1;
    }
}

}  // namespace highstep::cli
