#pragma once
// The store part's screens: the player's progress (charts over time and a
// calendar of training days) and today's training plan. Registered in
// extra_scenes.cpp as "progress" and "plan".
#include <memory>

#include "app_context.h"
#include "highstep/app/scene.h"

namespace highstep::app {

std::unique_ptr<Scene> make_progress_scene(AppContext& ctx);
std::unique_ptr<Scene> make_plan_scene(AppContext& ctx);

}  // namespace highstep::app
