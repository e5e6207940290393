// Movements of real people that the generated suites do not have (issue 12, the
// sessions of ../shared/data/people), built by hand: stepping straight onto one leg, an
// off-centre two-foot stance after stepping on with one foot, wide one-leg stances
// (170-190 mm out), a long single-leg stance that begins with a load peak, a touch-down
// off the board. Counts, sides and times.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "board_script.h"
#include "recognise.h"

using namespace highstep::core;
using namespace highstep::test;  // BoardScript, HandPlayer, recognise, only

namespace {

// Feet 180 mm either side of the board's middle, as the study's people stood on one leg,
// and 4 mm sd of side-to-side sway on one leg (they swayed 3-12 mm).
BoardScript wide_board() {
    BoardScript b;
    b.noise_kg = 0.05;
    b.one_leg_sway_mm = 5.0;
    b.left_foot_x_mm = -180.0;
    b.right_foot_x_mm = 180.0;
    b.add(0, 0, 0).add(2.0, 0, 0);
    return b;
}

// Exactly one one-leg hold, on `side`, from `from_s` to `to_s` (within 1 s each).
void expect_one_hold(const std::vector<Event>& events, Side side, double from_s, double to_s) {
    const auto holds = only<OneLegHoldEvent>(events);
    ASSERT_EQ(holds.size(), 1u);
    EXPECT_EQ(holds[0].side, side);
    EXPECT_NEAR(holds[0].start_s, from_s, 1.0);
    EXPECT_NEAR(holds[0].end_s, to_s, 1.0);
}

std::size_t single_leg_events(const std::vector<Event>& events) {
    return only<OneLegHoldEvent>(events).size() + only<KneeDriveEvent>(events).size();
}

// Something put down on the board at `at_s`, `x_mm` from its middle: pressed down with
// 8 kg for half a second, then left there with 3.5 kg (as on the study's board).
void put_down_a_thing(std::vector<highstep::BoardSample>& samples, double at_s, double x_mm) {
    constexpr double kPressedKg = 8.0, kThingKg = 3.5;
    for (auto& x : samples) {
        if (x.t_s < at_s) continue;
        const double kg = x.t_s < at_s + 0.2   ? kPressedKg * (x.t_s - at_s) / 0.2
                          : x.t_s < at_s + 0.7 ? kPressedKg
                          : x.t_s < at_s + 0.8 ? kThingKg + (kPressedKg - kThingKg) * (at_s + 0.8 - x.t_s) / 0.1
                                               : kThingKg;
        const double right_kg = kg * (x_mm / 433.0 + 0.5);
        const double left_kg = kg - right_kg;
        x.tl += static_cast<float>(left_kg / 2), x.bl += static_cast<float>(left_kg / 2);
        x.tr += static_cast<float>(right_kg / 2), x.br += static_cast<float>(right_kg / 2);
    }
}

// Standing between the feet for `s`, swaying a little (3.6 mm either way on feet 180 mm
// out, as Diana on two feet).
void stand_quietly(HandPlayer& p, double s) {
    for (int i = 0; i < static_cast<int>(s / 0.8); ++i) p.stand(0.4, i % 2 == 0 ? 0.51 : 0.49).wait(0.4);
}

// The person stands quietly for 12 s and steps off: no one-leg hold or knee drive over
// that standing.
void expect_quiet_standing_is_two_feet(const BoardScript& b, HandPlayer& p) {
    const double quiet_s = p.now();
    stand_quietly(p, 12.0);
    p.to(0.4, 0.0, 0.0).wait(2.0);
    const auto events = recognise(b);
    for (const auto& h : only<OneLegHoldEvent>(events)) {
        EXPECT_FALSE(h.end_s > quiet_s + 1.0 && h.start_s < quiet_s + 11.0) << "hold " << h.start_s << "-" << h.end_s << " s";
    }
    for (const auto& k : only<KneeDriveEvent>(events)) EXPECT_FALSE(k.start_s > quiet_s && k.start_s < quiet_s + 12.0);
}

// The board of the visits below: feet 150 mm either side of the middle at first.
BoardScript visits_board() {
    BoardScript b = wide_board();
    b.left_foot_x_mm = -150.0;
    b.right_foot_x_mm = 150.0;
    return b;
}

// A first visit on visits_board(): stepping on with the other foot first, standing
// quietly, 10 s on the `right` leg (its start returned), two feet again, off.
double first_visit(HandPlayer& p, bool right) {
    p.one(0.2, !right, 0.3).wait(0.4).stand(0.4, 0.5);
    stand_quietly(p, 8.0);
    p.one(0.4, right, 1.0);
    const double on_s = p.now();
    p.wait(10.0).stand(0.4, 0.5);
    stand_quietly(p, 3.0);
    p.to(0.4, 0.0, 0.0).wait(3.0);
    return on_s;
}

}  // namespace

