#pragma once
// Levels (levels/*.json): what to do, the training program, the world to build
// and the scoring thresholds. Parsed from text here (core reads no files); see
// level_file.h for loading a file. The format is documented in docs/session.md.
//
//   {
//     "format_version": 1,
//     "id": "hill-1", "title": "Foothills", "type": "hill_climb", "difficulty": 1,
//     "exercise": "step_up",
//     "program": {"sets": 2, "reps_per_leg": 6, "rest_s": 60, "tempo_bpm": 30,
//                 "lead_order": "alternate", "hold_target_s": 0},
//     "world":   {"ledge_height_m": 0.4, ...},
//     "scoring": {"perfect_ms": 60, "great_ms": 120, "good_ms": 200, ...}
//   }
#include <stdexcept>
#include <string>
#include <string_view>

#include "highstep/core/level/scoring_settings.h"

namespace highstep::core {

constexpr int kLevelFormatVersion = 1;

enum class LevelType { hill_climb, sprint_start, balance_tower };
const char* to_string(LevelType type);  // "hill_climb", "sprint_start", "balance_tower"

enum class Exercise {
    step_up,             // hill_climb
    step_up_knee_drive,  // hill_climb: high-box step-up finishing with a knee drive hold
    knee_drive,          // sprint_start
    balance_two_feet,    // balance_tower, prisoner hold on two feet
    balance_one_foot,    // balance_tower, prisoner hold on one foot, per leg
};
const char* to_string(Exercise exercise);

// Which leg leads each rep. alternate: L R L R ...; left_first: all left reps of a
// set, then all right reps; right_first: the other way round.
enum class LeadOrder { alternate, left_first, right_first };
const char* to_string(LeadOrder order);

struct Program {
    int sets = 2;                 // 1–10
    int reps_per_leg = 6;         // 1–30; for balance_two_feet the number of holds per set
    double rest_s = 60.0;         // 0–600, between sets
    double tempo_bpm = 30.0;      // 0 (balance: no beat) or 10–200
    double count_in_s = 4.0;      // 0–30, get-ready time before the first set
    LeadOrder lead_order = LeadOrder::alternate;
    double hold_target_s = 0.0;   // knee drive / balance hold target; 0–120 (required > 0 for those)
};

struct HillWorldParams {
    double ledge_height_m = 0.4;  // 0.1–1.5, rise of each ledge
    double ledge_width_m = 1.6;   // 0.6–5, run of each ledge
};
struct SprintWorldParams {
    // (No track length: it follows the program, core/world.h sprint_track_length_m.)
    double ghost_m_per_rep = 4.0;     // 0.5–50, the rival's pace: metres per rep at the tempo
    double burst_m_s = 6.0;           // 1–30, speed a perfect burst gives
};
struct TowerWorldParams {
    int blocks = 4;                   // 0–20 boxes stacked on the platform
    int balls = 0;                    // 0–10 balls rolling on it
    double platform_width_m = 4.0;    // 1–12
    double tilt_deg_per_mm = 0.25;    // 0.01–5, platform tilt per mm of CoP offset
    double max_tilt_deg = 20.0;       // 1–45
};
struct WorldParams {
    HillWorldParams hill;
    SprintWorldParams sprint;
    TowerWorldParams tower;
};

struct ScoringParams {
    TimingWindows windows;
    RepQualitySettings quality;           // quality.hold_target_s mirrors program.hold_target_s
    StabilityReference two_feet = default_stability_reference(StanceKind::two_feet);
    StabilityReference one_foot = default_stability_reference(StanceKind::one_foot);
};

struct Level {
    int format_version = kLevelFormatVersion;
    std::string id;               // [a-z0-9-], 1–40 chars, unique among levels
    std::string title;            // 1–60 chars
    std::string description;      // optional, up to 400 chars
    LevelType type = LevelType::hill_climb;
    int difficulty = 1;           // 1–10, orders levels of a type
    Exercise exercise = Exercise::step_up;
    Program program;
    WorldParams world;
    ScoringParams scoring;

    // Reps (holds) one set asks for: reps_per_leg × 2, or reps_per_leg for a two-foot hold.
    int reps_per_set() const;
    bool has_beat() const { return program.tempo_bpm > 0.0; }
};

// A level file that is not valid. what() reads "SOURCE: field: what is wrong",
// e.g. "levels/hill-1.json: program.sets must be 1–10, got 0".
class LevelError : public std::runtime_error {
public:
    LevelError(const std::string& source, const std::string& message);
    const std::string& source() const { return source_; }
private:
    std::string source_;
};

// Parses and validates a level. `source` names the text in errors (usually its path).
// Unknown keys are errors too (a typo must not silently fall back to a default).
Level parse_level(std::string_view json_text, const std::string& source);

}  // namespace highstep::core
