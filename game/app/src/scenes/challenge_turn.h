#pragma once
// The scenes of a hot-seat turn, shared by the challenge screens (not by the rest
// of the game): the challenge's leaderboard, the turn that plays each level in
// order, and what one turn carries from scene to scene.
#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app_context.h"
#include "highstep/app/scene.h"
#include "highstep/core/level/level.h"
#include "highstep/store/challenge.h"

namespace highstep::app {

struct ChallengeTurn {
    store::Challenge challenge;
    std::vector<core::Level> levels;        // the challenge's levels, in its order
    std::size_t next_level = 0;             // index of the level to play next
    std::string player_name;                // whose turn it is (empty until one starts)
    // The board's zero from an earlier weigh-in this run: the next player's quick
    // weigh-in need not ask for an empty board again.
    std::optional<std::array<float, 4>> board_tare_kg;
};

// The challenge's leaderboard, with "Take a turn" (or "Next player" after one).
std::unique_ptr<Scene> make_challenge_scene(AppContext& ctx, const store::Challenge& challenge);
// The levels of `turn` one after the other, then back to the leaderboard.
std::unique_ptr<Scene> make_challenge_turn_scene(AppContext& ctx, std::shared_ptr<ChallengeTurn> turn);

// "YYYY-MM-DD to YYYY-MM-DD · open today" (or "starts ...", "ended").
std::string challenge_dates_text(const store::Challenge& challenge, const std::string& today);

}  // namespace highstep::app