TEST(RealPeopleShapes, SteppingStraightOntoOneLegIsAHold) {
    // The right foot arrives alone, rests a moment, takes the whole weight and stays
    // there 20 s; the left foot never touches the board. No two-foot stance ever.
    for (bool right : {true, false}) {
        BoardScript b = wide_board();
        HandPlayer p{b, 62.0};
        p.one(0.2, right, 0.2).wait(0.4).one(0.6, right, 1.0);
        const double on_s = p.now();
        p.wait(20.0).one(0.4, right, 0.0).wait(2.0);
        const auto events = recognise(b);
        const auto holds = only<OneLegHoldEvent>(events);
        ASSERT_EQ(holds.size(), 1u) << (right ? "right" : "left");
        EXPECT_EQ(holds[0].side, right ? Side::right : Side::left);
        EXPECT_NEAR(holds[0].start_s, on_s, 1.0);
        EXPECT_NEAR(holds[0].end_s, on_s + 20.0, 1.0);
        EXPECT_TRUE(only<KneeDriveEvent>(events).empty());
    }
}

TEST(RealPeopleShapes, SteppingOntoOneLegBeginsWhenTheBoardCarriesAll) {
    // The right foot steps on and takes 95 % of the weight, the left still resting on the
    // floor beside the board with 10 % for 1.2 s, then lifted: 20 s on the right leg. The
    // stance begins when the left foot leaves the floor (JoaoPedro1000's stance of 342.7 s
    // was dated 1.15 s early, from the first 0.93 BW).
    BoardScript b = wide_board();
    HandPlayer p{b, 76.0};
    p.one(0.2, true, 0.3).wait(0.2).one(0.5, true, 0.95).one(0.1, true, 0.9).wait(1.1);
    p.one(0.1, true, 1.0);
    const double all_on_s = p.now();
    p.wait(20.0).one(0.4, true, 0.0).wait(2.0);
    const auto holds = only<OneLegHoldEvent>(recognise(b));
    ASSERT_EQ(holds.size(), 1u);
    EXPECT_EQ(holds[0].side, Side::right);
    EXPECT_NEAR(holds[0].start_s, all_on_s, 0.3);
}

TEST(RealPeopleShapes, OffCentreTwoFeetAfterSteppingOnOneFootIsNoOneLegStance) {
    // Stepping on with the left foot, then the right lands and the weight settles 70 %
    // onto the right foot for 30 s (CoP 72 mm right of the middle): two feet throughout.
    BoardScript b = wide_board();
    HandPlayer p{b, 70.0};
    p.one(0.2, false, 0.4).wait(0.3).stand(0.4, 0.5).wait(0.5).stand(1.0, 0.7).wait(30.0).stand(1.0, 0.5).wait(2.0);
    const auto events = recognise(b);
    EXPECT_EQ(single_leg_events(events), 0u);
}

TEST(RealPeopleShapes, AStillStanceOffAPauseTakenForARestIsNoHold) {
    // Stepping on with the left foot (140 mm left of the middle), too light at first to be
    // seen alone, then the whole weight on it within 0.2 s (taken slowly, the foot is seen
    // alone on the way: AFootRestingLightlyBeforeTheWeightComesIsSeenAlone; the pause
    // below is then no rest, as Paulo's in docs/signal.md), for a second; the weight moves right, pauses 0.2 s 67 mm left of the middle (a rest,
    // as far as anything can tell yet), and goes on to settle 55 mm right of it on both
    // feet, 81 % on the right foot, for 30 s. From the pause the CoP is a foot's way out
    // and stays there: only the sway says two feet (none here, under 1 mm for people).
    // The same path ending on the right foot alone, swaying as one leg does, is a hold.
    for (const bool one_leg : {false, true}) {
        BoardScript b = wide_board();
        b.left_foot_x_mm = -140.0;
        b.right_foot_x_mm = one_leg ? 55.0 : 100.0;
        HandPlayer p{b, 72.0};
        p.one(0.2, false, 0.06).wait(0.4).one(0.2, false, 1.0).wait(1.0);
        const double pause_share = one_leg ? 73.0 / 195.0 : 73.0 / 240.0;
        p.stand(0.2, pause_share).wait(0.2);
        if (one_leg) {
            p.one(0.4, true, 1.0);
        } else {
            p.stand(0.4, 0.81);
        }
        const double settled_s = p.now();
        p.wait(30.0).stand(0.4, 0.5).wait(1.0).to(0.4, 0.0, 0.0).wait(2.0);  // both feet off
        const auto events = recognise(b);
        if (one_leg) {
            const auto holds = only<OneLegHoldEvent>(events);
            ASSERT_EQ(holds.size(), 1u);
            EXPECT_EQ(holds[0].side, Side::right);
            EXPECT_NEAR(holds[0].start_s, settled_s, 1.0);
        } else {
            EXPECT_EQ(single_leg_events(events), 0u);
        }
    }
}

