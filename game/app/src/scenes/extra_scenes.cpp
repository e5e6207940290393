// Scenes from other parts of the game, offered by the menus when registered here.
// Add one line per scene: ctx.extra_scenes["progress"] = [&ctx] { return make_progress_scene(ctx); };
// Menus show the ids "progress" (Progress), "plan" (Today's plan) and "challenges"
// (Challenges) when present.
#include "scenes/challenge_scenes.h"
#include "scenes/scenes.h"
#include "scenes/store_scenes.h"

namespace highstep::app {

void register_extra_scenes(AppContext& ctx) {
    ctx.extra_scenes["progress"] = [&ctx] { return make_progress_scene(ctx); };
    ctx.extra_scenes["plan"] = [&ctx] { return make_plan_scene(ctx); };
    ctx.extra_scenes["challenges"] = [&ctx] { return make_challenge_list_scene(ctx); };
}

}  // namespace highstep::app
