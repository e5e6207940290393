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
//     0.15 s more: a lead foot that rests longer is steady too, until the push-off
//     lifts the load past it (a single sample's noise or a bounce does not reach 15 %);
//   * a step-up on the beat stands at its top for one beat, about 0.35 s of it steady
//     once the push-off's overshoot has settled: never a 0.6 s window. Without a
//     weigh-in nobody stepping briskly would ever be weighed, and every visit would be
//     "stepping on". So a first estimate, or one more than 4 % above it, may also come
//     from the last 0.3 s alone, through a longer wait (0.4 s: a lead foot steady for
//     0.5 + 0.3 + 0.4 s before its push-off would fool the full window too; a top's
//     lowering only takes load away), and never from samples that follow a gap within
//     0.5 s (the contact may have been in it). Such an estimate is provisional:
//     the first full window at or above it (less 4 %) takes its place as a first
//     estimate would, so a player who does stand still is weighed as before.
//   * quicker still (a beat of 0.67 s at 90 bpm), a top is steady for under 0.2 s after
//     the push-off's overshoot: no 0.3 s window either. What a brief top still shows is
//     where the load settles after that peak. So while nobody is weighed, each visit's
//     highest level that settles (4 samples over 0.1 s within the short window's range)
//     right after a peak 6 % above it is kept, and two visits in a row that settle within
//     2.5 % of each other give a provisional weight, their mean. A lead foot resting before
//     the push-off settles after no peak; a lowering does not settle.
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
constexpr double kShortWindowS = 0.3;     // a brisk step-up's steady top
constexpr double kShortMinSpanS = 0.25;
constexpr double kShortPendingS = 0.4;
constexpr double kShortMaxStepS = 0.1;    // samples further apart than this: a gap
constexpr double kWindowGapS = 0.2;       // ... and no full window across one this long raises the weight
constexpr double kShortRangeMinKg = 1.2;  // a short window's highest and lowest sample ...
constexpr double kShortRangeFrac = 0.02;  // ... within this (or this share of its load)
constexpr std::size_t kSettledSamples = 4;  // a brief top settled after the push-off's peak ...
constexpr double kSettledSpanS = 0.1;
constexpr double kSettledAfterPeak = 1.06;  // ... which rose this far above it ...
constexpr double kSettledPeakWithinS = 0.45;  // ... this shortly before it settled
constexpr double kSettledAgree = 0.025;     // two visits' settled tops this close give a weight

// The newest samples of a window, from `first` on, as window_stats() reads them.
template <class Deque>
struct Tail {
    const Deque& all;
    std::size_t first;
    std::size_t size() const { return all.size() - first; }
    const auto& operator[](std::size_t i) const { return all[first + i]; }
};
}  // namespace

void BodyWeightEstimator::fix(double kg) {
    provisional_ = false;
    body_weight_kg_ = kg;
    fixed_ = kg > 0.0;
}

void BodyWeightEstimator::assume(double kg, bool from_a_zero, bool provisional) {
    if (fixed_ || kg <= 0.0) return;
    body_weight_kg_ = kg;
    weight_untared_ = untared_ && !from_a_zero;
    pending_ = false;
    provisional_ = provisional;
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
    if (dt_s > kShortMaxStepS) last_gap_end_s_ = t_s;
    if (dt_s > kWindowGapS) last_window_gap_end_s_ = t_s;
    last_t_s_ = t_s;
    if (total_kg < kEmptyKg) {
        last_empty_s_ = t_s;
        if (on_board_ && visit_top_kg_ > 0.0) last_top_kg_ = visit_top_kg_;
        if (on_board_) visit_top_kg_ = 0.0;
    }
    on_board_ = total_kg >= kEmptyKg;
    window_.push_back({t_s, total_kg});
    while (!window_.empty() && t_s - window_.front().t_s > kWindowS) window_.pop_front();
    // Far more samples than any board sends in a window (e.g. a file repeating one time
    // stamp): keep the newest, so the cost per sample stays bounded.
    while (window_.size() > kMaxWindowSamples) window_.pop_front();
    if (pending_ && !fixed_) {
        if (total_kg > pending_kg_ * kPendingRiseAbove) {
            pending_ = false;  // a partial load: the push-off went on past it
        } else if (t_s - pending_s_ >= (pending_short_ ? kShortPendingS : kPendingS)) {
            pending_ = false;
            body_weight_kg_ = pending_kg_;
            weight_untared_ = untared_;
            provisional_ = pending_short_;
        }
    }
    evaluate_window(std::min(dt_s, kWindowS));
    evaluate_settled_top();
}

