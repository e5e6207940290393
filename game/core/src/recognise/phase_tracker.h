#pragma once
// The movement phases (highstep/core/recognise/phases.h), from the processed samples.
// Fast on purpose: every phase is told from the sample in hand and the one before it
// (no dwell, no centred smoothing), so it is known within two samples of its moment.
// The reps that follow are still settled by the detectors; a phase that turns out to
// be nothing (a foot tapping the board) is simply not followed by a rep.
#include <deque>
#include <optional>
#include <vector>

#include "highstep/core/recognise/phases.h"
#include "highstep/core/signal/signal.h"

namespace highstep::core::detail {

struct PhaseSettings {
    double top_bw = 0.98;        // full weight: the step-up's top (as the step detector's)
    double lowering_bw = 0.75;   // after the top, the load falls below this × BW: lowering
    double full_bw = 0.65;       // single-leg and two-foot stances carry at least this × BW
    double two_feet_min_s = 0.1; // a two-foot stance lasts this long before a foot may leave it
    double side_u = 0.3;         // a landing foot's CoP this share of the way out shows its side
    double side_min_x_mm = 40.0; // ... or, before the stance centre is known, this far from the middle
    double side_noise_sd = 3.0;  // ... once the left-right difference exceeds this × noise
    double contact_min_kg = 0.15; // a foot lands: the load reaches max(this, contact_noise_sd × noise)
    double contact_noise_sd = 4.0;
    double contact_unknown_noise_kg = 1.2;  // ... the level while the noise is not known yet
    // Once the board has blipped (a foot_down that never carried 1 kg), a first sample
    // over the level but under this × it waits for a second, higher one.
    double contact_sure_over = 1.6;
    double foot_off_u = 0.85;    // a foot left a two-foot stance: the CoP this share of the way to the other foot
    double foot_off_unseen_u = 0.75;  // ... when that foot's place is assumed (mirrored), not seen
    double max_shift_s = 1.0;    // a weight shift onto one leg is looked for this far back
};

class PhaseTracker {
public:
    PhaseTracker(const SignalSettings& signal, const PhaseSettings& settings = {});
    // One processed sample; appends the phases it made known to `out`.
    void push(const SignalFrame& frame, std::vector<MovementPhase>& out);
    bool blipped() const { return blipped_; }  // a foot_down was no foot: the board's readings jump

private:
    struct Point {
        double t_s;
        double kg;      // tared total
        double u;       // CoP: share of the way from the stance centre to a foot (+ right)
        bool cop_valid;
    };
    static double stance_u(const SignalFrame& f);  // CoP: share of the way from the centre to a foot
    double onset_s(double contact_kg) const;  // first contact, extrapolated to zero load
    void learn_empty_noise(double t_s, double prev_kg, double kg);  // one more empty-board sample
    std::optional<Side> landing_side(const SignalFrame& f) const;  // side of a foot just landed
    double crossing_s(double a, double b, double level) const;  // between the last two points
    double shift_start_s(Side side, double entry_s, double enter_u) const;
    void emit(std::vector<MovementPhase>& out, PhaseType type, double t_s, std::optional<Side> side,
              double shift_start_s = -1.0);

    SignalSettings signal_;
    PhaseSettings settings_;
    std::deque<Point> history_;  // the last seconds, for contacts and weight shifts
    double now_s_ = 0.0;
    bool started_ = false;
    bool loaded_ = false;
    bool prev_empty_ = false;           // the sample before was an empty board too
    double empty_since_s_ = -1e9;       // when the board last became empty
    int empty_noise_samples_ = 0;       // empty-board differences seen, and their variance
    double empty_noise_var_ = 0.0;
    bool blipped_ = false;                // a foot_down was no foot: the empty board's readings jump
    std::optional<double> held_kg_;       // a first sample over the level waiting for a second
    double held_contact_s_ = 0.0;         // ... and the contact it would have been dated to
    bool noise_known_ = false;          // the frames' noise_kg was measured at an earlier sample
    std::optional<double> unsided_contact_s_;  // a foot_down emitted without its side, still looked for
    bool top_ = false;                  // at full weight since the last full_weight phase
    bool bw_seen_ = false;              // the body weight was known at an earlier sample
    double visit_max_kg_ = 0.0;         // highest load of this visit, and when
    double visit_max_s_ = 0.0;
    std::optional<double> two_feet_since_s_;
    std::optional<Side> single_;        // stance leg of the single-leg stance in progress
};

}  // namespace highstep::core::detail
