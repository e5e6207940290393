// The movement phase stream (recognise/phases.h): when a foot lands, on which side,
// and how soon that is known, from hand-built board signals.
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <vector>

#include "board_script.h"
#include "highstep/core/recognise/analysis.h"
#include "highstep/core/recognise/recognizer.h"

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

// A player who steps on with the left foot, stands with the weight `lean_mm` right of
// the feet's midpoint (the feet 100 mm either side), then drives a knee up onto the right
// leg: the weight shifts onto the right foot from 10 s and the left foot leaves at 10.3 s.
// With `right_seen_alone`, the player first stepped off and on again right foot first.
BoardScript drive_onto_the_right(double lean_mm, bool right_seen_alone) {
    BoardScript b;
    b.noise_kg = 0.01;
    const double body_kg = 75.0;
    const double right_kg = body_kg * (0.5 + lean_mm / 200.0);
    const double left_kg = body_kg - right_kg;
    b.add(0.0, 0, 0).add(1.0, 0, 0).add(1.3, 20, 0).add(1.8, 20, 0);  // the left foot alone
    b.add(2.2, left_kg, right_kg);
    if (right_seen_alone) {
        b.add(5.0, left_kg, right_kg).add(5.5, 0, 0).add(6.0, 0, 0);
        b.add(6.3, 0, 20).add(6.8, 0, 20).add(7.2, left_kg, right_kg);  // the right foot alone
    }
    b.add(10.0, left_kg, right_kg).add(10.3, 0, body_kg);
    b.add(12.0, 0, body_kg).add(12.3, left_kg, right_kg).add(15.0, left_kg, right_kg);
    b.add(15.5, 0, 0).add(16.5, 0, 0);
    return b;
}

// The drive's single_leg phase: onto the right leg, known within two samples of the
// left foot leaving (10.3 s), and not before the weight began to shift.
void expect_the_left_foot_known_to_leave(const BoardScript& b) {
    const auto singles = phases_of(b, core::PhaseType::single_leg);
    ASSERT_EQ(singles.size(), 1u);
    ASSERT_TRUE(singles[0].side.has_value());
    EXPECT_EQ(*singles[0].side, core::Side::right);
    EXPECT_LE(samples_between(b, 10.3, singles[0].emitted_s), 2);
    EXPECT_GE(singles[0].emitted_s, 10.0);
}

// A drive onto a foot never seen alone: where that foot stands is only assumed (the seen
// foot mirrored about the two-foot centre), 20 mm too far out when the player stands
// 10 mm right of the feet's midpoint; on that foot the CoP then sits 0.82 of the assumed
// way out. The foot's leaving is still known as it happens.
TEST(Phases, AFootNeverSeenAloneIsKnownToLeaveAsItLeaves) {
    expect_the_left_foot_known_to_leave(drive_onto_the_right(10.0, false));
}

// With both feet seen, each side is measured against its own foot: 20 mm right of the
// feet's midpoint, the right foot is 80 mm from the centre and the left 120 mm, so their
// mean (100 mm) would put the CoP on the right foot only 0.8 of the way out.
TEST(Phases, EachFootIsMeasuredFromTheCentreOnItsOwnSide) {
    expect_the_left_foot_known_to_leave(drive_onto_the_right(20.0, true));
}

