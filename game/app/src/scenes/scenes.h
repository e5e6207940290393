#pragma once
// The game's screens, in the order a player meets them:
//   title → players (choose or create) → weigh_in (board check) → levels → play → results
// plus the overlays pause and board-lost inside play. Each make_* returns a new
// scene; a scene moves on by queuing a change on ctx.scenes.
#include <memory>
#include <optional>

#include "app_context.h"
#include "highstep/app/scene.h"
#include "highstep/core/level.h"
#include "highstep/core/scoring.h"
#include "highstep/store/session_log.h"

namespace highstep::app {

std::unique_ptr<Scene> make_title_scene(AppContext& ctx);
std::unique_ptr<Scene> make_player_scene(AppContext& ctx);
std::unique_ptr<Scene> make_new_player_scene(AppContext& ctx);
std::unique_ptr<Scene> make_weigh_in_scene(AppContext& ctx);
std::unique_ptr<Scene> make_level_select_scene(AppContext& ctx);
std::unique_ptr<Scene> make_play_scene(AppContext& ctx, const core::Level& level);
std::unique_ptr<Scene> make_results_scene(AppContext& ctx, const core::Level& level, const core::SessionResult& result,
                                          const std::optional<store::FinishOutcome>& outcome);

// Scenes other parts add (the store part's progress and plan views) register here,
// by id, so menus offer them: see extra_scenes.cpp.
void register_extra_scenes(AppContext& ctx);

}  // namespace highstep::app
