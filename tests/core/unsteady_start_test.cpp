// Players who never stand still first (issue 12, `accuracy_report --suite unstill`):
// stepping on with one foot and going onto the other leg within a second, with the feet
// off the board's middle, before a second of still two-foot stance has taught the
// stance centre. Built by hand (HandPlayer), not by the generator.
#include <gtest/gtest.h>

#include "board_script.h"
#include "recognise.h"

using namespace highstep::core;
using namespace highstep::test;  // BoardScript, HandPlayer, recognise, only

namespace {

// Feet 200 mm apart, shifted `offset_mm` off the board's middle.
BoardScript offset_board(double offset_mm) {
    BoardScript b;
    b.noise_kg = 0.05;
    b.left_foot_x_mm = -100.0 + offset_mm;
    b.right_foot_x_mm = 100.0 + offset_mm;
    b.add(0, 0, 0).add(2.0, 0, 0);
    return b;
}

// Feet 90 mm either side; a gap in the data from 0.1 s before the first foot (the one not
// on `right`) steps on alone until both feet are down: what follows is appended to it.
BoardScript gap_over_stepping_on(bool right) {
    BoardScript b = offset_board(0.0);
    b.left_foot_x_mm = -90.0;
    b.right_foot_x_mm = 90.0;
    b.noise_kg = 0.1;
    HandPlayer p{b, 70.0};
    b.gap_from_s = p.now() - 0.1;
    p.one(0.15, !right, 0.4).wait(0.2).stand(0.3, 0.5);
    b.gap_to_s = p.now();
    return b;
}

// Feet at `left_x_mm` and `right_x_mm`, the board a little noisy (0.1 kg).
BoardScript board_with_feet(double left_x_mm, double right_x_mm) {
    BoardScript b = offset_board(0.0);
    b.left_foot_x_mm = left_x_mm;
    b.right_foot_x_mm = right_x_mm;
    b.noise_kg = 0.1;
    return b;
}

// The first foot (`first_right`) steps on alone (0.4 BW, seen for 0.3 s), then a gap in
// the data over the other foot coming down and the whole shift onto it.
// With `both_down_first` the other foot comes down and the weight starts over before the
// gap (0.75 s after the contact), no rest on two feet in it.
void onto_the_other_foot_in_a_gap(BoardScript& b, HandPlayer& p, bool first_right, bool both_down_first = false) {
    p.one(0.15, first_right, 0.4).wait(0.3);
    if (both_down_first) p.stand(0.3, 0.5);
    b.gap_from_s = p.now();
    if (!both_down_first) p.stand(0.3, 0.5);
    p.wait(0.3).stand(0.5, first_right ? 0.0 : 1.0);
    b.gap_to_s = p.now() + 0.05;
}

// One step-up led with the `right` foot (or the left) ending in a knee drive on it, and no
// step_on / step_off in its place.
void expect_one_step_up_with_knee_drive(const std::vector<Event>& events, bool right) {
    const auto ups = only<StepUpEvent>(events);
    ASSERT_EQ(ups.size(), 1u) << (right ? "right" : "left");
    EXPECT_TRUE(ups[0].ends_in_knee_drive);
    EXPECT_EQ(ups[0].lead, right ? Side::right : Side::left);
    const auto drives = only<KneeDriveEvent>(events);
    ASSERT_EQ(drives.size(), 1u);
    EXPECT_EQ(drives[0].side, right ? Side::right : Side::left);
    EXPECT_TRUE(only<StepOnEvent>(events).empty());
}

}  // namespace

TEST(UnsteadyStart, KneeDriveOnTheOtherFootRightAfterSteppingOn) {
    // The first foot lands alone (0.4 BW), the second follows and the player rests on
    // both for 0.25 s, then drives the first foot's knee up (1.15 BW) and holds 1.5 s on
    // the second foot. With the feet 40 mm toward the first foot's side, the second foot
    // stands only 60 mm from the board's middle, less than half as far out as the first
    // (140 mm): measured from the middle it looked like a lean.
    for (bool first_right : {false, true}) {
        BoardScript b = offset_board(first_right ? 40.0 : -40.0);
        HandPlayer p{b, 70.0};
        p.one(0.15, first_right, 0.4).wait(0.2).stand(0.3, 0.5).wait(0.25);
        const double shift_s = p.now();
        p.stand(0.2, first_right ? 0.1 : 0.9).one(0.15, !first_right, 1.15).one(0.2, !first_right, 1.0).wait(1.5);
        const double down_s = p.now();
        p.stand(0.3, 0.5).wait(1.0).one(0.3, first_right, 0.5).one(0.2, first_right, 0.0).wait(2.0);
        const auto drives = only<KneeDriveEvent>(recognise(b));
        ASSERT_EQ(drives.size(), 1u) << (first_right ? "right first" : "left first");
        EXPECT_EQ(drives[0].side, first_right ? Side::left : Side::right);
        EXPECT_NEAR(drives[0].start_s, shift_s, 0.15);
        EXPECT_NEAR(drives[0].end_s, down_s, 0.15);
    }
}

