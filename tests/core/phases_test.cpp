// The movement phase stream (recognise/phases.h): when a foot lands, on which side,
// and how soon that is known, from hand-built board signals.
#include <gtest/gtest.h>

#include <optional>
#include <vector>

#include "board_script.h"
#include "highstep/core/recognise/analysis.h"

namespace highstep::test {
namespace {

std::vector<core::MovementPhase> phases_of(const BoardScript& b, core::PhaseType type) {
    std::vector<core::MovementPhase> out;
    for (const core::MovementPhase& p : core::analyze(b.samples()).phases) {
        if (p.type == type) out.push_back(p);
    }
    return out;
}

// Samples of `b` strictly after t_s up to and including `until_s`.
int samples_between(const BoardScript& b, double t_s, double until_s) {
    int n = 0;
    for (const BoardSample& s : b.samples()) n += s.t_s > t_s && s.t_s <= until_s + 1e-9;
    return n;
}

// An empty board, then one foot landing with a load that grows `rise_kg_per_s`, then
// the other foot: a step-up's first moments.
BoardScript landing(bool left_first, double rise_kg_per_s, double noise_kg = 0.01) {
    BoardScript b;
    b.noise_kg = noise_kg;
    const double contact_s = 2.003;  // between two 100 Hz samples
    const double first_kg = rise_kg_per_s * 0.3;
    b.add(0.0, 0, 0).add(contact_s, 0, 0);
    if (left_first) {
        b.add(contact_s + 0.3, first_kg, 0).add(contact_s + 0.8, 35, 35).add(contact_s + 2.0, 35, 35);
    } else {
        b.add(contact_s + 0.3, 0, first_kg).add(contact_s + 0.8, 35, 35).add(contact_s + 2.0, 35, 35);
    }
    b.add(contact_s + 2.6, 0, 0).add(contact_s + 4.0, 0, 0);
    return b;
}

// A landing foot is known, with its side, within two samples of its contact, even while
// its load is far below what the CoP of the signal needs (5 % of body weight): the side
// comes from where the little load there is sits.
TEST(Phases, AFootLandingIsKnownWithItsSideWithinTwoSamples) {
    for (const bool left_first : {true, false}) {
        // 20 kg/s: 0.2 kg one sample after the contact, 0.4 kg after two.
        const BoardScript b = landing(left_first, 20.0);
        const auto downs = phases_of(b, core::PhaseType::foot_down);
        ASSERT_EQ(downs.size(), 1u) << left_first;
        ASSERT_TRUE(downs[0].side.has_value()) << left_first;
        EXPECT_EQ(*downs[0].side, left_first ? core::Side::left : core::Side::right);
        EXPECT_LE(samples_between(b, 2.003, downs[0].emitted_s), 2) << left_first;
        EXPECT_NEAR(downs[0].t_s, 2.003, 0.015) << left_first;
        EXPECT_GE(downs[0].emitted_s, downs[0].t_s);
    }
}

// A foot landing on the middle of the board shows no side: the phase waits one sample
// for it and then goes without, rather than guess.
TEST(Phases, AFootInTheMiddleGivesNoSide) {
    BoardScript b = landing(true, 20.0);
    b.left_foot_x_mm = -5.0;
    const auto downs = phases_of(b, core::PhaseType::foot_down);
    ASSERT_EQ(downs.size(), 1u);
    EXPECT_FALSE(downs[0].side.has_value());
}

// The noise of an empty board is no foot, and a noisy board's landing is told with the
// side still right (the difference must stand clear of the noise).
TEST(Phases, NoiseIsNoFootAndNoisyLandingsKeepTheirSide) {
    BoardScript empty;
    empty.noise_kg = 0.15;
    empty.add(0.0, 0, 0).add(60.0, 0, 0);
    EXPECT_TRUE(phases_of(empty, core::PhaseType::foot_down).empty());
    for (const bool left_first : {true, false}) {
        const BoardScript b = landing(left_first, 20.0, 0.15);
        const auto downs = phases_of(b, core::PhaseType::foot_down);
        ASSERT_EQ(downs.size(), 1u) << left_first;
        if (downs[0].side) {
            EXPECT_EQ(*downs[0].side, left_first ? core::Side::left : core::Side::right);
        }
    }
}

}  // namespace
}  // namespace highstep::test