TEST(RealPeopleShapes, AFootRestingLightlyBeforeTheWeightComesIsSeenAlone) {
    // The first foot lands slowly and rests with a few kilograms (5 kg only 0.45 s after
    // the contact, past the 0.4 s a landing foot is looked for in), then takes the whole
    // weight where it rests, 120 mm from the middle (under the 140 mm that is one leg
    // whatever the feet): 20 s on that leg. A load no person stands on with two feet
    // (under 15 kg) is one foot for as long as it stays that light. Andreia's aborted
    // step-on, mirrored and her stance 120 mm out, and Joao's slow first foot, in the
    // mixed changes of PeoplePerturbed, went unseen: her 26 s stance was missed, and his
    // weight shifted about after stepping on read as a hold.
    for (const bool right : {true, false}) {
        BoardScript b = wide_board();
        b.left_foot_x_mm = -120.0;
        b.right_foot_x_mm = 120.0;
        HandPlayer p{b, 62.0};
        p.one(0.3, right, 3.0 / 62.0).one(0.3, right, 10.0 / 62.0).wait(1.5).one(0.8, right, 1.0);
        const double on_s = p.now();
        p.wait(20.0).one(0.4, right, 0.0).wait(2.0);
        expect_one_hold(recognise(b), right ? Side::right : Side::left, on_s, on_s + 20.0);
    }
}

TEST(RealPeopleShapes, FeetToldByStillPlacesStillLeaveTheSwayToTell) {
    // A gap in the data hides the stepping on (real boards drop 0.5 s); the data comes back
    // with the person on the right leg 180 mm out, then shifting the weight about on two
    // feet: still a second 45 % on the right foot (18 mm left of the middle), a second 60 %
    // (36 mm right), then standing quietly with the weight between the feet for 12 s. The
    // three still places are taken for the feet (-18 and 180 mm) and the centre (36 mm), so
    // the quiet standing, 36 mm left of that centre, reads as the left leg. A foot whose
    // place only still places told is no foot seen alone: the sway still has its say, and
    // it is under a two-foot stance's 2.5 mm, no hold. (Diana, changed several ways at
    // once, made up an 8 s hold so: docs/signal.md, "Several changes at once".)
    // The same row with the left foot really there (at -20 mm, alone, then 30 % on the
    // right foot), then 12 s on the left foot alone swaying as people do: a hold.
    for (const bool one_leg : {false, true}) {
        BoardScript b = wide_board();
        b.right_foot_x_mm = 180.0;
        b.left_foot_x_mm = one_leg ? -20.0 : -180.0;
        HandPlayer p{b, 60.0};
        b.gap_from_s = p.now() - 0.1;
        p.one(0.2, true, 0.4).one(0.4, true, 1.0);
        b.gap_to_s = p.now() + 0.3;
        p.wait(1.5);
        if (one_leg) {
            p.one(0.5, false, 1.0).wait(1.2).stand(0.4, 0.3).wait(1.2);
        } else {
            p.stand(0.5, 0.45).wait(1.2).stand(0.4, 0.6).wait(1.2);
        }
        const double quiet_s = p.now() + 0.5;
        if (one_leg) {
            p.one(0.5, false, 1.0);
        } else {
            p.stand(0.5, 0.5);
        }
        p.wait(12.0).stand(0.5, 0.5).wait(1.0).to(0.4, 0.0, 0.0).wait(2.0);
        const auto events = recognise(b);
        // The holds over the quiet 12 s (the right leg after the gap and the place taken
        // for the left foot are short holds of their own, as they were before).
        std::vector<OneLegHoldEvent> quiet;
        for (const auto& h : only<OneLegHoldEvent>(events)) {
            if (h.end_s > quiet_s + 1.0 && h.start_s < quiet_s + 11.0) quiet.push_back(h);
        }
        if (one_leg) {
            ASSERT_EQ(quiet.size(), 1u);
            EXPECT_EQ(quiet[0].side, Side::left);
            EXPECT_NEAR(quiet[0].start_s, quiet_s, 1.0);
            EXPECT_NEAR(quiet[0].end_s, quiet_s + 12.0, 1.0);
        } else {
            EXPECT_TRUE(quiet.empty());
            for (const auto& k : only<KneeDriveEvent>(events)) EXPECT_FALSE(k.start_s > quiet_s && k.start_s < quiet_s + 12.0);
        }
    }
}

