#pragma once
// Board signal processing: tare, body weight, centre of pressure, stance.
// Pure: fed one BoardSample at a time, in time order, at any (uneven) rate.
//
//   Stance, to_string(Stance)   what the board says the player stands on
//   BoardGeometry                sensor rectangle (Wii Balance Board by default)
//   SignalSettings               orientation, foot positions, thresholds
//   SignalFrame                  one processed sample
//   SignalProcessor              the online pipeline: sample in, frame out
#include <memory>
#include <optional>

#include "highstep/input/board_sample.h"

namespace highstep::core {

enum class Stance {
    off,       // empty board (or a load too small to be a person)
    partial,   // one foot on, stepping on/off, or a transient
    both,      // standing on two feet (DESIGN.md's "double")
    left,      // single-leg stance on the left leg
    right,     // single-leg stance on the right leg
};
const char* to_string(Stance stance);  // "off", "partial", "double", "left", "right"

// Board samples further apart than this have a gap in the data between them.
inline constexpr double kDataGapS = 0.15;

inline bool is_single_leg(Stance s) { return s == Stance::left || s == Stance::right; }
inline bool is_full_load(Stance s) { return s == Stance::both || is_single_leg(s); }

// Board geometry of the Wii Balance Board: sensor rectangle in mm.
struct BoardGeometry {
    double width_mm = 433.0;  // left-right distance between sensors
    double depth_mm = 238.0;  // front-back distance between sensors
};

struct SignalSettings {
    BoardGeometry geometry;
    bool rotated_180 = false;  // board placed the other way round: swap tl<->br, tr<->bl
    // Learned foot positions (CoP x of each foot alone, mm). Unset: the two-foot
    // stance centre is learned from the signal and the feet assumed default_half_stance_mm
    // either side of it.
    std::optional<double> left_foot_x_mm;
    std::optional<double> right_foot_x_mm;
    double default_half_stance_mm = 100.0;  // foot centre to stance centre when not learned

    // --- tare: an empty board that reads steadily below tare_max_kg (once a zero is known:
    // less than 5 kg above it) for tare_min_s is zeroed
    double tare_max_kg = 10.0;     // largest total an empty board may read before taring
    double tare_min_s = 1.0;       // how long it must read it

    // --- stance thresholds (hysteresis pairs; fractions of body weight where noted)
    double on_min_kg = 4.0;        // board counts as loaded above max(this, on_bw * BW, 5 noise)
    double on_bw = 0.08;
    double full_enter_bw = 0.80;   // partial -> full-load stance (both/left/right)
    double full_leave_bw = 0.65;   // full-load stance -> partial
    double single_enter = 0.62;    // CoP this fraction of the way from stance centre to a foot: one leg
    double single_leave = 0.48;    // ... and back below this: two feet again
    double dwell_s = 0.08;         // a new stance must hold this long (and 3 samples) to count

    // The board's empty readings are known to jump (a recogniser watching it saw a
    // foot_down that never carried 1 kg, Recognizer::board_blips()): a light first sample
    // over the contact level waits for the next from the start (docs/signal.md).
    bool board_blips = false;

    // The level asks for a knee drive at every step-up's top (step_up_knee_drive): the
    // driven foot may come down onto the box, the board, rather than the floor, so a
    // stance on the foot that stepped on first, ended by the other foot coming down beside
    // it, may be one. Elsewhere (analyze, other levels) that is stepping on, no knee drive
    // (docs/signal.md, "Knee drive or hold?").
    bool knee_drives_at_step_up_tops = false;
};

// One processed sample.
struct SignalFrame {
    double t_s = 0.0;
    double total_kg = 0.0;        // tared sum of the four loads
    double left_kg = 0.0;         // tared tl + bl
    double right_kg = 0.0;        // tared tr + br
    double total_smooth_kg = 0.0; // total, 100 ms moving average (drive peaks are read from this)
    bool cop_valid = false;       // false while the load is too small for a CoP
    double cop_x_mm = 0.0;        // + player's right
    double cop_y_mm = 0.0;        // + player's front
    Stance stance = Stance::off;
    double stance_since_s = 0.0;  // when the current stance began (backdated past the dwell;
                                  // for off<->on, the extrapolated moment of first/last contact)
    double body_weight_kg = 0.0;  // current estimate; 0 until known
    double noise_kg = 0.0;        // estimated sample-to-sample noise of total_kg (1 sd)
    bool noise_known = false;     // noise_kg was measured (a steady stretch was seen)
    double stance_centre_x_mm = 0.0;  // CoP x of relaxed two-foot stance (learned)
    double half_stance_mm = 0.0;      // stance centre to either foot's CoP
    double left_half_stance_mm = 0.0;   // stance centre to each foot: players rarely stand
    double right_half_stance_mm = 0.0;  // with the weight halfway between their feet
    bool left_foot_seen = false;      // that foot's place was measured, not assumed
    bool right_foot_seen = false;
    bool left_foot_told = false;      // ... only from where the player stood still (three
    bool right_foot_told = false;     // places after a gap), not seen alone
    bool button = false;
};

// Where the feet stand (CoP x of each foot alone) and the two-foot centre between them.
struct FeetPlaces {
    double left_x_mm = 0.0;
    double centre_x_mm = 0.0;
    double right_x_mm = 0.0;
};

// The online pipeline: rotation, tare, body weight, CoP, stance.
class SignalProcessor {
public:
    explicit SignalProcessor(const SignalSettings& settings = {});
    ~SignalProcessor();
    SignalProcessor(SignalProcessor&&) noexcept;
    SignalProcessor& operator=(SignalProcessor&&) noexcept;
    SignalProcessor(const SignalProcessor& other);  // the whole state: to run the same data again
    SignalProcessor& operator=(const SignalProcessor& other);

    // Processes one sample (t_s must not go backwards; a sample that does is ignored).
    const SignalFrame& push(const BoardSample& sample);
    const SignalFrame& frame() const;
    bool last_accepted() const;  // false if the last push() dropped its sample
    const SignalSettings& settings() const;

    double body_weight_kg() const;
    void set_body_weight_kg(double kg);  // from a weigh-in: fixes it
    // A body weight learned later in the same data, for running it again from its start:
    // the estimate from the first sample on, still refined (not fixed).
    // from_a_zero: the weight was measured from a zero the tare took (zero_known() of the
    // processor that learned it), not from the board's factory calibration.
    // provisional: from a brisk top's short window (body_weight_provisional()).
    void assume_body_weight_kg(double kg, bool from_a_zero, bool provisional);
    // The weight was taken from a short steady stretch (a brisk step-up's top): the first
    // full steady window takes its place (signal_weight.cpp).
    bool body_weight_provisional() const;
    bool zero_known() const;  // a zero was taken from the empty board (or set_tare)
    void set_tare(float tl, float tr, float bl, float br);  // zero offsets, kg per sensor
    // A foot seen carrying the player alone at CoP x (the recogniser's knee-drive holds):
    // where the feet are is learned from this too, unless the settings give them.
    void observe_foot(Stance side, double x_mm);
    // The feet told from where the player stood still at full load, when no foot was seen
    // alone (a gap hid the stepping on): the first place was taken for the two-foot centre
    // and may have been a foot. For running the same data again with them from its start.
    std::optional<FeetPlaces> feet_from_places() const;
    void assume_feet(const FeetPlaces& feet);
    bool feet_unseen() const;  // no foot seen alone, the feet neither given nor told yet
    bool feet_to_tell() const;  // where the player stands still may still tell the feet

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace highstep::core
