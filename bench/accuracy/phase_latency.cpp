// Contact → answer, in board samples and milliseconds, against the generator's truth.
#include "phase_latency.h"

#include <cmath>
#include <optional>

namespace highstep::accuracy {

namespace {

constexpr double kMatch_s = 0.5;  // a phase this close to a true moment answers it

bool in_gap(double t_s, const std::vector<Gap>& gaps) {
    for (const Gap& g : gaps) {
        if (t_s > g.from_s && t_s < g.to_s) return true;
    }
    return false;
}

// The phase of `type` (and side) nearest to `moment_s`, by its own time.
const core::MovementPhase* nearest(const std::vector<core::MovementPhase>& phases, core::PhaseType type,
                                   std::optional<core::Side> side, double moment_s) {
    const core::MovementPhase* best = nullptr;
    for (const core::MovementPhase& p : phases) {
        if (p.type != type || (side && p.side != side)) continue;
        if (std::fabs(p.t_s - moment_s) > kMatch_s) continue;
        if (!best || std::fabs(p.t_s - moment_s) < std::fabs(best->t_s - moment_s)) best = &p;
    }
    return best;
}

void add(PhaseLatency& l, const std::vector<BoardSample>& samples, double truth_s, double known_s, double estimate_s) {
    ++l.answered;
    int after = 0;
    for (const BoardSample& s : samples) {
        if (s.t_s > truth_s && s.t_s <= known_s + 1e-9) ++after;
    }
    l.samples_after.push_back(after);
    l.delay_ms.push_back((known_s - truth_s) * 1000.0);
    l.error_ms.push_back((estimate_s - truth_s) * 1000.0);
}

core::Side core_side(synth::Side s) { return s == synth::Side::right ? core::Side::right : core::Side::left; }

// Whether the landing's side came with it, came later (foot_side for the same contact),
// or never, and whether it was the lead foot.
void count_side(PhaseLatencyReport& r, const std::vector<core::MovementPhase>& phases, const core::MovementPhase& down,
                core::Side lead) {
    std::optional<core::Side> side = down.side;
    if (side) {
        ++r.sided_at_once;
    } else {
        for (const core::MovementPhase& p : phases) {
            if (p.type == core::PhaseType::foot_side && p.t_s == down.t_s) side = p.side;
        }
        ++(side ? r.sided_later : r.sided_never);
    }
    if (side && *side != lead) ++r.sided_wrong;
}

}  // namespace

PhaseLatencyReport measure_phase_latency(const std::vector<SuiteCase>& suite) {
    PhaseLatencyReport r;
    for (const SuiteCase& c : suite) {
        const synth::SynthSession session = synth::generate(c.script, c.settings);
        const std::vector<BoardSample> samples = as_recorded(session.samples);
        core::AnalysisSettings settings;
        settings.signal.rotated_180 = c.settings.body.rotated_180;
        const core::Analysis a = core::analyze(samples, settings);
        const std::vector<Gap> gaps = find_gaps(samples);
        for (const core::MovementPhase& p : a.phases) {
            const bool down = p.type == core::PhaseType::foot_down;
            const bool single = p.type == core::PhaseType::single_leg;
            if (!down && !single) continue;
            bool explained = false;
            for (const synth::TruthEvent& e : session.truth) {
                if (down) {
                    explained |= (e.type == synth::TruthType::step_up || e.type == synth::TruthType::step_on) &&
                                 std::fabs(e.start_s - p.t_s) <= kMatch_s;
                } else {
                    // A foot leaves a two-foot stance in knee drives and holds, and when the
                    // trail foot steps back down from a step-up's top.
                    explained |= e.type != synth::TruthType::step_on && e.type != synth::TruthType::step_off &&
                                 p.t_s >= e.start_s - kMatch_s && p.t_s <= e.end_s + kMatch_s;
                }
            }
            (down ? r.foot_downs : r.single_legs) += 1;
            if (!explained) (down ? r.stray_foot_downs : r.stray_single_legs) += 1;
        }
        for (const synth::TruthEvent& e : session.truth) {
            if (e.type == synth::TruthType::step_up) {
                if (in_gap(e.start_s, gaps)) continue;
                ++r.step_up_contact.truth;
                if (const auto* p = nearest(a.phases, core::PhaseType::foot_down, std::nullopt, e.start_s)) {
                    add(r.step_up_contact, samples, e.start_s, p->emitted_s, p->t_s);
                    count_side(r, a.phases, *p, core_side(e.side));
                }
            } else if (e.type == synth::TruthType::knee_drive) {
                // Knee drives from two feet (at the top of a step-up the game judges the contact).
                bool at_top = false;
                for (const synth::TruthEvent& u : session.truth) {
                    at_top |= u.type == synth::TruthType::step_up && u.ends_in_knee_drive && e.start_s >= u.start_s &&
                              e.start_s <= u.end_s;
                }
                const double foot_off_s = e.end_s - e.hold_s;
                if (at_top || in_gap(foot_off_s, gaps) || in_gap(e.start_s, gaps)) continue;
                ++r.knee_drive_foot_off.truth;
                ++r.knee_drive_shift.truth;
                if (const auto* p = nearest(a.phases, core::PhaseType::single_leg, core_side(e.side), foot_off_s)) {
                    add(r.knee_drive_foot_off, samples, foot_off_s, p->emitted_s, p->t_s);
                    add(r.knee_drive_shift, samples, e.start_s, p->emitted_s, p->shift_start_s);
                }
            }
        }
    }
    return r;
}

std::vector<double> abs_of(std::vector<double> values) {
    for (double& v : values) v = std::fabs(v);
    return values;
}

}  // namespace highstep::accuracy
