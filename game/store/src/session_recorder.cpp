#include "highstep/store/session_recorder.h"

#include <algorithm>

#include "highstep/store/challenge_file.h"

namespace highstep::store {

const char* exercise_name(core::Exercise exercise) {
    switch (exercise) {
        case core::Exercise::step_up: return "step_up";
        case core::Exercise::step_up_knee_drive:
        case core::Exercise::knee_drive: return "knee_drive";
        case core::Exercise::balance_two_feet:
        case core::Exercise::balance_one_foot: return "balance";
    }
    return "step_up";
}

SessionStart session_start(const core::Level& level, std::int64_t player_id) {
    SessionStart s;
    s.player_id = player_id;
    s.level_id = level.id;
    s.level_title = level.title;
    s.exercise = exercise_name(level.exercise);
    // Any step-up level sits on the ladder by its volume, so free play moves the plan too.
    if (level.exercise == core::Exercise::step_up) {
        s.program_rung = rung_for(level.program.sets, level.program.reps_per_leg);
    }
    return s;
}

namespace {

Leg leg_of(core::Side side) { return side == core::Side::left ? Leg::left : Leg::right; }

Judgement judgement_of(const core::RepScore& rep) {
    // A level without a beat judges no timing; core scores such contacts as
    // full timing value, so they count as Perfect here too.
    return rep.input.timing ? rep.input.timing->judgement : Judgement::perfect;
}

bool steady(const core::RepScore& rep) {
    const bool had_window = core::stability_measured(rep.input.stability);
    const bool still = !had_window || rep.stability >= kSteadyStability;
    const bool lowered = rep.input.kind != core::RepKind::step_up || rep.lowering_value >= 0.5;
    return still && lowered;
}

}  // namespace

SessionRecorder::SessionRecorder(Database& db, const SessionStart& start) : log_(db, start) {}

void SessionRecorder::sync(const core::SessionResult& so_far) {
    int index = 0;
    for (std::size_t s = 0; s < so_far.sets.size(); ++s) {
        const core::SetResult& set = so_far.sets[s];
        const int set_index = set.set_number - 1;
        for (std::size_t r = 0; r < set.reps.size(); ++r, ++index) {
            if (index < stored_reps_) continue;
            const core::RepScore& rep = set.reps[r];
            const core::RepInput& in = rep.input;
            if (in.kind == core::RepKind::hold) {
                HoldRecord h;
                h.set_index = set_index;
                h.hold_index = static_cast<int>(r);
                if (!in.two_feet) h.stance = leg_of(in.side);
                h.start_s = in.t_s;
                h.end_s = in.t_s + in.hold_s;
                h.hold_s = in.hold_s;
                h.mean_velocity_mm_s = in.stability.mean_velocity_mm_s;
                h.rms_ml_mm = in.stability.rms_ml_mm;
                h.rms_ap_mm = in.stability.rms_ap_mm;
                h.ellipse95_mm2 = in.stability.ellipse95_mm2;
                h.path_length_mm = in.stability.path_length_mm;
                h.score = rep.points;
                h.steady = steady(rep);
                log_.add_hold(h);
            } else {
                RepRecord out;
                out.set_index = set_index;
                out.rep_index = static_cast<int>(r);
                out.kind = in.kind == core::RepKind::knee_drive ? "knee_drive" : "step_up";
                out.leg = leg_of(in.side);
                out.t_s = in.t_s;
                out.feedback_s = in.feedback_s;
                out.judgement = judgement_of(rep);
                out.timing_error_ms = in.timing ? in.timing->error_ms : 0.0;
                out.score = rep.points;
                out.peak_bw = in.peak_bw;
                out.lowering_s = in.lowering_s;
                out.hold_s = in.hold_s;
                out.stability_mean_velocity_mm_s = in.stability.mean_velocity_mm_s;
                out.steady = steady(rep);
                log_.add_rep(out);
            }
            ++stored_reps_;
        }
    }
    // A set's summary is final once a later set has begun, or it says completed.
    for (; stored_sets_ < so_far.sets.size(); ++stored_sets_) {
        const core::SetResult& set = so_far.sets[stored_sets_];
        if (!set.completed && stored_sets_ + 1 == so_far.sets.size()) break;
        log_.finish_set({set.set_number - 1, static_cast<double>(set.score), core::to_string(set.grade),
                         static_cast<int>(set.reps.size())});
    }
}

bool SessionRecorder::attach_recording(std::string_view csv_text) {
    if (csv_text.size() > ChallengeFileLimits{}.max_recording_bytes) return false;
    log_.attach_recording(csv_text);
    return true;
}

FinishOutcome SessionRecorder::finish(const core::SessionResult& result, std::int64_t finished_unix_s) {
    sync(result);
    if (stored_sets_ < result.sets.size()) {  // the last set, even if cut short
        const core::SetResult& set = result.sets.back();
        log_.finish_set({set.set_number - 1, static_cast<double>(set.score), core::to_string(set.grade),
                         static_cast<int>(set.reps.size())});
        stored_sets_ = result.sets.size();
    }
    SessionResult r;
    r.score = result.score;
    r.grade = core::to_string(result.grade);
    r.reps = result.reps;
    r.planned_reps = result.reps_target;
    const auto count = [&](core::Judgement j) { return result.judgements[static_cast<std::size_t>(j)]; };
    r.perfect = count(core::Judgement::perfect);
    r.great = count(core::Judgement::great);
    r.good = count(core::Judgement::good);
    r.miss = count(core::Judgement::miss);
    r.stability_mean_velocity_mm_s = result.stability.mean_velocity_mm_s;
    r.stability_score = result.stability_score;
    const int judged = r.perfect + r.great + r.good + r.miss;
    r.tempo_accuracy = judged > 0 ? static_cast<double>(r.perfect + r.great) / judged : 0.0;
    // One number for the progress chart: the mean of the reps, drive-peak and
    // steadiness balance between the legs (each 100 = equal).
    r.symmetry = (result.symmetry.reps_pct + result.symmetry.peak_pct + result.symmetry.stability_pct) / 300.0;
    r.symmetry = std::clamp(r.symmetry, 0.0, 1.0);
    r.duration_s = result.duration_s;
    r.finished_unix_s = finished_unix_s;
    r.result_json = core::to_json(result, -1);
    return log_.finish(r);
}

core::Level apply_plan_item(core::Level level, const PlanItem& item) {
    level.program.sets = std::clamp(item.sets, 1, 10);
    if (item.reps_per_leg > 0) level.program.reps_per_leg = std::clamp(item.reps_per_leg, 1, 30);
    if (item.rest_s > 0.0) level.program.rest_s = std::clamp(item.rest_s, 0.0, 600.0);
    if (item.hold_s > 0.0) {
        level.program.hold_target_s = std::clamp(item.hold_s, 0.0, 120.0);
        level.scoring.quality.hold_target_s = level.program.hold_target_s;
    }
    return level;
}

}  // namespace highstep::store
