// The labelled suites. Each session draws its settings from the ranges the
// issue names, cycling through the extremes so that every suite of a dozen
// sessions or more covers 30 and 150 kg, 40 and 100 Hz, and a turned board.
#include <cstdio>
#include <sstream>
#include <string>

#include "accuracy.h"

namespace highstep::accuracy {
namespace {

constexpr double kWeights_kg[] = {30, 150, 55, 75, 95, 120, 40, 65, 85, 110, 135, 50};
constexpr double kRates_hz[] = {100, 40, 60, 75, 50, 90, 45, 80, 100, 65};
constexpr double kStance_mm[] = {200, 160, 240, 180, 260, 220};
constexpr double kFeetOffset_mm[] = {0, 35, -30, 0, 50, -45, 15};

template <typename T, std::size_t N>
T cycle(const T (&values)[N], int i) {
    return values[static_cast<std::size_t>(i) % N];
}

// Sessions that never stand still first: straight into step-ups (two-foot tops, knee-drive
// tops, a drop), or stepping on and going onto one leg at once or after half a second.
constexpr const char* kUnstillScripts[] = {
    "empty 2\nstep-on left\nknee-drive right 1.5\nstand 1\nknee-drive left 1.5\nstand 1\nstep-off\nempty 2\n",
    "empty 2\nstep-up right\nempty 1\nstep-up-knee left 1\nempty 1.5\nstep-up-drop right\nempty 2\n",
    "empty 2\nstep-on right\none-leg left 2\nstand 1\none-leg right 2\nstand 1\nlean 40 0 2\nstep-off\nempty 2\n",
    "empty 2\nstep-up-knee right 1\nempty 1\nstep-up-knee left 2.5\nempty 1\nstep-up left\nempty 2\n",
    "empty 2\nstep-on left\nstand 0.5\nknee-drive left 1\nknee-drive right 1\nstand 2\nstep-off right\nempty 2\n",
};

synth::Script unstill_script(int i) {
    std::istringstream text(cycle(kUnstillScripts, i));
    return synth::parse_script(text, "unstill-" + std::to_string(i % 5 + 1));
}

}  // namespace

const char* to_string(SuiteKind kind) {
    switch (kind) {
        case SuiteKind::clean: return "clean";
        case SuiteKind::noisy: return "noisy";
        case SuiteKind::unstill: return "unstill";
    }
    return "clean";
}

std::vector<SuiteCase> make_suite(SuiteKind kind, int sessions, std::uint64_t seed, int reps) {
    std::vector<SuiteCase> suite;
    synth::Rng rng = synth::Rng::stream(seed, 101 + static_cast<std::uint64_t>(kind));
    for (int i = 0; i < sessions; ++i) {
        SuiteCase c;
        c.script = kind == SuiteKind::unstill ? unstill_script(i) : synth::named_script("mixed", reps);
        synth::SynthSettings& s = c.settings;
        s.seed = seed * 1000 + static_cast<std::uint64_t>(i) +
                 (kind == SuiteKind::noisy ? 500 : kind == SuiteKind::unstill ? 750 : 0);
        s.body.body_weight_kg = cycle(kWeights_kg, i);
        s.rate_hz = cycle(kRates_hz, i);
        s.body.stance_width_mm = cycle(kStance_mm, i);
        s.body.feet_offset_x_mm = cycle(kFeetOffset_mm, i);
        s.body.feet_offset_y_mm = rng.uniform(-25.0, 25.0);
        s.body.rotated_180 = i % 4 == 3;
        const bool noisy = kind == SuiteKind::noisy || (kind == SuiteKind::unstill && i % 2 == 1);
        if (!noisy) {
            s.body.noise_kg = 0.02;
            s.body.sensor_offset_kg = 0.5;
        } else {
            s.body.noise_kg = rng.uniform(0.1, 0.3);
            s.body.sensor_offset_kg = 2.0;
            s.jitter_ms = rng.uniform(2.0, 8.0);
            s.gaps = 2 + rng.below(5);
            s.max_gap_s = 1.0;
        }
        char label[180];
        std::snprintf(label, sizeof label, "%sw=%.0fkg r=%.0fHz noise=%.2fkg jitter=%.1fms gaps=%d stance=%.0fmm off=%+.0fmm%s",
                      kind == SuiteKind::unstill ? (c.script.name + " ").c_str() : "", s.body.body_weight_kg, s.rate_hz, s.body.noise_kg, s.jitter_ms, s.gaps,
                      s.body.stance_width_mm, s.body.feet_offset_x_mm, s.body.rotated_180 ? " rotated" : "");
        c.label = label;
        suite.push_back(std::move(c));
    }
    return suite;
}

}  // namespace highstep::accuracy
