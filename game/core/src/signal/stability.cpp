// Posturography measures (Prieto, Myklebust, Hoffmann, Lovett & Myklebust 1996,
// "Measures of postural steadiness", IEEE Trans. Biomed. Eng. 43(9)), over a window
// of N time-ordered CoP points (x = ML, y = AP), with the mean removed first:
//
//   path length      D      = sum_i sqrt((x_i - x_{i-1})^2 + (y_i - y_{i-1})^2)
//   mean velocity    MVELO  = D / T,  T = t_N - t_1 (real time: uneven spacing is fine)
//   RMS ML / AP      RMS_ML = sqrt(1/N sum (x_i - mean x)^2), likewise AP
//   95 % ellipse     AREA   = 2 pi F_.05[2, N-2] sqrt(s_ML^2 s_AP^2 - s_MLAP^2)
//
// where s_ML^2, s_AP^2, s_MLAP are the (1/N) variances and covariance: the product
// of the covariance matrix's eigenvalues is its determinant, and an ellipse with
// semi-axes sqrt(F_.05 * 2 * lambda_k) covers 95 % of the points. F(2, d2) has the
// closed form d2/2 (0.05^(-2/d2) - 1); for large N it tends to chi2_.95(2)/2 = 2.996.
#include "highstep/core/signal/stability.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace highstep::core {

double f_quantile_95_2(double d2) {
    return d2 / 2.0 * (std::pow(0.05, -2.0 / d2) - 1.0);
}

StabilityMeasures compute_stability(const std::vector<CopPoint>& points) {
    StabilityMeasures m;
    const std::size_t n = points.size();
    m.samples = n;
    if (n < 2) return m;

    double sum_x = 0.0, sum_y = 0.0;
    for (const CopPoint& p : points) {
        sum_x += p.x_mm;
        sum_y += p.y_mm;
    }
    const double mean_x = sum_x / static_cast<double>(n);
    const double mean_y = sum_y / static_cast<double>(n);

    double path = 0.0, sxx = 0.0, syy = 0.0, sxy = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const double dx = points[i].x_mm - mean_x;
        const double dy = points[i].y_mm - mean_y;
        sxx += dx * dx;
        syy += dy * dy;
        sxy += dx * dy;
        if (i > 0) {
            path += std::hypot(points[i].x_mm - points[i - 1].x_mm, points[i].y_mm - points[i - 1].y_mm);
        }
    }
    const double nn = static_cast<double>(n);
    sxx /= nn;
    syy /= nn;
    sxy /= nn;

    m.duration_s = points.back().t_s - points.front().t_s;
    m.path_length_mm = path;
    m.mean_velocity_mm_s = m.duration_s > 0.0 ? path / m.duration_s : 0.0;
    m.rms_ml_mm = std::sqrt(sxx);
    m.rms_ap_mm = std::sqrt(syy);
    if (n >= 3) {
        const double det = std::max(0.0, sxx * syy - sxy * sxy);
        m.ellipse95_mm2 = 2.0 * std::numbers::pi * f_quantile_95_2(nn - 2.0) * std::sqrt(det);
    }
    return m;
}

CopPoint CopLowPass::push(const CopPoint& raw) {
    if (!primed_ || raw.t_s <= state_.t_s) {
        // First point, or a repeated time stamp: nothing to integrate over.
        if (!primed_) state_ = raw;
        primed_ = true;
        state_.t_s = raw.t_s;
        return state_;
    }
    const double tau_s = 1.0 / (2.0 * std::numbers::pi * cutoff_hz_);
    const double alpha = 1.0 - std::exp(-(raw.t_s - state_.t_s) / tau_s);
    state_.x_mm += alpha * (raw.x_mm - state_.x_mm);
    state_.y_mm += alpha * (raw.y_mm - state_.y_mm);
    state_.t_s = raw.t_s;
    return state_;
}

}  // namespace highstep::core