TEST(UnsteadyStart, KneeDriveOnTheOtherFootOfANarrowStance) {
    // Feet 150 mm apart (centre to centre), stepping on with one, resting on both, then
    // straight onto the other with a drive: on one foot the CoP is 150 mm from the lone
    // foot, less than the 160 mm a stance was assumed to be at least.
    for (bool first_right : {false, true}) {
        BoardScript b = offset_board(0.0);
        b.left_foot_x_mm = -75.0;
        b.right_foot_x_mm = 75.0;
        HandPlayer p{b, 65.0};
        p.one(0.15, first_right, 0.4).wait(0.2).stand(0.3, 0.5).wait(0.25);
        p.stand(0.2, first_right ? 0.1 : 0.9).one(0.15, !first_right, 1.15).one(0.2, !first_right, 1.0).wait(1.5);
        p.stand(0.3, 0.5).wait(1.0).one(0.3, first_right, 0.5).one(0.2, first_right, 0.0).wait(2.0);
        const auto drives = only<KneeDriveEvent>(recognise(b));
        ASSERT_EQ(drives.size(), 1u) << (first_right ? "right first" : "left first");
        EXPECT_EQ(drives[0].side, first_right ? Side::left : Side::right);
    }
}

TEST(UnsteadyStart, HoldOnTheOtherFootRightAfterSteppingOn) {
    // As above without a drive: a slow shift onto the second foot, held 2 s.
    for (bool first_right : {false, true}) {
        BoardScript b = offset_board(first_right ? 45.0 : -45.0);
        HandPlayer p{b, 95.0};
        p.one(0.15, first_right, 0.45).wait(0.2).stand(0.3, 0.5).wait(0.3).stand(0.7, first_right ? 0.0 : 1.0);
        const double on_s = p.now();
        p.wait(2.0).stand(0.4, 0.5).wait(1.0).one(0.3, first_right, 0.5).one(0.2, first_right, 0.0).wait(2.0);
        const auto holds = only<OneLegHoldEvent>(recognise(b));
        ASSERT_EQ(holds.size(), 1u) << (first_right ? "right first" : "left first");
        EXPECT_EQ(holds[0].side, first_right ? Side::left : Side::right);
        EXPECT_NEAR(holds[0].start_s, on_s, 0.3);
        EXPECT_NEAR(holds[0].end_s, on_s + 2.0, 0.3);
    }
}

TEST(UnsteadyStart, TheOtherFootOfTheNarrowestStanceAfterAGap) {
    // Feet 160 mm apart, the narrowest stance: stepping on with one foot (seen alone), a
    // gap in the data over both feet coming down and the shift, then 2 s on the other
    // foot. On one foot the CoP may sit a few mm inside it: here 154 mm from where the
    // lone foot stood, which the whole stance width (160 mm) once asked for and missed
    // (accuracy_report --suite unstill, e.g. --seed 98 --trace 98787).
    for (bool first_right : {false, true}) {
        BoardScript b = board_with_feet(-77.0, 77.0);
        HandPlayer p{b, 80.0};
        onto_the_other_foot_in_a_gap(b, p, first_right);
        const double on_s = p.now();
        p.wait(2.0).stand(0.4, 0.5).wait(1.0).one(0.3, first_right, 0.5).one(0.2, first_right, 0.0).wait(2.0);
        const auto holds = only<OneLegHoldEvent>(recognise(b));
        ASSERT_EQ(holds.size(), 1u) << (first_right ? "right first" : "left first");
        EXPECT_EQ(holds[0].side, first_right ? Side::left : Side::right);
        EXPECT_NEAR(holds[0].end_s, on_s + 2.0, 0.3);
    }
}

