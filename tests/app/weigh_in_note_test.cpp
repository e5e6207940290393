// The board check's line under the steps, in-process with the simulated board: an
// instruction ("Stand still a moment") is drawn in the instruction colour, a problem
// (a load on the board that should be empty) in red. The instruction was red, which
// read as an error to a player doing just what was asked.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "app_harness.h"
#include "palette.h"
#include "scenes/scenes.h"

namespace highstep::app {
namespace {

using testing::AppHarness;

std::string hex(Color c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02x%02x%02x", c.r, c.g, c.b);
    return buf;
}

TEST(WeighInNote, StandStillIsAnInstructionNotAnError) {
    AppHarness app;
    app.open(make_weigh_in_scene(app.ctx()));
    ASSERT_EQ(app.top(), "weigh_in");
    // The empty board zeroes itself (step 1 of 4).
    ASSERT_TRUE(app.run_until([&] { return app.probe("stage") == "1"; }, 5.0));
    EXPECT_EQ(app.probe("note"), "");

    // Both feet on: after half a second and before the board has read a steady second,
    // the line asks the player to stand still.
    synth::SimControls on;
    on.left_foot_on = on.right_foot_on = true;
    app.sim()->set_controls(on);
    ASSERT_TRUE(app.run_until([&] { return app.probe("note") == "Stand still a moment"; }, 3.0));
    EXPECT_EQ(app.probe("note_color"), hex(palette::action));
    EXPECT_NE(app.probe("note_color"), hex(palette::warning)) << "an instruction drawn as an error";
    // Standing still weighs the player and the line goes.
    ASSERT_TRUE(app.run_until([&] { return app.probe("stage") == "2"; }, 5.0));
    EXPECT_EQ(app.probe("note"), "");
}

TEST(WeighInNote, ALoadOnTheBoardToBeZeroedStaysRed) {
    AppHarness app;
    synth::SimControls on;
    on.left_foot_on = on.right_foot_on = true;
    app.sim()->set_controls(on);
    app.open(make_weigh_in_scene(app.ctx()));
    ASSERT_TRUE(app.run_until([&] { return !app.probe("note").empty(); }, 3.0));
    EXPECT_EQ(app.probe("stage"), "0");
    EXPECT_EQ(app.probe("note"), "Someone or something is on the board");
    EXPECT_EQ(app.probe("note_color"), hex(palette::warning));
}

}  // namespace
}  // namespace highstep::app
