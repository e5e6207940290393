#pragma once
// The body on the board: turns a Pose (loads under each foot, lean) into the four
// load-cell readings a Wii Balance Board would report, with the things that make
// real signals hard: postural sway of the centre of pressure, small fluctuations
// of the vertical force, per-sensor zero offsets (so taring matters), sensor noise,
// the board turned 180°, and feet placed off-centre.
//
// The same model is driven by the script generator (generator.h) and by the
// keyboard/gamepad simulated board (simulated_board.h): one model, two drivers.
#include <array>
#include <cstdint>

#include "highstep/input/board_sample.h"
#include "highstep/synth/pose.h"
#include "highstep/synth/random.h"

namespace highstep::synth {

struct BodySettings {
    double body_weight_kg = 70.0;    // 30–150 kg
    double board_width_mm = 433.0;   // sensor rectangle, left–right (Wii Balance Board)
    double board_depth_mm = 238.0;   // sensor rectangle, front–back
    double stance_width_mm = 200.0;  // distance between the two feet's centres of pressure
    double feet_offset_x_mm = 0.0;   // both feet shifted to the player's right (off-centre stance)
    double feet_offset_y_mm = 0.0;   // both feet shifted to the front
    double noise_kg = 0.02;          // sensor noise, SD per sensor and sample (a Wii board: ~0.02 kg)
    // Per-sensor zero offsets drawn in [0, this] kg: an empty board reads a little
    // above zero, as real boards do (the board clamps below 0 kg, so a negative
    // drift would be invisible and untareable). Taring removes them.
    double sensor_offset_kg = 0.5;
    bool rotated_180 = false;        // board turned round: the player's front-left presses the board's BR sensor
    // Sway of the CoP in quiet two-foot stance (Pose::sway = 1). Real quiet stance
    // (../shared/data/real baselines) shows 2–3 mm RMS and 10–17 mm/s mean velocity.
    double sway_ml_mm = 2.0;         // RMS medio-lateral
    double sway_ap_mm = 3.0;         // RMS antero-posterior
    double force_sway_bw = 0.002;    // RMS of the body's own vertical force fluctuation, × body weight
};

class BodyModel {
public:
    // `seed` makes sway, offsets and noise reproducible.
    BodyModel(const BodySettings& settings, std::uint64_t seed);

    // The sample the board reports at t_s for the given pose. Calls must come in
    // increasing t_s; any spacing (gaps included) is fine, since the sway processes
    // are advanced exactly over the elapsed time.
    BoardSample sample(double t_s, const Pose& pose);

    // Where a foot's centre of pressure sits on the board, mm (before lean and sway).
    double foot_x_mm(bool right_foot) const;
    double foot_y_mm() const;
    const BodySettings& settings() const { return settings_; }
    // The zero offsets of this board (kg, in the board's sensor order tl, tr, bl, br).
    const std::array<float, 4>& sensor_offsets_kg() const { return offsets_kg_; }

private:
    struct Sway {  // one coordinate: Ornstein–Uhlenbeck drift, low-pass filtered so the path is smooth
        double drift = 0.0;
        double smooth = 0.0;
    };
    void advance_sway(double dt_s);

    BodySettings settings_;
    Rng sway_rng_;
    Rng noise_rng_;
    std::array<float, 4> offsets_kg_{};
    Sway ml_, ap_, force_;
    double last_t_s_ = 0.0;
    bool started_ = false;
};

}  // namespace highstep::synth
