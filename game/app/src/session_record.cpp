#include "session_record.h"

#include <cmath>

namespace highstep::app {

namespace {

store::Judgement to_store(core::Judgement j) {
    switch (j) {
        case core::Judgement::perfect: return store::Judgement::perfect;
        case core::Judgement::great: return store::Judgement::great;
        case core::Judgement::good: return store::Judgement::good;
        case core::Judgement::miss: return store::Judgement::miss;
    }
    return store::Judgement::miss;
}

// A rep with no beat to judge against (a level without tempo) is stored with the
// judgement its points would earn, so tables of Perfect/Great stay meaningful.
store::Judgement judgement_from_points(int points) {
    if (points >= 900) return store::Judgement::perfect;
    if (points >= 750) return store::Judgement::great;
    if (points >= 500) return store::Judgement::good;
    return store::Judgement::miss;
}

// The scorer's 60/100 steadiness is the line between a steady and a shaky rep
// (the store's progression rule asks for "at least Great and steady").
constexpr double kSteadyScore = 60.0;

}  // namespace

const char* store_exercise(const core::Level& level) {
    switch (level.exercise) {
        case core::Exercise::step_up:
        case core::Exercise::step_up_knee_drive: return "step_up";
        case core::Exercise::knee_drive: return "knee_drive";
        case core::Exercise::balance_two_feet:
        case core::Exercise::balance_one_foot: return "balance";
    }
    return "step_up";
}

bool is_hold(const core::RepScore& rep) { return rep.input.kind == core::RepKind::hold; }

store::RepRecord to_rep_record(const core::RepScore& rep, int set_index, int rep_index) {
    store::RepRecord r;
    r.set_index = set_index;
    r.rep_index = rep_index;
    r.kind = rep.input.kind == core::RepKind::knee_drive ? "knee_drive" : "step_up";
    r.leg = rep.input.side == core::Side::left ? store::Leg::left : store::Leg::right;
    r.t_s = rep.input.t_s;
    r.judgement = rep.input.timing ? to_store(rep.input.timing->judgement) : judgement_from_points(rep.points);
    r.timing_error_ms = rep.input.timing ? rep.input.timing->error_ms : 0.0;
    r.score = rep.points / 10.0;
    r.peak_bw = rep.input.peak_bw;
    r.lowering_s = rep.input.lowering_s;
    r.hold_s = rep.input.hold_s;
    r.stability_mean_velocity_mm_s = rep.input.stability.mean_velocity_mm_s;
    r.steady = rep.stability >= kSteadyScore;
    return r;
}

store::HoldRecord to_hold_record(const core::RepScore& rep, int set_index, int hold_index, double target_s) {
    store::HoldRecord h;
    h.set_index = set_index;
    h.hold_index = hold_index;
    if (!rep.input.two_feet) h.stance = rep.input.side == core::Side::left ? store::Leg::left : store::Leg::right;
    h.start_s = rep.input.t_s;
    h.end_s = rep.input.t_s + rep.input.hold_s;
    h.hold_s = rep.input.hold_s;
    h.target_s = target_s;
    const core::StabilityMeasures& m = rep.input.stability;
    h.mean_velocity_mm_s = m.mean_velocity_mm_s;
    h.rms_ml_mm = m.rms_ml_mm;
    h.rms_ap_mm = m.rms_ap_mm;
    h.ellipse95_mm2 = m.ellipse95_mm2;
    h.path_length_mm = m.path_length_mm;
    h.score = rep.points / 10.0;
    h.steady = rep.stability >= kSteadyScore;
    return h;
}

store::SetRecord to_set_record(const core::SetResult& set) {
    store::SetRecord s;
    s.set_index = set.set_number - 1;
    s.score = set.score;
    s.grade = core::to_string(set.grade);
    s.reps = static_cast<int>(set.reps.size());
    return s;
}

store::SessionResult to_store_result(const core::SessionResult& r) {
    store::SessionResult s;
    s.score = r.score;
    s.grade = core::to_string(r.grade);
    s.reps = r.reps;
    s.planned_reps = r.reps_target;
    s.perfect = r.judgements[static_cast<std::size_t>(core::Judgement::perfect)];
    s.great = r.judgements[static_cast<std::size_t>(core::Judgement::great)];
    s.good = r.judgements[static_cast<std::size_t>(core::Judgement::good)];
    s.miss = r.judgements[static_cast<std::size_t>(core::Judgement::miss)];
    s.stability_mean_velocity_mm_s = r.stability.mean_velocity_mm_s;
    s.stability_score = r.stability_score;
    const int judged = s.perfect + s.great + s.good + s.miss;
    s.tempo_accuracy = judged > 0 ? static_cast<double>(s.perfect + s.great) / judged : 0.0;
    // One number for left/right balance: the mean of the three per-leg ratios.
    s.symmetry = (r.symmetry.reps_pct + r.symmetry.peak_pct + r.symmetry.stability_pct) / 300.0;
    s.duration_s = r.duration_s;
    s.result_json = core::to_json(r, 2);
    return s;
}

}  // namespace highstep::app
