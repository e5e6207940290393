// The training program: a ladder of step-up volumes and the rules that move a
// player along it. Pure: no database, no clock (today is a parameter).
#include "highstep/store/program.h"

#include <algorithm>
#include <cstdio>

#include "day_math.h"

namespace highstep::store {

const std::vector<Rung>& program_ladder() {
    // The first six rungs are the starting range (2-3 sets of 6-8 reps per leg);
    // the rest progress to 4 x 12. Rest grows with volume within the advised
    // 1-2 minutes, so a longer set is followed by a longer recovery.
    static const std::vector<Rung> ladder = {
        {2, 6, 60.0},  {2, 7, 60.0},  {2, 8, 75.0},  {3, 6, 75.0},  {3, 7, 75.0},
        {3, 8, 90.0},  {3, 10, 90.0}, {3, 12, 105.0}, {4, 10, 105.0}, {4, 12, 120.0},
    };
    return ladder;
}

int rung_for(int sets, int reps_per_leg) {
    const auto& ladder = program_ladder();
    int best = 0;
    for (std::size_t i = 0; i < ladder.size(); ++i) {
        const Rung& r = ladder[i];
        if (r.sets == sets && r.reps_per_leg == reps_per_leg) return static_cast<int>(i);
        if (r.sets * r.reps_per_leg <= sets * reps_per_leg) best = static_cast<int>(i);
    }
    return best;
}

const char* to_string(Verdict verdict) {
    switch (verdict) {
        case Verdict::up: return "up";
        case Verdict::stay: return "stay";
        case Verdict::down: return "down";
    }
    return "stay";
}

std::string verdict_cause(const PlanHistoryEntry& s) {
    const int judged = s.perfect + s.great + s.good + s.miss;
    if (s.planned_reps > 0 && s.reps * 2 < s.planned_reps) {
        return std::to_string(s.reps) + " of " + std::to_string(s.planned_reps) + " reps done";
    }
    if (judged > 0 && s.miss * 4 > judged) return std::to_string(s.miss) + " of " + std::to_string(judged) + " reps missed the beat";
    if (s.reps > 0 && s.unsteady_reps * 4 > s.reps * 3) {
        return std::to_string(s.unsteady_reps) + " of " + std::to_string(s.reps) + " reps wobbled";
    }
    if (!s.finished && s.reps == 0) return "no reps done";
    return {};
}

Verdict session_verdict(const PlanHistoryEntry& s) {
    const int judged = s.perfect + s.great + s.good + s.miss;
    const bool short_of_plan = s.planned_reps > 0 && s.reps * 2 < s.planned_reps;
    const bool many_misses = judged > 0 && s.miss * 4 > judged;
    // Unsteady reps alone hold a player on their rung; only when nearly all of
    // them wobble is the volume itself too much.
    const bool wobbly = s.reps > 0 && s.unsteady_reps * 4 > s.reps * 3;
    if (short_of_plan || many_misses || wobbly || (!s.finished && s.reps == 0)) return Verdict::down;
    const bool all_done = s.finished && s.reps > 0 && (s.planned_reps == 0 || s.reps >= s.planned_reps);
    const bool all_great = judged > 0 && s.good == 0 && s.miss == 0;
    if (all_done && all_great && s.unsteady_reps == 0) return Verdict::up;
    return Verdict::stay;
}

namespace {

std::string volume(const Rung& r) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%d × %d per leg", r.sets, r.reps_per_leg);
    return buf;
}

// Days without step-ups after which a player restarts one rung lower: after two
// weeks off, the last volume is likely too much for the first session back.
constexpr int kDetrainingDays = 14;

}  // namespace

