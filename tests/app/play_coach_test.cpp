// The play screen's coach line: step off to begin a Hill Climb, step onto the board
// for a level played on it, and a nudge after a minute of a set without a rep.
#include <gtest/gtest.h>

#include "scenes/play_coach.h"

namespace highstep::app {
namespace {

core::HudState standing(double kg, core::Phase phase = core::Phase::count_in) {
    core::HudState h;
    h.phase = phase;
    h.left_kg = h.right_kg = kg / 2;
    h.body_weight_kg = 70.0;
    h.stance = kg > 8 ? core::Stance::both : core::Stance::off;
    return h;
}

TEST(PlayCoach, AHillClimbStartedStandingOnTheBoardAsksToStepOff) {
    PlayCoach coach;
    const auto line = coach.update(core::LevelType::hill_climb, standing(70.0), true, 0.0);
    ASSERT_TRUE(line);
    EXPECT_EQ(line->prompt, CoachPrompt::step_off_to_begin);
    EXPECT_EQ(line->text, "Step off the board to begin: each step-up starts from the floor (A and D take your feet off)");
    EXPECT_FALSE(coach.update(core::LevelType::hill_climb, standing(0.0), true, 0.1)) << "off the board: ready";
    core::HudState after_a_rep = standing(70.0, core::Phase::active);
    after_a_rep.reps_done_total = 1;
    EXPECT_FALSE(coach.update(core::LevelType::hill_climb, after_a_rep, true, 2.0)) << "standing at the top of a rep is fine";
}

// The first step-up from the floor: at its top the player stands on the board with
// both feet and no rep counted yet (it counts once the step-up ends). That is the
// move going right, not a player who should step off (the line showed there).
TEST(PlayCoach, TheFirstStepUpFromTheFloorIsNotToldToStepOff) {
    PlayCoach coach;
    EXPECT_FALSE(coach.update(core::LevelType::hill_climb, standing(0.0), true, 0.0)) << "off the board: ready";
    EXPECT_FALSE(coach.update(core::LevelType::hill_climb, standing(70.0, core::Phase::active), true, 5.0))
        << "at the top of the first step-up";
    EXPECT_FALSE(coach.update(core::LevelType::hill_climb, standing(70.0, core::Phase::active), true, 5.8));
    // Still standing there after a step-up's top would be over: stepped on, not up.
    EXPECT_FALSE(coach.update(core::LevelType::hill_climb, standing(70.0, core::Phase::active), true, 8.9));
    const auto line = coach.update(core::LevelType::hill_climb, standing(70.0, core::Phase::active), true, 9.0);
    ASSERT_TRUE(line);
    EXPECT_EQ(line->prompt, CoachPrompt::step_off_to_begin);
}

// No weigh-in, and every top so quick that nobody was weighed: each visit is taken back
// as stepping on. The line says what gets the player weighed, until a rep counts.
TEST(PlayCoach, ATopTooQuickToWeighThePlayerAsksToHoldIt) {
    PlayCoach coach;
    core::HudState h = standing(0.0, core::Phase::active);
    h.body_weight_kg = 0.0;
    EXPECT_FALSE(coach.update(core::LevelType::hill_climb, h, true, 5.0));
    h.popup = core::JudgementPopup{};
    h.popup->taken_back = true;
    const auto line = coach.update(core::LevelType::hill_climb, h, true, 5.1);
    ASSERT_TRUE(line);
    EXPECT_EQ(line->prompt, CoachPrompt::hold_the_top);
    EXPECT_EQ(line->text, "Hold the top for a beat, so the board can weigh you (wait before lifting a foot)");
    h.popup.reset();
    EXPECT_TRUE(coach.update(core::LevelType::hill_climb, h, true, 6.5)) << "until the player is weighed";
    h.body_weight_kg = 70.0;
    EXPECT_FALSE(coach.update(core::LevelType::hill_climb, h, true, 6.6)) << "weighed";
}

TEST(PlayCoach, ALevelOnTheBoardAsksToStepOnAfterTwoSecondsOff) {
    PlayCoach coach;
    EXPECT_FALSE(coach.update(core::LevelType::sprint_start, standing(0.0), false, 10.0));
    EXPECT_FALSE(coach.update(core::LevelType::sprint_start, standing(0.0), false, 11.9));
    const auto line = coach.update(core::LevelType::sprint_start, standing(0.0), false, 12.0);
    ASSERT_TRUE(line);
    EXPECT_EQ(line->prompt, CoachPrompt::step_on);
    EXPECT_EQ(line->text, "Step onto the board with both feet");
    EXPECT_FALSE(coach.update(core::LevelType::sprint_start, standing(70.0), false, 12.1));
}

TEST(PlayCoach, AMinuteOfASetWithoutARepNudgesWithTheNextMove) {
    PlayCoach coach;
    core::HudState h = standing(70.0, core::Phase::active);
    h.lead = core::Side::left;
    EXPECT_FALSE(coach.update(core::LevelType::sprint_start, h, true, 100.0));
    EXPECT_FALSE(coach.update(core::LevelType::sprint_start, h, true, 159.0));
    const auto line = coach.update(core::LevelType::sprint_start, h, true, 160.0);
    ASSERT_TRUE(line);
    EXPECT_EQ(line->prompt, CoachPrompt::nudge);
    EXPECT_EQ(line->text, "Still there? Next: stand on your LEFT foot, drive the other knee up (hold E)  ·  Esc pauses");
    h.reps_done_total = 1;
    EXPECT_FALSE(coach.update(core::LevelType::sprint_start, h, true, 161.0)) << "a rep ends the nudge";
    // Rest does not count as doing nothing.
    h.phase = core::Phase::rest;
    EXPECT_FALSE(coach.update(core::LevelType::sprint_start, h, true, 300.0));
    h.phase = core::Phase::active;
    EXPECT_FALSE(coach.update(core::LevelType::sprint_start, h, true, 301.0));
}

}  // namespace
}  // namespace highstep::app
