// Rep scores, grades, per-leg symmetry and the set/session results. The weights
// and why: docs/session.md ("Scoring").
#include <algorithm>
#include <cmath>
#include <utility>

#include "highstep/core/score/scoring.h"

namespace highstep::core {

const char* to_string(RepKind kind) {
    switch (kind) {
        case RepKind::step_up: return "step_up";
        case RepKind::knee_drive: return "knee_drive";
        case RepKind::hold: return "hold";
    }
    return "step_up";
}

const char* to_string(Grade grade) {
    switch (grade) {
        case Grade::S: return "S";
        case Grade::A: return "A";
        case Grade::B: return "B";
        case Grade::C: return "C";
        case Grade::D: return "D";
    }
    return "D";
}

Grade grade_for(double fraction_of_max) {
    if (fraction_of_max >= 0.90) return Grade::S;
    if (fraction_of_max >= 0.80) return Grade::A;
    if (fraction_of_max >= 0.65) return Grade::B;
    if (fraction_of_max >= 0.50) return Grade::C;
    return Grade::D;
}

namespace {

// The timing part of each kind of rep (timing_points() gives it at the contact).
constexpr double kTimingWeightStepUp = 0.40;
constexpr double kTimingWeightStepUpHold = 0.30;
constexpr double kTimingWeightKneeDrive = 0.30;

double clamp01(double v) { return std::isfinite(v) ? std::clamp(v, 0.0, 1.0) : 0.0; }

struct Part {
    double weight;
    double value;  // 0..1
    bool present;
};

// Weighted mean of the parts that could be measured: a rep whose stability window
// was too short is judged on the rest rather than given a zero for it.
double weighted(std::initializer_list<Part> parts) {
    double sum = 0.0;
    double weights = 0.0;
    for (const Part& p : parts) {
        if (!p.present) continue;
        sum += p.weight * p.value;
        weights += p.weight;
    }
    return weights > 0.0 ? sum / weights : 0.0;
}

}  // namespace

RepScore score_rep(const RepInput& rep, const RepQualitySettings& q, const StabilityReference& two_feet,
                   const StabilityReference& one_foot) {
    RepScore s;
    s.input = rep;
    s.timing_value = rep.timing ? judgement_value(rep.timing->judgement) : 1.0;
    if (q.lowering_target_s > q.lowering_drop_s) {
        s.lowering_value = clamp01((rep.lowering_s - q.lowering_drop_s) / (q.lowering_target_s - q.lowering_drop_s));
    }
    if (q.peak_target_bw > 1.0 && rep.peak_bw > 0.0) {
        s.drive_value = clamp01((rep.peak_bw - 1.0) / (q.peak_target_bw - 1.0));
    }
    s.hold_value = q.hold_target_s > 0.0 ? clamp01(rep.hold_s / q.hold_target_s) : (rep.hold_s > 0.0 ? 1.0 : 0.0);
    const bool has_stability = stability_measured(rep.stability);
    if (has_stability) {
        const StabilityReference& ref = rep.stability_stance == StanceKind::one_foot ? one_foot : two_feet;
        s.stability = stability_score(rep.stability, ref);
    }
    const double stab = s.stability / 100.0;
    const bool timed = rep.timing.has_value();
    double total = 0.0;
    switch (rep.kind) {
        case RepKind::step_up:
            if (rep.has_hold) {
                total = weighted({{kTimingWeightStepUpHold, s.timing_value, timed},
                                  {0.25, s.lowering_value, true},
                                  {0.10, s.drive_value, true},
                                  {0.20, s.hold_value, true},
                                  {0.15, stab, has_stability}});
            } else {
                total = weighted({{kTimingWeightStepUp, s.timing_value, timed},
                                  {0.35, s.lowering_value, true},
                                  {0.15, s.drive_value, true},
                                  {0.10, stab, has_stability}});
            }
            break;
        case RepKind::knee_drive:
            total = weighted({{kTimingWeightKneeDrive, s.timing_value, timed},
                              {0.30, s.hold_value, true},
                              {0.25, stab, has_stability},
                              {0.15, s.drive_value, true}});
            break;
        case RepKind::hold:
            // A balance hold has no contact to time: steadiness and staying up count.
            total = weighted({{0.50, s.hold_value, true}, {0.50, stab, true}});
            break;
    }
    s.points = static_cast<int>(std::lround(clamp01(total) * kMaxRepPoints));
    return s;
}

int timing_points(RepKind kind, bool has_hold, Judgement judgement) {
    // The weights of score_rep(): the timing part's share of all parts.
    double share = 0.0;
    switch (kind) {
        case RepKind::step_up: share = has_hold ? kTimingWeightStepUpHold : kTimingWeightStepUp; break;
        case RepKind::knee_drive: share = kTimingWeightKneeDrive; break;
        case RepKind::hold: return 0;
    }
    return static_cast<int>(std::lround(share * judgement_value(judgement) * kMaxRepPoints));
}

// ---------------------------------------------------------------- Scorer

Scorer::Scorer(std::string level_id, int sets, int reps_per_set, double input_offset_ms)
    : level_id_(std::move(level_id)), sets_target_(sets), reps_per_set_(reps_per_set),
      input_offset_ms_(input_offset_ms) {}

void Scorer::begin_set(int set_number) {
    if (set_open_) end_set(false);
    SetResult set;
    set.set_number = set_number;
    set.reps_target = reps_per_set_;
    sets_.push_back(std::move(set));
    set_open_ = true;
}

void Scorer::add_rep(const RepScore& rep) {
    if (!set_open_) begin_set(static_cast<int>(sets_.size()) + 1);
    SetResult& set = sets_.back();
    set.reps.push_back(rep);
    set.score += rep.points;
    if (rep.input.timing) {
        ++set.judgements[static_cast<std::size_t>(rep.input.timing->judgement)];
        // Only a Miss breaks the combo; a Good is still "on the beat".
        combo_ = rep.input.timing->judgement == Judgement::miss ? 0 : combo_ + 1;
    } else {
        combo_ += 1;
    }
    set.max_combo = std::max(set.max_combo, combo_);
    max_combo_ = std::max(max_combo_, combo_);
    set.grade = grade_for(set.reps_target > 0 ? set.score / double(set.reps_target * kMaxRepPoints) : 0.0);
}

void Scorer::end_set(bool completed) {
    if (!set_open_) return;
    SetResult& set = sets_.back();
    set.completed = completed;
    set.grade = grade_for(set.reps_target > 0 ? set.score / double(set.reps_target * kMaxRepPoints) : 0.0);
    set_open_ = false;
}

int Scorer::score() const {
    int total = 0;
    for (const SetResult& s : sets_) total += s.score;
    return total;
}

namespace {

struct LegAccumulator {
    int reps = 0;
    double peak_sum = 0.0;
    int peaks = 0;
    double stability_sum = 0.0;
    int stabilities = 0;
    double hold_sum = 0.0;
    int holds = 0;

