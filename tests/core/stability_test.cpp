// Prieto measures on point sets worked out by hand.
#include <cmath>
#include <numbers>

#include <gtest/gtest.h>

#include "highstep/core/signal/stability.h"

using highstep::core::compute_stability;
using highstep::core::CopLowPass;
using highstep::core::CopPoint;
using highstep::core::f_quantile_95_2;

TEST(Stability, SquareByHand) {
    // Corners of a 10 mm square, one a second: path 30 mm in 3 s; mean (5, 5); every
    // point 5 mm off the mean in x and in y; covariance 0; F(2, 2) = 19.
    const std::vector<CopPoint> pts{{0, 0, 0}, {1, 10, 0}, {2, 10, 10}, {3, 0, 10}};
    const auto m = compute_stability(pts);
    EXPECT_DOUBLE_EQ(m.path_length_mm, 30.0);
    EXPECT_DOUBLE_EQ(m.duration_s, 3.0);
    EXPECT_DOUBLE_EQ(m.mean_velocity_mm_s, 10.0);
    EXPECT_DOUBLE_EQ(m.rms_ml_mm, 5.0);
    EXPECT_DOUBLE_EQ(m.rms_ap_mm, 5.0);
    EXPECT_NEAR(m.ellipse95_mm2, 2.0 * std::numbers::pi * 19.0 * 25.0, 1e-9);
    EXPECT_EQ(m.samples, 4u);
}

TEST(Stability, UnevenSpacingUsesRealTime) {
    // 3-4-5 triangle legs: 5 mm then 5 mm, over 0.1 s and 0.9 s.
    const std::vector<CopPoint> pts{{10.0, 0, 0}, {10.1, 3, 4}, {11.0, 6, 0}};
    const auto m = compute_stability(pts);
    EXPECT_DOUBLE_EQ(m.path_length_mm, 10.0);
    EXPECT_DOUBLE_EQ(m.mean_velocity_mm_s, 10.0);
    // x: 0, 3, 6 about 3 -> rms sqrt(6); y: 0, 4, 0 about 4/3 -> rms sqrt(32/9)
    EXPECT_NEAR(m.rms_ml_mm, std::sqrt(6.0), 1e-12);
    EXPECT_NEAR(m.rms_ap_mm, std::sqrt(32.0 / 9.0), 1e-12);
    // covariance: (-3)(-4/3) + 0 + (3)(-4/3) = 0 -> area 2 pi F(2,1) sqrt(6 * 32/9)
    EXPECT_NEAR(m.ellipse95_mm2, 2.0 * std::numbers::pi * f_quantile_95_2(1.0) * std::sqrt(6.0 * 32.0 / 9.0), 1e-9);
}

TEST(Stability, PointsOnALineHaveNoArea) {
    const std::vector<CopPoint> pts{{0, 0, 0}, {0.5, 1, 2}, {1, 2, 4}, {1.5, 3, 6}};
    const auto m = compute_stability(pts);
    EXPECT_NEAR(m.ellipse95_mm2, 0.0, 1e-9);
    EXPECT_NEAR(m.path_length_mm, 3.0 * std::sqrt(5.0), 1e-12);
}

TEST(Stability, CorrelatedSwayShrinksTheEllipse) {
    // Same spread in x and y; correlation makes the ellipse thinner than the circle.
    const std::vector<CopPoint> circle{{0, -1, 0}, {1, 1, 0}, {2, 0, -1}, {3, 0, 1}};
    const std::vector<CopPoint> tilted{{0, -1, -1}, {1, 1, 1}, {2, -1, 1}, {3, 1, -1}, {4, -1, -0.5}, {5, 1, 0.5}};
    EXPECT_GT(compute_stability(circle).ellipse95_mm2, 0.0);
    // tilted: sxx = 1, syy = (1+1+1+1+0.25+0.25)/6 = 0.75, sxy = (1+1-1-1+0.5+0.5)/6 = 1/6
    const double det = 1.0 * 0.75 - (1.0 / 6.0) * (1.0 / 6.0);
    EXPECT_NEAR(compute_stability(tilted).ellipse95_mm2, 2.0 * std::numbers::pi * f_quantile_95_2(4.0) * std::sqrt(det), 1e-9);
}

TEST(Stability, FewPointsGiveZeros) {
    EXPECT_EQ(compute_stability({}).path_length_mm, 0.0);
    const auto one = compute_stability({{1.0, 5.0, 5.0}});
    EXPECT_EQ(one.mean_velocity_mm_s, 0.0);
    EXPECT_EQ(one.samples, 1u);
}

TEST(Stability, FQuantileMatchesTables) {
    EXPECT_NEAR(f_quantile_95_2(2.0), 19.0, 1e-9);
    EXPECT_NEAR(f_quantile_95_2(10.0), 4.1028, 1e-4);   // table: 4.10
    EXPECT_NEAR(f_quantile_95_2(120.0), 3.0718, 1e-3);  // table: 3.07
    EXPECT_NEAR(f_quantile_95_2(1e7), 5.991 / 2.0, 1e-3);  // chi-square(2) / 2
}

TEST(Stability, LowPassIsRateIndependent) {
    // A 15 Hz wobble is cut far more than a 1 Hz one, at 40 Hz or 100 Hz sampling alike.
    for (double rate : {40.0, 100.0}) {
        auto amplitude_after = [rate](double freq_hz) {
            CopLowPass lp(5.0);
            double max_abs = 0.0;
            for (int i = 0; i < static_cast<int>(rate * 4); ++i) {
                const double t = i / rate;
                const CopPoint p = lp.push({t, std::sin(2 * std::numbers::pi * freq_hz * t) * 10.0, 0.0});
                if (t > 2.0) max_abs = std::max(max_abs, std::fabs(p.x_mm));
            }
            return max_abs;
        };
        EXPECT_GT(amplitude_after(1.0), 9.0) << rate;
        EXPECT_LT(amplitude_after(15.0), 4.5) << rate;
    }
}