// Both feet seen alone on earlier visits (feet 100 mm either side of the middle); on the
// third the player stands still 19 mm right of the middle, more on the right foot than
// before, and drives the left knee up. Standing still 3 s on a visit tells its centre
// only from 20 mm off the last one: nearer, it may be the weight not quite between the
// feet, and moving the feet seen exactly by 19 mm put the right foot 121 mm out, where
// the CoP on it sits only 0.8 of the way from the centre: its leaving was not known.
TEST(Phases, StandingALittleOffTheCentreOnALaterVisitMovesNoFootSeen) {
    BoardScript b;
    b.noise_kg = 0.01;
    b.add(0.0, 0, 0).add(1.0, 0, 0).add(1.3, 20, 0).add(1.8, 20, 0).add(2.2, 35, 35).add(6.0, 35, 35);
    b.add(6.5, 0, 0).add(7.5, 0, 0).add(7.8, 0, 20).add(8.3, 0, 20).add(8.7, 35, 35).add(12.0, 35, 35);
    b.add(12.5, 0, 0).add(13.5, 0, 0).add(13.8, 20, 0).add(14.3, 20, 0).add(14.7, 28.35, 41.65);
    b.add(19.0, 28.35, 41.65).add(19.3, 0, 70).add(21.0, 0, 70).add(21.3, 28.35, 41.65).add(23.0, 28.35, 41.65);
    b.add(23.5, 0, 0).add(24.5, 0, 0);
    const auto singles = phases_of(b, core::PhaseType::single_leg);
    ASSERT_EQ(singles.size(), 1u);
    ASSERT_TRUE(singles[0].side.has_value());
    EXPECT_EQ(*singles[0].side, core::Side::right);
    EXPECT_LE(samples_between(b, 19.3, singles[0].emitted_s), 2);
}

// The top of a step-up lasts under a second: looking back a second from the trail foot's
// leaving reaches into the rise, where the lead foot still carried the player alone. The
// weight shift is dated where it left the rest at the top, not anywhere in that rest
// (the session's steadiness window at the top ends there).
TEST(Phases, AShortTopsWeightShiftIsDatedWhereItLeftTheRest) {
    BoardScript b;
    b.noise_kg = 0.01;
    b.add(0.0, 0, 0).add(2.0, 0, 0).add(2.6, 75, 0);        // the lead (left) foot, then the rise
    b.add(2.8, 37.5, 37.5).add(3.4, 37.5, 37.5);            // the top, on both feet
    b.add(3.7, 75, 0).add(4.6, 0, 0).add(6.0, 0, 0);        // the trail foot leaves, lowering
    const auto singles = phases_of(b, core::PhaseType::single_leg);
    ASSERT_EQ(singles.size(), 1u);
    EXPECT_EQ(singles[0].side, core::Side::left);
    EXPECT_NEAR(singles[0].shift_start_s, 3.4, 0.05);
}

// Both feet touch at once for a sample, then the left takes the load: the landing is
// known at its first loaded sample without a side (waiting for one made slow landings a
// sample later), and foot_side names the left foot, for that same contact, as it shows.
TEST(Phases, ALandingIsKnownAtOnceAndItsSideFollows) {
    BoardScript b;
    b.noise_kg = 0.01;
    b.add(0.0, 0, 0).add(2.003, 0, 0).add(2.013, 0.15, 0.15).add(2.023, 0.8, 0.2);
    b.add(2.3, 20, 0).add(2.8, 35, 35).add(4.0, 35, 35).add(4.5, 0, 0).add(6.0, 0, 0);
    const auto downs = phases_of(b, core::PhaseType::foot_down);
    const auto sides = phases_of(b, core::PhaseType::foot_side);
    ASSERT_EQ(downs.size(), 1u);
    EXPECT_FALSE(downs[0].side.has_value());
    EXPECT_LE(samples_between(b, 2.003, downs[0].emitted_s), 1);
    ASSERT_EQ(sides.size(), 1u);
    ASSERT_TRUE(sides[0].side.has_value());
    EXPECT_EQ(*sides[0].side, core::Side::left);
    EXPECT_DOUBLE_EQ(sides[0].t_s, downs[0].t_s);
    EXPECT_LE(samples_between(b, 2.003, sides[0].emitted_s), 2);
}

// A player whose standing shakes the board (a tremor of ±0.25 kg from one sample to the
// next: the signal's noise estimate, taken from steady loaded stretches, is 0.35 kg)
// steps off, and a foot lands slowly (20 kg/s) on the quiet empty board: the landing is
// measured against the empty board's own noise and known within two samples, not when
// it reaches 4 × 0.35 kg, seven samples in.
TEST(Phases, ALandingIsMeasuredAgainstTheEmptyBoardsNoise) {
    BoardScript b;
    b.noise_kg = 0.005;
    b.add(0.0, 0, 0).add(2.0, 0, 0).add(2.3, 35, 35);
    bool up = true;
    for (double t = 2.31; t < 8.0; t += 0.01, up = !up) b.add(t, up ? 35.25 : 34.75, 35);
    b.add(8.0, 35, 35).add(8.3, 0, 0).add(12.003, 0, 0).add(12.303, 6, 0).add(12.8, 35, 35);
    b.add(14.0, 35, 35).add(14.5, 0, 0).add(16.0, 0, 0);
    const auto downs = phases_of(b, core::PhaseType::foot_down);
    ASSERT_EQ(downs.size(), 2u);
    EXPECT_LE(samples_between(b, 12.003, downs[1].emitted_s), 2);
    EXPECT_NEAR(downs[1].t_s, 12.003, 0.015);
}

