#pragma once
// Training programs: pure logic, no database (the store feeds it a player's
// history; the game shows the plan before starting).
//
// The advice the game is built on: step-ups start at 2-3 sets of 6-8 reps per
// leg and progress to 2-4 sets of 6-12; high-box step-ups with a knee drive
// once or twice a week; 1-2 minutes of rest between sets; a balance warm-up.
// A player moves up a rung when every rep of their last session was at least
// Great and steady, and down a rung after a poor session.
//
// Index
//   Rung               one step of the step-up ladder (sets x reps, rest)
//   program_ladder     the ladder, easiest first
//   PlanHistoryEntry   what the planner needs to know of a past session
//   PlanItem, DayPlan  the day's plan: warm-up, main block, optional knee-drive block
//   ProgramSettings    level ids the plan maps onto, warm-up length, knee-drive days
//   plan_day           history + today -> plan
//   session_verdict    up / stay / down for one session
#include <string>
#include <vector>

namespace highstep::store {

struct Rung {
    int sets = 2;
    int reps_per_leg = 6;
    double rest_s = 60.0;
};

// Rungs from 2x6 (first session) to 4x12, rest growing from 60 s to 120 s.
const std::vector<Rung>& program_ladder();

// The rung a program of `sets` x `reps_per_leg` matches: the rung with exactly
// that volume, else the highest rung with no more reps in all (0 at least). A
// step-up level played outside the plan still tells the planner where the
// player is.
int rung_for(int sets, int reps_per_leg);

enum class Verdict { up, stay, down };
const char* to_string(Verdict verdict);

struct PlanHistoryEntry {
    std::string day;           // local "YYYY-MM-DD"
    std::string exercise;      // "step_up", "knee_drive", "balance"
    int program_rung = -1;     // rung played (-1: free play, not from the plan)
    bool finished = false;     // reached the end (not interrupted)
    int reps = 0;              // reps completed
    int planned_reps = 0;      // reps the program asked for (0: unknown)
    int perfect = 0, great = 0, good = 0, miss = 0;
    int unsteady_reps = 0;     // reps the scorer did not judge steady
};

// Up when the session was finished and every rep was at least Great and
// steady; down when it was poor (fewer than half the planned reps, or more
// than a quarter Miss, or more than three quarters unsteady); else stay.
Verdict session_verdict(const PlanHistoryEntry& session);
// Why a session was judged down, in words ("3 of 12 reps done", "9 of 12 reps
// wobbled"); empty when it was not.
std::string verdict_cause(const PlanHistoryEntry& session);

struct PlanItem {
    std::string kind;          // "warmup", "step_up", "knee_drive"
    std::string level_id;      // the level to play, e.g. "tower-1", "hill-1"
    int sets = 1;
    int reps_per_leg = 0;      // reps per leg; for a two-foot hold, the number of holds
    double hold_s = 0.0;       // warm-up hold per stance (0 for reps)
    double rest_s = 0.0;       // rest between sets
    std::string note;          // one line for the player, e.g. "hands behind your head"
};

struct DayPlan {
    int rung = 0;              // index into program_ladder()
    Verdict last_verdict = Verdict::stay;  // what the last session did to the rung
    std::string reason;        // why this rung, in a sentence for the plan screen
    bool knee_drive_day = false;
    std::vector<PlanItem> items;  // in the order to play them
};

struct ProgramSettings {
    std::string warmup_level_id = "tower-1";    // balance warm-up (prisoner hold, two feet)
    std::string step_up_level_id = "hill-1";    // main block
    std::string knee_drive_level_id = "hill-3";    // high-box step-ups with knee drive
    double warmup_hold_s = 30.0;                // per warm-up stance
    int knee_drive_days_per_week = 2;           // 1 or 2 (0: no knee-drive days, e.g. after an injury)
    int min_days_between_knee_drive = 3;        // spread them over the week
};

// The day's plan from the player's history (any order; only past days count).
// Deterministic: the same history and day give the same plan.
DayPlan plan_day(const std::vector<PlanHistoryEntry>& history, const std::string& today,
                 const ProgramSettings& settings = {});

}  // namespace highstep::store
