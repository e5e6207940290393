#pragma once
// Movement primitives: how the loads under the feet change during each part of
// the exercises, written as keyframes appended to a PoseTrack. The script
// generator and the simulated board both build movement from these, so a rep
// looks the same whether it came from a script or from the keyboard.
//
// Shapes follow ../shared/DESIGN.md ("what the board sees") and the training
// literature: a step-up goes 0 → lead foot partial (CoP under that foot) →
// push-off peak 1.1–1.3 × BW → full → slow controlled lowering through partial → 0;
// a knee drive shifts the CoP to the stance foot within 0.2–0.4 s with a force dip,
// then a drive peak above body weight, then single-leg stance with larger sway.
#include "highstep/synth/pose.h"
#include "highstep/synth/truth.h"

namespace highstep::synth {

// Sway factors for the kinds of stance (quiet two-foot stance is 1).
inline constexpr double kSwayTwoFeet = 1.0;
inline constexpr double kSwayOneLeg = 2.5;      // single-leg stance sways ~2–3× more
inline constexpr double kSwayStepping = 1.8;    // partial load while stepping

// Pose of standing on both feet with `right_share` of the weight on the right foot.
Pose two_feet(double right_share = 0.5, double total_bw = 1.0);
// Pose of standing on one foot with `load_bw` on it.
Pose one_foot(Side foot, double load_bw, double sway = kSwayOneLeg);

// Each primitive starts from the track's last pose at its last keyframe time and
// returns the times a detector's truth needs.

struct PushOffShape {
    double rise_to_peak_s = 0.28;  // from the start of the push to the peak
    double peak_bw = 1.2;          // 1.1–1.3 × BW
    double settle_s = 0.25;        // peak → settled on the board
};
struct PushOffTimes {
    double start_s, peak_s, settled_s;
};
// From the lead foot partly loaded on the board (other foot on the floor) to full
// weight: on two feet (`trail_lands`) or on the lead leg alone with the other
// knee driven up.
PushOffTimes append_push_off(PoseTrack& track, Side lead, bool trail_lands, const PushOffShape& shape);

struct KneeDriveShape {
    double shift_s = 0.3;     // weight moves to the stance foot (0.2–0.4 s)
    double dip_bw = 0.9;      // unweighting as the other foot leaves
    double to_peak_s = 0.2;   // dip → drive peak
    double peak_bw = 1.2;     // drive peak, 1.1–1.3 × BW
    double settle_s = 0.25;   // peak → body weight on one leg
};
struct KneeDriveTimes {
    double start_s, lift_off_s, peak_s, settled_s;
};
// From two feet to one leg (`stance`) with the other knee driven up.
KneeDriveTimes append_knee_drive(PoseTrack& track, Side stance, const KneeDriveShape& shape);

// From two feet to one leg without a drive: a slow weight shift, load stays at BW.
// Returns the time the other foot left the board.
double append_shift_to_one_leg(PoseTrack& track, Side stance, double shift_s);

// The lifted foot comes back down onto the board: two feet again.
// Returns the touch-down time (the lifted foot's load begins to rise).
double append_foot_down(PoseTrack& track, double right_share, double duration_s = 0.3);

struct LoweringTimes {
    double start_s, partial_s, end_s;
};
// From full weight (two feet or one leg) down through partial on `stays` foot to
// an empty board: the other foot steps back to the floor first. `lowering_s` is
// the whole descent, from leaving full weight to the last foot off; short values
// (< 0.4 s) are a drop. With `to_empty` false the movement stops at partial load
// (the simulated board waits for the player to lift the last foot).
LoweringTimes append_lowering(PoseTrack& track, Side stays, double lowering_s, double partial_bw = 0.25,
                              bool to_empty = true);

// Empty board → first foot partial → both feet (stepping on to stand), and back.
// Returns the time the first foot touched down / the board became empty.
double append_step_on(PoseTrack& track, Side first_foot, double right_share, double duration_s = 0.8);
double append_step_off(PoseTrack& track, Side last_foot, double duration_s = 0.6);

// Lead foot placed on the board from the floor (partial load). Returns contact time.
double append_foot_contact(PoseTrack& track, Side lead, double partial_bw, double duration_s = 0.12);

}  // namespace highstep::synth
