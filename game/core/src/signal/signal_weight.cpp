// Body weight from steady full-load stretches, and the sensor noise.
//
// A stretch is a sliding 0.6 s window of the total load. Its variance splits into
// sample-to-sample noise, estimated from successive differences (var = mean(d^2)/2,
// which a slow drift hardly touches), and slow change (the rest). The window is
// "steady" when the slow part is under 1 % of the load (at least 0.4 kg) and its two
// halves agree. Quiet stance, a held lean and a one-leg hold are all steady at body
// weight; a foot resting on the board in front of it is steady at a part of it. So:
//   * the first steady level of at least 20 kg is the first estimate;
//   * a steady level more than 4 % above the estimate replaces it (the first one
//     was a partial load);
//   * levels within 4 % refine it slowly (time constant 5 s);
//   * lower levels (partial loads) are ignored.
//   * a window that begins within 0.5 s of the board being empty is not used (a
//     step-up's lead foot is planted alone for up to ~0.6 s before the push-off);
//   * the first estimate stands only once the load has stayed below 1.15 x it for
//     0.3 s more: a lead foot that rests longer is steady too, until the push-off
//     lifts the load past it (a single sample's noise or a bounce does not reach 15 %).
// The noise estimate is the difference-based sd over steady windows, smoothed.
// A weight learned before the tare's first zero (a recording that starts with someone on
// the board: until the board is seen empty it reads its factory calibration) was
// measured from the wrong zero, by exactly the zero's total: it is moved by it then
// (rezero). Two of the study's people, their recordings started part-way, were 3.6 and
// 3.9 kg light (the study's boards read -3.6 to -3.9 kg empty) for the rest of the file:
// after the first empty board nobody stood still again.
#include "signal/signal_weight.h"

#include "signal/window_stats.h"

#include <algorithm>
#include <cmath>

namespace highstep::core::detail {

namespace {
constexpr double kWindowS = 0.6;
constexpr double kMinSpanS = 0.45;
constexpr std::size_t kMinSamples = 6;
constexpr std::size_t kMaxWindowSamples = 240;  // 0.6 s at 400 Hz
constexpr double kMinBodyKg = 20.0;
constexpr double kSlowSdFrac = 0.01;
constexpr double kSlowSdMinKg = 0.4;
constexpr double kReplaceAbove = 1.04;
constexpr double kRefineBand = 0.04;
constexpr double kRefineTauS = 5.0;
constexpr double kNoiseTauS = 2.0;
constexpr double kEmptyKg = 5.0;          // the board reads less than this: nobody on it
constexpr double kAfterContactS = 0.5;    // a body-weight window starts at least this long after stepping on
constexpr double kPendingS = 0.15;        // the first estimate stands once the load stayed ...
constexpr double kPendingRiseAbove = 1.15;  // ... below this share of it for this long
}  // namespace

void BodyWeightEstimator::fix(double kg) {
    body_weight_kg_ = kg;
    fixed_ = kg > 0.0;
}

void BodyWeightEstimator::assume(double kg, bool from_a_zero) {
    if (fixed_ || kg <= 0.0) return;
    body_weight_kg_ = kg;
    weight_untared_ = untared_ && !from_a_zero;
    pending_ = false;
}

void BodyWeightEstimator::rezero(double shift_kg) {
    for (Point& p : window_) p.kg -= shift_kg;
    pending_kg_ -= shift_kg;
    if (!fixed_ && weight_untared_ && body_weight_kg_ > 0.0) {
        body_weight_kg_ = std::max(kMinBodyKg, body_weight_kg_ - shift_kg);
    }
    untared_ = false;
    weight_untared_ = false;
}

void BodyWeightEstimator::push(double t_s, double total_kg) {
    const double dt_s = window_.empty() ? 0.0 : std::max(0.0, t_s - last_t_s_);
    last_t_s_ = t_s;
    if (total_kg < kEmptyKg) last_empty_s_ = t_s;
    window_.push_back({t_s, total_kg});
    while (!window_.empty() && t_s - window_.front().t_s > kWindowS) window_.pop_front();
    // Far more samples than any board sends in a window (e.g. a file repeating one time
    // stamp): keep the newest, so the cost per sample stays bounded.
    while (window_.size() > kMaxWindowSamples) window_.pop_front();
    if (pending_ && !fixed_) {
        if (total_kg > pending_kg_ * kPendingRiseAbove) {
            pending_ = false;  // a partial load: the push-off went on past it
        } else if (t_s - pending_s_ >= kPendingS) {
            pending_ = false;
            body_weight_kg_ = pending_kg_;
            weight_untared_ = untared_;
        }
    }
    evaluate_window(std::min(dt_s, kWindowS));
}

void BodyWeightEstimator::evaluate_window(double dt_s) {
    const std::size_t n = window_.size();
    if (n < kMinSamples || window_.back().t_s - window_.front().t_s < kMinSpanS) return;

    const WindowStats w = window_stats(window_, [](const Point& p) { return p.kg; });
    const double mean = w.mean;
    const double noise_var = w.noise_var;
    if (!w.steady(std::max(kSlowSdMinKg, kSlowSdFrac * std::fabs(mean)))) return;

    const double sd = std::sqrt(noise_var);
    if (!noise_known_) {
        noise_kg_ = sd;
        noise_known_ = true;
    } else {
        noise_kg_ += (sd - noise_kg_) * std::min(1.0, dt_s / kNoiseTauS);
    }

    if (fixed_ || mean < kMinBodyKg) return;
    // A step-up's lead foot, planted while the other is still on the floor, holds a
    // steady partial load for a few tenths of a second right after contact: not the
    // body weight, and taken for it a one-leg stance would be seen on it.
    if (window_.front().t_s - last_empty_s_ < kAfterContactS) return;
    if (body_weight_kg_ <= 0.0) {
        // The first estimate waits a moment: a lead foot resting on the board is steady
        // too, until the push-off lifts the load past it.
        if (!pending_) {
            pending_ = true;
            pending_kg_ = mean;
            pending_s_ = window_.back().t_s;
        }
        return;
    }
    if (mean > body_weight_kg_ * kReplaceAbove) {
        body_weight_kg_ = mean;
        weight_untared_ = untared_;
    } else if (std::fabs(mean - body_weight_kg_) <= kRefineBand * body_weight_kg_) {
        body_weight_kg_ += (mean - body_weight_kg_) * std::min(1.0, dt_s / kRefineTauS);
    }
}

}  // namespace highstep::core::detail
