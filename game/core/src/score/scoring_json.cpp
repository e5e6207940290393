// SessionResult → the JSON `highstep play` prints and the golden replays store.
#include <cmath>
#include <nlohmann/json.hpp>

#include "highstep/core/score/scoring.h"

namespace highstep::core {

namespace {

// ordered_json keeps the keys in the order a reader expects (level, score, grade, ...).
using json = nlohmann::ordered_json;

double r3(double v) { return std::isfinite(v) ? std::round(v * 1000.0) / 1000.0 : 0.0; }

json judgements_json(const JudgementCounts& counts) {
    json j = json::object();
    for (std::size_t i = 0; i < kJudgementCount; ++i) j[to_string(static_cast<Judgement>(i))] = counts[i];
    return j;
}

json stability_json(const StabilityMeasures& m) {
    return {{"mean_velocity_mm_s", r3(m.mean_velocity_mm_s)}, {"rms_ml_mm", r3(m.rms_ml_mm)},
            {"rms_ap_mm", r3(m.rms_ap_mm)},                   {"ellipse95_mm2", r3(m.ellipse95_mm2)},
            {"path_length_mm", r3(m.path_length_mm)},         {"duration_s", r3(m.duration_s)}};
}

json leg_json(const LegSummary& leg) {
    return {{"reps", leg.reps},
            {"mean_peak_bw", r3(leg.mean_peak_bw)},
            {"mean_stability", r3(leg.mean_stability)},
            {"mean_hold_s", r3(leg.mean_hold_s)}};
}

json rep_json(const RepScore& r) {
    json j = {{"kind", to_string(r.input.kind)},
              {"t_s", r3(r.input.t_s)},
              {"feedback_s", r3(r.input.feedback_s)},
              {"points", r.points}};
    j["side"] = r.input.two_feet ? "both" : to_string(r.input.side);
    if (r.input.timing) {
        j["judgement"] = to_string(r.input.timing->judgement);
        j["error_ms"] = r3(r.input.timing->error_ms);
    }
    if (r.input.kind == RepKind::step_up) j["lowering_s"] = r3(r.input.lowering_s);
    if (r.input.peak_bw > 0.0) j["peak_bw"] = r3(r.input.peak_bw);
    if (r.input.has_hold) j["hold_s"] = r3(r.input.hold_s);
    if (stability_measured(r.input.stability)) j["stability"] = r3(r.stability);
    return j;
}

}  // namespace

std::string to_json(const SessionResult& r, int indent) {
    json sets = json::array();
    for (const SetResult& s : r.sets) {
        json reps = json::array();
        for (const RepScore& rep : s.reps) reps.push_back(rep_json(rep));
        sets.push_back({{"set", s.set_number},
                        {"completed", s.completed},
                        {"score", s.score},
                        {"grade", to_string(s.grade)},
                        {"reps", static_cast<int>(s.reps.size())},
                        {"reps_target", s.reps_target},
                        {"judgements", judgements_json(s.judgements)},
                        {"max_combo", s.max_combo},
                        {"rep_list", reps}});
    }
    json stability = stability_json(r.stability);
    stability["score"] = r3(r.stability_score);
    json j = {
        {"level", r.level_id},
        {"completed", r.completed},
        {"score", r.score},
        {"max_score", r.max_score},
        {"grade", to_string(r.grade)},
        {"reps", r.reps},
        {"reps_target", r.reps_target},
        {"judgements", judgements_json(r.judgements)},
        {"max_combo", r.max_combo},
        {"tempo",
         {{"mean_abs_error_ms", r3(r.mean_abs_error_ms)},
          {"interval_spread_ms", r.interval_spread_measured ? json(r3(r.interval_spread_ms)) : json(nullptr)},
          {"input_offset_ms", r3(r.input_offset_ms)},
          {"suggested_offset_ms", r.suggested_offset_ms ? json(r3(*r.suggested_offset_ms)) : json(nullptr)}}},
        {"stability", stability},
        {"symmetry",
         {{"left", leg_json(r.symmetry.left)},
          {"right", leg_json(r.symmetry.right)},
          {"reps_pct", r3(r.symmetry.reps_pct)},
          {"peak_pct", r3(r.symmetry.peak_pct)},
          {"stability_pct", r3(r.symmetry.stability_pct)}}},
        {"duration_s", r3(r.duration_s)},
        {"sets", sets},
    };
    return j.dump(indent);
}

}  // namespace highstep::core
