#pragma once
// Stability over two-foot quiet stance: which stretches count, and the pooled measures.
#include <vector>

#include "highstep/core/signal/signal.h"
#include "highstep/core/signal/stability.h"

namespace highstep::core::detail {

struct QuietSettings {
    double settle_after_s = 1.0;   // leave out this much after two-foot stance begins
    double settle_before_s = 0.5;  // ... and before it ends
    double load_band_bw = 0.10;    // the load stays within this of body weight
    double block_s = 1.0;          // stillness is judged per block of this length
    double block_range_mm = 25.0;  // a block is still if the CoP moves less than this each way
    double min_run_s = 1.0;        // shorter still stretches are left out
};

// `frames` in time order (any subset of a recording's frames, e.g. an analysis window).
StabilityMeasures quiet_stance_stability(const std::vector<SignalFrame>& frames, double body_weight_kg,
                                         const QuietSettings& settings = {});

}  // namespace highstep::core::detail
