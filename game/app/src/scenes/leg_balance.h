#pragma once
// The weaker leg measured against the stronger one, as a physiotherapist reads a
// limb symmetry index: the weaker leg's steadiness as a share of the stronger
// leg's (100 % = even; 90 % is the usual mark for "no deficit"). The stronger leg
// is the one the player named in their settings.
#include <optional>
#include <string>

#include "highstep/core/score/scoring.h"
#include "highstep/store/players.h"

namespace highstep::app {

struct LegBalance {
    store::Leg weaker = store::Leg::left;
    double percent = 100.0;  // weaker ÷ stronger steadiness, × 100 (above 100: the weaker was steadier)
};

// None when a leg did no reps or the stronger leg has no steadiness to compare with.
std::optional<LegBalance> leg_balance(const core::Symmetry& symmetry, store::Leg stronger);

// The results' words for it. "weaker leg (left)" only when it measured weaker (the
// percentage rounds below 100); as steady or steadier, the line names the leg and
// says so instead of calling the better leg weaker.
struct LegBalanceWords {
    std::string label;    // "weaker leg (left)", "left leg"
    std::string percent;  // "85 %"
    std::string detail;   // "of your stronger right leg's steadiness"
};
LegBalanceWords leg_balance_words(const LegBalance& balance);

}  // namespace highstep::app
