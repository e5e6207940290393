// BoardLink with the board turned round (a player's stored orientation): menus
// and the weigh-in see the player's left as left, and a tare taken before the
// change follows the sensors it was taken from.
#include <gtest/gtest.h>

#include <sstream>

#include "board_link.h"
#include "highstep/input/recording.h"
#include "highstep/input/replay_source.h"

namespace highstep::app {
namespace {

// Two seconds at 100 Hz with most of the weight on the board's front-left sensor.
std::unique_ptr<SampleSource> front_left_heavy() {
    std::ostringstream csv;
    csv << "t_s,tl_kg,tr_kg,bl_kg,br_kg\n";
    for (int i = 0; i < 200; ++i) csv << i * 0.01 << ",41,5,5,5\n";
    std::istringstream in(csv.str());
    auto rec = std::make_shared<const Recording>(read_recording(in, "front-left"));
    return std::make_unique<ReplaySource>(rec, ReplaySource::Pacing::as_fast_as_possible);
}

const core::SignalFrame& poll_all(BoardLink& link) {
    std::vector<Action> nav;
    link.poll(1000.0, 0.0, nav);
    return link.frame();
}

TEST(BoardLinkOrientation, TurnedRoundTheBoardsLeftIsThePlayersRight) {
    BoardLink normal(front_left_heavy(), nullptr);
    const core::SignalFrame& n = poll_all(normal);
    ASSERT_TRUE(n.cop_valid);
    EXPECT_LT(n.cop_x_mm, -50.0);
    EXPECT_GT(n.cop_y_mm, 30.0);
    EXPECT_FLOAT_EQ(normal.recent_raw_mean(10)[0], 41.0f);

    BoardLink turned(front_left_heavy(), nullptr);
    turned.set_rotated_180(true);
    const core::SignalFrame& t = poll_all(turned);
    ASSERT_TRUE(t.cop_valid);
    EXPECT_NEAR(t.cop_x_mm, -n.cop_x_mm, 1e-6) << "mirrored left-right";
    EXPECT_NEAR(t.cop_y_mm, -n.cop_y_mm, 1e-6) << "and front-back";
    // The weigh-in's tare is read in the same frame the recogniser and the session use.
    const auto mean = turned.recent_raw_mean(10);
    EXPECT_FLOAT_EQ(mean[3], 41.0f);
    EXPECT_FLOAT_EQ(mean[0], 5.0f);
}

TEST(BoardLinkOrientation, ATareFollowsItsSensorsWhenTheBoardIsTurned) {
    BoardLink link(front_left_heavy(), nullptr);
    link.set_tare(1.0f, 0.0f, 0.0f, 0.0f);  // the front-left sensor reads 1 kg empty
    link.set_rotated_180(true);
    const core::SignalFrame& f = poll_all(link);
    // The player's right now carries that sensor: 41 - 1 + 5; the left 5 + 5.
    EXPECT_NEAR(f.right_kg, 45.0, 1e-4);
    EXPECT_NEAR(f.left_kg, 10.0, 1e-4);
    link.set_rotated_180(false);
    EXPECT_FALSE(link.rotated_180());
}

}  // namespace
}  // namespace highstep::app