TEST(RealPeopleShapes, FeetStillToldAfterAThingTakenForAFootIsTaredAway) {
    // FeetToldByStillPlacesStillLeaveTheSwayToTell's first visit (a gap hides the stepping
    // on, three still places tell the feet, 12 s of quiet standing read as the left leg but
    // swaying as two feet do: no hold), then the person steps off and something is put down
    // at the board's left (150 mm out, put_down_a_thing): still, alone,
    // where a foot can stand, it is taken for the left foot until the tare takes it into
    // its zero, and the feet go back to what they were: told by still places. The person
    // comes back the same way (another gap) and stands as quietly as before: no hold then
    // either.
    BoardScript b = wide_board();
    HandPlayer p{b, 60.0};
    const double gap1_from_s = p.now() - 0.1;
    p.one(0.2, true, 0.4).one(0.4, true, 1.0);
    const double gap1_to_s = p.now() + 0.3;
    p.wait(1.5).stand(0.5, 0.45).wait(1.2).stand(0.4, 0.6).wait(1.2).stand(0.5, 0.5).wait(12.0);
    p.stand(0.5, 0.5).wait(1.0).to(0.4, 0.0, 0.0);
    const double put_down_s = p.now() + 2.0;
    p.wait(12.0);
    const double gap2_from_s = p.now() - 0.1;
    p.one(0.2, true, 0.4).one(0.4, true, 1.0);
    const double gap2_to_s = p.now() + 0.3;
    p.wait(1.5).stand(0.5, 0.5);
    const double quiet_s = p.now();
    p.wait(12.0).to(0.4, 0.0, 0.0).wait(2.0);
    std::vector<highstep::BoardSample> samples;
    for (const highstep::BoardSample& x : b.samples()) {
        if ((x.t_s < gap1_from_s || x.t_s >= gap1_to_s) && (x.t_s < gap2_from_s || x.t_s >= gap2_to_s)) samples.push_back(x);
    }
    put_down_a_thing(samples, put_down_s, -150.0);
    const auto events = recognise(samples);
    for (const auto& h : only<OneLegHoldEvent>(events)) {
        EXPECT_FALSE(h.end_s > quiet_s + 1.0 && h.start_s < quiet_s + 11.0) << "hold " << h.start_s << "-" << h.end_s << " s";
    }
    for (const auto& k : only<KneeDriveEvent>(events)) EXPECT_FALSE(k.start_s > quiet_s && k.start_s < quiet_s + 12.0);
}

TEST(RealPeopleShapes, ASensorMisreadUnderTheFirstFootIsNotItMoving) {
    // Stepping straight onto the right leg 125 mm from the middle (under the 140 mm that
    // is one leg whatever the feet), the foot landing slowly: 5 kg (enough to be seen alone)
    // only 0.25 s after the contact, 0.15 s before the 0.4 s it may be seen in run out, and
    // 80 ms later one sensor reads 2.5 kg low for one sample (the CoP 330 mm out; the
    // study's board did that under Andreia's first foot). The foot is still seen alone,
    // where it stands, so the 20 s on it are a hold from the start.
    BoardScript b = wide_board();
    b.right_foot_x_mm = 125.0;
    HandPlayer p{b, 62.0};
    p.one(0.16, true, 4.0 / 62.0).one(0.09, true, 5.0 / 62.0).one(0.07, true, 6.5 / 62.0).one(0.1, true, 7.0 / 62.0);
    p.wait(0.1).one(0.6, true, 1.0);
    const double on_s = p.now();
    p.wait(20.0).one(0.4, true, 0.0).wait(2.0);
    std::vector<highstep::BoardSample> samples = b.samples();
    const double misread_s = 2.0 + 0.33;
    const auto misread = std::min_element(samples.begin(), samples.end(), [&](const auto& x, const auto& y) {
        return std::fabs(x.t_s - misread_s) < std::fabs(y.t_s - misread_s);
    });
    misread->bl -= 2.5f;
    expect_one_hold(recognise(samples), Side::right, on_s, on_s + 20.0);
}

