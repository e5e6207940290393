#pragma once
// The game window and its loop (issue 5 item 1): SDL2 window and renderer, the
// fixed-step clock, input, the scene stack, sound, and the test-script hook.
//
// One frame: read the clock → run due script commands → pump SDL events into
// actions and simulated-board controls → poll the board (samples restamped on the
// game clock, lean/step menu actions) → give actions to the top scene → the top
// scene's frame() → N fixed steps → draw with interpolation → screenshot if asked
// → present → apply queued scene changes.
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "highstep/input/sample_source.h"

namespace highstep::synth {
class SimulatedBoard;
}

namespace highstep::app {

// What one frame did, for benchmarks (frame time, input-to-action latency).
struct FrameReport {
    long long index = 0;                 // frames since start
    double work_s = 0.0;                 // wall time from the frame's start to after present
    double cpu_s = 0.0;                  // CPU time of the game thread in that span (other load left out)
    double present_game_s = 0.0;         // game clock just after present
    std::string scene;                   // the top scene while the frame ran
    std::vector<double> sample_t_s;      // this frame's board samples, game clock (arrival stamps)
    std::string reps;                    // the top scene's "reps" probe after the frame
    std::string judgements;              // ... and its "judgements" probe (judgements shown so far)
};

class FrameObserver {
public:
    virtual ~FrameObserver() = default;
    virtual void on_frame(const FrameReport& frame) = 0;
};

struct GameOptions {
    std::optional<std::filesystem::path> replay;   // play this recording as the board (paced in real time)
    std::optional<std::filesystem::path> script;   // test hook, see script.h
    std::optional<std::filesystem::path> db;       // database file (default: store::default_database_path())
    std::filesystem::path levels_dir;              // where levels/*.json are
    std::filesystem::path data_dir;                // the game's data: levels/, assets/ (paths::find_data_dir)
    std::optional<std::string> player;             // start as this player (created if new)
    bool simulated = false;                        // never look for a real board
    bool mute = false;                             // no sound device
    std::optional<std::filesystem::path> audio_out; // render the sound into this WAV, not a device (tests)
    bool fullscreen = false;
    int width = 1280;                              // window size, pixels
    int height = 720;
    bool software_renderer = false;                // SDL's software renderer (tests, benchmarks)
    std::optional<double> fixed_frame_s;           // each frame advances the clock by exactly this (tests)
    bool show_fps = false;
    FrameObserver* observer = nullptr;             // told about every frame (benchmarks)
};

// The game's assets/ (sound effects, music, the window icon): the data folder's
// (--data-dir, HIGHSTEP_DATA_DIR, the usual lookup), wherever --levels points; beside
// the levels folder only when no data folder is known (--levels without one).
std::filesystem::path game_assets_dir(const GameOptions& options);

// Where the board comes from and what to tell the player about it.
struct BoardChoice {
    std::unique_ptr<SampleSource> source;
    synth::SimulatedBoard* sim = nullptr;   // points into source when simulated
    std::string notice;                     // e.g. "No board found: playing with the simulated board"
};
// --replay, --simulated, else the first real board, else the simulated board.
// `now_s` is the clock a replay is paced by. Throws on an unreadable replay file.
BoardChoice choose_board(const GameOptions& options, std::function<double()> now_s);

// Opens the window and runs the game until the player quits. Returns the exit code.
// Throws std::runtime_error for problems that stop the game from starting (no
// display, no font), with a message naming what is missing.
int run_game_window(const GameOptions& options);

}  // namespace highstep::app
