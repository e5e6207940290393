#pragma once
// The game's screens, in the order a player meets them:
//   title → players (choose or create) → weigh_in (board check) → levels → play → results
// plus the overlays pause and board-lost inside play. Each make_* returns a new
// scene; a scene moves on by queuing a change on ctx.scenes.
#include <memory>
#include <optional>

#include "app_context.h"
#include "highstep/app/scene.h"
#include "highstep/core/session/ghost.h"
#include "highstep/core/level/level.h"
#include "highstep/core/score/scoring.h"
#include "highstep/store/session_log.h"

namespace highstep::app {

struct ChallengeLevelPlay;  // challenge_scenes.h

std::unique_ptr<Scene> make_title_scene(AppContext& ctx);
// `after_choice` replaces the player screen once a player is chosen or created
// (empty: the full board check, then level select).
// hand_on: the board goes to the next person (hot-seat), so the list opens on the
// player after the current one instead of on the current one.
std::unique_ptr<Scene> make_player_scene(AppContext& ctx, SceneFactory after_choice = {}, bool hand_on = false);
// Makes `player` the one at the board (their last weigh-in's feet, their board
// orientation) and remembers them for the next start.
void choose_player(AppContext& ctx, const store::Player& player);
std::unique_ptr<Scene> make_new_player_scene(AppContext& ctx, SceneFactory after_choice = {});
// A player's input offset, board orientation and stronger leg; saved on confirm.
std::unique_ptr<Scene> make_player_settings_scene(AppContext& ctx, const store::Player& player);
// full: tare, weigh, learn each foot. quick (a challenge turn): the tare only if the
// player's profile has none this run, no feet when their positions are known.
// `next` replaces the check when it is done (empty: level select).
enum class WeighInMode { full, quick };
std::unique_ptr<Scene> make_weigh_in_scene(AppContext& ctx, WeighInMode mode = WeighInMode::full, SceneFactory next = {});
std::unique_ptr<Scene> make_level_select_scene(AppContext& ctx);
// Learn the moves: each exercise shown, tried on the board and confirmed; Enter at
// the end replaces it with `next` (the way to the first level).
std::unique_ptr<Scene> make_practice_scene(AppContext& ctx, SceneFactory next);
// `challenge`: the level is a challenge turn (challenge_scenes.h): stored as a turn,
// a Sprint Start level races the challenge's ghost, the results lead on in the turn.
std::unique_ptr<Scene> make_play_scene(AppContext& ctx, const core::Level& level,
                                       std::shared_ptr<const ChallengeLevelPlay> challenge = nullptr);
// `race`: how the race against the ghost went (a challenge's Sprint Start level).
std::unique_ptr<Scene> make_results_scene(AppContext& ctx, const core::Level& level, const core::SessionResult& result,
                                          const std::optional<store::FinishOutcome>& outcome,
                                          std::shared_ptr<const ChallengeLevelPlay> challenge = nullptr,
                                          const std::optional<core::RaceResult>& race = std::nullopt);

// Scenes other parts add (the store part's progress and plan views) register here,
// by id, so menus offer them: see extra_scenes.cpp.
void register_extra_scenes(AppContext& ctx);

}  // namespace highstep::app