TEST(UnsteadyStart, AGapOverTheShiftOntoTheOtherFootNearTheMiddle) {
    // Feet 180 mm apart, 35 mm toward the first foot's side: stepping on with that foot
    // (seen alone), a gap in the data over the other foot coming down and the whole
    // shift onto it, 2 s on it (55 mm from the board's middle), two feet, 2 s on the first
    // foot, two feet, a lean 40 mm toward the first foot's side, two feet, off. Where the
    // data came back was taken for a rest on two feet: the first hold was missed, the
    // centre learned on that foot, and the lean read as a hold (accuracy_report --suite
    // unstill, e.g. --seed 103 --trace 103807). Where the player then stood still on two
    // feet and on the first foot tells the feet: the visit is judged again with them. The
    // same when the gap began later, the other foot down and the weight on its way (no
    // rest on two feet seen): e.g. --seed 256 --trace 256817.
    for (const bool both_down_first : {false, true}) {
        for (bool first_right : {true, false}) {
            const double side = first_right ? 1.0 : -1.0;
            BoardScript b = board_with_feet(side * 35.0 - 90.0, side * 35.0 + 90.0);
            HandPlayer p{b, 90.0};
            onto_the_other_foot_in_a_gap(b, p, first_right, both_down_first);
            const double other_s = p.now();
            p.wait(2.0).stand(0.5, 0.5).wait(1.0).stand(0.5, first_right ? 1.0 : 0.0);
            const double first_s = p.now();
            p.wait(2.0).stand(0.5, 0.5).wait(1.0).stand(0.5, first_right ? 0.72 : 0.28);
            const double lean_s = p.now();
            p.wait(2.0).stand(0.5, 0.5).wait(1.0).one(0.3, first_right, 0.5).one(0.2, first_right, 0.0).wait(2.0);
            const auto holds = only<OneLegHoldEvent>(recognise(b));
            ASSERT_EQ(holds.size(), 2u) << (first_right ? "right first" : "left first") << (both_down_first ? ", both feet down before the gap" : "");
            EXPECT_EQ(holds[0].side, first_right ? Side::left : Side::right);
            EXPECT_NEAR(holds[0].end_s, other_s + 2.0, 0.3);
            EXPECT_EQ(holds[1].side, first_right ? Side::right : Side::left);
            EXPECT_NEAR(holds[1].start_s, first_s, 0.3);
            for (const auto& h : holds) EXPECT_LT(h.end_s, lean_s) << "the lean";
        }
    }
}

TEST(UnsteadyStart, APauseWhileTheWeightMovesOntoBothFeetIsNoRest) {
    // Stepping straight onto the right leg (the whole weight, 1.5 s), then the left foot
    // comes down and the weight moves onto both with a 0.3 s pause at 70 % right on the
    // way, then 30 s of quiet standing in the middle. The pause is not where the player
    // stands: measured from it, the middle would look like the left leg.
    BoardScript b = offset_board(0.0);
    b.left_foot_x_mm = -180.0;
    b.right_foot_x_mm = 180.0;
    HandPlayer p{b, 75.0};
    p.one(0.2, true, 0.4).one(0.5, true, 1.0).wait(1.5).stand(0.3, 0.7).wait(0.3).stand(0.4, 0.5);
    const double stand_s = p.now();
    p.wait(30.0).stand(0.4, 0.0).wait(0.2).one(0.3, true, 0.0).wait(2.0);
    for (const auto& h : only<OneLegHoldEvent>(recognise(b))) {
        EXPECT_LT(h.end_s, stand_s + 0.5) << "hold " << h.start_s << "-" << h.end_s << " in two-foot standing";
    }
    EXPECT_TRUE(only<KneeDriveEvent>(recognise(b)).empty());
}

TEST(UnsteadyStart, AQuickRestOnBothFeetIsNotTakenForTheLoneFoot) {
    // The first foot lands edge first (its first 20 ms 20 mm inward: 0.045 BW on the
    // other side), stays alone 0.12 s, and the second foot comes down within 0.1 s: the
    // player rests on both 0.25 s after contact, still inside the 0.4 s in which a still
    // partial load is looked at as a lone foot (the body weight is not known yet). That
    // rest carries clearly more than the foot did: it is both feet, not the foot again
    // (taken for it, the rest was "the lone foot" and the stance on the second foot that
    // follows, with a drive, read as two feet). The 30 ms CoP starts at the edge-first
    // moment: the foot's stillness is judged against the stretch's mean.
    for (bool first_right : {false, true}) {
        BoardScript b = offset_board(first_right ? 40.0 : -40.0);
        HandPlayer p{b, 60.0};
        if (first_right) p.to(0.02, 0.045, 0.4).to(0.01, 0.0, 0.4);
        else p.to(0.02, 0.4, 0.045).to(0.01, 0.4, 0.0);
        p.wait(0.12).stand(0.1, 0.5).wait(0.3);
        p.stand(0.2, first_right ? 0.1 : 0.9).one(0.15, !first_right, 1.15).one(0.2, !first_right, 1.0).wait(1.5);
        p.stand(0.3, 0.5).wait(1.0).one(0.3, first_right, 0.5).one(0.2, first_right, 0.0).wait(2.0);
        const auto drives = only<KneeDriveEvent>(recognise(b));
        ASSERT_EQ(drives.size(), 1u) << (first_right ? "right first" : "left first");
        EXPECT_EQ(drives[0].side, first_right ? Side::left : Side::right);
    }
}