TEST(RealPeopleShapes, QuietStandingIsWhereTheCentreIs) {
    // Feet 120 mm either side of the middle. Right after stepping on, the person shifts
    // the weight about and rests a second 71 % on the right foot (50 mm right: the first
    // still second on two feet, so the centre), stands on the right leg 3 s (that foot is
    // seen there), then stands quietly 20 s 30 % on the right (48 mm left) and, after a
    // step off and on, 4 s more there, restless. From the centre first learned the left
    // foot is mirrored 20 mm left of the middle and both stances pass for the left leg;
    // the quiet one said two feet (people sway 0.4-2.2 mm sd on two feet, 3-12 on one leg),
    // and it is where the centre is: no left-leg event at all.
    BoardScript b = wide_board();
    b.left_foot_x_mm = -120.0;
    b.right_foot_x_mm = 120.0;
    HandPlayer p{b, 70.0};
    p.stand(0.4, 0.5).wait(0.3).stand(0.4, 0.8).stand(0.4, 0.3).stand(0.3, 0.71).wait(1.5);
    p.stand(0.5, 1.0).wait(3.0).stand(0.5, 0.3).wait(20.0).to(0.4, 0.0, 0.0).wait(2.0);
    p.stand(0.4, 0.3);
    for (int i = 0; i < 8; ++i) p.stand(0.25, i % 2 ? 0.29 : 0.31);  // 2.4 mm either way
    p.stand(0.25, 0.3).wait(1.0).to(0.4, 0.0, 0.0).wait(2.0);
    const auto events = recognise(b);
    const auto holds = only<OneLegHoldEvent>(events);
    ASSERT_EQ(holds.size(), 1u);
    EXPECT_EQ(holds[0].side, Side::right);
    EXPECT_TRUE(only<KneeDriveEvent>(events).empty());
}

TEST(RealPeopleShapes, SomethingPutDownOnTheBoardIsNoFoot) {
    // Before anyone steps on, something is put down at the board's left edge (210 mm out),
    // pressed down with 8 kg for half a second, and left there (3.5 kg, as on the study's
    // board): the tare takes it into the zero. A person then stands on two feet 140 mm
    // either side of the middle, and 10 s on the left leg. The thing was still, alone,
    // where a foot can stand: taken for the left foot (the person's own first foot was
    // never still alone), it put that foot 210 mm out, and the stance on the real one,
    // 140 mm out, never reached the single-leg point.
    BoardScript b = wide_board();
    b.left_foot_x_mm = -140.0;
    b.right_foot_x_mm = 140.0;
    b.add(6.0, 0, 0);
    HandPlayer p{b, 70.0};
    // Stepping on with the left foot and at once onto both: that foot is never still alone.
    p.to(0.15, 0.15, 0.0).to(0.4, 0.5, 0.5).wait(4.0).stand(0.5, 0.0);
    const double on_leg_s = p.now();
    p.wait(10.0).stand(0.4, 0.5).wait(2.0).stand(0.5, 0.0).one(0.3, false, 0.0).wait(2.0);
    std::vector<highstep::BoardSample> samples = b.samples();
    put_down_a_thing(samples, 2.0, -210.0);
    const auto events = recognise(samples);
    const auto holds = only<OneLegHoldEvent>(events);
    ASSERT_EQ(holds.size(), 1u);
    EXPECT_EQ(holds[0].side, Side::left);
    EXPECT_NEAR(holds[0].start_s, on_leg_s, 1.0);
}

TEST(RealPeopleShapes, TheOtherFootAfterSteppingOnIsFoundToo) {
    // Stepping on with the right foot, the left lands and at once takes the whole weight
    // for 10 s (a one-leg test on the foot that did not step on first).
    BoardScript b = wide_board();
    HandPlayer p{b, 70.0};
    p.one(0.2, true, 0.4).wait(0.3).stand(0.3, 0.5).stand(0.5, 0.0);
    const double on_s = p.now();
    p.wait(10.0).stand(0.4, 0.5).wait(3.0);
    expect_one_hold(recognise(b), Side::left, on_s, on_s + 10.0);
}

TEST(RealPeopleShapes, TheFirstFootOfASlowSteppingOnIsNoKneeDrive) {
    // Stepping on with the left foot, rising onto it with a 1.1 BW peak, standing on it
    // alone for a while, then the right foot down beside it onto the board (Joao at
    // 137.2 s: 1.4 s on the first foot). Nothing was driven up from two feet: no knee
    // drive. Under 2 s it is stepping on; longer, a single-leg stance (as labelled).
    for (double first_foot_s : {1.4, 3.0, 4.5}) {
        BoardScript b = wide_board();
        HandPlayer p{b, 72.0};
        p.one(0.2, false, 0.3).wait(0.3).one(0.3, false, 1.1).one(0.2, false, 1.0);
        const double on_s = p.now();
        p.wait(first_foot_s).stand(0.4, 0.5).wait(8.0);
        const auto events = recognise(b);
        EXPECT_TRUE(only<KneeDriveEvent>(events).empty()) << first_foot_s << " s on the first foot";
        const auto holds = only<OneLegHoldEvent>(events);
        if (first_foot_s < 2.0) {
            EXPECT_TRUE(holds.empty()) << first_foot_s << " s on the first foot";
        } else {
            expect_one_hold(events, Side::left, on_s, on_s + first_foot_s);
        }
    }
}

