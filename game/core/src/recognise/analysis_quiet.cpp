// Two-foot quiet stance, and the top-level stability of `highstep analyze`.
//
// "Quiet" is what a posturography lab would record: standing still on two feet.
// A frame counts when
//   * the stance is two feet and the CoP is valid, at least settle_after_s after the
//     two-foot stance began and settle_before_s before it ended (stepping in and out
//     of it is not standing still);
//   * the 100 ms load is within load_band_bw of body weight (no bouncing or pushing);
//   * its block of block_s is still: the 5 Hz low-passed CoP stays within
//     block_range_mm in ML and in AP (a lean to a target moves far more; quiet sway is
//     a few mm).
// Runs of such frames at least min_run_s long are measured, and pooled: path length
// and duration add up (mean velocity = total path / total time), RMS and the 95 %
// ellipse are taken over all runs' points with each run's own mean removed, so that
// standing still in two places does not count as sway between them.
#include "recognise/analysis_quiet.h"

#include <algorithm>
#include <cmath>

namespace highstep::core::detail {

namespace {

using Run = std::vector<CopPoint>;

// Splits a run of filtered CoP into still blocks; appends the still stretches to `out`.
void keep_still_blocks(const Run& run, const QuietSettings& s, std::vector<Run>& out) {
    Run current;
    std::size_t i = 0;
    while (i < run.size()) {
        std::size_t j = i;
        double min_x = run[i].x_mm, max_x = min_x, min_y = run[i].y_mm, max_y = min_y;
        while (j < run.size() && run[j].t_s - run[i].t_s < s.block_s) {
            min_x = std::min(min_x, run[j].x_mm);
            max_x = std::max(max_x, run[j].x_mm);
            min_y = std::min(min_y, run[j].y_mm);
            max_y = std::max(max_y, run[j].y_mm);
            ++j;
        }
        const bool still = max_x - min_x <= s.block_range_mm && max_y - min_y <= s.block_range_mm;
        if (still) {
            current.insert(current.end(), run.begin() + static_cast<std::ptrdiff_t>(i),
                           run.begin() + static_cast<std::ptrdiff_t>(j));
        } else if (!current.empty()) {
            out.push_back(std::move(current));
            current.clear();
        }
        i = j;
    }
    if (!current.empty()) out.push_back(std::move(current));
}

}  // namespace

StabilityMeasures quiet_stance_stability(const std::vector<SignalFrame>& frames, double bw,
                                         const QuietSettings& s) {
    // 1. Two-foot stretches, trimmed, within the load band; CoP low-passed per stretch.
    std::vector<Run> candidates;
    std::size_t i = 0;
    while (i < frames.size()) {
        if (frames[i].stance != Stance::both) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < frames.size() && frames[j].stance == Stance::both) ++j;
        const bool ended = j < frames.size();  // the stance changed before the data stopped
        const double from_s = frames[i].stance_since_s + s.settle_after_s;
        const double to_s = ended ? frames[j].stance_since_s - s.settle_before_s : frames[j - 1].t_s;
        CopLowPass filter;
        Run run;
        for (std::size_t k = i; k < j; ++k) {
            const SignalFrame& f = frames[k];
            if (!f.cop_valid) continue;
            const CopPoint p = filter.push({f.t_s, f.cop_x_mm, f.cop_y_mm});
            const bool in_band = bw > 0.0 && std::fabs(f.total_smooth_kg - bw) <= s.load_band_bw * bw;
            if (f.t_s >= from_s && f.t_s <= to_s && in_band) {
                run.push_back(p);
            } else if (!run.empty()) {
                candidates.push_back(std::move(run));
                run.clear();
            }
        }
        if (!run.empty()) candidates.push_back(std::move(run));
        i = j;
    }

    // 2. Still blocks only; runs long enough.
    std::vector<Run> runs;
    for (const Run& c : candidates) keep_still_blocks(c, s, runs);
    std::erase_if(runs, [&](const Run& r) { return r.back().t_s - r.front().t_s < s.min_run_s; });

    // 3. Pooled measures.
    StabilityMeasures total;
    Run centred;
    for (const Run& r : runs) {
        const StabilityMeasures m = compute_stability(r);
        total.path_length_mm += m.path_length_mm;
        total.duration_s += m.duration_s;
        double mx = 0.0, my = 0.0;
        for (const CopPoint& p : r) {
            mx += p.x_mm;
            my += p.y_mm;
        }
        mx /= static_cast<double>(r.size());
        my /= static_cast<double>(r.size());
        for (const CopPoint& p : r) centred.push_back({p.t_s, p.x_mm - mx, p.y_mm - my});
    }
    if (centred.size() < 2) return total;
    const StabilityMeasures pooled = compute_stability(centred);
    total.samples = centred.size();
    total.rms_ml_mm = pooled.rms_ml_mm;
    total.rms_ap_mm = pooled.rms_ap_mm;
    total.ellipse95_mm2 = pooled.ellipse95_mm2;
    total.mean_velocity_mm_s = total.duration_s > 0.0 ? total.path_length_mm / total.duration_s : 0.0;
    return total;
}

}  // namespace highstep::core::detail