TEST(UnsteadyStart, AStepUpBeforeTheWeightIsKnownIsJudgedOnceItIs) {
    // The session opens with a brisk step-up whose top on two feet lasts 0.35 s: too short
    // a steady stretch to learn the body weight from (0.6 s), so the visit ends with the
    // weight unknown (in the unstill suite a gap in the data cut such tops). The player
    // then steps on and stands: the weight is learned, and the first visit is judged under
    // it — a step-up, not a step_on and a step_off.
    BoardScript b = offset_board(0.0);
    b.noise_kg = 0.1;
    HandPlayer p{b, 80.0};
    const double contact_s = p.now();
    p.one(0.1, true, 0.4).wait(0.3).stand(0.25, 0.6).to(0.1, 0.5, 0.5).wait(0.05);
    p.stand(0.2, 1.0).one(0.1, true, 0.4).one(0.2, true, 0.0);
    const double off_s = p.now();
    p.wait(1.5).one(0.2, false, 0.5).stand(0.4, 0.5).wait(5.0).one(0.4, true, 0.5).one(0.2, true, 0.0).wait(2.0);
    const auto events = recognise(b);
    const auto ups = only<StepUpEvent>(events);
    ASSERT_EQ(ups.size(), 1u);
    EXPECT_NEAR(ups[0].start_s, contact_s, 0.1);
    EXPECT_NEAR(ups[0].end_s, off_s, 0.1);
    EXPECT_EQ(ups[0].lead, Side::right);
    EXPECT_EQ(only<StepOnEvent>(events).size(), 1u);
    EXPECT_EQ(only<StepOffEvent>(events).size(), 1u);
    for (const auto& on : only<StepOnEvent>(events)) EXPECT_GT(on.t_s, off_s);
}

TEST(UnsteadyStart, KneeDriveAfterAGapHidTheSteppingOn) {
    // A 0.6 s gap in the data hides the first foot stepping on alone; the data resumes
    // with both feet down. The player rests 0.3 s and goes straight onto one foot with a
    // drive, feet 90 mm either side: no foot was seen alone and there was no second of
    // still standing, so the rest is the centre (the feet assumed 100 mm either side).
    for (bool right : {false, true}) {
        BoardScript b = gap_over_stepping_on(right);
        HandPlayer p{b, 70.0};
        p.wait(0.3);
        const double shift_s = p.now();
        p.stand(0.2, right ? 0.9 : 0.1).one(0.15, right, 1.15).one(0.2, right, 1.0).wait(1.5);
        p.stand(0.3, 0.5).wait(1.0).one(0.3, right, 0.5).one(0.2, right, 0.0).wait(2.0);
        const auto drives = only<KneeDriveEvent>(recognise(b));
        ASSERT_EQ(drives.size(), 1u) << (right ? "right" : "left");
        EXPECT_EQ(drives[0].side, right ? Side::right : Side::left);
        EXPECT_NEAR(drives[0].start_s, shift_s, 0.15);
    }
}

