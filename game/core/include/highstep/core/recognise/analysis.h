#pragma once
// Whole-recording analysis: what `highstep analyze` prints. Runs the same
// online signal processing and recognisers the game runs live.
#include <optional>
#include <vector>

#include "highstep/core/recognise/events.h"
#include "highstep/core/recognise/phases.h"
#include "highstep/core/signal/signal.h"
#include "highstep/core/signal/stability.h"
#include "highstep/input/board_sample.h"

namespace highstep::core {

struct AnalysisSettings {
    SignalSettings signal;
    std::optional<double> from_s;  // analyse only samples with t_s >= from_s
    std::optional<double> to_s;    // ... and t_s <= to_s
};

struct Analysis {
    std::size_t samples = 0;
    double duration_s = 0.0;
    double rate_hz = 0.0;          // samples / duration
    double body_weight_kg = 0.0;   // 0 if nobody stood still long enough
    std::vector<Event> events;     // in order of event_time_s
    std::vector<MovementPhase> phases;  // in the order they became known (emitted_s)
    StabilityMeasures stability;   // over two-foot quiet stance
};

Analysis analyze(const std::vector<BoardSample>& samples, const AnalysisSettings& settings = {});

}  // namespace highstep::core
