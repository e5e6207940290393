#pragma once
// Posturography measures of centre-of-pressure sway (Prieto et al. 1996).
#include <cstddef>
#include <vector>

namespace highstep::core {

struct CopPoint {
    double t_s = 0.0;
    double x_mm = 0.0;  // medio-lateral, + is the player's right
    double y_mm = 0.0;  // antero-posterior, + is the player's front
};

struct StabilityMeasures {
    double path_length_mm = 0.0;      // sum of distances between successive CoP points
    double mean_velocity_mm_s = 0.0;  // path length / duration
    double rms_ml_mm = 0.0;           // RMS distance from the mean, medio-lateral
    double rms_ap_mm = 0.0;           // RMS distance from the mean, antero-posterior
    double ellipse95_mm2 = 0.0;       // area of the 95 % confidence ellipse
    double duration_s = 0.0;
    std::size_t samples = 0;
};

// Measures over a window of CoP points (time-ordered). Fewer than 2 points gives zeros.
StabilityMeasures compute_stability(const std::vector<CopPoint>& points);

}  // namespace highstep::core