TEST(UnsteadyStart, AfterAGapTheFeetAreToldFromWhereThePlayerStoodStill) {
    // Feet 160 mm apart, 50 mm toward the first foot's side: that foot 130 mm from the
    // board's middle, the other 30 mm. A gap hides the stepping on; the data resumes on
    // both feet, the weight already on its way onto the other foot, held 2 s; then two
    // feet 1 s, the first foot 2 s, two feet 1 s, a 40 % lean 2 s, step off. Nothing was
    // seen alone and the first still place, 30 mm from the middle, taught the two-foot
    // centre: the first hold read as two feet, and everything after it as one leg (two
    // feet and the second hold one long hold, the lean another). The three places the
    // player stood still on tell the feet apart (the middle one is two feet), and the
    // visit is judged again with them.
    for (bool first_right : {false, true}) {
        BoardScript b = offset_board(0.0);
        b.noise_kg = 0.1;
        b.left_foot_x_mm = first_right ? -30.0 : -130.0;
        b.right_foot_x_mm = first_right ? 130.0 : 30.0;
        HandPlayer p{b, 65.0};
        b.gap_from_s = p.now() - 0.1;
        p.one(0.15, first_right, 0.4).stand(0.2, 0.5).wait(0.3);
        p.one(0.6, !first_right, 1.0);
        b.gap_to_s = p.now() - 0.45;
        const double first_on_s = p.now();
        p.wait(2.0).stand(0.5, 0.5).wait(1.0);
        const double second_on_s = p.now() + 0.6;
        p.one(0.6, first_right, 1.0).wait(2.0).stand(0.5, 0.5).wait(1.0);
        p.stand(0.5, first_right ? 0.7 : 0.3).wait(2.0).stand(0.5, 0.5);
        p.one(0.3, first_right, 0.5).one(0.15, first_right, 0.0).wait(2.0);
        const auto events = recognise(b);
        const auto holds = only<OneLegHoldEvent>(events);
        ASSERT_EQ(holds.size(), 2u) << (first_right ? "right first" : "left first");
        // Each 2 s on the leg that is not the one before it, from where the CoP arrived.
        for (std::size_t i = 0; i < holds.size(); ++i) {
            const bool on_right = first_right == (i == 1);
            const double on_s = i == 0 ? first_on_s : second_on_s;
            EXPECT_EQ(holds[i].side, on_right ? Side::right : Side::left) << i;
            EXPECT_NEAR(holds[i].start_s, on_s, 0.3) << i;
            EXPECT_NEAR(holds[i].end_s, on_s + 2.0, 0.3) << i;
        }
        EXPECT_TRUE(only<KneeDriveEvent>(events).empty());
        EXPECT_EQ(only<StepOnEvent>(events).size(), 1u);
        EXPECT_EQ(only<StepOffEvent>(events).size(), 1u);
    }
}

TEST(UnsteadyStart, AVisitSeenFirstOnOneLegAfterAGapIsNoHoldFromTheContact) {
    // With the feet from a weigh-in: a gap hides the stepping on, the rest on both feet
    // and the shift onto one leg; the data resumes at the drive peak (1.2 BW), the player
    // holds 1.3 s and puts the foot back down. A single-leg stance from the contact dated
    // back into the gap, entered from an empty board, was no knee drive (not from rest)
    // but a hold whose start was looked for in no data: 2.9 s from the contact. The visit
    // is on two feet from the contact and on one leg from the first sample seen.
    for (bool right : {false, true}) {
        BoardScript b = offset_board(0.0);
        b.noise_kg = 0.1;
        SignalSettings settings;
        settings.left_foot_x_mm = b.left_foot_x_mm;
        settings.right_foot_x_mm = b.right_foot_x_mm;
        HandPlayer p{b, 80.0};
        b.gap_from_s = p.now() - 0.1;
        p.one(0.15, !right, 0.4).stand(0.2, 0.5).wait(0.4);
        p.stand(0.2, right ? 0.9 : 0.1).one(0.15, right, 1.2);
        b.gap_to_s = p.now();
        p.one(0.2, right, 1.0).wait(1.3);
        const double down_s = p.now();
        p.stand(0.3, 0.5).wait(1.0).one(0.3, !right, 0.5).one(0.2, !right, 0.0).wait(2.0);
        Recognizer r(settings);
        r.set_body_weight_kg(80.0);
        std::vector<Event> events;
        for (const highstep::BoardSample& s : b.samples()) r.push(s, events);
        r.finish(events);
        EXPECT_TRUE(only<OneLegHoldEvent>(events).empty()) << (right ? "right" : "left");
        const auto drives = only<KneeDriveEvent>(events);
        ASSERT_EQ(drives.size(), 1u) << (right ? "right" : "left");
        EXPECT_EQ(drives[0].side, right ? Side::right : Side::left);
        EXPECT_GE(drives[0].start_s, b.gap_from_s);
        EXPECT_NEAR(drives[0].end_s, down_s, 0.15);
    }
}

TEST(UnsteadyStart, AnUntaredBoardWhoseEmptyStartAGapCutShort) {
    // The board reads 5.2 kg of offsets empty (its own calibration off by 1.3 kg a
    // sensor), and a 1 s gap in the data cuts the empty start to 0.6 s, then 0.4 s more
    // before the player steps on. Half a second of steady empty board is a far better
    // zero than the factory's: with none, the offsets read as a foot on the board from
    // the first sample, and stepping on and off were lost (and the weight 5 kg heavy).
    BoardScript b;
    b.noise_kg = 0.05;
    for (float& o : b.offset_kg) o = 1.3f;
    b.gap_from_s = 0.6;
    b.gap_to_s = 1.6;
    HandPlayer p{b, 70.0};
    b.add(0, 0, 0);
    p.wait(2.0);
    const double on_s = p.now();
    p.stand(0.3, 0.5).wait(6.0).stand(0.2, 1.0).to(0.3, 0.0, 0.0);
    const double off_s = p.now();
    p.wait(2.0);
    Recognizer r;
    std::vector<Event> events;
    for (const auto& s : b.samples()) r.push(s, events);
    EXPECT_NEAR(r.body_weight_kg(), 70.0, 0.5);
    r.finish(events);
    const auto ons = only<StepOnEvent>(events);
    const auto offs = only<StepOffEvent>(events);
    ASSERT_EQ(ons.size(), 1u);
    ASSERT_EQ(offs.size(), 1u);
    EXPECT_NEAR(ons[0].t_s, on_s, 0.1);
    EXPECT_NEAR(offs[0].t_s, off_s, 0.1);
}

