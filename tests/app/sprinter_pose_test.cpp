// The Sprint Start sprinter while a knee drive is held: drawn into memory with
// the software renderer from a plain WorldView, the near knee is up at hip
// height in front of the body (and rises as the charge builds), the stance foot
// stays on the track, and the ghost rival never takes the pose.
#include <gtest/gtest.h>

#include "offscreen.h"
#include "palette.h"
#include "world_draw.h"

namespace highstep::app {
namespace {

using testing::Offscreen;

// 4 m of track across 1280 px (320 px a metre), the camera 1 m above the track:
// the figure's feet are at (640, 637), it is 288 px tall, its hip near y 493.
core::WorldView track_with(core::BodyRole role, double charge) {
    core::WorldView v;
    v.camera.center_x_m = 0.0;
    v.camera.center_y_m = 1.0;
    v.camera.view_width_m = 4.0;
    core::BodyView ground;
    ground.role = core::BodyRole::ground;
    ground.x_m = 0.0;
    ground.y_m = -0.5;
    ground.half_w_m = 20.0;
    ground.half_h_m = 0.5;
    core::BodyView runner;
    runner.role = role;
    runner.x_m = 0.0;  // stride phase 0: the running legs are straight under the hip
    runner.y_m = 0.45;
    runner.half_w_m = 0.2;
    runner.half_h_m = 0.45;
    v.bodies = {ground, runner};
    v.charge = charge;
    return v;
}

int count(const Offscreen& s, Color c, int x0, int y0, int x1, int y1) {
    const std::uint32_t want = (std::uint32_t{c.r} << 16) | (std::uint32_t{c.g} << 8) | c.b;
    int n = 0;
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) n += s.pixel(x, y) == want;
    return n;
}

// The near leg's pixels (drawn in the limb colour) in a box.
int near_leg(core::BodyRole role, double charge, int x0, int y0, int x1, int y1) {
    Offscreen s(1280, 720);
    const core::WorldView v = track_with(role, charge);
    draw_world(s.gfx(), v, v, 0.0, core::LevelType::sprint_start, 0.0);
    s.present();
    return count(s, palette::text_dark, x0, y0, x1, y1);
}

TEST(SprinterPose, AHeldKneeDriveLiftsTheNearKneeToHipHeightInFront) {
    // In front of the hip at hip height: the driven thigh, not there when running.
    EXPECT_GT(near_leg(core::BodyRole::sprinter, 0.8, 680, 470, 730, 515), 300);
    EXPECT_EQ(near_leg(core::BodyRole::sprinter, 0.0, 680, 470, 730, 515), 0);
    // Running, the near leg goes straight down to the track instead.
    EXPECT_GT(near_leg(core::BodyRole::sprinter, 0.0, 625, 600, 665, 637), 200);
}

// Topmost row with a limb pixel in front of the hip (x 690-760): the driven knee.
int knee_top_y(double charge) {
    Offscreen s(1280, 720);
    const core::WorldView v = track_with(core::BodyRole::sprinter, charge);
    draw_world(s.gfx(), v, v, 0.0, core::LevelType::sprint_start, 0.0);
    s.present();
    for (int y = 400; y < 600; ++y) {
        if (count(s, palette::text_dark, 690, y, 760, y + 1) > 0) return y;
    }
    return 600;
}

TEST(SprinterPose, TheKneeRisesAsTheChargeBuilds) {
    // From a little below the hip to just above it: about 17 px higher at full charge
    // on this 288 px figure, although the stance leg bends more.
    const int early = knee_top_y(0.05), full = knee_top_y(1.0);
    EXPECT_LT(early, 600) << "the knee is in front of the hip from the start of the drive";
    EXPECT_LT(full, early - 8);
}

TEST(SprinterPose, TheStanceFootStaysOnTheTrack) {
    // The lowest limb pixel under the figure is at the feet line (y 637), with the
    // stance knee bent and the hip lowered to match.
    for (double charge : {0.05, 1.0}) {
        Offscreen s(1280, 720);
        const core::WorldView v = track_with(core::BodyRole::sprinter, charge);
        draw_world(s.gfx(), v, v, 0.0, core::LevelType::sprint_start, 0.0);
        s.present();
        int lowest = 0;
        for (int y = 560; y < 680; ++y) {
            if (count(s, palette::text_dark, 600, y, 690, y + 1) > 0) lowest = y;
        }
        EXPECT_GE(lowest, 630) << "charge " << charge << ": the foot reaches the track";
        // The foot is a round limb end: its radius (half the limb width, 11 px) below the line.
        EXPECT_LE(lowest, 650) << "charge " << charge << ": and does not sink into it";
    }
}

TEST(SprinterPose, TheGhostKeepsRunning) {
    // The rival is drawn the same whatever the player's charge.
    Offscreen a(1280, 720), b(1280, 720);
    const core::WorldView still = track_with(core::BodyRole::ghost, 0.0);
    const core::WorldView charged = track_with(core::BodyRole::ghost, 0.8);
    draw_world(a.gfx(), still, still, 0.0, core::LevelType::sprint_start, 0.0);
    draw_world(b.gfx(), charged, charged, 0.0, core::LevelType::sprint_start, 0.0);
    a.present();
    b.present();
    int differing = 0;
    for (int y = 300; y < 660; ++y)
        for (int x = 500; x < 780; ++x) differing += a.pixel(x, y) != b.pixel(x, y);
    EXPECT_EQ(differing, 0);
}

}  // namespace
}  // namespace highstep::app
