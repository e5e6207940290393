// Steadiness 0–100 from the Prieto et al. (1996) measures. The reference values
// and why they differ between two-foot and one-foot stance: docs/session.md.
#include <algorithm>
#include <cmath>

#include "highstep/core/score/scoring.h"

namespace highstep::core {

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

bool stability_measured(const StabilityMeasures& m, double min_duration_s) {
    return m.samples >= 2 && m.duration_s >= min_duration_s && std::isfinite(m.mean_velocity_mm_s) &&
           std::isfinite(m.ellipse95_mm2);
}

double stability_score(const StabilityMeasures& m, const StabilityReference& ref, double min_duration_s) {
    if (!stability_measured(m, min_duration_s)) return 0.0;
    const double rms_mm = std::hypot(m.rms_ml_mm, m.rms_ap_mm);
    // Mean velocity counts most: it is the most reliable of the measures over short
    // windows (Prieto 1996; Raymakers 2005), while RMS and area need longer windows.
    const double score = 0.5 * log_scale(m.mean_velocity_mm_s, ref.good_velocity_mm_s, ref.poor_velocity_mm_s) +
                         0.25 * log_scale(rms_mm, ref.good_rms_mm, ref.poor_rms_mm) +
                         0.25 * log_scale(m.ellipse95_mm2, ref.good_ellipse_mm2, ref.poor_ellipse_mm2);
    return std::clamp(score, 0.0, 100.0);
}

}  // namespace highstep::core
