#pragma once
// The synthetic session generator: plays a Script through the body model and
// returns the board samples together with the true events.
#include <cstdint>
#include <vector>

#include "highstep/input/board_sample.h"
#include "highstep/synth/body_model.h"
#include "highstep/synth/script.h"
#include "highstep/synth/truth.h"

namespace highstep::synth {

struct SynthSettings {
    BodySettings body;              // weight, noise, offsets, stance, rotation
    double rate_hz = 100.0;         // nominal report rate, 40–100 Hz
    double jitter_ms = 0.0;         // standard deviation of the spacing between reports
    int gaps = 0;                   // number of dropped stretches of reports
    double max_gap_s = 1.0;         // longest gap (each is drawn in [0.1 s, max_gap_s])
    std::uint64_t seed = 1;         // the same seed and settings give the same session
};

struct SynthSession {
    std::vector<BoardSample> samples;
    std::vector<TruthEvent> truth;  // in order of start_s
    double duration_s = 0.0;
};

// Throws std::invalid_argument for settings out of range (weight 30–150 kg,
// rate 40–100 Hz, gaps ≥ 0 and ≤ 1 s, negative noise or jitter, a script longer
// than 4 hours) and ScriptError
// for a script whose actions do not follow each other (e.g. stand on an empty board).
SynthSession generate(const Script& script, const SynthSettings& settings);

// The report times of a session: nominal spacing 1/rate with Gaussian jitter
// (never closer than a quarter period, never backwards) and `gaps` stretches
// removed. Exposed for tests.
std::vector<double> sample_times(double duration_s, const SynthSettings& settings);

}  // namespace highstep::synth
