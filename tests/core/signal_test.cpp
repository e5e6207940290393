// The signal pipeline: CoP geometry, orientation, tare, body weight, noise.
#include <gtest/gtest.h>

#include "board_script.h"
#include "highstep/core/signal/signal.h"

using highstep::BoardSample;
using highstep::core::SignalProcessor;
using highstep::core::SignalSettings;
using highstep::test::BoardScript;

namespace {
BoardSample sample(double t, float tl, float tr, float bl, float br) {
    BoardSample s;
    s.t_s = t;
    s.tl = tl;
    s.tr = tr;
    s.bl = bl;
    s.br = br;
    return s;
}
}  // namespace

TEST(Signal, CopFollowsTheBoardGeometry) {
    SignalProcessor p;
    // Right side carries 60 of 80 kg: x = 433/2 * (60 - 20) / 80 = 108.25 mm.
    const auto& f = p.push(sample(0.0, 10, 30, 10, 30));
    ASSERT_TRUE(f.cop_valid);
    EXPECT_NEAR(f.cop_x_mm, 108.25, 1e-4);
    EXPECT_NEAR(f.cop_y_mm, 0.0, 1e-4);
    EXPECT_NEAR(f.right_kg, 60.0, 1e-4);
    // Front carries 60 of 80 kg: y = 238/2 * (60 - 20) / 80 = 59.5 mm.
    const auto& g = p.push(sample(0.01, 30, 30, 10, 10));
    EXPECT_NEAR(g.cop_y_mm, 59.5, 1e-4);
    EXPECT_NEAR(g.cop_x_mm, 0.0, 1e-4);
}

TEST(Signal, RotatedBoardMirrorsBothAxes) {
    SignalSettings s;
    s.rotated_180 = true;
    SignalProcessor p(s);
    const auto& f = p.push(sample(0.0, 10, 30, 10, 20));  // board's right-heavy...
    EXPECT_LT(f.cop_x_mm, -50.0);                         // ...is the player's left
    const auto& g = p.push(sample(0.01, 30, 30, 10, 10));  // board's front-heavy...
    EXPECT_NEAR(g.cop_y_mm, -59.5, 1e-4);                  // ...is the player's back
}

TEST(Signal, CopIsUndefinedNearZeroLoad) {
    SignalProcessor p;
    // 0.3 kg of noise on one corner would put a naive CoP at the board's corner.
    const auto& f = p.push(sample(0.0, 0.0f, 0.3f, 0.0f, 0.0f));
    EXPECT_FALSE(f.cop_valid);
    const auto& g = p.push(sample(0.01, 1.0f, 0.0f, 0.5f, 0.0f));
    EXPECT_FALSE(g.cop_valid);
}

TEST(Signal, TaresFromAnEmptyBoard) {
    BoardScript b;
    b.add(0, 0, 0).add(2, 0, 0).add(2.3, 30, 30).add(6, 30, 30);
    b.offset_kg[0] = 1.5f;
    b.offset_kg[1] = -0.5f;
    b.offset_kg[2] = 2.0f;
    b.offset_kg[3] = 0.7f;
    b.noise_kg = 0.05;
    SignalProcessor p;
    for (const auto& s : b.samples()) p.push(s);
    EXPECT_NEAR(p.frame().total_kg, 60.0, 0.2);  // 3.7 kg of offsets are gone
    EXPECT_NEAR(p.body_weight_kg(), 60.0, 0.2);
    EXPECT_NEAR(p.frame().cop_x_mm, 0.0, 2.0);
}

TEST(Signal, TaresAZeroThatDriftedBelowZero) {
    // A board reading −20 kg when empty (the driver extrapolates below the 0 kg
    // calibration point instead of clamping): the tare removes all of it.
    BoardScript b;
    b.add(0, 0, 0).add(2, 0, 0).add(2.3, 35, 35).add(6, 35, 35);
    for (float& o : b.offset_kg) o = -5.0f;
    b.noise_kg = 0.05;
    SignalProcessor p;
    for (const auto& s : b.samples()) p.push(s);
    EXPECT_NEAR(p.frame().total_kg, 70.0, 0.2);
    EXPECT_NEAR(p.body_weight_kg(), 70.0, 0.2);
}

// An untared board (every corner `offset_kg` when empty) on which something of
// `object_kg` is put down at `object_s`; a person of `person_kg` steps on at `on_s`.
// The samples, with the object on the top-left sensor.
static std::vector<BoardSample> board_changing_while_empty(float offset_kg, double object_s, float object_kg,
                                                           double on_s, double person_kg) {
    BoardScript b;
    b.add(0, 0, 0).add(on_s, 0, 0).add(on_s + 0.4, person_kg / 2, person_kg / 2).add(on_s + 6, person_kg / 2, person_kg / 2);
    for (float& o : b.offset_kg) o = offset_kg;
    b.noise_kg = 0.05;
    auto samples = b.samples();
    for (auto& s : samples) {
        if (s.t_s >= object_s) s.tl += object_kg;
    }
    return samples;
}