namespace {

// Stepping on with the other foot after `empty_s` of empty board and resting on both for
// 0.3 s, the player drives that knee up at once and holds 0.6 s on the `right` leg, then
// stands. Checks the drive and that the visit's step on and off are sent once each.
void expect_the_knee_drive_judged_again(bool right, double empty_s) {
    BoardScript b = offset_board(0.0);
    b.keys.back().t_s = empty_s;
    b.noise_kg = 0.1;
    HandPlayer p{b, 80.0};
    p.one(0.15, !right, 0.4).wait(0.2).stand(0.3, 0.5).wait(0.3);
    const double shift_s = p.now();
    p.stand(0.2, right ? 0.9 : 0.1).one(0.15, right, 1.2).one(0.15, right, 1.0).wait(0.6);
    const double down_s = p.now();
    p.stand(0.3, 0.5).wait(3.0).one(0.3, !right, 0.5).one(0.2, !right, 0.0).wait(2.0);
    const auto events = recognise(b);
    const auto drives = only<KneeDriveEvent>(events);
    ASSERT_EQ(drives.size(), 1u) << (right ? "right" : "left");
    EXPECT_EQ(drives[0].side, right ? Side::right : Side::left);
    EXPECT_NEAR(drives[0].start_s, shift_s, 0.15);
    EXPECT_NEAR(drives[0].end_s, down_s, 0.15);
    EXPECT_EQ(only<StepOnEvent>(events).size(), 1u);   // sent once, not again when judged again
    EXPECT_EQ(only<StepOffEvent>(events).size(), 1u);
    EXPECT_TRUE(only<OneLegHoldEvent>(events).empty());
}

}  // namespace

TEST(UnsteadyStart, AKneeDriveOverBeforeTheWeightIsKnownIsJudgedOnceItIs) {
    // The body weight is first steady for 0.6 s only once the player stands again: until
    // then no stance was more than "partial", and the drive was lost. The recording is
    // judged again from its start under the weight learned (a person's weight does not
    // change meanwhile).
    for (bool right : {false, true}) expect_the_knee_drive_judged_again(right, 2.0);
}

TEST(UnsteadyStart, MinutesOfEmptyBoardFirstLeaveTheRepToBeJudgedAgain) {
    // The same after 150 s of empty board (a menu before anyone steps on; 15 000 samples):
    // kept from the recording's start, the samples to judge again ran out (12 000) before
    // anyone stepped on. An empty board has nothing to judge again: the start moves up.
    for (bool right : {false, true}) expect_the_knee_drive_judged_again(right, 150.0);
}

TEST(UnsteadyStart, AGapIsNoTimeSeenOnTwoFeet) {
    // Stepping on with one foot, the player stands on both for 0.8 s (the centre half
    // learned), then a 0.9 s gap in the data hides the shift onto the other foot, 80 mm
    // from the board's middle (a 160 mm stance). The first sample after the gap stood for
    // the whole gap in the centre's running mean: it dragged the centre onto that foot
    // and called it learned, and the 2 s on one leg read as two feet.
    for (bool first_right : {false, true}) {
        BoardScript b = offset_board(0.0);
        b.left_foot_x_mm = -80.0;
        b.right_foot_x_mm = 80.0;
        b.noise_kg = 0.1;
        HandPlayer p{b, 90.0};
        p.one(0.15, first_right, 0.4).wait(0.2).stand(0.3, 0.5).wait(0.8);
        b.gap_from_s = p.now();
        p.stand(0.6, first_right ? 0.0 : 1.0).wait(0.2);
        b.gap_to_s = p.now() + 0.1;
        const double on_s = p.now();
        p.wait(2.0);
        const double down_s = p.now();
        p.stand(0.4, 0.5).wait(2.0).one(0.3, first_right, 0.5).one(0.2, first_right, 0.0).wait(2.0);
        const auto events = recognise(b);
        const auto holds = only<OneLegHoldEvent>(events);
        ASSERT_EQ(holds.size(), 1u) << (first_right ? "right first" : "left first");
        EXPECT_EQ(holds[0].side, first_right ? Side::left : Side::right);
        EXPECT_LT(holds[0].start_s, on_s + 0.3);
        EXPECT_NEAR(holds[0].end_s, down_s, 0.2);
        EXPECT_TRUE(only<KneeDriveEvent>(events).empty());
    }
}

