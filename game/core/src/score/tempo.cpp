// Tempo: the beat grid, timing judgements, auto-sync of the input offset and the
// spread of rep intervals. Reasoning for the numbers: docs/session.md.
#include <algorithm>
#include <cmath>

#include "highstep/core/score/scoring.h"

namespace highstep::core {

const char* to_string(Judgement judgement) {
    switch (judgement) {
        case Judgement::perfect: return "perfect";
        case Judgement::great: return "great";
        case Judgement::good: return "good";
        case Judgement::miss: return "miss";
    }
    return "miss";
}

double judgement_value(Judgement judgement) {
    // Great keeps most of the credit: over a whole-body movement it is still a
    // rep in time. Good is "on the beat, roughly"; Miss earns no tempo credit.
    switch (judgement) {
        case Judgement::perfect: return 1.0;
        case Judgement::great: return 0.8;
        case Judgement::good: return 0.5;
        case Judgement::miss: return 0.0;
    }
    return 0.0;
}

double BeatGrid::period_s() const { return active() ? 60.0 / bpm : 0.0; }

double BeatGrid::nearest_beat_s(double t_s) const {
    if (!active()) return t_s;
    const double k = std::max(0.0, std::round((t_s - start_s) / period_s()));
    return start_s + k * period_s();
}

long BeatGrid::beat_index(double t_s) const {
    if (!active() || t_s < start_s) return -1;
    // A tiny epsilon so a time computed as start + k * period lands on beat k, not k-1.
    return static_cast<long>(std::floor((t_s - start_s) / period_s() + 1e-9));
}

double BeatGrid::phase(double t_s) const {
    if (!active()) return 0.0;
    const double beats = (t_s - start_s) / period_s();
    const double frac = beats - std::floor(beats + 1e-9);
    return std::clamp(frac, 0.0, 1.0);
}

TimingResult judge_timing(double contact_s, const BeatGrid& grid, double input_offset_ms,
                          const TimingWindows& windows) {
    TimingResult result;
    const double corrected_s = contact_s - input_offset_ms / 1000.0;
    result.beat_s = grid.nearest_beat_s(corrected_s);
    result.error_ms = (corrected_s - result.beat_s) * 1000.0;
    result.raw_error_ms = (contact_s - grid.nearest_beat_s(contact_s)) * 1000.0;
    // A micro-second of slack so that a contact exactly on a window's edge, after
    // floating-point subtraction, gets the better judgement as documented.
    const double abs_ms = std::fabs(result.error_ms) - 1e-3;
    if (abs_ms <= windows.perfect_ms) {
        result.judgement = Judgement::perfect;
    } else if (abs_ms <= windows.great_ms) {
        result.judgement = Judgement::great;
    } else if (abs_ms <= windows.good_ms) {
        result.judgement = Judgement::good;
    } else {
        result.judgement = Judgement::miss;
    }
    return result;
}

OffsetCalibrator::OffsetCalibrator(const OffsetCalibrationSettings& settings) : settings_(settings) {}

bool OffsetCalibrator::push(double raw_error_ms) {
    if (std::fabs(raw_error_ms) > settings_.max_abs_error_ms) {
        run_.clear();  // a stray rep breaks the run: auto-sync wants steady reps in a row
        return false;
    }
    run_.push_back(raw_error_ms);
    if (run_.size() > settings_.reps) run_.erase(run_.begin());
    if (settings_.reps == 0 || run_.size() < settings_.reps) return false;
    const auto [lo, hi] = std::minmax_element(run_.begin(), run_.end());
    if (*hi - *lo > settings_.max_spread_ms) return false;  // not steady yet; keep sliding
    std::vector<double> sorted = run_;
    std::sort(sorted.begin(), sorted.end());
    const std::size_t n = sorted.size();
    // The median ignores one early or late rep that the spread limit let through.
    suggestion_ = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    return true;
}

void OffsetCalibrator::reset() {
    run_.clear();
    suggestion_.reset();
}

double interval_spread_ms(const std::vector<double>& contact_times_s) {
    if (contact_times_s.size() < 3) return 0.0;
    std::vector<double> intervals;
    intervals.reserve(contact_times_s.size() - 1);
    for (std::size_t i = 1; i < contact_times_s.size(); ++i) {
        intervals.push_back(contact_times_s[i] - contact_times_s[i - 1]);
    }
    double mean = 0.0;
    for (double v : intervals) mean += v;
    mean /= static_cast<double>(intervals.size());
    double var = 0.0;
    for (double v : intervals) var += (v - mean) * (v - mean);
    var /= static_cast<double>(intervals.size() - 1);  // sample SD: few reps per set
    return std::sqrt(var) * 1000.0;
}

}  // namespace highstep::core