TEST(RealPeopleShapes, ALongStanceThatBeginsWithAPeakIsAHold) {
    // Standing still first, then onto the right leg with a 1.1 BW peak as the foot
    // leaves, and 20 s on it: a balance hold, not a knee drive (a knee drive is held at
    // most a few seconds).
    BoardScript b = wide_board();
    HandPlayer p{b, 55.0};
    p.one(0.2, false, 0.4).stand(0.3, 0.5).wait(3.0);
    p.stand(0.2, 0.8).one(0.15, true, 0.9).one(0.18, true, 1.1).one(0.25, true, 1.0).wait(20.0).stand(0.3, 0.5).wait(2.0);
    const auto events = recognise(b);
    EXPECT_TRUE(only<KneeDriveEvent>(events).empty());
    const auto holds = only<OneLegHoldEvent>(events);
    ASSERT_EQ(holds.size(), 1u);
    EXPECT_EQ(holds[0].side, Side::right);
    EXPECT_GT(holds[0].end_s - holds[0].start_s, 19.0);
}

namespace {

// 8 s on the right leg, then the left foot down on the floor beside the board (the board
// carrying `board_bw`, reached in `ramp_s`) for `down_s`, then 8 s more on the right leg:
// two holds, the first ending at the touch-down and the second starting after it.
void expect_touch_down_splits(double ramp_s, double board_bw, double down_s) {
    BoardScript b = wide_board();
    HandPlayer p{b, 60.0};
    p.one(0.2, false, 0.4).stand(0.3, 0.5).wait(3.0).stand(0.6, 1.0).wait(8.0);
    const double touch_s = p.now();
    p.one(ramp_s, true, board_bw).wait(down_s).one(ramp_s, true, 1.0).wait(8.0).stand(0.4, 0.5).wait(2.0);
    const auto holds = only<OneLegHoldEvent>(recognise(b));
    ASSERT_EQ(holds.size(), 2u);
    EXPECT_NEAR(holds[0].end_s, touch_s, 0.5);
    EXPECT_NEAR(holds[1].start_s, touch_s + 2.0 * ramp_s + down_s, 0.5);
}

}  // namespace

TEST(RealPeopleShapes, ATouchDownOffTheBoardSplitsTheStance) {
    // The board carries 0.7 BW for 0.5 s.
    expect_touch_down_splits(0.1, 0.7, 0.5);
}

TEST(RealPeopleShapes, AQuickTouchDownSplitsTheStanceToo) {
    // The lifted foot taps the floor and is up again: the board under 0.8 BW for 0.15 s
    // (down to 0.6 BW). Diana's touch-down at 462.3 s keeps it there 0.26 s; a person a
    // fifth quicker taps in 0.21 s, and a tap that short read as no touch-down: the
    // stance ran on to the next one, 1.9 s past its end.
    expect_touch_down_splits(0.05, 0.6, 0.10);
}

TEST(RealPeopleShapes, AHoldsSideNeverFlipsInsideIt) {
    // Right after stepping on, the weight goes left foot only, right foot only, left
    // again (0.5 s each), then both feet: no one-leg hold spans the flips, and any
    // single-leg event there is on one side throughout (checked by the CoP it covers).
    for (double each_s : {0.5, 0.9}) {
        BoardScript b = wide_board();
        HandPlayer p{b, 65.0};
        p.one(0.2, false, 0.4).one(0.3, false, 1.0).wait(each_s).to(0.15, 0.0, 1.0).wait(each_s)
            .to(0.15, 1.0, 0.0).wait(each_s).stand(0.3, 0.5).wait(5.0);
        const auto events = recognise(b);
        for (const auto& h : only<OneLegHoldEvent>(events)) {
            for (const auto& s : b.samples()) {
                if (s.t_s < h.start_s + 0.1 || s.t_s > h.end_s - 0.1) continue;
                const double right_share = (s.tr + s.br) / std::max(1.0f, s.tl + s.tr + s.bl + s.br);
                if (h.side == Side::left) EXPECT_LT(right_share, 0.5) << "hold " << h.start_s << "-" << h.end_s << " at " << s.t_s;
                else EXPECT_GT(right_share, 0.5) << "hold " << h.start_s << "-" << h.end_s << " at " << s.t_s;
            }
        }
    }
}