TEST(UnsteadyStart, TheRestIsWatchedFromTheFirstSampleAfterAGap) {
    // A 0.75 s gap hides the first foot stepping on and the second following; the data
    // resumes with the player on both feet (feet 90 mm either side), still for 0.14 s, who
    // then moves onto one leg over 0.4 s and holds it 2 s. Watched only once the stance had
    // held for its 80 ms dwell, the rest was too short to be one (0.15 s), and with no foot
    // seen alone and no rest the stance had nothing to be measured from: two feet.
    for (bool right : {false, true}) {
        BoardScript b = gap_over_stepping_on(right);
        HandPlayer p{b, 70.0};
        p.wait(0.14).stand(0.4, right ? 1.0 : 0.0);
        const double on_s = p.now();
        p.wait(2.0).stand(0.4, 0.5).wait(2.0).one(0.3, !right, 0.5).one(0.2, !right, 0.0).wait(2.0);
        const auto holds = only<OneLegHoldEvent>(recognise(b));
        ASSERT_EQ(holds.size(), 1u) << (right ? "right" : "left");
        EXPECT_EQ(holds[0].side, right ? Side::right : Side::left);
        EXPECT_NEAR(holds[0].start_s, on_s, 0.3);
        EXPECT_NEAR(holds[0].end_s, on_s + 2.0, 0.3);
    }
}

TEST(UnsteadyStart, ALeadFootSeenAloneOnlyAfterAGap) {
    // A 0.35 s gap hides a step-up's contact; the data resumes with the lead foot alone on
    // the board (0.35 BW, the other on the floor), the push-off follows and the player holds
    // 1.2 s on the lead leg with the other knee driven up. The lead foot is 70 mm from the
    // board's middle (feet 140 mm apart): not far out enough to be one leg by itself. With
    // the 0.4 s in which a lone foot is looked for counted from the contact dated back into
    // the gap, they were over before any data came: the top read as two feet (the centre
    // learned on the lead foot), and the knee drive and the step-up were lost.
    for (bool right : {false, true}) {
        BoardScript b = offset_board(0.0);
        b.left_foot_x_mm = -70.0;
        b.right_foot_x_mm = 70.0;
        b.noise_kg = 0.1;
        b.gap_from_s = 1.9;
        b.gap_to_s = 2.25;
        HandPlayer p{b, 80.0};
        p.one(0.1, right, 0.35).wait(0.45);
        p.knee_top(right, 1.2, 0.8);
        const auto events = recognise(b);
        const auto drives = only<KneeDriveEvent>(events);
        const auto ups = only<StepUpEvent>(events);
        ASSERT_EQ(drives.size(), 1u) << (right ? "right" : "left");
        EXPECT_EQ(drives[0].side, right ? Side::right : Side::left);
        ASSERT_EQ(ups.size(), 1u) << (right ? "right" : "left");
        EXPECT_EQ(ups[0].lead, right ? Side::right : Side::left);
        EXPECT_TRUE(ups[0].ends_in_knee_drive);
        EXPECT_TRUE(only<StepOnEvent>(events).empty());
    }
}

TEST(UnsteadyStart, TwoSamplesOfEmptyBoardBetweenTwoGapsEndAVisit) {
    // Two visits (step on, stand 5 s, step off), the empty board between them hidden by two
    // gaps but for two samples reading nothing at all. Too few for the 80 ms dwell, they
    // made the two visits one: one step on, one step off. No foot is on a board that reads
    // under the level of any contact.
    BoardScript b = offset_board(0.0);
    b.noise_kg = 0.1;
    HandPlayer p{b, 70.0};
    for (int visit = 0; visit < 2; ++visit) {
        p.one(0.15, false, 0.4).stand(0.15, 0.5).wait(5.0).one(0.15, true, 0.5).one(0.15, true, 0.0).wait(1.0);
    }
    // Visit 1 leaves the board at 7.6 s, visit 2 lands at 8.6 s.
    std::vector<highstep::BoardSample> samples;
    for (const highstep::BoardSample& s : b.samples()) {
        const bool hidden = (s.t_s >= 7.3 && s.t_s < 7.795) || (s.t_s >= 7.815 && s.t_s < 8.75);
        if (!hidden) samples.push_back(s);
    }
    Recognizer r;
    std::vector<Event> events;
    for (const highstep::BoardSample& s : samples) r.push(s, events);
    r.finish(events);
    const auto ons = only<StepOnEvent>(events);
    const auto offs = only<StepOffEvent>(events);
    ASSERT_EQ(ons.size(), 2u);
    ASSERT_EQ(offs.size(), 2u);
    EXPECT_NEAR(ons[0].t_s, 2.0, 0.1);
    EXPECT_GE(offs[0].t_s, 7.3);   // in the first gap
    EXPECT_LE(offs[0].t_s, 7.8);
    EXPECT_GE(ons[1].t_s, 7.81);   // in the second
    EXPECT_LE(ons[1].t_s, 8.75);
}

