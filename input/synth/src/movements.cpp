#include "highstep/synth/movements.h"

#include <algorithm>

namespace highstep::synth {
namespace {

constexpr Pose kEmpty{0.0, 0.0, 0.0, 0.0, kSwayTwoFeet};

// The lead foot carries a little more weight than the trail foot just after a
// step-up (the body's mass is still over it).
constexpr double kLeadShareAfterStepUp = 0.55;

double right_share_for(Side heavier, double share) {
    return heavier == Side::right ? share : 1.0 - share;
}

}  // namespace

Pose two_feet(double right_share, double total_bw) {
    return Pose{(1.0 - right_share) * total_bw, right_share * total_bw, 0.0, 0.0, kSwayTwoFeet};
}

Pose one_foot(Side foot, double load_bw, double sway) {
    Pose p;
    (foot == Side::left ? p.left_bw : p.right_bw) = load_bw;
    p.sway = sway;
    return p;
}

PushOffTimes append_push_off(PoseTrack& track, Side lead, bool trail_lands, const PushOffShape& shape) {
    const double t0 = track.end_s();
    PushOffTimes times{t0, t0 + shape.rise_to_peak_s, t0 + shape.rise_to_peak_s + shape.settle_s};
    // The lead leg drives the body up: everything, and more, goes through that foot.
    track.add(times.peak_s, one_foot(lead, shape.peak_bw, kSwayStepping));
    track.add(times.settled_s, trail_lands ? two_feet(right_share_for(lead, kLeadShareAfterStepUp))
                                           : one_foot(lead, 1.0, kSwayOneLeg));
    return times;
}

KneeDriveTimes append_knee_drive(PoseTrack& track, Side stance, const KneeDriveShape& shape) {
    const double t0 = track.end_s();
    KneeDriveTimes times{};
    times.start_s = t0;
    times.lift_off_s = t0 + shape.shift_s;
    times.peak_s = times.lift_off_s + shape.to_peak_s;
    times.settled_s = times.peak_s + shape.settle_s;
    // Weight moves onto the stance foot while the other unloads and leaves; the
    // total dips as the body unweights, then the stance leg drives into the board.
    track.add(times.lift_off_s, one_foot(stance, shape.dip_bw, kSwayStepping));
    track.add(times.peak_s, one_foot(stance, shape.peak_bw, kSwayOneLeg));
    track.add(times.settled_s, one_foot(stance, 1.0, kSwayOneLeg));
    return times;
}

double append_shift_to_one_leg(PoseTrack& track, Side stance, double shift_s) {
    const double lift_off_s = track.end_s() + shift_s;
    track.add(lift_off_s, one_foot(stance, 1.0, kSwayOneLeg));
    return lift_off_s;
}

double append_foot_down(PoseTrack& track, double right_share, double duration_s) {
    const double t0 = track.end_s();
    // A small landing bump as the foot takes weight again.
    track.add(t0 + duration_s * 0.7, two_feet(right_share, 1.03));
    track.add(t0 + duration_s, two_feet(right_share, 1.0));
    return t0;
}

LoweringTimes append_lowering(PoseTrack& track, Side stays, double lowering_s, double partial_bw,
                              bool to_empty) {
    const double t0 = track.end_s();
    // The other foot steps back to the floor first (weight moves onto `stays`),
    // then the body lowers on that leg, handing weight to the floor, then the
    // last foot lifts off.
    const double shift_s = std::min(0.3, lowering_s * 0.25);
    const double lift_s = std::min(0.15, lowering_s * 0.25);
    LoweringTimes times{t0, t0 + lowering_s - lift_s, t0 + lowering_s};
    track.add(t0 + shift_s, one_foot(stays, 0.92, kSwayStepping));
    track.add(times.partial_s, one_foot(stays, partial_bw, kSwayStepping));
    if (to_empty) track.add(times.end_s, kEmpty);
    return times;
}

double append_step_on(PoseTrack& track, Side first_foot, double right_share, double duration_s) {
    const double t0 = track.end_s();
    track.add(t0 + duration_s * 0.35, one_foot(first_foot, 0.4, kSwayStepping));
    // Stepping onto a 5 cm board lifts the body a little: a small bump, far below
    // a step-up's push-off peak.
    track.add(t0 + duration_s * 0.75, two_feet(right_share, 1.04));
    track.add(t0 + duration_s, two_feet(right_share, 1.0));
    return t0;
}

double append_step_off(PoseTrack& track, Side last_foot, double duration_s) {
    const double t0 = track.end_s();
    track.add(t0 + duration_s * 0.45, one_foot(last_foot, 0.45, kSwayStepping));
    track.add(t0 + duration_s, kEmpty);
    return t0 + duration_s;
}

double append_foot_contact(PoseTrack& track, Side lead, double partial_bw, double duration_s) {
    const double t0 = track.end_s();
    track.add(t0 + duration_s, one_foot(lead, partial_bw, kSwayStepping));
    return t0;
}

}  // namespace highstep::synth
