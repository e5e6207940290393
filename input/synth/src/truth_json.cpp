#include "highstep/synth/truth_json.h"

#include <nlohmann/json.hpp>

namespace highstep::synth {
namespace {

nlohmann::json event_json(const TruthEvent& e) {
    nlohmann::json j;
    j["type"] = to_string(e.type);
    switch (e.type) {
        case TruthType::step_on:
        case TruthType::step_off: j["t_s"] = e.start_s; break;
        case TruthType::knee_drive:
            j["peak_bw"] = e.peak_bw;
            [[fallthrough]];  // and everything a hold has
        case TruthType::one_leg_hold:
            j["side"] = to_string(e.side);
            j["start_s"] = e.start_s;
            j["end_s"] = e.end_s;
            j["hold_s"] = e.hold_s;
            break;
        case TruthType::step_up:
            j["lead"] = to_string(e.side);
            j["start_s"] = e.start_s;
            j["top_s"] = e.top_s;
            j["end_s"] = e.end_s;
            j["rise_s"] = e.top_s - e.start_s;
            j["lowering_s"] = e.lowering_s;
            j["peak_bw"] = e.peak_bw;
            j["ends_in_knee_drive"] = e.ends_in_knee_drive;
            j["drop"] = e.drop;
            break;
    }
    if (e.script_line > 0) j["script_line"] = e.script_line;
    return j;
}

}  // namespace

std::string truth_to_json(const SynthSession& session, const SynthSettings& s, const std::string& script_name) {
    nlohmann::json doc;
    doc["format"] = "highstep-synth-truth";
    doc["version"] = 1;
    doc["script"] = script_name;
    doc["seed"] = s.seed;
    doc["body_weight_kg"] = s.body.body_weight_kg;
    doc["rate_hz"] = s.rate_hz;
    doc["noise_kg"] = s.body.noise_kg;
    doc["sensor_offset_kg"] = s.body.sensor_offset_kg;
    doc["jitter_ms"] = s.jitter_ms;
    doc["gaps"] = s.gaps;
    doc["stance_width_mm"] = s.body.stance_width_mm;
    doc["feet_offset_x_mm"] = s.body.feet_offset_x_mm;
    doc["feet_offset_y_mm"] = s.body.feet_offset_y_mm;
    doc["rotated_180"] = s.body.rotated_180;
    doc["duration_s"] = session.duration_s;
    doc["events"] = nlohmann::json::array();
    for (const TruthEvent& e : session.truth) doc["events"].push_back(event_json(e));
    return doc.dump(2) + "\n";
}

}  // namespace highstep::synth
