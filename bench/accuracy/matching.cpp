// Matching detected events to true ones, and running a suite through analyze().
#include <algorithm>
#include <sstream>
#include <cmath>
#include <type_traits>
#include <variant>

#include "accuracy.h"
#include "highstep/input/recording.h"

namespace highstep::accuracy {
namespace {

synth::Side side_of(core::Side s) { return s == core::Side::left ? synth::Side::left : synth::Side::right; }

bool sided(synth::TruthType t) { return t != synth::TruthType::step_on && t != synth::TruthType::step_off; }

bool same_kind(const Mark& a, const Mark& b, bool check_side) {
    return a.type == b.type && (!check_side || !sided(a.type) || a.side == b.side);
}

}  // namespace

Mark mark_of(const core::Event& detected) {
    return std::visit(
        [](const auto& e) -> Mark {
            using T = std::decay_t<decltype(e)>;
            using synth::TruthType;
            if constexpr (std::is_same_v<T, core::StepOnEvent>) return {TruthType::step_on, synth::Side::left, e.t_s};
            if constexpr (std::is_same_v<T, core::StepOffEvent>) return {TruthType::step_off, synth::Side::left, e.t_s};
            if constexpr (std::is_same_v<T, core::OneLegHoldEvent>) {
                return {TruthType::one_leg_hold, side_of(e.side), e.start_s, e.end_s};
            }
            if constexpr (std::is_same_v<T, core::KneeDriveEvent>) {
                return {TruthType::knee_drive, side_of(e.side), e.start_s, e.end_s};
            }
            if constexpr (std::is_same_v<T, core::StepUpEvent>) return {TruthType::step_up, side_of(e.lead), e.start_s, e.end_s};
        },
        detected);
}

double match_tolerance_s(synth::TruthType type) {
    switch (type) {
        case synth::TruthType::step_on:
        case synth::TruthType::step_off:
        case synth::TruthType::step_up: return 0.5;       // a contact: sharp in the signal
        case synth::TruthType::knee_drive: return 0.6;    // start of a 0.2–0.4 s weight shift
        case synth::TruthType::one_leg_hold: return 1.0;  // a slow shift: "off" is a matter of threshold
    }
    return 0.5;
}

int Tally::labelled_reps() const {
    return of(synth::TruthType::step_up).truth + of(synth::TruthType::knee_drive).truth +
           of(synth::TruthType::one_leg_hold).truth;
}

void match(const std::vector<TruthMark>& truth, const std::vector<Mark>& detected, const std::string& case_label,
           std::uint64_t seed, Tally& tally) {
    struct Pair {
        double abs_error_s;
        std::size_t t, d;
    };
    auto within = [](const TruthMark& t, const Mark& d) { return t.lo_s <= d.t_s && d.t_s <= t.hi_s; };
    std::vector<Pair> pairs;
    for (std::size_t t = 0; t < truth.size(); ++t) {
        for (std::size_t d = 0; d < detected.size(); ++d) {
            if (same_kind(truth[t].mark, detected[d], true) && within(truth[t], detected[d])) {
                pairs.push_back({std::abs(detected[d].t_s - truth[t].mark.t_s), t, d});
            }
        }
    }
    // Closest first, ties by time order, so the result does not depend on sort stability.
    std::sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) {
        if (a.abs_error_s != b.abs_error_s) return a.abs_error_s < b.abs_error_s;
        return a.t != b.t ? a.t < b.t : a.d < b.d;
    });
    std::vector<bool> t_used(truth.size(), false), d_used(detected.size(), false);
    for (const Pair& p : pairs) {
        if (t_used[p.t] || d_used[p.d]) continue;
        t_used[p.t] = d_used[p.d] = true;
        TypeCounts& c = tally.of(truth[p.t].mark.type);
        ++c.matched;
        if (!truth[p.t].in_gap) c.errors_s.push_back(detected[p.d].t_s - truth[p.t].mark.t_s);
        if (!truth[p.t].end_in_gap && truth[p.t].mark.end_s >= 0.0 && detected[p.d].end_s >= 0.0) {
            c.end_errors_s.push_back(detected[p.d].end_s - truth[p.t].mark.end_s);
        }
    }
    for (const TruthMark& m : truth) ++tally.of(m.mark.type).truth;
    for (const Mark& m : detected) ++tally.of(m.type).detected;
    for (std::size_t t = 0; t < truth.size(); ++t) {
        if (t_used[t]) continue;
        if (truth[t].obscured) {
            ++tally.of(truth[t].mark.type).obscured_missed;
        } else {
            tally.misses.push_back({case_label, seed, false, truth[t].mark});
        }
    }
    for (std::size_t d = 0; d < detected.size(); ++d) {
        if (d_used[d]) continue;
        TypeCounts& c = tally.of(detected[d].type);
        const bool excused = std::any_of(truth.begin(), truth.end(), [&](const TruthMark& t) {
            return t.obscured && t.from_s <= detected[d].t_s && detected[d].t_s <= t.to_s;
        });
        if (excused) {
            ++c.excused;
            continue;
        }
        tally.misses.push_back({case_label, seed, true, detected[d]});
        for (std::size_t t = 0; t < truth.size(); ++t) {
            if (!t_used[t] && same_kind(truth[t].mark, detected[d], false) && within(truth[t], detected[d])) {
                ++c.wrong_side;
                break;
            }
        }
    }
}

std::vector<BoardSample> as_recorded(const std::vector<BoardSample>& samples) {
    Recording rec;
    rec.samples = samples;
    std::stringstream text;
    write_recording(text, rec);
    return read_recording(text, "suite").samples;
}

void run_case(const SuiteCase& c, Tally& tally) {
    const synth::SynthSession session = synth::generate(c.script, c.settings);
    // Analyse what a recording of the session holds (10 g, 0.1 ms), so that a
    // session dumped with --dump gives `highstep analyze` exactly these events.
    const std::vector<BoardSample> samples = as_recorded(session.samples);
    core::AnalysisSettings settings;
    settings.signal.rotated_180 = c.settings.body.rotated_180;  // a player setting, like in the game
    const core::Analysis analysis = core::analyze(samples, settings);
    const std::vector<Gap> gaps = find_gaps(samples);
    std::vector<TruthMark> truth;
    std::vector<Mark> detected;
    for (const synth::TruthEvent& e : session.truth) truth.push_back(truth_mark(e, gaps));
    for (const core::Event& e : analysis.events) detected.push_back(mark_of(e));
    match(truth, detected, c.label, c.settings.seed, tally);
    ++tally.sessions;
    tally.samples += session.samples.size();
}

Tally run_suite(const std::vector<SuiteCase>& suite) {
    Tally tally;
    for (const SuiteCase& c : suite) run_case(c, tally);
    return tally;
}

}  // namespace highstep::accuracy
