#pragma once
// Scoring: stability 0–100 from the Prieto measures, tempo judgements against a
// beat grid, rep quality, left/right symmetry, and the score and grade of a set
// and a session. Pure and deterministic. docs/session.md gives the reasoning
// behind every number here.
//
// Index
//   Judgement, TimingWindows, BeatGrid, judge_timing()   tempo
//   OffsetCalibrator                                     auto-sync of the input offset
//   StabilityReference, stability_score()                steadiness 0–100
//   RepQualitySettings, RepInput, RepScore               one rep (or hold)
//   Grade, grade_for()                                   S/A/B/C/D
//   LegSummary, Symmetry, SetResult, SessionResult       what a player is shown and stored
//   Scorer                                               accumulates reps into results
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "highstep/core/level/scoring_settings.h"
#include "highstep/core/recognise/events.h"
#include "highstep/core/signal/stability.h"

namespace highstep::core {

// ---------------------------------------------------------------- tempo

enum class Judgement { perfect, great, good, miss };
const char* to_string(Judgement judgement);  // "perfect", "great", "good", "miss"
constexpr std::size_t kJudgementCount = 4;


// Points a judgement is worth on the tempo part of a rep, 0..1.
double judgement_value(Judgement judgement);

// Beats at start_s + k * 60 / bpm for every integer k >= 0.
struct BeatGrid {
    double start_s = 0.0;  // time of beat 0
    double bpm = 60.0;     // beats per minute; <= 0 means "no beat"

