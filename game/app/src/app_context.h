#pragma once
// What every scene may use: the scene stack, sound, the board, the database, the
// levels and the current player. Passed by reference to each scene's constructor
// (no globals). Owned by GameApp for the whole run.
#include <array>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "highstep/app/audio.h"
#include "highstep/app/music_score.h"
#include "highstep/app/scene_stack.h"
#include "highstep/core/level/level.h"
#include "highstep/store/database.h"
#include "highstep/store/players.h"
#include "highstep/store/storage_check.h"

namespace highstep::app {

class BoardLink;

// The player at the board and what the weigh-in learned this run.
struct PlayerProfile {
    store::Player player;
    double body_weight_kg = 0.0;                 // 0 until weighed (this run or the last weigh-in)
    std::optional<std::array<float, 4>> tare_kg; // empty-board offsets (tl, tr, bl, br)
    std::optional<double> left_foot_x_mm;        // learned foot positions
    std::optional<double> right_foot_x_mm;
    bool weighed_this_run = false;
};

using SceneFactory = std::function<std::unique_ptr<Scene>()>;

struct AppContext {
    AppContext(SceneStack& scenes_, Audio& audio_, BoardLink& board_) : scenes(scenes_), audio(audio_), board(board_) {}

    SceneStack& scenes;
    Audio& audio;
    BoardLink& board;
    store::Database* db = nullptr;        // null if the database could not be opened
    std::string db_problem;               // why not (shown on the player screen)
    // Whether results can be kept this run (checked once at start): when not, the
    // title screen says why and play stores nothing.
    store::StorageCheck storage;
    std::vector<core::Level> levels;      // sorted by type, difficulty
    std::vector<std::string> level_problems;  // bad level files (shown on level select)
    std::optional<PlayerProfile> player;
    double now_s = 0.0;                   // game clock (stalls left out), seconds
    double wall_s = 0.0;                  // the steady clock's reading that now_s was taken from
    MusicLibrary music;                   // assets/music: a track per level type and the menus
    std::shared_ptr<const MusicTrack> menu_track;  // null: no menu music
    Volumes volumes;                      // the current player's (or the defaults)
    double step_end_s = 0.0;              // during step(): game time at the end of this step
    bool quit_requested = false;
    // Scenes added by other parts of the game (e.g. "progress", "plan" by the store
    // part), by id; menus show an entry for each one present.
    std::map<std::string, SceneFactory> extra_scenes;

    // A short message shown for a few seconds at the top of the screen.
    void toast(std::string message) { toasts.push_back({std::move(message), now_s}); }
    struct Toast {
        std::string text;
        double shown_at_s;
    };
    std::vector<Toast> toasts;
};

}  // namespace highstep::app
