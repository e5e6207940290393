// When a synthetic board reports: real boards report at 40–100 Hz with uneven
// spacing and gaps (DESIGN.md), so synthetic sessions do too.
#include <algorithm>

#include "highstep/synth/generator.h"

namespace highstep::synth {
namespace {
constexpr std::uint64_t kStreamTiming = 5;
constexpr std::uint64_t kStreamGaps = 6;
constexpr double kMinGap_s = 0.1;
}  // namespace

std::vector<double> sample_times(double duration_s, const SynthSettings& settings) {
    Rng timing = Rng::stream(settings.seed, kStreamTiming);
    const double period_s = 1.0 / settings.rate_hz;
    const double jitter_s = settings.jitter_ms / 1000.0;
    std::vector<double> times;
    times.reserve(static_cast<std::size_t>(duration_s * settings.rate_hz * 1.1) + 2);
    for (double t = 0.0; t <= duration_s;) {
        times.push_back(t);
        // Reports never come closer than a quarter period: the board's own rate limit.
        t += std::max(period_s * 0.25, period_s + jitter_s * timing.normal());
    }
    Rng gaps = Rng::stream(settings.seed, kStreamGaps);
    for (int g = 0; g < settings.gaps; ++g) {
        const double length_s = gaps.uniform(kMinGap_s, std::max(kMinGap_s, settings.max_gap_s));
        // Keep the first and last half second so a session always starts and ends with data.
        const double latest_start_s = duration_s - 0.5 - length_s;
        if (latest_start_s <= 0.5) break;
        const double start_s = gaps.uniform(0.5, latest_start_s);
        std::erase_if(times, [&](double t) { return t > start_s && t < start_s + length_s; });
    }
    return times;
}

}  // namespace highstep::synth
