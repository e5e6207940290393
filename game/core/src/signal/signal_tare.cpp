// Automatic tare. A Wii board's calibration leaves each sensor a few hundred grams
// off zero, and home-built boards may be off by kilograms, so the offsets are
// measured whenever the board is seen empty. "Empty" is a stretch that reads below
// max_kg in total and does not move (sd under 1.5 kg), for at least min_s: a foot
// resting on the board moves far more than that, and a person weighs far more.
#include "signal/signal_tare.h"

#include <cmath>

namespace highstep::core::detail {

namespace {
constexpr double kMaxSteadySdKg = 1.5;
constexpr std::size_t kMinSamples = 8;
// The first moments below max_kg are a foot leaving the board, not the empty board.
constexpr double kSettleS = 0.25;
}  // namespace

void AutoTare::restart(double t_s) {
    open_ = false;
    start_s_ = t_s;
    n_ = 0;
    sum_ = {};
    sum_total_sq_ = 0.0;
}

void AutoTare::push(double t_s, const SensorLoads& raw) {
    const double total = raw[0] + raw[1] + raw[2] + raw[3];
    if (std::fabs(total) > max_kg_) {
        restart(t_s);
        return;
    }
    if (!open_) {
        restart(t_s);
        open_ = true;
        settle_until_s_ = t_s + kSettleS;
    }
    if (t_s < settle_until_s_) {
        start_s_ = t_s;
        return;
    }
    ++n_;
    for (std::size_t i = 0; i < 4; ++i) sum_[i] += raw[i];
    sum_total_sq_ += total * total;

    if (t_s - start_s_ < min_s_ || n_ < kMinSamples) return;
    const double nn = static_cast<double>(n_);
    const double mean_total = (sum_[0] + sum_[1] + sum_[2] + sum_[3]) / nn;
    const double var = sum_total_sq_ / nn - mean_total * mean_total;
    if (var > kMaxSteadySdKg * kMaxSteadySdKg) {
        restart(t_s);  // something moved on the board: not empty
        return;
    }
    for (std::size_t i = 0; i < 4; ++i) offsets_[i] = sum_[i] / nn;
    tared_ = true;
}

void AutoTare::set(const SensorLoads& offsets) {
    offsets_ = offsets;
    tared_ = true;
}

}  // namespace highstep::core::detail
