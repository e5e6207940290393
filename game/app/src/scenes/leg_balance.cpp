#include "scenes/leg_balance.h"

namespace highstep::app {

std::optional<LegBalance> leg_balance(const core::Symmetry& s, store::Leg stronger) {
    const bool left_stronger = stronger == store::Leg::left;
    const core::LegSummary& strong = left_stronger ? s.left : s.right;
    const core::LegSummary& weak = left_stronger ? s.right : s.left;
    if (strong.reps == 0 || weak.reps == 0 || !(strong.mean_stability > 0.0)) return std::nullopt;
    return LegBalance{left_stronger ? store::Leg::right : store::Leg::left,
                      100.0 * weak.mean_stability / strong.mean_stability};
}

}  // namespace highstep::app
