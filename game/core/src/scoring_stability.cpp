// Steadiness 0–100 from the Prieto et al. (1996) measures. The reference values
// and why they differ between two-foot and one-foot stance: docs/session.md.
#include <algorithm>
#include <cmath>

#include "highstep/core/scoring.h"

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

namespace {

// 100 at or below `good`, 0 at or above `poor`, linear in log(value) between:
// sway measures spread over orders of magnitude, so equal ratios earn equal steps.
double log_scale(double value, double good, double poor) {
    if (!(good > 0.0) || !(poor > good)) return 0.0;
    if (!(value > good)) return 100.0;  // also catches NaN-free zeros
    if (value >= poor) return 0.0;
    return 100.0 * (std::log(poor) - std::log(value)) / (std::log(poor) - std::log(good));
}

}  // namespace

double stability_score(const StabilityMeasures& m, const StabilityReference& ref, double min_duration_s) {
    if (m.samples < 2 || m.duration_s < min_duration_s) return 0.0;
    if (!std::isfinite(m.mean_velocity_mm_s) || !std::isfinite(m.ellipse95_mm2)) return 0.0;
    const double rms_mm = std::hypot(m.rms_ml_mm, m.rms_ap_mm);
    // Mean velocity counts most: it is the most reliable of the measures over short
    // windows (Prieto 1996; Raymakers 2005), while RMS and area need longer windows.
    const double score = 0.5 * log_scale(m.mean_velocity_mm_s, ref.good_velocity_mm_s, ref.poor_velocity_mm_s) +
                         0.25 * log_scale(rms_mm, ref.good_rms_mm, ref.poor_rms_mm) +
                         0.25 * log_scale(m.ellipse95_mm2, ref.good_ellipse_mm2, ref.poor_ellipse_mm2);
    return std::clamp(score, 0.0, 100.0);
}

}  // namespace highstep::core
