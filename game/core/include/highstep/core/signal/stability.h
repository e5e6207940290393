#pragma once
// Posturography measures of centre-of-pressure sway (Prieto et al. 1996).
//
//   CopPoint, StabilityMeasures   a CoP sample and the measures over a window
//   compute_stability()           the measures (formulas in stability.cpp)
//   CopLowPass                    the 5 Hz low-pass the measures are taken after
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

// 95th percentile of the F distribution with (2, d2) degrees of freedom, closed form.
double f_quantile_95_2(double d2);

// First-order low-pass of the CoP with a time-aware coefficient, so it works at any
// (uneven) sample rate. Prieto et al. low-passed the CoP at 5 Hz before measuring;
// without it the Wii board's sensor noise, not sway, dominates path length and velocity.
class CopLowPass {
public:
    explicit CopLowPass(double cutoff_hz = 5.0) : cutoff_hz_(cutoff_hz) {}
    CopPoint push(const CopPoint& raw);   // returns the filtered point
    void reset() { primed_ = false; }
private:
    double cutoff_hz_;
    bool primed_ = false;
    CopPoint state_;
};

}  // namespace highstep::core