DayPlan plan_day(const std::vector<PlanHistoryEntry>& history_in, const std::string& today,
                 const ProgramSettings& settings) {
    std::vector<PlanHistoryEntry> history;
    for (const PlanHistoryEntry& e : history_in) {
        if (day_number(e.day) && day_number(today) && *day_number(e.day) <= *day_number(today)) history.push_back(e);
    }
    // Stable: sessions of one day keep the order they were given in.
    std::stable_sort(history.begin(), history.end(),
                     [](const PlanHistoryEntry& a, const PlanHistoryEntry& b) { return a.day < b.day; });
    const long today_n = day_number(today).value_or(0);
    const auto& ladder = program_ladder();
    const int top = static_cast<int>(ladder.size()) - 1;

    DayPlan plan;
    const PlanHistoryEntry* last = nullptr;  // last planned step-up session
    const PlanHistoryEntry* last_step_up = nullptr;
    bool finished_on_ladder = false;  // a step-up session on the ladder played to its end
    for (const PlanHistoryEntry& e : history) {
        if (e.exercise != "step_up") continue;
        last_step_up = &e;
        if (e.program_rung >= 0) last = &e;
        finished_on_ladder = finished_on_ladder || (e.program_rung >= 0 && e.finished);
    }
    if (!last) {
        plan.rung = 0;
        plan.reason = "First planned session: " + volume(ladder[0]) + " to learn the movement.";
    } else {
        const int was = std::clamp(last->program_rung, 0, top);
        plan.last_verdict = session_verdict(*last);
        const int delta = plan.last_verdict == Verdict::up ? 1 : plan.last_verdict == Verdict::down ? -1 : 0;
        plan.rung = std::clamp(was + delta, 0, top);
        if (plan.last_verdict == Verdict::up) {
            plan.reason = was == top ? "Every rep Great and steady again: stay at the top, " + volume(ladder[top]) + "."
                                     : "Every rep was Great and steady last time: up to " + volume(ladder[plan.rung]) + ".";
        } else if (plan.last_verdict == Verdict::down) {
            // Say what was hard: the grades alone can look fine (a steady A on a
            // short session), so the player needs the cause.
            // "Step-up": the last session may have been another level (a balance tower
            // graded A); "stay at" on the bottom rung, where there is nothing to go back to.
            plan.reason = "Last step-up session was hard (" + verdict_cause(*last) + "): " +
                          (plan.rung < was ? "back to " : "stay at ") + volume(ladder[plan.rung]) + " to rebuild.";
        } else {
            plan.reason = "Again " + volume(ladder[plan.rung]) + ": make every rep Great and steady to move up.";
        }
        const long since = today_n - day_number(last_step_up->day).value_or(today_n);
        if (since > kDetrainingDays && plan.rung > 0) {
            --plan.rung;
            plan.reason = "Welcome back after " + std::to_string(since) + " days: " + volume(ladder[plan.rung]) +
                          " to ease in.";
        }
    }

    // Knee-drive days: one or two a week, spread out, and only once the player
    // has finished a step-up session on the ladder (the high box needs the basic
    // step-up: a first Foothills left after one rep gave a new player Summit Push).
    int in_last_week = 0;
    bool today_done = false;
    long last_knee = -100000;
    for (const PlanHistoryEntry& e : history) {
        if (e.exercise != "knee_drive") continue;
        const long n = day_number(e.day).value_or(0);
        if (n == today_n) {
            today_done = true;  // stays a knee-drive day for the rest of the day
            continue;
        }
        if (today_n - n < 7) ++in_last_week;
        last_knee = std::max(last_knee, n);
    }
    const int per_week = std::clamp(settings.knee_drive_days_per_week, 0, 2);
    plan.knee_drive_day = per_week > 0 && (today_done || (finished_on_ladder && in_last_week < per_week &&
                                         today_n - last_knee >= settings.min_days_between_knee_drive));

    const Rung& rung = ladder[static_cast<std::size_t>(plan.rung)];
    plan.items.push_back({"warmup", settings.warmup_level_id, 1, 1, settings.warmup_hold_s, 0.0,
                          "Balance warm-up: hands behind your head, stand tall and still on two feet."});
    if (plan.knee_drive_day) {
        // The knee drive makes every rep harder: fewer reps, the same sets and rest.
        const int reps = std::clamp(rung.reps_per_leg - 2, 4, 8);
        // The reason names the rung's volume; today's list shows fewer reps, so say why.
        plan.reason += " Knee-drive day: " + std::to_string(std::min(rung.sets, 3)) + " × " + std::to_string(reps) +
                       " per leg, as the knee drive makes each rep harder.";
        plan.items.push_back({"knee_drive", settings.knee_drive_level_id, std::min(rung.sets, 3), reps, 0.0,
                              rung.rest_s,
                              "High-box step-ups: drive the free knee up to hip height at the top and hold."});
    } else {
        plan.items.push_back({"step_up", settings.step_up_level_id, rung.sets, rung.reps_per_leg, 0.0, rung.rest_s,
                              "Drive up through the heel, lower slowly and with control."});
    }
    return plan;
}

}  // namespace highstep::store
