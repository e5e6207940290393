#include "scenes/leg_balance.h"

#include <cmath>

#include "format_value.h"

namespace highstep::app {

std::optional<LegBalance> leg_balance(const core::Symmetry& s, store::Leg stronger) {
    const bool left_stronger = stronger == store::Leg::left;
    const core::LegSummary& strong = left_stronger ? s.left : s.right;
    const core::LegSummary& weak = left_stronger ? s.right : s.left;
    // A leg whose steadiness was never measured (its tops too short) is not "0 %".
    if (strong.reps == 0 || weak.reps == 0 || strong.stability_reps == 0 || weak.stability_reps == 0 ||
        !(strong.mean_stability > 0.0)) {
        return std::nullopt;
    }
    return LegBalance{left_stronger ? store::Leg::right : store::Leg::left,
                      100.0 * weak.mean_stability / strong.mean_stability};
}

LegBalanceWords leg_balance_words(const LegBalance& b) {
    const std::string weak = b.weaker == store::Leg::left ? "left" : "right";
    const std::string strong = b.weaker == store::Leg::left ? "right" : "left";
    const double shown = std::round(b.percent);
    LegBalanceWords w;
    w.percent = format_value("%.0f %%", shown);
    if (shown < 100.0) {
        w.label = "weaker leg (" + weak + ")";
        w.detail = "of your stronger " + strong + " leg's steadiness";
    } else {
        w.label = weak + " leg";
        w.detail = shown == 100.0 ? "as steady as your stronger " + strong + " leg"
                                  : "steadier than your stronger " + strong + " leg today";
    }
    return w;
}

}  // namespace highstep::app