TEST(RealPeopleShapes, AStanceTheDataNeverShowedIsNoHold) {
    // Standing on two feet, then onto the right leg, and 0.2 s later the data stops for
    // 8 s (real/mg_new_tech_sway_with_feedback.csv has such a gap); it comes back with the
    // person on two feet. What happened in the gap is not known: no 8 s hold. The same
    // stance seen for 3 s before a 1 s gap, and 3 s after, is one hold still.
    for (const bool seen : {false, true}) {
        BoardScript b = wide_board();
        HandPlayer p{b, 60.0};
        p.one(0.2, false, 0.4).stand(0.3, 0.5).wait(3.0).stand(0.5, 1.0);
        const double on_leg_s = p.now();
        b.gap_from_s = on_leg_s + (seen ? 3.0 : 0.2);
        b.gap_to_s = b.gap_from_s + (seen ? 1.0 : 8.0);
        p.wait(seen ? 7.0 : 8.4).stand(0.5, 0.5).wait(4.0).to(0.4, 0.0, 0.0).wait(2.0);
        const auto events = recognise(b);
        if (seen) {
            expect_one_hold(events, Side::right, on_leg_s, on_leg_s + 7.0);
        } else {
            EXPECT_EQ(single_leg_events(events), 0u);
        }
    }
}

TEST(RealPeopleShapes, AFirstFootSeenLightAfterAGapIsTheSteppingOnSeen) {
    // A gap in the data hides the contact, but the data comes back while the right foot
    // (180 mm out) still carries a tenth of the weight: the foot is seen alone, and then
    // rising onto it, as when nothing was hidden. The person stands on it 1.5 s, puts the
    // left foot down and shifts the weight about on two feet (still a second 45 % on the
    // right foot, 18 mm left of the middle, a second 60 %, 36 mm right), then stands
    // between the feet for 12 s swaying a little (3.6 mm either way, as Diana on two feet).
    // The stepping on was seen, so those still places are not taken for the feet (the left
    // foot at -18 mm, the centre at 36 mm), which read the quiet standing as the left leg.
    // Diana, changed several ways at once (DISABLED_WiderDraws, draw 1023), made up two 3 s
    // left holds in later visits so.
    BoardScript b = wide_board();
    HandPlayer p{b, 60.0};
    b.gap_from_s = p.now() - 0.1;
    p.one(0.45, true, 0.1);
    b.gap_to_s = p.now() + 0.05;
    p.one(0.4, true, 1.0).wait(1.5).stand(0.5, 0.45).wait(1.2).stand(0.4, 0.6).wait(1.2).stand(0.5, 0.5);
    expect_quiet_standing_is_two_feet(b, p);
}

TEST(RealPeopleShapes, ATurnOfWeightShiftingAfterAGapIsNoRest) {
    // A gap in the data hides the stepping on; the data comes back with the person on two
    // feet shifting the weight from foot to foot, as Catia did after stepping on (foot
    // adjustments): 20 % on the right foot, over to 70 % and straight back (0.15 s still
    // at the turn, 72 mm right of the middle), to 50 % for a second, then out to 20 % and
    // 90 %, back to 45 % for a second, and standing between the feet for 12 s, swaying a
    // little. The turn is no two-foot rest: taken for one (the centre 72 mm right), the
    // standing between the feet read as the left leg (Catia, changed several ways at once:
    // DISABLED_WiderDraws draws 1001 and 1030, 2-4 s left holds). A pause on the way, the
    // CoP going on as it came, stays a rest (AStillStanceOffAPauseTakenForARestIsNoHold).
    BoardScript b = wide_board();
    HandPlayer p{b, 55.0};
    b.gap_from_s = p.now() - 0.1;
    p.one(0.2, false, 0.4).stand(0.3, 0.2);
    b.gap_to_s = p.now() + 0.1;
    p.wait(0.2).stand(0.35, 0.7).wait(0.15).stand(0.3, 0.5).wait(1.0);
    p.stand(0.3, 0.2).wait(0.1).stand(0.35, 0.9).wait(0.1).stand(0.35, 0.25).wait(0.1).stand(0.2, 0.45).wait(1.0);
    expect_quiet_standing_is_two_feet(b, p);
}

TEST(RealPeopleShapes, AFifthOfTheWeightOnTheOtherFootIsTwoFeet) {
    // Feet 150 mm either side of the middle (as on the board's foot marks, nearer than the
    // study's people). Stepping on with the right foot, which carries the person alone for
    // a second; the left foot comes down and takes 20 % of the weight for 4 s while the
    // person settles (JoaoPedro1000 after stepping on at 163.2 s, with the feet nearer
    // together), then 50 % for 10 s. The CoP is 62 mm inside the right foot: two feet, no
    // hold. A foot is as wide whatever the stance, so the CoP that far inside it is off it
    // (docs/signal.md, "On one foot the CoP stays under that foot"). The same with the
    // left foot lifted again and the CoP wandering 40 mm inside the right foot for 10 s
    // (the people's labelled stances go up to 42 mm) is one hold. A first visit of quiet
    // standing has taught where the feet are, as in the study's sessions.
    for (const bool one_leg : {false, true}) {
        BoardScript b = wide_board();
        b.left_foot_x_mm = -150.0;
        b.right_foot_x_mm = 150.0;
        HandPlayer p{b, 70.0};
        p.one(0.2, false, 0.4).stand(0.4, 0.5).wait(8.0).to(0.4, 0.0, 0.0).wait(3.0);
        p.one(0.2, true, 0.4).one(0.3, true, 1.0).wait(1.0).stand(0.3, 0.8).wait(4.0);
        const double settled_s = p.now();
        if (one_leg) {
            p.one(0.3, true, 1.0);
            for (int i = 0; i < 5; ++i) p.stand(0.5, 0.87).wait(0.5).one(0.5, true, 1.0).wait(0.5);
        } else {
            p.stand(0.5, 0.5).wait(10.0);
        }
        const double end_s = p.now();
        p.stand(0.4, 0.5).wait(1.0).to(0.4, 0.0, 0.0).wait(2.0);
        const auto events = recognise(b);
        if (one_leg) {
            expect_one_hold(events, Side::right, settled_s, end_s);
        } else {
            EXPECT_EQ(single_leg_events(events), 0u);
        }
    }
}

