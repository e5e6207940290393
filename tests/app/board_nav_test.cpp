// Menus driven by the board: lean to move, step or press the button to confirm.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "highstep/app/board_nav.h"
#include "highstep/core/recognise/recognizer.h"
#include "highstep/input/recording.h"

using highstep::app::Action;
using highstep::app::BoardNav;
using highstep::core::SignalFrame;
using highstep::core::Stance;

namespace {

SignalFrame standing(double t, double x_mm, double y_mm = 0.0, Stance stance = Stance::both) {
    SignalFrame f;
    f.t_s = t;
    f.total_kg = 70.0;
    f.cop_valid = stance != Stance::off;
    f.cop_x_mm = x_mm;
    f.cop_y_mm = y_mm;
    f.stance = stance;
    return f;
}

// Feeds frames at 100 Hz from t0 for `seconds`, each made by `make(t)`.
template <typename Make>
std::vector<Action> feed(BoardNav& nav, double t0, double seconds, Make make) {
    std::vector<Action> out;
    for (int i = 0; i < static_cast<int>(seconds * 100); ++i) nav.push(make(t0 + i * 0.01), out);
    return out;
}

long count(const std::vector<Action>& v, Action a) { return std::count(v.begin(), v.end(), a); }

}  // namespace

TEST(BoardNav, QuietStanceGivesNothing) {
    BoardNav nav;
    auto out = feed(nav, 0.0, 5.0, [](double t) { return standing(t, 8.0 * std::sin(t * 3), 5.0 * std::cos(t * 2)); });
    EXPECT_TRUE(out.empty());
}

TEST(BoardNav, AHeldLeanMovesOnceThenRepeatsAndReArmsAtTheCentre) {
    BoardNav nav;
    feed(nav, 0.0, 1.0, [](double t) { return standing(t, 0.0); });  // centred first
    auto out = feed(nav, 1.0, 0.2, [](double t) { return standing(t, -90.0); });
    EXPECT_TRUE(out.empty()) << "a lean shorter than lean_hold_s is sway, not a choice";
    out = feed(nav, 1.2, 0.2, [](double t) { return standing(t, -90.0); });
    EXPECT_EQ(count(out, Action::left), 1);
    out = feed(nav, 1.4, 1.5, [](double t) { return standing(t, -90.0); });
    EXPECT_EQ(count(out, Action::left), 2) << "held 1.5 s more at repeat_s 0.7";
    feed(nav, 2.9, 0.3, [](double t) { return standing(t, 0.0); });
    out = feed(nav, 3.2, 0.4, [](double t) { return standing(t, 0.0, 60.0); });
    EXPECT_EQ(out, std::vector<Action>{Action::up});
}

TEST(BoardNav, LiftingAFootAndPuttingItDownIsAConfirmButAOneLegHoldIsNot) {
    BoardNav nav;
    feed(nav, 0.0, 1.0, [](double t) { return standing(t, 0.0); });
    auto out = feed(nav, 1.0, 0.5, [](double t) { return standing(t, -100.0, 0.0, Stance::left); });
    out = feed(nav, 1.5, 0.5, [](double t) { return standing(t, 0.0); });
    EXPECT_EQ(count(out, Action::confirm), 1);
    feed(nav, 2.0, 3.0, [](double t) { return standing(t, 100.0, 0.0, Stance::right); });
    out = feed(nav, 5.0, 0.5, [](double t) { return standing(t, 0.0); });
    EXPECT_EQ(count(out, Action::confirm), 0);
}

TEST(BoardNav, StepOntoAnEmptyBoardOrPressTheButtonToConfirm) {
    BoardNav nav;
    feed(nav, 0.0, 1.5, [](double t) { return standing(t, 0.0, 0.0, Stance::off); });
    feed(nav, 1.5, 0.3, [](double t) { return standing(t, -60.0, 0.0, Stance::partial); });
    auto out = feed(nav, 1.8, 0.5, [](double t) { return standing(t, 0.0); });
    EXPECT_EQ(count(out, Action::confirm), 1);
    out = feed(nav, 2.3, 0.5, [](double t) {
        SignalFrame f = standing(t, 0.0);
        f.button = t > 2.5 && t < 2.7;
        return f;
    });
    EXPECT_EQ(count(out, Action::confirm), 1) << "one press, one confirm";
}

// A real Wii Balance Board recording of a person leaning as far left as they can
// and back, through the real signal processing: the menu moves left, never right.
TEST(BoardNav, RealLeftLeansMoveTheSelectionLeft) {
    const std::filesystem::path file = std::filesystem::path(HIGHSTEP_REAL_DATA_DIR) / "dk_wii_without_feedback_left.csv";
    if (!std::filesystem::exists(file)) GTEST_SKIP() << "real recordings not found in " << HIGHSTEP_REAL_DATA_DIR;
    const highstep::Recording rec = highstep::read_recording(file);
    highstep::core::Recognizer recognizer;
    BoardNav nav;
    std::vector<highstep::core::Event> events;
    std::vector<Action> out;
    for (const auto& s : rec.samples) {
        recognizer.push(s, events);
        nav.push(recognizer.frame(), out);
    }
    EXPECT_GE(count(out, Action::left), 1);
    EXPECT_EQ(count(out, Action::right), 0);
}

TEST(BoardNav, ANarrowStanceLeansLessFarToMove) {
    // Feet 80 mm either side of the centre: a 50 mm lean is still two feet (the signal
    // calls one leg from 0.62 of the way, ~50 mm) and must move; with a 150 mm half
    // stance the same lean is sway.
    auto narrow = [](double t, double x) {
        SignalFrame f = standing(t, x);
        f.half_stance_mm = 80.0;
        return f;
    };
    BoardNav nav;
    feed(nav, 0.0, 1.0, [&](double t) { return narrow(t, 0.0); });
    auto out = feed(nav, 1.0, 0.5, [&](double t) { return narrow(t, 45.0); });
    EXPECT_EQ(count(out, Action::right), 1);
    BoardNav wide;
    auto wide_frame = [](double t, double x) {
        SignalFrame f = standing(t, x);
        f.half_stance_mm = 150.0;
        return f;
    };
    feed(wide, 0.0, 1.0, [&](double t) { return wide_frame(t, 0.0); });
    out = feed(wide, 1.0, 0.5, [&](double t) { return wide_frame(t, 45.0); });
    EXPECT_TRUE(out.empty());
}