    bool active() const { return bpm > 0.0; }
    double period_s() const;               // 60 / bpm
    double nearest_beat_s(double t_s) const;  // never before beat 0
    long beat_index(double t_s) const;     // last beat at or before t_s; -1 before beat 0
    double phase(double t_s) const;        // 0 on a beat, rising to 1 just before the next
};

struct TimingResult {
    Judgement judgement = Judgement::miss;
    double error_ms = 0.0;      // corrected contact − nearest beat; + is late
    double raw_error_ms = 0.0;  // the same without the input offset (what auto-sync uses)
    double beat_s = 0.0;        // the beat it was judged against
};

// Judges a foot contact at `contact_s`. `input_offset_ms` is the player's (or
// board's) systematic lateness: it is subtracted from the contact before judging,
// as the "input offset" / "audio offset" setting of rhythm games does.
TimingResult judge_timing(double contact_s, const BeatGrid& grid, double input_offset_ms,
                          const TimingWindows& windows);

// Auto-sync: watches the raw timing errors of consecutive reps; once `reps` in a row
// are steady (all within the Good window and their spread small) it suggests their
// median as the input offset. A rep outside the Good window restarts the run.
struct OffsetCalibrationSettings {
    std::size_t reps = 8;            // consecutive steady reps needed
    double max_spread_ms = 80.0;     // max − min of the run's errors after dropping none
    double max_abs_error_ms = 300.0; // a contact further than this from a beat is not "steady"
};

class OffsetCalibrator {
public:
    explicit OffsetCalibrator(const OffsetCalibrationSettings& settings = {});
    // Adds one rep's raw error (ms). Returns true when a new suggestion is ready.
    bool push(double raw_error_ms);
    // Median raw error of the latest steady run, once there has been one.
    std::optional<double> suggested_offset_ms() const { return suggestion_; }
    void reset();

private:
    OffsetCalibrationSettings settings_;
    std::vector<double> run_;
    std::optional<double> suggestion_;
};

// Spread of the intervals between successive contacts: their standard deviation in
// ms (0 with fewer than three contacts). A metronome-steady player is near 0.
double interval_spread_ms(const std::vector<double>& contact_times_s);

// ---------------------------------------------------------------- stability



// 0–100: 50 % mean velocity, 25 % RMS, 25 % ellipse area. A window shorter than
// `min_duration_s` (too little to judge) scores 0.
constexpr double kMinStabilityWindow_s = 0.3;
double stability_score(const StabilityMeasures& measures, const StabilityReference& reference,
                       double min_duration_s = kMinStabilityWindow_s);
// Whether `measures` is long enough to judge: a rep without it has no steadiness (the
// live meter's "–"), left out of its quality and of every mean, not a steadiness of 0.
bool stability_measured(const StabilityMeasures& measures, double min_duration_s = kMinStabilityWindow_s);

// ---------------------------------------------------------------- reps

enum class RepKind { step_up, knee_drive, hold };
const char* to_string(RepKind kind);


// One rep as the session saw it.
struct RepInput {
    RepKind kind = RepKind::step_up;
    Side side = Side::left;          // working leg (step-up lead, knee-drive stance leg, one-foot hold)
    bool two_feet = false;           // a two-foot balance hold (side then means nothing)
    double t_s = 0.0;                // the judged moment (step-up contact, knee drive weight shift)
    double feedback_s = 0.0;         // when the game first showed and sounded its judgement
    std::optional<TimingResult> timing;  // unset when the level has no beat
    double lowering_s = 0.0;         // step-ups
    double peak_bw = 0.0;            // step-ups and knee drives
    double hold_s = 0.0;             // knee drives and holds
    bool has_hold = false;           // a step-up ending in a knee drive counts its hold
    StabilityMeasures stability;     // of the hold / the top of the step-up
    StanceKind stability_stance = StanceKind::two_feet;
};

struct RepScore {
    RepInput input;
    double timing_value = 0.0;     // 0..1 (judgement_value), 1 when the level has no beat
    double lowering_value = 0.0;   // 0..1
    double drive_value = 0.0;      // 0..1
    double hold_value = 0.0;       // 0..1
    double stability = 0.0;        // 0..100
    int points = 0;                // 0..kMaxRepPoints
};
constexpr int kMaxRepPoints = 1000;

// Scores one rep: a weighted mix of timing and quality that depends on the kind
// (weights in docs/session.md). Deterministic.
RepScore score_rep(const RepInput& rep, const RepQualitySettings& quality,
                   const StabilityReference& two_feet_reference,
                   const StabilityReference& one_foot_reference);

// The part of a rep's points its timing alone earns (what the game gives at the contact,
// before the rest of the rep is known): the timing weight of that kind of rep times the
// judgement's value, as a share of all its parts. 0 for a hold (no timing).
int timing_points(RepKind kind, bool has_hold, Judgement judgement);

// ---------------------------------------------------------------- results

enum class Grade { S, A, B, C, D };
const char* to_string(Grade grade);  // "S", "A", ...
// Share of the maximum points: S >= 0.90, A >= 0.80, B >= 0.65, C >= 0.50, else D.
Grade grade_for(double fraction_of_max);

using JudgementCounts = std::array<int, kJudgementCount>;  // indexed by Judgement

struct LegSummary {
    int reps = 0;
    double mean_peak_bw = 0.0;     // over reps with a peak
    double mean_stability = 0.0;   // 0..100, over reps with a stability window
    double mean_hold_s = 0.0;      // over reps with a hold
    int stability_reps = 0;        // reps whose steadiness was measured (0: none, not "0 steady")
};

// 100 = both legs alike; min/max of the two legs' values (100 when both are 0).
struct Symmetry {
    LegSummary left;
    LegSummary right;
    double reps_pct = 100.0;
    double peak_pct = 100.0;
    double stability_pct = 100.0;
};

struct SetResult {
    int set_number = 1;            // 1-based
    int reps_target = 0;           // reps the program asked for in this set
    std::vector<RepScore> reps;
    int score = 0;
    Grade grade = Grade::D;
    JudgementCounts judgements{};
    int max_combo = 0;
    bool completed = false;
};

struct SessionResult {
    std::string level_id;
    int score = 0;
    int max_score = 0;             // reps the program asked for × kMaxRepPoints
    Grade grade = Grade::D;
    bool completed = false;        // every set of the program done
    int reps = 0;
    int reps_target = 0;
    JudgementCounts judgements{};
    int max_combo = 0;
    double mean_abs_error_ms = 0.0;   // tempo accuracy over judged reps
    double interval_spread_ms = 0.0;  // consistency
    // Some set had three contacts or more (two intervals): with fewer nothing is known
    // of the rhythm, and a spread of 0 would read as metronome-steady.
    bool interval_spread_measured = false;
    double stability_score = 0.0;     // 0..100, mean over reps with a stability window
    StabilityMeasures stability;      // mean of the reps' measures
    Symmetry symmetry;
    std::vector<SetResult> sets;
    double input_offset_ms = 0.0;             // the offset that was applied
    std::optional<double> suggested_offset_ms;  // auto-sync's suggestion, if it found one
    double duration_s = 0.0;
};

// The result as the JSON object `highstep play` prints (format in docs/session.md).
// Numbers are rounded to 0.001 so that output is stable and readable.
std::string to_json(const SessionResult& result, int indent = 2);

// Collects scored reps set by set. The Session drives it; tests and tools may too.
class Scorer {
public:
    Scorer(std::string level_id, int sets, int reps_per_set, double input_offset_ms);
    void begin_set(int set_number);  // 1-based; closes nothing
    void add_rep(const RepScore& rep);
    void end_set(bool completed);    // closes the current set
    int combo() const { return combo_; }
    int score() const;               // all points so far
    const std::vector<SetResult>& sets() const { return sets_; }
    // The session result so far (open set included).
    SessionResult result(bool completed, double duration_s,
                         std::optional<double> suggested_offset_ms) const;

private:
    std::string level_id_;
    int sets_target_;
    int reps_per_set_;
    double input_offset_ms_;
    std::vector<SetResult> sets_;
    bool set_open_ = false;
    int combo_ = 0;
    int max_combo_ = 0;
    std::vector<double> contact_times_s_;
};

}  // namespace highstep::core