TEST(RealPeopleShapes, FeetPutDownElsewhereOnTheNextVisitAreFollowed) {
    // First visit: stepping on with the other foot first, standing quietly on two feet
    // 150 mm either side, then 10 s on one leg, two feet again, off. Second visit: both
    // feet put down 55 mm further the other way, the same again with 20 s on the leg, now
    // 95 mm out. From the first visit's feet the second stance's CoP sits 55 mm inside
    // the stance foot, short of the 50 mm that enters one leg: the stance was missed.
    // (JoaoPedro1000's feet put down 43 mm further left on a later visit: his 41 s stance
    // was found 23 s late, when his CoP happened to wander out.) The second visit's first
    // three still seconds on two feet tell where its feet are; the foot it stepped on
    // with is where it was seen.
    for (const bool right : {true, false}) {
        BoardScript b = visits_board();
        HandPlayer p{b, 70.0};
        const double first_s = first_visit(p, right);
        b.feet_moves.push_back({p.now() - 1.0, right ? -55.0 : 55.0});
        p.one(0.2, !right, 0.3).wait(0.4).stand(0.4, 0.5);
        stand_quietly(p, 8.0);
        p.one(0.4, right, 1.0);
        const double second_s = p.now();
        p.wait(20.0).stand(0.4, 0.5);
        stand_quietly(p, 3.0);
        p.to(0.4, 0.0, 0.0).wait(2.0);
        const auto events = recognise(b);
        const auto holds = only<OneLegHoldEvent>(events);
        ASSERT_EQ(holds.size(), 2u) << (right ? "right" : "left");
        for (const auto& h : holds) EXPECT_EQ(h.side, right ? Side::right : Side::left);
        EXPECT_NEAR(holds[0].start_s, first_s, 1.0);
        EXPECT_NEAR(holds[0].end_s, first_s + 10.0, 1.0);
        EXPECT_NEAR(holds[1].start_s, second_s, 1.0);
        EXPECT_NEAR(holds[1].end_s, second_s + 20.0, 1.0);
        EXPECT_TRUE(only<KneeDriveEvent>(events).empty());
    }
}

TEST(RealPeopleShapes, AFootRestingLightlyOnALaterVisitIsSeenWhereItIsNow) {
    // As above, but the second visit steps straight onto the leg, its feet 55 mm further
    // the other way: the foot rests lightly (a sixth of the weight) for a second, past the
    // 0.4 s a landing foot is looked for in, then takes the whole weight for 15 s. No
    // still two-foot stance tells this visit's feet, so only that foot can: as on a first
    // visit, it is looked for while the board carries less than a person's load (Paulo
    // steps on with his left foot only; with it put down 50 mm further in, a 3.3 s stance
    // was cut in two; here, swaying 9.6 mm sd, the 15 s stance was missed).
    for (const bool right : {true, false}) {
        BoardScript b = visits_board();
        b.one_leg_sway_mm = 12.0;  // 9.6 mm sd, as the least steady of the study's people
        HandPlayer p{b, 70.0};
        first_visit(p, right);
        b.feet_moves.push_back({p.now() - 1.0, right ? -55.0 : 55.0});
        p.one(0.2, right, 0.15).wait(1.0).one(0.5, right, 1.0);
        const double on_s = p.now();
        p.wait(15.0).one(0.4, right, 0.0).wait(2.0);
        const auto holds = only<OneLegHoldEvent>(recognise(b));
        ASSERT_EQ(holds.size(), 2u) << (right ? "right" : "left");
        EXPECT_EQ(holds[1].side, right ? Side::right : Side::left);
        EXPECT_NEAR(holds[1].start_s, on_s, 1.0);
        EXPECT_NEAR(holds[1].end_s, on_s + 15.0, 1.0);
    }
}
