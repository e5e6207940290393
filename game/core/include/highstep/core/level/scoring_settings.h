#pragma once
// The scoring settings a level carries: judgement windows, steadiness references and
// rep-quality targets. Plain data below the stages that use it (score, world, session),
// so that a level can name them without including the scorer.
//
// Index
//   TimingWindows                                        tempo judgement windows
//   StanceKind, StabilityReference                       steadiness references per stance
//   RepQualitySettings                                   targets for one rep's quality
namespace highstep::core {

// Half-widths of the judgement windows: |error| <= perfect_ms is Perfect, and so on;
// beyond good_ms is a Miss. Whole-body foot contacts seen through a 40–100 Hz board
// are far coarser than a finger on a key, so these are wider than a dance game's.
struct TimingWindows {
    double perfect_ms = 60.0;
    double great_ms = 120.0;
    double good_ms = 200.0;
};

enum class StanceKind { two_feet, one_foot };
const char* to_string(StanceKind kind);  // "two_feet", "one_foot"

// Measures at which steadiness scores 100 ("good") and 0 ("poor"); in between the
// score falls linearly in log(measure). Defaults per stance in default_stability_reference().
struct StabilityReference {
    double good_velocity_mm_s = 8.0;
    double poor_velocity_mm_s = 40.0;
    double good_rms_mm = 3.0;       // of the radial RMS sqrt(rms_ml² + rms_ap²)
    double poor_rms_mm = 15.0;
    double good_ellipse_mm2 = 100.0;
    double poor_ellipse_mm2 = 2500.0;
};
StabilityReference default_stability_reference(StanceKind kind);

struct RepQualitySettings {
    double lowering_target_s = 1.2;  // a controlled descent takes at least this long
    double lowering_drop_s = 0.3;    // this fast (or faster) is a drop: no lowering credit
    double peak_target_bw = 1.2;     // drive peak that earns full credit
    double hold_target_s = 2.0;      // knee-drive or balance hold target
};

}  // namespace highstep::core