void BodyWeightEstimator::evaluate_settled_top() {
    if (fixed_ || pending_ || body_weight_kg_ > 0.0 || window_.size() < kSettledSamples + 1) return;
    // The newest samples within the short window's range of each other, with no gap.
    std::size_t first = window_.size() - 1;
    double lo_kg = window_.back().kg, hi_kg = lo_kg, sum_kg = lo_kg;
    while (first > 0 && window_[first].t_s - window_[first - 1].t_s <= kShortMaxStepS) {
        const double kg = window_[first - 1].kg;
        const double lo = std::min(lo_kg, kg), hi = std::max(hi_kg, kg);
        if (hi - lo > std::max(kShortRangeMinKg, kShortRangeFrac * hi)) break;
        lo_kg = lo, hi_kg = hi, sum_kg += kg;
        --first;
    }
    const std::size_t n = window_.size() - first;
    if (n < kSettledSamples || window_.back().t_s - window_[first].t_s < kSettledSpanS) return;
    if (window_[first].t_s - std::max(last_empty_s_, last_gap_end_s_) < kAfterContactS) return;
    const double level_kg = sum_kg / static_cast<double>(n);
    if (level_kg < kMinBodyKg) return;
    double peak_kg = 0.0;
    for (std::size_t i = first; i > 0 && window_[first].t_s - window_[i - 1].t_s <= kSettledPeakWithinS; --i) {
        if (window_[i].t_s - window_[i - 1].t_s > kShortMaxStepS) break;
        peak_kg = std::max(peak_kg, window_[i - 1].kg);
    }
    if (peak_kg < kSettledAfterPeak * level_kg) return;
    visit_top_kg_ = std::max(visit_top_kg_, level_kg);
    if (last_top_kg_ > 0.0 && std::fabs(visit_top_kg_ - last_top_kg_) <= kSettledAgree * visit_top_kg_) {
        body_weight_kg_ = (visit_top_kg_ + last_top_kg_) / 2.0;
        weight_untared_ = untared_;
        provisional_ = true;
    }
}

void BodyWeightEstimator::evaluate_short_window() {
    if (fixed_ || pending_ || window_.empty()) return;
    std::size_t first = window_.size() - 1;
    double lo_kg = window_.back().kg, hi_kg = lo_kg;
    for (; first > 0 && window_.back().t_s - window_[first - 1].t_s <= kShortWindowS; --first) {
        lo_kg = std::min(lo_kg, window_[first - 1].kg);
        hi_kg = std::max(hi_kg, window_[first - 1].kg);
    }
    const Tail<std::deque<Point>> tail{window_, first};
    if (tail.size() < kMinSamples || window_.back().t_s - window_[first].t_s < kShortMinSpanS) return;
    if (window_[first].t_s - std::max(last_empty_s_, last_gap_end_s_) < kAfterContactS) return;
    // Weighed already and nothing in the window above 1.04 x that: its mean cannot replace
    // the weight (the usual case on every sample of a move), no statistics needed.
    if (body_weight_kg_ > 0.0 && hi_kg <= body_weight_kg_ * kReplaceAbove) return;
    const WindowStats w = window_stats(tail, [](const Point& p) { return p.kg; });
    if (w.mean < kMinBodyKg || hi_kg - lo_kg > std::max(kShortRangeMinKg, kShortRangeFrac * w.mean)) return;
    if (!w.steady(std::max(kSlowSdMinKg, kSlowSdFrac * w.mean))) return;
    if (body_weight_kg_ > 0.0 && w.mean <= body_weight_kg_ * kReplaceAbove) return;
    pending_ = true;
    pending_short_ = true;
    pending_kg_ = w.mean;
    pending_s_ = window_.back().t_s;
}

void BodyWeightEstimator::evaluate_window(double dt_s) {
    const std::size_t n = window_.size();
    if (n < kMinSamples || window_.back().t_s - window_.front().t_s < kMinSpanS) {
        evaluate_short_window();
        return;
    }

    const WindowStats w = window_stats(window_, [](const Point& p) { return p.kg; });
    const double mean = w.mean;
    const double noise_var = w.noise_var;
    if (!w.steady(std::max(kSlowSdMinKg, kSlowSdFrac * std::fabs(mean)))) {
        evaluate_short_window();
        return;
    }

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
    if (body_weight_kg_ <= 0.0 || (provisional_ && mean >= body_weight_kg_ * (1.0 - kRefineBand))) {
        // The first estimate waits a moment: a lead foot resting on the board is steady
        // too, until the push-off lifts the load past it. A full window waits as before
        // even if a short one is waiting already.
        if (!pending_ || pending_short_) {
            pending_ = true;
            pending_short_ = false;
            pending_kg_ = mean;
            pending_s_ = window_.back().t_s;
        }
        return;
    }
    if (mean > body_weight_kg_ * kReplaceAbove) {
        // Not from a window across a gap in the data: the last tenth of a second before it
        // and a sample after it fill a window whose drop across the gap passes for noise
        // (on a 0.5 s gap, a quick push of 2 kg just before it weighed a person 2 kg heavy).
        if (window_.front().t_s < last_window_gap_end_s_) return;
        body_weight_kg_ = mean;
        weight_untared_ = untared_;
    } else if (std::fabs(mean - body_weight_kg_) <= kRefineBand * body_weight_kg_) {
        body_weight_kg_ += (mean - body_weight_kg_) * std::min(1.0, dt_s / kRefineTauS);
    }
}

}  // namespace highstep::core::detail
