#include "weight_share.h"

#include <algorithm>
#include <cmath>

#include "format_value.h"

namespace highstep::app {

namespace {
constexpr double kEmptyKg = 2.0;             // less than this is noise on an empty board: no shares
constexpr double kDefaultHalfStanceMm = 100.0;  // as core::SignalSettings::default_half_stance_mm
}

WeightShare weight_share(double total_kg, double cop_x_mm, double stance_centre_x_mm, double half_stance_mm) {
    if (!(total_kg >= kEmptyKg)) return {};
    const double half = half_stance_mm > 20.0 ? half_stance_mm : kDefaultHalfStanceMm;
    const double right = std::clamp((cop_x_mm - stance_centre_x_mm + half) / (2.0 * half), 0.0, 1.0);
    return {100.0 * (1.0 - right), 100.0 * right};
}

std::string weight_share_text(double total_kg, const WeightShare& share) {
    std::string s = "on the board: " + format_value("%.1f kg", std::max(0.0, total_kg));
    if (share.left_pct + share.right_pct <= 0.0) return s;
    // Rounded so the two shares add up to 100.
    const double left = std::round(share.left_pct);
    return s + "  ·  left " + format_value("%.0f %%", left) + "  ·  right " + format_value("%.0f %%", 100.0 - left);
}

BoardPicture board_check_picture(const core::SignalFrame& f, double body_weight_kg) {
    BoardPicture pic = board_picture_of(f);
    pic.body_weight_kg = body_weight_kg;
    show_foot_loads(pic, f.total_kg, weight_share(f));
    return pic;
}

void show_foot_loads(BoardPicture& pic, double total_kg, const WeightShare& share) {
    total_kg = std::max(0.0, total_kg);
    pic.left_kg = total_kg * share.left_pct / 100.0;
    pic.right_kg = total_kg * share.right_pct / 100.0;
    pic.highlight_left = share.left_pct >= kFootLoadedPct;
    pic.highlight_right = share.right_pct >= kFootLoadedPct;
}

}  // namespace highstep::app
