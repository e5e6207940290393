// `highstep analyze FILE.csv [--from S --to S] [--phases]`: prints the analysis JSON of
// ../shared/DESIGN.md for a recording. Bad input: one clear line on stderr and a
// non-zero exit (2 for usage, 1 for a bad file or an empty window).
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "highstep/core/recognise/analysis.h"
#include "highstep/input/recording.h"

namespace highstep::cli {

namespace {

using nlohmann::ordered_json;

constexpr const char* kUsage = "usage: highstep analyze FILE.csv [--from S] [--to S] [--rotated] [--phases]";

// Rounds for printing: the JSON is for people and tools, not for 17 digits of noise.
// Dividing the rounded integer (rather than multiplying by 0.01) gives the double
// nearest the decimal, which the JSON writer then prints in its short form.
double round_to(double v, double step) {
    const double per_unit = std::round(1.0 / step);
    return std::round(v * per_unit) / per_unit;
}

ordered_json stability_json(const core::StabilityMeasures& m) {
    ordered_json j;
    j["mean_velocity_mm_s"] = round_to(m.mean_velocity_mm_s, 0.01);
    j["rms_ml_mm"] = round_to(m.rms_ml_mm, 0.01);
    j["rms_ap_mm"] = round_to(m.rms_ap_mm, 0.01);
    j["ellipse95_mm2"] = round_to(m.ellipse95_mm2, 0.1);
    j["path_length_mm"] = round_to(m.path_length_mm, 0.1);
    return j;
}

double t3(double t_s) { return round_to(t_s, 0.001); }

ordered_json event_json(const core::Event& event) {
    ordered_json j;
    j["type"] = core::event_type(event);
    std::visit(
        [&](const auto& e) {
            using T = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<T, core::StepOnEvent> || std::is_same_v<T, core::StepOffEvent>) {
                j["t_s"] = t3(e.t_s);
            } else if constexpr (std::is_same_v<T, core::OneLegHoldEvent>) {
                j["side"] = core::to_string(e.side);
                j["start_s"] = t3(e.start_s);
                j["end_s"] = t3(e.end_s);
                j["stability"] = stability_json(e.stability);
            } else if constexpr (std::is_same_v<T, core::KneeDriveEvent>) {
                j["side"] = core::to_string(e.side);
                j["start_s"] = t3(e.start_s);
                j["end_s"] = t3(e.end_s);
                j["hold_s"] = t3(e.hold_s);
                j["peak_bw"] = round_to(e.peak_bw, 0.001);
                j["stability"] = stability_json(e.stability);
            } else {
                j["lead"] = core::to_string(e.lead);
                j["start_s"] = t3(e.start_s);
                j["top_s"] = t3(e.top_s);
                j["end_s"] = t3(e.end_s);
                j["rise_s"] = t3(e.rise_s);
                j["lowering_s"] = t3(e.lowering_s);
                j["peak_bw"] = round_to(e.peak_bw, 0.001);
                j["ends_in_knee_drive"] = e.ends_in_knee_drive;
            }
        },
        event);
    return j;
}

// Parses a number of seconds; nullopt if it is not one.
std::optional<double> parse_seconds(const std::string& text) {
    if (text.empty()) return std::nullopt;
    errno = 0;
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (errno != 0 || end != text.c_str() + text.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

}  // namespace

int run_analyze(const Args& args) {
    std::optional<std::string> file;
    core::AnalysisSettings settings;
    bool with_phases = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--from" || a == "--to") {
            if (i + 1 >= args.size()) {
                std::fprintf(stderr, "highstep analyze: %s needs a number of seconds\n%s\n", a.c_str(), kUsage);
                return 2;
            }
            const std::optional<double> v = parse_seconds(args[++i]);
            if (!v) {
                std::fprintf(stderr, "highstep analyze: %s '%s' is not a number of seconds\n", a.c_str(),
                             args[i].c_str());
                return 2;
            }
            (a == "--from" ? settings.from_s : settings.to_s) = *v;
        } else if (a == "--phases") {
            with_phases = true;
        } else if (a == "--rotated") {
            settings.signal.rotated_180 = true;
        } else if (a == "--help" || a == "-h") {
            std::printf("%s\n", kUsage);
            return 0;
        } else if (a.starts_with("--")) {
            std::fprintf(stderr, "highstep analyze: unknown option '%s'\n%s\n", a.c_str(), kUsage);
            return 2;
        } else if (file) {
            std::fprintf(stderr, "highstep analyze: one recording at a time ('%s' and '%s')\n%s\n",
                         file->c_str(), a.c_str(), kUsage);
            return 2;
        } else {
            file = a;
        }
    }
    if (!file) {
        std::fprintf(stderr, "highstep analyze: no recording given\n%s\n", kUsage);
        return 2;
    }
    if (settings.from_s && settings.to_s && *settings.from_s > *settings.to_s) {
        std::fprintf(stderr, "highstep analyze: --from %g is after --to %g\n", *settings.from_s, *settings.to_s);
        return 2;
    }

    Recording recording;
    try {
        recording = read_recording(*file);
    } catch (const RecordingError& e) {
        std::fprintf(stderr, "highstep analyze: %s\n", e.what());
        return 1;
    }

    // A recording may say the board stood turned round under the player (the recorder's
    // or the generator's note); --rotated says so too.
    for (const char* key : {"rotated-180", "synth-rotated-180"}) {
        const std::string v = recording.meta(key);
        if (v == "yes" || v == "true" || v == "1") settings.signal.rotated_180 = true;
    }

    const core::Analysis a = core::analyze(recording.samples, settings);
    if (a.samples == 0) {
        std::fprintf(stderr, "highstep analyze: %s: no samples in the window [%g, %g] s\n", file->c_str(),
                     settings.from_s.value_or(0.0),
                     settings.to_s.value_or(recording.samples.empty() ? 0.0 : recording.samples.back().t_s));
        return 1;
    }

    ordered_json out;
    out["samples"] = a.samples;
    out["duration_s"] = round_to(a.duration_s, 0.001);
    out["rate_hz"] = round_to(a.rate_hz, 0.01);
    out["body_weight_kg"] = round_to(a.body_weight_kg, 0.01);
    out["events"] = ordered_json::array();
    for (const core::Event& e : a.events) out["events"].push_back(event_json(e));
    out["stability"] = stability_json(a.stability);
    if (with_phases) {
        // When each movement phase happened and when it became known (docs/signal.md).
        out["phases"] = ordered_json::array();
        for (const core::MovementPhase& p : a.phases) {
            ordered_json j;
            j["type"] = core::to_string(p.type);
            j["t_s"] = t3(p.t_s);
            if (p.side) j["side"] = core::to_string(*p.side);
            if (p.type == core::PhaseType::single_leg) j["shift_start_s"] = t3(p.shift_start_s);
            j["emitted_s"] = t3(p.emitted_s);
            out["phases"].push_back(j);
        }
    }
    std::cout << out.dump(2) << '\n';
    return std::cout.good() ? 0 : 1;
}

}  // namespace highstep::cli
