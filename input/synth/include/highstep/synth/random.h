#pragma once
// Portable, seedable random numbers for synthetic sessions.
//
// std::normal_distribution and friends are implementation-defined, so the same
// seed would give different sessions with libstdc++ and libc++. We use only the
// raw std::mt19937_64 stream (fully specified by the standard) and derive
// uniforms and normals ourselves: the same seed gives the same session anywhere.
#include <cstdint>
#include <random>

namespace highstep::synth {

class Rng {
public:
    explicit Rng(std::uint64_t seed);
    // A child stream whose seed is derived from this stream's seed and `stream_id`
    // (SplitMix64 mixing): independent parts of a session (timing, sensor noise,
    // sway, script variation) each get their own, so changing one parameter does
    // not reshuffle the others.
    static Rng stream(std::uint64_t seed, std::uint64_t stream_id);

    double uniform();                         // [0, 1), 53 random bits
    double uniform(double lo, double hi);     // [lo, hi)
    double normal();                          // standard normal (Box–Muller)
    double normal(double mean, double sd);
    bool chance(double p);                    // true with probability p
    int below(int n);                         // integer in [0, n), n > 0

private:
    std::mt19937_64 engine_;
    bool has_spare_ = false;
    double spare_ = 0.0;
};

}  // namespace highstep::synth
