#include "highstep/synth/random.h"

#include <cmath>
#include <numbers>

namespace highstep::synth {
namespace {

// SplitMix64 (Steele, Lea, Flood 2014): a good 64-bit mixer, used to derive
// well-separated seeds for independent streams from one session seed.
std::uint64_t splitmix64(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

}  // namespace

Rng::Rng(std::uint64_t seed) : engine_(seed) {}

Rng Rng::stream(std::uint64_t seed, std::uint64_t stream_id) {
    return Rng(splitmix64(splitmix64(seed) ^ splitmix64(stream_id + 0x51ed2701ull)));
}

double Rng::uniform() {
    // Top 53 bits → a double in [0, 1) with every value equally likely.
    return static_cast<double>(engine_() >> 11) * 0x1.0p-53;
}

double Rng::uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

double Rng::normal() {
    if (has_spare_) {
        has_spare_ = false;
        return spare_;
    }
    // Box–Muller; 1 - u is in (0, 1] so the log is finite.
    const double u1 = 1.0 - uniform();
    const double u2 = uniform();
    const double r = std::sqrt(-2.0 * std::log(u1));
    const double a = 2.0 * std::numbers::pi * u2;
    spare_ = r * std::sin(a);
    has_spare_ = true;
    return r * std::cos(a);
}

double Rng::normal(double mean, double sd) { return mean + sd * normal(); }

bool Rng::chance(double p) { return uniform() < p; }

int Rng::below(int n) {
    const int v = static_cast<int>(uniform() * n);
    return v < n ? v : n - 1;
}

}  // namespace highstep::synth
