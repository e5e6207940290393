#pragma once
// The ground truth of a synthetic session as JSON, in the shape of the analysis
// JSON of ../shared/DESIGN.md ("events" with type, side/lead, times), plus the
// settings that made it. Written by `highstep synth --truth` and by the accuracy
// report's case dumps. Separate target (highstep::synth_json) so the generator
// itself needs no JSON library.
#include <string>

#include "highstep/synth/generator.h"

namespace highstep::synth {

// Format "highstep-synth-truth", version 1. Pretty-printed, ends with a newline.
std::string truth_to_json(const SynthSession& session, const SynthSettings& settings,
                          const std::string& script_name);

}  // namespace highstep::synth
