#pragma once
// Group challenges in the window: hot-seat turns on one board and ghosts to race.
//
//   title → challenges (the list) → challenge (leaderboard) → Take a turn
//     → players (choose or create) → quick weigh-in → challenge_turn: each level in
//       order (play → results → next level) → the leaderboard again with the
//       player's place → Next player → players ...
//
// Challenges are made in the window (New challenge, at the end of the list) or on
// the command line (`highstep challenge create`); the window lists them, changes
// or deletes the household's own, plays turns and shows the leaderboard. Each level of a turn
// is stored by the play scene exactly as `highstep play --challenge` stores a run
// (store::SessionRecorder with the challenge's id, the run's recording as its
// ghost), so the leaderboard and challenge files see no difference.
#include <memory>
#include <string>

#include "app_context.h"
#include "highstep/app/scene.h"
#include "highstep/core/session/ghost.h"
#include "highstep/store/challenge.h"

namespace highstep::app {

// A level played as a challenge turn: what the play and results scenes need.
struct ChallengeLevelPlay {
    store::Challenge challenge;
    int level_number = 1;                               // 1-based, of challenge.level_ids.size()
    std::shared_ptr<const core::GhostTimeline> ghost;   // a Sprint Start level's ghost to race (else null)
    std::string ghost_name;                             // whose run it is, e.g. "Ada" or "Ada (home-1a2b3c)"
    std::string next_label;                             // the results screen's way on ("Next level", ...)
};

// The list of challenges in the database (or how to make one when there are none).
std::unique_ptr<Scene> make_challenge_list_scene(AppContext& ctx);
// Makes a challenge in the window: name, levels, days; back to the list.
std::unique_ptr<Scene> make_new_challenge_scene(AppContext& ctx);
// Changes a stored challenge (name, levels, days) or deletes it after asking again.
std::unique_ptr<Scene> make_edit_challenge_scene(AppContext& ctx, const store::Challenge& challenge);

}  // namespace highstep::app