TEST(Signal, KeepsTheTareUpToDateWhileTheBoardIsEmpty) {
    // −7.3 kg empty, 3.3 kg put down at 3 s, the person steps on at 8 s. The zero is the
    // empty board just before that, not the first seconds of the recording (which would
    // make the person 3.3 kg heavy).
    SignalProcessor p;
    for (const auto& s : board_changing_while_empty(-1.825f, 3.0, 3.3f, 8.0, 62.0)) p.push(s);
    EXPECT_NEAR(p.frame().total_kg, 62.0, 0.2);
    EXPECT_NEAR(p.body_weight_kg(), 62.0, 0.2);
}

TEST(Signal, AWeighInsTareIsKeptUpToDateToo) {
    // The game's weigh-in tared the board at the start; then the empty reading changed.
    SignalProcessor p;
    p.set_tare(-1.8f, -1.8f, -1.8f, -1.8f);
    p.set_body_weight_kg(60.0);
    for (const auto& s : board_changing_while_empty(-1.8f, 2.0, 2.5f, 6.0, 60.0)) p.push(s);
    EXPECT_NEAR(p.frame().total_kg, 60.0, 0.2);
}

TEST(Signal, AFootRestingOnTheBoardIsNotTaredAway) {
    // A foot resting on the board with 4-8 kg before stepping on moves by kilograms: it
    // is not the empty board, and the weight stays whole.
    BoardScript b;
    b.add(0, 0, 0).add(2, 0, 0);
    double t = 2.0;
    for (int i = 0; i < 8; ++i) {
        b.add(t + 0.2, 0, 8).add(t + 0.4, 0, 4);
        t += 0.4;
    }
    b.add(t + 0.4, 36, 36).add(t + 6, 36, 36);
    b.noise_kg = 0.05;
    SignalProcessor p;
    for (const auto& s : b.samples()) p.push(s);
    EXPECT_NEAR(p.frame().total_kg, 72.0, 0.2);
    EXPECT_NEAR(p.body_weight_kg(), 72.0, 0.2);
}

TEST(Signal, DoesNotTareAPersonAway) {
    // Someone already standing when the data starts: nothing to tare, weight is weight.
    BoardScript b;
    b.add(0, 35, 35).add(5, 35, 35);
    SignalProcessor p;
    for (const auto& s : b.samples()) p.push(s);
    EXPECT_NEAR(p.body_weight_kg(), 70.0, 0.1);
}

TEST(Signal, ManualTareAndWeighIn) {
    SignalProcessor p;
    p.set_tare(1, 1, 1, 1);
    p.set_body_weight_kg(80.0);
    const auto& f = p.push(sample(0.0, 11, 11, 11, 11));
    EXPECT_NEAR(f.total_kg, 40.0, 1e-4);
    EXPECT_DOUBLE_EQ(p.body_weight_kg(), 80.0);  // a weigh-in is not overridden by a partial load
}

TEST(Signal, BodyWeightFromSteadyStanceNotFromPartialOrPeaks) {
    // One foot rests on the board (steady, 25 kg), then the player stands (64 kg) with a
    // 1.25 BW bounce in between: the estimate is the standing weight.
    BoardScript b;
    b.add(0, 0, 0).add(1.5, 0, 0).add(1.6, 25, 0).add(3.5, 25, 0).add(3.8, 40, 40).add(3.9, 32, 32).add(7, 32, 32);
    b.noise_kg = 0.1;
    b.jitter_frac = 0.3;
    SignalProcessor p;
    double at_partial = -1.0;
    for (const auto& s : b.samples()) {
        p.push(s);
        if (s.t_s < 3.5) at_partial = p.body_weight_kg();
    }
    EXPECT_NEAR(at_partial, 25.0, 0.5);  // until then, that was all there was to see
    EXPECT_NEAR(p.body_weight_kg(), 64.0, 0.5);
    EXPECT_GT(p.frame().noise_kg, 0.0);
    EXPECT_LT(p.frame().noise_kg, 0.3);
}

TEST(Signal, DropsBrokenAndOutOfOrderSamples) {
    SignalProcessor p;
    p.push(sample(1.0, 10, 10, 10, 10));
    EXPECT_TRUE(p.last_accepted());
    p.push(sample(0.5, 20, 20, 20, 20));
    EXPECT_FALSE(p.last_accepted());
    EXPECT_DOUBLE_EQ(p.frame().t_s, 1.0);
    p.push(sample(1.1, std::nanf(""), 10, 10, 10));
    EXPECT_FALSE(p.last_accepted());
    EXPECT_NEAR(p.frame().total_kg, 40.0, 1e-4);
}

TEST(Signal, TimeStandingStillStaysCheap) {
    // A broken file repeating one time stamp must not make the window statistics grow
    // without bound (each sample would cost more than the last).
    highstep::core::SignalProcessor p;
    // (Under ctest's timeout, quadratic cost here would fail the run.)
    for (int i = 0; i < 200000; ++i) p.push(sample(5.0, 17.5f, 17.5f, 17.5f, 17.5f));
    EXPECT_DOUBLE_EQ(p.body_weight_kg(), 0.0);  // no time passed: nothing was steady *for* a while
    for (int i = 1; i <= 100; ++i) p.push(sample(5.0 + 0.01 * i, 17.5f, 17.5f, 17.5f, 17.5f));
    EXPECT_NEAR(p.body_weight_kg(), 70.0, 0.1);
    EXPECT_NEAR(p.frame().total_smooth_kg, 70.0, 0.1);
}
