#pragma once
// Helpers for reading synthetic samples back as a detector would: tare with the
// board's known offsets, total load, centre of pressure in the player's frame.
#include <vector>

#include "highstep/input/board_sample.h"
#include "highstep/synth/generator.h"

namespace highstep::synth::test {

struct WindowStats {
    std::size_t samples = 0;
    double total_kg = 0.0;      // mean tared total
    double min_total_kg = 0.0;
    double max_total_kg = 0.0;
    double cop_x_mm = 0.0;      // mean CoP, player's frame (+ right)
    double cop_y_mm = 0.0;      // (+ front)
    double rms_x_mm = 0.0;      // RMS about the mean
    double rms_y_mm = 0.0;
};

// Stats of the samples with t_s in [from_s, to_s]; loads tared with the offsets
// the body model used for `settings`; rotation undone if the settings say so.
WindowStats window(const std::vector<BoardSample>& samples, const SynthSettings& settings, double from_s,
                   double to_s);

// Settings with no offsets and little noise, for checks on the body model itself.
SynthSettings quiet_settings(double weight_kg = 70.0, std::uint64_t seed = 1);

// A script from text (test convenience).
Script script_from(const char* text);

}  // namespace highstep::synth::test
