// Gaps in the data and what they hide from a detector (see TruthMark in accuracy.h).
#include <algorithm>

#include "accuracy.h"

namespace highstep::accuracy {
namespace {

double overlap_s(const Gap& g, double from_s, double to_s) {
    return std::max(0.0, std::min(to_s, g.to_s) - std::max(from_s, g.from_s));
}

double hidden_s(const std::vector<Gap>& gaps, double from_s, double to_s) {
    double sum = 0.0;
    for (const Gap& g : gaps) sum += overlap_s(g, from_s, to_s);
    return sum;
}

// A hold needs this much visible single-leg stance to be told from a shift.
constexpr double kVisibleHold_s = 1.2;
// After lift-off, a knee drive's dip, peak and settling take at most this long (movements.h).
constexpr double kDrivePhase_s = 0.6;
// After the top, a step-up's push-off peak and settling take at most this long.
constexpr double kPushPhase_s = 0.4;

}  // namespace

std::vector<Gap> find_gaps(const std::vector<BoardSample>& samples) {
    std::vector<Gap> gaps;
    for (std::size_t i = 1; i < samples.size(); ++i) {
        if (samples[i].t_s - samples[i - 1].t_s > kGapMin_s) gaps.push_back({samples[i - 1].t_s, samples[i].t_s});
    }
    return gaps;
}

TruthMark plain_truth(const Mark& mark) {
    const double tol = match_tolerance_s(mark.type);
    TruthMark t;
    t.mark = mark;
    t.lo_s = t.from_s = mark.t_s - tol;
    t.hi_s = t.to_s = mark.t_s + tol;
    return t;
}

TruthMark truth_mark(const synth::TruthEvent& e, const std::vector<Gap>& gaps) {
    const bool interval = e.type != synth::TruthType::step_on && e.type != synth::TruthType::step_off;
    TruthMark t = plain_truth(Mark{e.type, e.side, e.start_s, interval ? e.end_s : -1.0});
    const double tol = match_tolerance_s(e.type);
    for (const Gap& g : gaps) {
        if (interval && g.from_s < e.end_s && e.end_s < g.to_s) t.end_in_gap = true;
        if (g.from_s < e.start_s && e.start_s < g.to_s) {
            t.in_gap = true;
            t.lo_s = g.from_s - tol;
            t.hi_s = g.to_s + tol;
        }
    }
    t.to_s = std::max(e.end_s, e.start_s) + tol;
    switch (e.type) {
        case synth::TruthType::step_on:
        case synth::TruthType::step_off: break;  // a moment: the window above is all
        case synth::TruthType::step_up:
            t.obscured = hidden_s(gaps, e.start_s - 0.05, e.top_s + kPushPhase_s) > 0.0;
            break;
        case synth::TruthType::knee_drive: {
            const double lift_off_s = e.ends_in_knee_drive ? e.start_s : e.end_s - e.hold_s;
            t.obscured = hidden_s(gaps, e.start_s, std::max(lift_off_s, e.start_s) + kDrivePhase_s) > 0.0;
            break;
        }
        case synth::TruthType::one_leg_hold:
            t.obscured = (e.end_s - e.start_s) - hidden_s(gaps, e.start_s, e.end_s) < kVisibleHold_s;
            break;
    }
    return t;
}

}  // namespace highstep::accuracy
