#include <gtest/gtest.h>

#include <cmath>

#include "highstep/synth/random.h"

namespace highstep::synth {
namespace {

TEST(SynthRandom, SameSeedSameStream) {
    Rng a(42), b(42), c(43);
    bool differs = false;
    for (int i = 0; i < 1000; ++i) {
        const double va = a.normal(), vb = b.normal(), vc = c.normal();
        EXPECT_EQ(va, vb);
        differs = differs || va != vc;
    }
    EXPECT_TRUE(differs);
}

TEST(SynthRandom, StreamsOfOneSeedAreIndependent) {
    Rng s1 = Rng::stream(7, 1), s2 = Rng::stream(7, 2), s1_again = Rng::stream(7, 1);
    int equal = 0;
    for (int i = 0; i < 100; ++i) {
        const double v1 = s1.uniform();
        EXPECT_EQ(v1, s1_again.uniform());
        equal += v1 == s2.uniform() ? 1 : 0;
    }
    EXPECT_EQ(equal, 0);
}

TEST(SynthRandom, BoxMullerNormalHasUnitMoments) {
    Rng rng(2024);
    const int n = 200000;
    double sum = 0.0, sum2 = 0.0, sum4 = 0.0;
    int beyond_2sd = 0;
    for (int i = 0; i < n; ++i) {
        const double v = rng.normal();
        ASSERT_TRUE(std::isfinite(v));
        sum += v;
        sum2 += v * v;
        sum4 += v * v * v * v;
        beyond_2sd += std::abs(v) > 2.0 ? 1 : 0;
    }
    EXPECT_NEAR(sum / n, 0.0, 0.01);
    EXPECT_NEAR(sum2 / n, 1.0, 0.015);
    EXPECT_NEAR(sum4 / n, 3.0, 0.1);                // Gaussian kurtosis
    EXPECT_NEAR(double(beyond_2sd) / n, 0.0455, 0.003);
}

TEST(SynthRandom, UniformStaysInRange) {
    Rng rng(5);
    double lo = 1.0, hi = 0.0;
    for (int i = 0; i < 100000; ++i) {
        const double u = rng.uniform();
        lo = std::min(lo, u);
        hi = std::max(hi, u);
        const int k = rng.below(7);
        ASSERT_GE(k, 0);
        ASSERT_LT(k, 7);
    }
    EXPECT_GE(lo, 0.0);
    EXPECT_LT(hi, 1.0);
    EXPECT_LT(lo, 0.001);
    EXPECT_GT(hi, 0.999);
}

}  // namespace
}  // namespace highstep::synth