    void add(const RepScore& r) {
        ++reps;
        if (r.input.peak_bw > 0.0) {
            peak_sum += r.input.peak_bw;
            ++peaks;
        }
        if (stability_measured(r.input.stability)) {
            stability_sum += r.stability;
            ++stabilities;
        }
        if (r.input.hold_s > 0.0) {
            hold_sum += r.input.hold_s;
            ++holds;
        }
    }
    LegSummary summary() const {
        LegSummary s;
        s.reps = reps;
        s.mean_peak_bw = peaks ? peak_sum / peaks : 0.0;
        s.mean_stability = stabilities ? stability_sum / stabilities : 0.0;
        s.stability_reps = stabilities;
        s.mean_hold_s = holds ? hold_sum / holds : 0.0;
        return s;
    }
};

double symmetry_pct(double a, double b) {
    const double hi = std::max(a, b);
    if (hi <= 0.0) return 100.0;
    return 100.0 * std::min(a, b) / hi;
}

}  // namespace

SessionResult Scorer::result(bool completed, double duration_s, std::optional<double> suggested_offset_ms) const {
    SessionResult r;
    r.level_id = level_id_;
    r.sets = sets_;
    r.completed = completed;
    r.duration_s = duration_s;
    r.input_offset_ms = input_offset_ms_;
    r.suggested_offset_ms = suggested_offset_ms;
    r.reps_target = sets_target_ * reps_per_set_;
    r.max_score = r.reps_target * kMaxRepPoints;
    r.max_combo = max_combo_;

    LegAccumulator left;
    LegAccumulator right;
    double abs_error_sum = 0.0;
    int timed = 0;
    double stab_score_sum = 0.0;
    StabilityMeasures stab_sum;
    int stab_count = 0;
    double spread_weighted = 0.0;
    double spread_weights = 0.0;
    for (const SetResult& set : sets_) {
        r.score += set.score;
        for (std::size_t j = 0; j < kJudgementCount; ++j) r.judgements[j] += set.judgements[j];
        std::vector<double> contacts;
        for (const RepScore& rep : set.reps) {
            ++r.reps;
            if (!rep.input.two_feet) (rep.input.side == Side::left ? left : right).add(rep);
            if (rep.input.timing) {
                abs_error_sum += std::fabs(rep.input.timing->error_ms);
                ++timed;
                contacts.push_back(rep.input.t_s);
            }
            if (stability_measured(rep.input.stability)) {
                stab_score_sum += rep.stability;
                const StabilityMeasures& m = rep.input.stability;
                stab_sum.path_length_mm += m.path_length_mm;
                stab_sum.mean_velocity_mm_s += m.mean_velocity_mm_s;
                stab_sum.rms_ml_mm += m.rms_ml_mm;
                stab_sum.rms_ap_mm += m.rms_ap_mm;
                stab_sum.ellipse95_mm2 += m.ellipse95_mm2;
                stab_sum.duration_s += m.duration_s;
                stab_sum.samples += m.samples;
                ++stab_count;
            }
        }
        // Consistency is judged within a set: the rest between sets is not a rep interval.
        if (contacts.size() >= 3) {
            const double w = static_cast<double>(contacts.size() - 1);
            spread_weighted += w * interval_spread_ms(contacts);
            spread_weights += w;
        }
    }
    r.mean_abs_error_ms = timed ? abs_error_sum / timed : 0.0;
    r.interval_spread_ms = spread_weights > 0.0 ? spread_weighted / spread_weights : 0.0;
    r.interval_spread_measured = spread_weights > 0.0;
    if (stab_count > 0) {
        const double n = stab_count;
        r.stability_score = stab_score_sum / n;
        r.stability.path_length_mm = stab_sum.path_length_mm / n;
        r.stability.mean_velocity_mm_s = stab_sum.mean_velocity_mm_s / n;
        r.stability.rms_ml_mm = stab_sum.rms_ml_mm / n;
        r.stability.rms_ap_mm = stab_sum.rms_ap_mm / n;
        r.stability.ellipse95_mm2 = stab_sum.ellipse95_mm2 / n;
        r.stability.duration_s = stab_sum.duration_s;  // total time measured
        r.stability.samples = stab_sum.samples;
    }
    r.symmetry.left = left.summary();
    r.symmetry.right = right.summary();
    r.symmetry.reps_pct = symmetry_pct(r.symmetry.left.reps, r.symmetry.right.reps);
    r.symmetry.peak_pct = symmetry_pct(r.symmetry.left.mean_peak_bw, r.symmetry.right.mean_peak_bw);
    // Two legs that both did reps, one with no steadiness measured: nothing to compare
    // (as when neither has one), not "0 %". A leg with no reps at all is 0 % throughout.
    const bool unmeasured_leg = left.reps > 0 && right.reps > 0 && (left.stabilities == 0 || right.stabilities == 0);
    r.symmetry.stability_pct =
        unmeasured_leg ? 100.0 : symmetry_pct(r.symmetry.left.mean_stability, r.symmetry.right.mean_stability);
    r.grade = grade_for(r.max_score > 0 ? r.score / double(r.max_score) : 0.0);
    return r;
}

}  // namespace highstep::core
