// Default steadiness references per stance; the reasoning behind each number is in
// docs/session.md ("Steadiness").
#include "highstep/core/level/scoring_settings.h"

namespace highstep::core {

const char* to_string(StanceKind kind) {
    return kind == StanceKind::two_feet ? "two_feet" : "one_foot";
}

StabilityReference default_stability_reference(StanceKind kind) {
    StabilityReference ref;
    if (kind == StanceKind::two_feet) {
        // Quiet two-foot stance, eyes open: healthy young adults sway ~8–12 mm/s on a
        // force plate (Prieto 1996) with an RMS distance of a few mm and a 95 % ellipse of
        // ~100–250 mm². "Poor" is roughly four times the typical value of each measure.
        ref.good_velocity_mm_s = 8.0;
        ref.poor_velocity_mm_s = 40.0;
        ref.good_rms_mm = 3.0;
        ref.poor_rms_mm = 15.0;
        ref.good_ellipse_mm2 = 100.0;
        ref.poor_ellipse_mm2 = 2500.0;
    } else {
        // Single-leg stance sways three to five times more: ~25–45 mm/s mean velocity and
        // ellipses of ~500–1500 mm² in healthy adults; scoring it against the two-foot
        // scale would give every one-leg hold a zero.
        ref.good_velocity_mm_s = 25.0;
        ref.poor_velocity_mm_s = 120.0;
        ref.good_rms_mm = 6.0;
        ref.poor_rms_mm = 25.0;
        ref.good_ellipse_mm2 = 500.0;
        ref.poor_ellipse_mm2 = 6000.0;
    }
    return ref;
}

}  // namespace highstep::core
