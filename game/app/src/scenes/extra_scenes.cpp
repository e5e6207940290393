// Scenes from other parts of the game, offered by the menus when registered here.
// Add one line per scene: ctx.extra_scenes["progress"] = [&ctx] { return make_progress_scene(ctx); };
// Menus show the ids "progress" (Progress) and "plan" (Today's plan) when present.
#include "scenes/scenes.h"
#include "scenes/store_scenes.h"

namespace highstep::app {

void register_extra_scenes(AppContext& ctx) {
    ctx.extra_scenes["progress"] = [&ctx] { return make_progress_scene(ctx); };
    ctx.extra_scenes["plan"] = [&ctx] { return make_plan_scene(ctx); };
}

}  // namespace highstep::app