TEST(UnsteadyStart, TwoSamplesOfEmptyBoardBeforeAGapEndAVisit) {
    // Three step-ups with a knee drive at the top; the board is empty for 1 s between them.
    // After the first, the data stops two samples after the lead foot left (both reading
    // nothing) and resumes with the second step-up's lead foot already on: too few samples
    // for the 80 ms dwell, the two visits were one (a step_on and a step_off, one rep
    // lost). Nobody on a board reads under the level of any contact, before a gap as after.
    for (bool right : {false, true}) {
        BoardScript b = offset_board(0.0);
        b.noise_kg = 0.1;
        HandPlayer p{b, 60.0};
        std::vector<double> contacts_s;
        double empty_s = 0.0;
        for (int rep = 0; rep < 3; ++rep) {
            contacts_s.push_back(p.now());
            p.one(0.1, right, 0.35).wait(0.45).one(0.3, right, 1.2).one(0.2, right, 1.0).wait(1.2)
                .one(0.3, right, 0.92).one(0.8, right, 0.25).one(0.15, right, 0.0);
            if (rep == 0) empty_s = p.now();
            p.wait(1.0);
        }
        b.gap_from_s = empty_s + 0.025;     // two samples of empty board (100 Hz) ...
        b.gap_to_s = contacts_s[1] + 0.3;  // ... then the lead foot of the next, alone
        const auto events = recognise(b);
        const auto ups = only<StepUpEvent>(events);
        ASSERT_EQ(ups.size(), 3u) << (right ? "right" : "left");
        for (std::size_t i = 0; i < ups.size(); ++i) {
            EXPECT_EQ(ups[i].lead, right ? Side::right : Side::left);
            EXPECT_TRUE(ups[i].ends_in_knee_drive);
        }
        EXPECT_NEAR(ups[0].end_s, empty_s, 0.05);
        EXPECT_GE(ups[1].start_s, empty_s);
        EXPECT_LE(ups[1].start_s, b.gap_to_s);
        EXPECT_TRUE(only<StepOnEvent>(events).empty());
        EXPECT_TRUE(only<StepOffEvent>(events).empty());
    }
}

TEST(UnsteadyStart, ALightLeadFootOnANoisyBoardIsSeenAlone) {
    // A 50 kg player's lead foot carries 7 kg for half a second before the push-off, on a
    // board with 0.4 kg of noise per sensor (sd): its CoP wavers by 17 mm (one sd)
    // standing still, more than the 12 mm a still foot was allowed. Still means still
    // within the board's own noise: the foot is seen alone, and the knee drive at the
    // step-up's top is on it (it read as two feet: a step_on and a step_off, no rep).
    for (bool right : {false, true}) {
        BoardScript b;
        b.rate_hz = 75.0;
        b.noise_kg = 0.7;  // uniform +-0.7 kg: 0.4 kg sd
        b.left_foot_x_mm = -110.0;
        b.right_foot_x_mm = 110.0;
        b.add(0, 0, 0).add(2.0, 0, 0);
        HandPlayer p{b, 50.0};
        p.one(0.08, right, 7.0 / 50.0).wait(0.5).knee_top(right, 1.0, 1.2);
        expect_one_step_up_with_knee_drive(recognise(b), right);
    }
}

TEST(UnsteadyStart, A30KgPlayersLeadFootOnAQuietBoardIsSeenAlone) {
    // A 30 kg player's lead foot rests with 4.5 kg before the push-off, under the 5 kg a
    // lone foot needed: never seen alone, the knee drive at the step-up's top read as two
    // feet (a step_on and a step_off, no rep; unstill seed 9, 13 sessions). On a quiet
    // board such a load's CoP is still within 12 mm, so 4 kg will do there.
    for (bool right : {false, true}) {
        BoardScript b = offset_board(0.0);
        b.noise_kg = 0.03;
        HandPlayer p{b, 30.0};
        p.one(0.08, right, 4.5 / 30.0).wait(0.5).knee_top(right, 1.0, 1.2);
        expect_one_step_up_with_knee_drive(recognise(b), right);
    }
}
