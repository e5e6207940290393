#include "highstep/synth/body_model.h"

#include <algorithm>
#include <cmath>

namespace highstep::synth {
namespace {

// Sway dynamics, tuned so that Pose::sway = 1 gives the real baselines' quiet
// stance (2–3 mm RMS, mean CoP velocity 10–17 mm/s): an Ornstein–Uhlenbeck drift
// with a 1 s correlation time, smoothed by a 0.15 s low-pass so the path is as
// smooth as a body's (a raw OU path would have a velocity that grows with the rate).
constexpr double kDriftTau_s = 1.0;
constexpr double kSmoothTau_s = 0.15;
constexpr double kForceTau_s = 0.3;

// Streams of the session seed (random.h): each physical source of randomness
// draws from its own stream.
constexpr std::uint64_t kStreamSway = 1;
constexpr std::uint64_t kStreamNoise = 2;
constexpr std::uint64_t kStreamOffsets = 3;

// Exact update of a unit-variance OU process over dt, then the low-pass.
void step_ou(double& drift, double& smooth, double dt_s, double tau_s, double smooth_tau_s, Rng& rng) {
    const double a = std::exp(-dt_s / tau_s);
    drift = drift * a + std::sqrt(std::max(0.0, 1.0 - a * a)) * rng.normal();
    if (smooth_tau_s <= 0.0) {
        smooth = drift;
    } else {
        smooth += (drift - smooth) * (1.0 - std::exp(-dt_s / smooth_tau_s));
    }
}

}  // namespace

BodyModel::BodyModel(const BodySettings& settings, std::uint64_t seed)
    : settings_(settings),
      sway_rng_(Rng::stream(seed, kStreamSway)),
      noise_rng_(Rng::stream(seed, kStreamNoise)) {
    Rng offsets = Rng::stream(seed, kStreamOffsets);
    for (float& o : offsets_kg_) {
        o = static_cast<float>(offsets.uniform(0.0, settings_.sensor_offset_kg));
    }
    // Start the sway processes in their stationary state, not at zero, so the
    // first seconds sway like the rest.
    ml_.drift = ml_.smooth = sway_rng_.normal();
    ap_.drift = ap_.smooth = sway_rng_.normal();
    force_.drift = force_.smooth = sway_rng_.normal();
}

double BodyModel::foot_x_mm(bool right_foot) const {
    const double half = settings_.stance_width_mm / 2.0;
    return settings_.feet_offset_x_mm + (right_foot ? half : -half);
}

double BodyModel::foot_y_mm() const { return settings_.feet_offset_y_mm; }

void BodyModel::advance_sway(double dt_s) {
    step_ou(ml_.drift, ml_.smooth, dt_s, kDriftTau_s, kSmoothTau_s, sway_rng_);
    step_ou(ap_.drift, ap_.smooth, dt_s, kDriftTau_s, kSmoothTau_s, sway_rng_);
    step_ou(force_.drift, force_.smooth, dt_s, kForceTau_s, 0.0, sway_rng_);
}

BoardSample BodyModel::sample(double t_s, const Pose& pose) {
    if (started_ && t_s > last_t_s_) advance_sway(t_s - last_t_s_);
    started_ = true;
    last_t_s_ = std::max(last_t_s_, t_s);

    const double bw = settings_.body_weight_kg;
    const double left_kg = std::max(0.0, pose.left_bw) * bw;
    const double right_kg = std::max(0.0, pose.right_bw) * bw;
    const double feet_kg = left_kg + right_kg;

    // Player-frame loads at the front-left, front-right, back-left, back-right corners.
    double player[4] = {0.0, 0.0, 0.0, 0.0};
    if (feet_kg > 0.0) {
        // The body's own vertical force wobble grows with the load actually carried.
        const double carried = std::min(1.0, feet_kg / bw);
        const double force_kg = std::max(
            0.0, feet_kg + force_.smooth * settings_.force_sway_bw * bw * pose.sway * carried);
        const double x = (left_kg * foot_x_mm(false) + right_kg * foot_x_mm(true)) / feet_kg +
                         pose.lean_x_mm + ml_.smooth * settings_.sway_ml_mm * pose.sway;
        const double y = foot_y_mm() + pose.lean_y_mm + ap_.smooth * settings_.sway_ap_mm * pose.sway;
        const double half_w = settings_.board_width_mm / 2.0;
        const double half_d = settings_.board_depth_mm / 2.0;
        // A point load on a plate resting on four corner sensors splits bilinearly;
        // this is exactly the inverse of DESIGN.md's CoP formula.
        const double right_frac = (std::clamp(x, -half_w, half_w) + half_w) / settings_.board_width_mm;
        const double front_frac = (std::clamp(y, -half_d, half_d) + half_d) / settings_.board_depth_mm;
        player[0] = force_kg * (1.0 - right_frac) * front_frac;
        player[1] = force_kg * right_frac * front_frac;
        player[2] = force_kg * (1.0 - right_frac) * (1.0 - front_frac);
        player[3] = force_kg * right_frac * (1.0 - front_frac);
    }
    // Board sensor order tl, tr, bl, br. Turned 180°, the player's front-left
    // stands on the board's back-right sensor, and so on.
    double board[4];
    if (settings_.rotated_180) {
        board[0] = player[3];
        board[1] = player[2];
        board[2] = player[1];
        board[3] = player[0];
    } else {
        std::copy(player, player + 4, board);
    }
    float out[4];
    for (int i = 0; i < 4; ++i) {
        const double reading = board[i] + offsets_kg_[static_cast<std::size_t>(i)] +
                               noise_rng_.normal(0.0, settings_.noise_kg);
        // The Wii board's calibration clamps below 0 kg (issue 3), so do we.
        out[i] = static_cast<float>(std::max(0.0, reading));
    }
    BoardSample s;
    s.t_s = t_s;
    s.tl = out[0];
    s.tr = out[1];
    s.bl = out[2];
    s.br = out[3];
    return s;
}

}  // namespace highstep::synth
