// The results screen measures the weaker leg against the stronger one the player
// named in their settings (a limb symmetry index of steadiness).
#include <gtest/gtest.h>

#include <cstdlib>

#include "app_harness.h"
#include "highstep/core/level/level_file.h"
#include "scenes/leg_balance.h"
#include "scenes/scenes.h"

namespace highstep::app {
namespace {

using testing::AppHarness;

core::Symmetry symmetry(int left_reps, double left_stability, int right_reps, double right_stability) {
    core::Symmetry s;
    s.left.reps = left_reps;
    s.left.mean_stability = left_stability;
    s.left.stability_reps = left_reps;
    s.right.reps = right_reps;
    s.right.mean_stability = right_stability;
    s.right.stability_reps = right_reps;
    return s;
}

TEST(LegBalance, TheWeakerLegIsTheOneNotNamedStronger) {
    const auto right_stronger = leg_balance(symmetry(6, 72.0, 6, 80.0), store::Leg::right);
    ASSERT_TRUE(right_stronger);
    EXPECT_EQ(right_stronger->weaker, store::Leg::left);
    EXPECT_DOUBLE_EQ(right_stronger->percent, 90.0);
    // Named the other way, the same session reads the other way (the "weaker" leg was steadier).
    const auto left_stronger = leg_balance(symmetry(6, 72.0, 6, 80.0), store::Leg::left);
    ASSERT_TRUE(left_stronger);
    EXPECT_EQ(left_stronger->weaker, store::Leg::right);
    EXPECT_NEAR(left_stronger->percent, 111.11, 0.01);
}

TEST(LegBalance, NothingToCompareGivesNoFigure) {
    EXPECT_FALSE(leg_balance(symmetry(6, 70.0, 0, 0.0), store::Leg::right)) << "one leg did no reps";
    EXPECT_FALSE(leg_balance(symmetry(6, 70.0, 6, 0.0), store::Leg::right)) << "the stronger leg has no steadiness";
    EXPECT_TRUE(leg_balance(symmetry(6, 0.0, 6, 50.0), store::Leg::right)) << "a weaker leg at 0 is a figure: 0 %";
    // Steps up too quick to measure a steadiness on one leg: no figure, not "0 %" (the
    // results said "weaker leg 0 %" after quick key presses on the simulated board).
    core::Symmetry unmeasured = symmetry(6, 0.0, 6, 50.0);
    unmeasured.left.stability_reps = 0;
    EXPECT_FALSE(leg_balance(unmeasured, store::Leg::right));
}

core::SessionResult session_with(const core::Symmetry& s) {
    core::SessionResult r;
    r.reps = s.left.reps + s.right.reps;
    r.reps_target = 12;
    r.symmetry = s;
    return r;
}

TEST(LegBalance, TheResultsScreenUsesThePlayersStrongerLeg) {
    AppHarness h;
    const core::Level level = core::load_level_file(std::filesystem::path(HIGHSTEP_SOURCE_DIR) / "levels/hill-1.json");
    const core::SessionResult result = session_with(symmetry(6, 60.0, 6, 75.0));

    h.open(make_results_scene(h.ctx(), level, result, std::nullopt));
    EXPECT_EQ(h.probe("weaker_leg"), "") << "a guest has no stronger leg on record";

    PlayerProfile ada;
    ada.player.name = "Ada";
    ada.player.dominant_leg = store::Leg::left;
    h.ctx().player = ada;
    h.open(make_results_scene(h.ctx(), level, result, std::nullopt));
    EXPECT_EQ(h.probe("weaker_leg"), "right");
    EXPECT_NEAR(std::atof(h.probe("weaker_leg_pct").c_str()), 125.0, 1e-6);

    h.ctx().player->player.dominant_leg = store::Leg::right;
    h.open(make_results_scene(h.ctx(), level, result, std::nullopt));
    EXPECT_EQ(h.probe("weaker_leg"), "left");
    EXPECT_NEAR(std::atof(h.probe("weaker_leg_pct").c_str()), 80.0, 1e-6);
}

TEST(LegBalance, TheResultsSayNotMeasuredWhenNoRepWasStillLongEnough) {
    // Quick step-ups (tops under 0.3 s): the live meter showed "–" all along, and the
    // results said "Steadiness 3 / 100". Now they say what the meter said.
    AppHarness h;
    const core::Level level = core::load_level_file(std::filesystem::path(HIGHSTEP_SOURCE_DIR) / "levels/hill-1.json");
    core::SessionResult result = session_with(symmetry(6, 0.0, 6, 0.0));
    h.open(make_results_scene(h.ctx(), level, result, std::nullopt));
    EXPECT_EQ(h.probe("steadiness"), "not measured");
    EXPECT_EQ(h.probe("rhythm"), "–") << "no set had three reps";
    result.interval_spread_measured = true;
    result.interval_spread_ms = 84.4;
    h.open(make_results_scene(h.ctx(), level, result, std::nullopt));
    EXPECT_EQ(h.probe("rhythm"), "± 84 ms");
    result.stability.samples = 240;
    result.stability.duration_s = 2.4;
    result.stability_score = 71.6;
    h.open(make_results_scene(h.ctx(), level, result, std::nullopt));
    EXPECT_EQ(h.probe("steadiness"), "72 / 100");
    // Each leg likewise (the left/right panel said "steadiness 76 0" after a long top
    // on the left and a quick one on the right).
    result.symmetry.left.mean_stability = 76.0;
    result.symmetry.right.stability_reps = 0;
    h.open(make_results_scene(h.ctx(), level, result, std::nullopt));
    EXPECT_EQ(h.probe("leg_steadiness"), "76 / –");
}

}  // namespace
}  // namespace highstep::app
