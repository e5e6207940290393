#pragma once
// A window of a load's samples split into sample-to-sample noise and slow change:
// the noise variance from successive differences (var = mean(d^2)/2, which a slow
// drift hardly touches), the slow variance the rest, and the means of the two halves
// (a step or a ramp shows as halves that disagree). The body-weight estimator and the
// tare both ask "is this stretch steady?" of it.
#include <algorithm>
#include <cmath>
#include <cstddef>

namespace highstep::core::detail {

struct WindowStats {
    double mean = 0.0;
    double noise_var = 0.0;
    double slow_var = 0.0;
    double mean_first = 0.0;   // the first half's mean
    double mean_second = 0.0;  // the second half's
    std::size_t n = 0;

    // Steady: the slow part under slow_limit (sd) and the halves' means within it plus
    // what noise alone gives (about 3 standard errors).
    bool steady(double slow_limit) const {
        const double halves_limit = slow_limit + 3.0 * std::sqrt(noise_var * 4.0 / static_cast<double>(n));
        return slow_var <= slow_limit * slow_limit && std::fabs(mean_first - mean_second) <= halves_limit;
    }
};

// `value(window[i])` is the load of the i-th sample; needs at least 2 samples.
template <class Window, class Value>
WindowStats window_stats(const Window& window, Value value) {
    WindowStats s;
    s.n = window.size();
    double sum = 0.0, sum_sq = 0.0, sum_d2 = 0.0, sum_first = 0.0;
    const std::size_t half = s.n / 2;
    for (std::size_t i = 0; i < s.n; ++i) {
        const double v = value(window[i]);
        sum += v;
        sum_sq += v * v;
        if (i < half) sum_first += v;
        if (i > 0) {
            const double d = v - value(window[i - 1]);
            sum_d2 += d * d;
        }
    }
    const double nn = static_cast<double>(s.n);
    s.mean = sum / nn;
    const double var = std::max(0.0, sum_sq / nn - s.mean * s.mean);
    s.noise_var = sum_d2 / (2.0 * static_cast<double>(s.n - 1));
    s.slow_var = std::max(0.0, var - s.noise_var);
    s.mean_first = sum_first / static_cast<double>(half);
    s.mean_second = (sum - sum_first) / static_cast<double>(s.n - half);
    return s;
}

}  // namespace highstep::core::detail
