// The numbers and words a new player reads: no "-0.0", no "1 days", a 1.5 s
// target is not "2 s", the better leg is never called weaker, the board check
// says where the weight is, and a foot key on the board check lifts the foot.
#include <gtest/gtest.h>

#include "format_value.h"
#include "input_map.h"
#include "scenes/finish_words.h"
#include "scenes/leg_balance.h"
#include "weight_share.h"

namespace highstep::app {
namespace {

TEST(Words, AValueThatRoundsToZeroHasNoMinus) {
    EXPECT_EQ(format_value("%.1f kg", -0.04), "0.0 kg");
    EXPECT_EQ(format_value("Tilt %+.1f°", -0.04), "Tilt +0.0°");
    EXPECT_EQ(format_value("%.0f ms", -0.4), "0 ms");
    EXPECT_EQ(format_value("%.1f kg", -0.06), "-0.1 kg") << "a real negative keeps its sign";
    EXPECT_EQ(format_value("%.1f", -10.0), "-10.0");
    EXPECT_EQ(format_value("%.0f", -0.0), "0");
}

TEST(Words, SecondsKeepTheirTenths) {
    EXPECT_EQ(format_seconds(1.5), "1.5 s");
    EXPECT_EQ(format_seconds(2.0), "2 s");
    EXPECT_EQ(format_seconds(2.04), "2 s");
    EXPECT_EQ(format_seconds(0.25), "0.3 s");
}

TEST(Words, OneDayIsSingular) {
    EXPECT_EQ(count_of(1, "day", "days"), "1 day");
    EXPECT_EQ(count_of(0, "day", "days"), "0 days");
    EXPECT_EQ(count_of(3, "day", "days"), "3 days");
}

TEST(Words, TheBetterLegIsNotCalledWeaker) {
    const LegBalanceWords below = leg_balance_words({store::Leg::left, 85.2});
    EXPECT_EQ(below.label, "weaker leg (left)");
    EXPECT_EQ(below.percent, "85 %");
    EXPECT_EQ(below.detail, "of your stronger right leg's steadiness");
    const LegBalanceWords even = leg_balance_words({store::Leg::left, 99.7});
    EXPECT_EQ(even.label, "left leg");
    EXPECT_EQ(even.detail, "as steady as your stronger right leg");
    const LegBalanceWords better = leg_balance_words({store::Leg::right, 111.1});
    EXPECT_EQ(better.label, "right leg");
    EXPECT_EQ(better.percent, "111 %");
    EXPECT_EQ(better.detail, "steadier than your stronger left leg today");
}

TEST(Words, TheBoardCheckSaysWhereTheWeightIs) {
    // Standing on the left foot (the CoP at the left foot, 100 mm left of the stance
    // centre): all the weight is on the left foot.
    const WeightShare left = weight_share(68.0, -100.0, 0.0, 100.0);
    EXPECT_DOUBLE_EQ(left.left_pct, 100.0);
    EXPECT_EQ(weight_share_text(68.0, left), "on the board: 68.0 kg  ·  left 100 %  ·  right 0 %");
    // A quarter of the way from the centre to the right foot, with a stance centre
    // 10 mm right of the board's: 37.5 / 62.5, shown rounded to add up to 100.
    const WeightShare lean = weight_share(70.0, 35.0, 10.0, 100.0);
    EXPECT_DOUBLE_EQ(lean.right_pct, 62.5);
    EXPECT_EQ(weight_share_text(70.0, lean), "on the board: 70.0 kg  ·  left 38 %  ·  right 62 %");
    // Feet not learned yet: the signal's default half stance (100 mm).
    EXPECT_DOUBLE_EQ(weight_share(70.0, 50.0, 0.0, 0.0).right_pct, 75.0);
    EXPECT_EQ(weight_share_text(-0.03, weight_share(0.4, 0.0, 0.0, 100.0)), "on the board: 0.0 kg") << "empty: no shares";
}

// The board check's load bars and the line under them tell the same thing: a player
// on the left foot loads the board's left sensor pair by about three quarters (the
// foot is 100 mm from the centre of a 433 mm board), and the bars showed those pairs
// ("49 / 19") over "left 100 % · right 0 %".
TEST(Words, TheBoardCheckBarsAndItsLineShowTheSameLoads) {
    struct Case {
        double left_pair_kg, right_pair_kg, cop_x_mm, centre_x_mm;
    };
    for (const Case c : {Case{49.0, 19.0, -100.0, 0.0}, Case{13.0, 5.0, -96.0, 0.0}, Case{30.0, 40.0, 35.0, 10.0},
                         Case{34.0, 34.0, 0.0, 0.0}}) {
        SCOPED_TRACE(c.cop_x_mm);
        core::SignalFrame f;
        f.cop_valid = true;
        f.left_kg = c.left_pair_kg;
        f.right_kg = c.right_pair_kg;
        f.total_kg = c.left_pair_kg + c.right_pair_kg;
        f.cop_x_mm = c.cop_x_mm;
        f.stance_centre_x_mm = c.centre_x_mm;
        f.half_stance_mm = 100.0;
        const BoardPicture pic = board_check_picture(f, 68.0);
        EXPECT_NEAR(pic.left_kg + pic.right_kg, f.total_kg, 1e-9) << "the bars add up to what the board reads";
        // The line's left share, read back from its words.
        const std::string line = weight_share_text(f.total_kg, weight_share(f));
        const auto at = line.find("left ");
        ASSERT_NE(at, std::string::npos) << line;
        const int line_left_pct = std::stoi(line.substr(at + 5));
        EXPECT_EQ(static_cast<int>(std::lround(100.0 * pic.left_kg / f.total_kg)), line_left_pct) << line;
        EXPECT_EQ(pic.highlight_left, 100.0 * pic.left_kg / f.total_kg >= kFootLoadedPct);
    }
}

// Found in the play-through: "Summit reached!" over "Ledge 14 / 24" (ten missed reps
// left the climber lower), and "Personal best!" on a player's very first score.
TEST(Words, TheEndOfALevelSaysWhatHappened) {
    using core::LevelType;
    EXPECT_EQ(finish_headline(LevelType::hill_climb, true, false, 24, 24), "Summit reached!");
    EXPECT_EQ(finish_headline(LevelType::hill_climb, true, false, 14, 24), "Program complete!");
    EXPECT_EQ(finish_headline(LevelType::hill_climb, false, false, 3, 24), "Session over");
    EXPECT_EQ(finish_headline(LevelType::sprint_start, true, true, 0, 0), "Run home!");
    EXPECT_EQ(finish_headline(LevelType::sprint_start, true, false, 0, 0), "Over the finish line!");
    EXPECT_EQ(finish_headline(LevelType::balance_tower, true, false, 0, 0), "Tower complete!");
    EXPECT_EQ(result_badge(true, false, false), "First score on this level!") << "nothing of theirs to beat yet";
    EXPECT_EQ(result_badge(true, false, true), "Personal best!");
    EXPECT_EQ(result_badge(true, true, false), "New level record!") << "beat the others on the first try";
    EXPECT_EQ(result_badge(false, true, true), "New level record!");
    EXPECT_EQ(result_badge(false, false, true), "");
    EXPECT_STREQ(reps_label(true), "Holds");
    EXPECT_STREQ(reps_label(false), "Reps");
}

TEST(Words, AFootTakenOffWhileStandingIsLiftedOnTheBoardCheck) {
    synth::SimControls c;
    c.left_foot_on = true;
    c.right_foot_on = false;  // D pressed: "stand on your left foot"
    const synth::SimControls lifted = lift_instead_of_step_off(c);
    EXPECT_TRUE(lifted.right_knee_up) << "the right foot is held in the air";
    EXPECT_FALSE(lifted.left_knee_up);
    synth::SimControls both;
    both.left_foot_on = both.right_foot_on = true;
    EXPECT_EQ(lift_instead_of_step_off(both), both) << "standing on both feet: nothing lifted";
    EXPECT_EQ(lift_instead_of_step_off(synth::SimControls{}), synth::SimControls{}) << "off the board: nothing lifted";
}

}  // namespace
}  // namespace highstep::app