// A real board's empty readings jump now and then (the study's board: 85 foot_downs of
// 0.17-0.35 kg that never became a foot, about one every few seconds off the board), and
// each was a judgement shown and heard, then "taken back". Once a foot_down has been no
// foot, a first sample just over the level waits for the next: higher, a foot landing
// (one sample later, its moment dated back as before); not, a blip. Until then, and on
// boards that never blip (the generated suites), a landing is known at once.
TEST(Phases, ABoardThatBlippedConfirmsALightFirstSample) {
    auto board = [](bool blips) {
        BoardScript b;
        b.noise_kg = 0.002;
        b.add(0.0, 0, 0);
        if (blips) b.add(4.99, 0, 0).add(5.0, 0.12, 0.12).add(5.01, 0, 0).add(6.99, 0, 0).add(7.0, 0.12, 0.12).add(7.01, 0, 0);
        // A slow landing: 0.19 kg at its first sample over the level (9.02), 0.29 at the next.
        b.add(9.001, 0, 0).add(9.301, 3, 0).add(9.8, 35, 35).add(11.0, 35, 35).add(11.6, 0, 0).add(13.0, 0, 0);
        return b;
    };
    const BoardScript quiet = board(false);
    const auto quiet_downs = phases_of(quiet, core::PhaseType::foot_down);
    ASSERT_EQ(quiet_downs.size(), 1u);
    EXPECT_EQ(samples_between(quiet, 9.001, quiet_downs[0].emitted_s), 2) << "known at its first sample over the level";

    const BoardScript blipping = board(true);
    const auto downs = phases_of(blipping, core::PhaseType::foot_down);
    ASSERT_EQ(downs.size(), 2u) << "the first blip is taken for a foot, the second is not; the landing is";
    EXPECT_NEAR(downs[0].t_s, 5.0, 0.015);
    EXPECT_EQ(samples_between(blipping, 9.001, downs[1].emitted_s), 3) << "one sample later";
    EXPECT_NEAR(downs[1].t_s, quiet_downs[0].t_s, 1e-9) << "dated as before";
}

// The game's board recogniser watches the board between levels; what it learned of the
// board's blips starts each level's recogniser (SignalSettings::board_blips), so a level
// does not spend its first false contact learning it again.
TEST(Phases, ARecogniserToldTheBoardBlipsTakesNoBlipForAFoot) {
    BoardScript b;
    b.noise_kg = 0.002;
    b.add(0.0, 0, 0).add(4.99, 0, 0).add(5.0, 0.12, 0.12).add(5.01, 0, 0).add(7.0, 0, 0);
    auto foot_downs = [&](const core::SignalSettings& settings, bool* blips) {
        core::Recognizer r(settings);
        std::vector<core::Event> events;
        std::vector<core::MovementPhase> phases;
        for (const BoardSample& s : b.samples()) r.push(s, events, phases);
        if (blips) *blips = r.board_blips();
        return std::count_if(phases.begin(), phases.end(),
                             [](const core::MovementPhase& p) { return p.type == core::PhaseType::foot_down; });
    };
    bool learned = false;
    EXPECT_EQ(foot_downs(core::SignalSettings{}, &learned), 1);
    EXPECT_TRUE(learned) << "a foot_down that never carried 1 kg";
    core::SignalSettings told;
    told.board_blips = true;
    EXPECT_EQ(foot_downs(told, nullptr), 0);
}

}  // namespace
}  // namespace highstep::test
