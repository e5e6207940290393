#pragma once
// Detection accuracy of the recognisers (highstep::core::analyze) against the
// synthetic generator's ground truth: suites of labelled sessions, one-to-one
// matching of detected to true events, and the per-type table the report prints.
#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "highstep/core/recognise/analysis.h"
#include "highstep/input/board_sample.h"
#include "highstep/synth/generator.h"

namespace highstep::accuracy {

// ---- suites ---------------------------------------------------------------

struct SuiteCase {
    std::string label;             // e.g. "w=90kg r=60Hz noise=0.20kg gaps=3 rotated"
    synth::Script script;
    synth::SynthSettings settings;
};

enum class SuiteKind {
    clean,  // Wii-like noise (0.02 kg), even timing, no gaps
    noisy,  // 0.1–0.3 kg noise, 2–8 ms jitter, 2–6 gaps of up to 1 s, larger offsets
    // Not a target suite: sessions that never stand still before the first rep or
    // single-leg stance (five short scripts in turn, every other session noisy). Without a
    // weigh-in the recogniser has not learned the feet yet; this measures how it copes.
    unstill,
};
const char* to_string(SuiteKind kind);

// `sessions` sessions of the "mixed" script (27 labelled reps and holds each at
// reps = 8; the unstill suite: its own scripts, `reps` unused), spread over body weights 30–150 kg, rates 40–100 Hz, stance widths,
// off-centre feet and the board turned 180°. The same arguments give the same suite.
std::vector<SuiteCase> make_suite(SuiteKind kind, int sessions, std::uint64_t seed, int reps = 8);

// ---- matching -------------------------------------------------------------

// A detected or true event reduced to what is matched: type, side and time.
struct Mark {
    synth::TruthType type = synth::TruthType::step_on;
    synth::Side side = synth::Side::left;  // unused for step on/off
    double t_s = 0.0;                      // start (contact for step-ups), or the moment
    double end_s = -1.0;                   // end of a rep or hold (board empty, foot down, lowering); -1: a moment
};
Mark mark_of(const core::Event& detected);

// How far apart (s) a detection and a true event of the same type and side may
// be to match, per type: holds' starts are defined loosely (when is the other
// foot "off"?), contacts precisely.
double match_tolerance_s(synth::TruthType type);

// A true event as the matcher sees it. Real boards drop reports for up to a
// second (DESIGN.md), and the noisy suite does too; what falls into such a gap
// is not in the data, so no detector can see it:
//  * a moment (contact, step on/off) inside a gap can only be placed somewhere
//    in the gap: the match window stretches over the gap, and its timing error
//    is not counted;
//  * an event whose defining phase is hidden (a knee drive's dip and peak, a
//    step-up's contact and push-off, more than the last second of a hold) is
//    "obscured": if no detection matches it, it is not counted as missed, and a
//    detection of what the data does show (a one_leg_hold where the drive peak
//    fell into a gap) is not counted as invented.
struct TruthMark {
    Mark mark;
    double lo_s = 0.0, hi_s = 0.0;      // a detection at a time in [lo_s, hi_s] may match
    bool in_gap = false;                // the moment itself fell into a gap
    bool end_in_gap = false;            // ... or the end did (its error is not counted)
    bool obscured = false;
    double from_s = 0.0, to_s = 0.0;    // the whole event, for excusing detections
};
struct Gap {
    double from_s, to_s;                // last sample before, first sample after
};
// Spacing above which two successive samples are a gap, not jitter.
inline constexpr double kGapMin_s = 0.15;
std::vector<Gap> find_gaps(const std::vector<BoardSample>& samples);
TruthMark truth_mark(const synth::TruthEvent& truth, const std::vector<Gap>& gaps);

struct TypeCounts {
    int truth = 0;
    int obscured_missed = 0;            // true events hidden by gaps and not found (not counted as missed)
    int detected = 0;
    int excused = 0;                    // detections explained by an obscured event (not counted as invented)
    int matched = 0;
    int wrong_side = 0;                 // unmatched detections that match a true event of the other side
    std::vector<double> errors_s;       // detected − true time of each matched pair outside gaps
    std::vector<double> end_errors_s;   // detected − true end of each matched rep or hold, likewise

    double precision() const {
        const int judged = detected - excused;
        return judged == 0 ? 1.0 : double(matched) / judged;
    }
    double recall() const {
        const int judged = truth - obscured_missed;
        return judged == 0 ? 1.0 : double(matched) / judged;
    }
};

struct Miss {                            // a missed or invented event, for the findings
    std::string case_label;
    std::uint64_t seed = 0;
    bool invented = false;               // true: detected with no true event; false: missed
    Mark mark;
};

struct Tally {
    TypeCounts by_type[5];               // indexed by synth::TruthType
    std::vector<Miss> misses;
    std::size_t sessions = 0;
    std::size_t samples = 0;

    TypeCounts& of(synth::TruthType t) { return by_type[static_cast<int>(t)]; }
    const TypeCounts& of(synth::TruthType t) const { return by_type[static_cast<int>(t)]; }
    int labelled_reps() const;           // step-ups, knee drives and one-leg holds in the truth
};

// Greedy one-to-one matching, closest pairs first, within the type's tolerance.
void match(const std::vector<TruthMark>& truth, const std::vector<Mark>& detected, const std::string& case_label,
           std::uint64_t seed, Tally& tally);
// Convenience for truths with no gaps around them (tests).
TruthMark plain_truth(const Mark& mark);

// The samples as a recording file holds them (written and read back: 10 g, 0.1 ms).
std::vector<BoardSample> as_recorded(const std::vector<BoardSample>& samples);
// Generates the case, records it, runs analyze() with the board orientation as
// the player would set it, and matches.
void run_case(const SuiteCase& c, Tally& tally);
Tally run_suite(const std::vector<SuiteCase>& suite);

// ---- report ---------------------------------------------------------------

double percentile(std::vector<double> values, double p);  // p in [0, 1], linear interpolation; 0 if empty
void print_table(std::ostream& out, const std::string& title, const Tally& tally);
// Prints the session of `suite` with this seed sample by sample (frames, events as they
// come, truth, gaps); false if the suite has no such session.
bool trace_case(const std::vector<SuiteCase>& suite, std::uint64_t seed);

}  // namespace highstep::accuracy
