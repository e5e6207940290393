// The script text format: what parses, and that every mistake names its line.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "highstep/synth/generator.h"
#include "highstep/synth/script.h"
#include "synth_test_util.h"

namespace highstep::synth {
namespace {

// The error message of parsing (and generating, for ordering mistakes) `text`.
std::string error_of(const std::string& text) {
    try {
        std::istringstream in(text);
        const Script script = parse_script(in, "my.script");
        generate(script, SynthSettings{});
    } catch (const ScriptError& e) {
        return e.what();
    }
    return "no error";
}

TEST(SynthScript, ParsesActionsAndSettings) {
    const Script s = test::script_from(
        "# a session\n"
        "empty 2.5\n"
        "step-on right share=0.6   # first foot right\n"
        "\n"
        "lean -30 20 4\n"
        "knee-drive left 2 peak=1.25\n"
        "one-leg right hold=3\n"
        "step-off\n"
        "step-up-drop right lowering=0.2\n");
    ASSERT_EQ(s.actions.size(), 7u);
    EXPECT_EQ(s.actions[0].kind, ActionKind::empty);
    EXPECT_DOUBLE_EQ(*s.actions[0].seconds, 2.5);
    EXPECT_EQ(s.actions[1].side, Side::right);
    EXPECT_DOUBLE_EQ(*s.actions[1].right_share, 0.6);
    EXPECT_EQ(s.actions[1].line, 3);
    EXPECT_DOUBLE_EQ(s.actions[2].x_mm, -30.0);
    EXPECT_DOUBLE_EQ(s.actions[2].y_mm, 20.0);
    EXPECT_EQ(s.actions[3].kind, ActionKind::knee_drive);
    EXPECT_DOUBLE_EQ(*s.actions[3].peak_bw, 1.25);
    EXPECT_DOUBLE_EQ(*s.actions[4].seconds, 3.0);
    EXPECT_EQ(s.actions[6].kind, ActionKind::step_up_drop);
    EXPECT_DOUBLE_EQ(*s.actions[6].lowering_s, 0.2);
}

TEST(SynthScript, GivenValuesReachTheTruth) {
    const SynthSession session = generate(
        test::script_from("empty 1\nstep-on\nstand 2\nknee-drive left 2.5 peak=1.25\nstand 2\nstep-off\n"
                          "empty 1\nstep-up right lowering=1.8 peak=1.15\nempty 1\n"),
        test::quiet_settings());
    ASSERT_EQ(session.truth.size(), 4u);
    const TruthEvent& drive = session.truth[1];
    EXPECT_EQ(drive.type, TruthType::knee_drive);
    EXPECT_NEAR(drive.peak_bw, 1.25, 1e-3);
    EXPECT_NEAR(drive.hold_s, 2.5, 0.5);
    EXPECT_EQ(drive.script_line, 4);
    const TruthEvent& up = session.truth[3];
    EXPECT_EQ(up.type, TruthType::step_up);
    EXPECT_EQ(up.side, Side::right);
    EXPECT_NEAR(up.peak_bw, 1.15, 1e-3);
    EXPECT_NEAR(up.lowering_s, 1.8, 1e-9);
    EXPECT_FALSE(up.drop);
}

TEST(SynthScript, MistakesNameTheLine) {
    EXPECT_EQ(error_of("empty 1\nstep-upp left\n"),
              "my.script:2: unknown action 'step-upp' (expected empty, step-on, stand, lean, one-leg, "
              "knee-drive, step-off, step-up, step-up-drop or step-up-knee)");
    EXPECT_EQ(error_of("empty x\n"), "my.script:1: 'x' is not a number (seconds)");
    EXPECT_EQ(error_of("empty 1\nstep-up\n"), "my.script:2: step-up takes left|right ");
    EXPECT_EQ(error_of("empty 1\nstep-up middle\n"), "my.script:2: expected left or right, got 'middle'");
    EXPECT_EQ(error_of("step-on\nknee-drive left peak=3\n"), "my.script:2: peak must be in 1.0..2.0 × body weight, got 3");
    EXPECT_EQ(error_of("step-on\nstand -1\n"), "my.script:2: seconds must be in 0..3600, got -1");
    EXPECT_EQ(error_of("step-on\nstand 2 colour=red\n"),
              "my.script:2: unknown setting 'colour' (expected peak, lowering, hold or share)");
    EXPECT_EQ(error_of("empty 1\nlean 500 0 2\n"), "my.script:2: lean target is off the board (|x| <= 200 mm, |y| <= 110 mm)");
    EXPECT_EQ(error_of("# nothing\n\n"), "my.script:2: no actions in the script");
    EXPECT_EQ(error_of(std::string("empty 1\nstand \x01\x02\n")), "my.script:2: binary data (not a script?)");
    // Ordering is checked when the script is played.
    EXPECT_EQ(error_of("empty 2\n\nstand 3\n"), "my.script:3: stand needs the player on the board (add step-on first)");
    EXPECT_EQ(error_of("step-on\nstep-up left\n"), "my.script:2: step-up needs an empty board (add step-off first)");
}

TEST(SynthScript, LoadsFromAFileAndReportsAMissingOne) {
    const auto dir = std::filesystem::temp_directory_path() / "highstep_synth_script_test";
    std::filesystem::create_directories(dir);
    const auto path = dir / "s.txt";
    {
        std::ofstream out(path);
        out << "empty 1\nstep-on\nstand 2\nstep-of\n";
    }
    try {
        load_script(path);
        ADD_FAILURE() << "expected an error";
    } catch (const ScriptError& e) {
        EXPECT_EQ(std::string(e.what()).rfind(path.string() + ":4: unknown action 'step-of'", 0), 0u) << e.what();
        EXPECT_EQ(e.line(), 4);
    }
    EXPECT_THROW(load_script(dir / "missing.txt"), ScriptError);
    std::filesystem::remove_all(dir);
}

TEST(SynthScript, BuiltInScriptsAreListed) {
    for (const std::string& name : named_script_names()) {
        const Script s = named_script(name, 2);
        EXPECT_EQ(s.name, name);
        EXPECT_FALSE(s.actions.empty());
        EXPECT_NO_THROW(generate(s, SynthSettings{})) << name;
    }
}

}  // namespace
}  // namespace highstep::synth
