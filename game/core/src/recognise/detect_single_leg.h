#pragma once
// Single-leg stance: knee drives (with a drive peak) and one-leg holds (without).
#include <deque>
#include <optional>
#include <utility>
#include <vector>

#include "highstep/core/recognise/events.h"
#include "highstep/core/signal/signal.h"
#include "highstep/core/signal/stability.h"

namespace highstep::core::detail {

struct SingleLegSettings {
    double drive_peak_bw = 1.05;      // a drive peak is at least this × BW ...
    double drive_peak_noise_sd = 2.0; // ... and this many noise sd above BW
    double peak_before_s = 0.6;       // the peak may come this long before one-leg stance ...
    double peak_after_s = 1.0;        // ... or this long into it
    double drive_side_u = 0.55;       // ... while the CoP is at least this far toward the stance foot
    double knee_drive_min_hold_s = 0.5;
    double knee_drive_max_hold_s = 5.0;   // held longer, a single-leg stance is a hold
    double one_leg_min_hold_s = 1.0;
    double stepping_on_min_hold_s = 2.0;  // a hold on the foot that stepped on first
    bool knee_drive_on_first_foot = false;  // SignalSettings::knee_drives_at_step_up_tops
    double full_weight_bw = 0.93;     // a hold that ends by lowering ends when the load falls below this
    double full_enter_bw = 0.80;      // the stance classifier's full-load thresholds (SignalSettings):
    double full_leave_bw = 0.65;      // a stance that had less under the final body weight began later
    double settle_s = 0.2;            // stability of a hold leaves out its first moments
    // A hold on a foot whose place was never seen (only assumed from a brief rest or the
    // other foot) that sways side to side no more than quiet two-foot standing does is
    // two feet: the median over sway_window_s windows of the CoP's side-to-side sd, once
    // there are sway_min_windows of them (a short stance's sway says little).
    double two_feet_sway_mm = 2.5;
    double sway_window_s = 2.0;
    int sway_min_windows = 3;
};

class SingleLegDetector {
public:
    explicit SingleLegDetector(const SingleLegSettings& settings = {}) : settings_(settings) {}
    // Feeds one frame; appends finished knee drives and holds to `out`.
    void push(const SignalFrame& frame, Stance previous, std::vector<Event>& out);
    // Ends a stance still in progress at the end of the data.
    void finish(std::vector<Event>& out);
    // Where the stance foot of the last knee drive stood (CoP x, mm), once.
    struct Foot {
        Stance side;
        double x_mm;
    };
    std::optional<Foot> take_foot() { return std::exchange(foot_, std::nullopt); }

private:
    void begin(const SignalFrame& frame, Stance previous);
    void end(double exit_s, bool foot_came_down, std::vector<Event>& out);

    SingleLegSettings settings_;
    struct Point {
        double t_s;
        double raw_kg;  // total of this sample
        double u;       // CoP position: -1 on the left foot, 0 between the feet, +1 on the right foot
        bool cop_valid;
        double x_mm, y_mm;
    };
    double drive_peak_kg(double exit_s) const;
    double on_foot_since_s(double end_s) const;  // when the other foot had left the board
    double whole_weight_since_s(double end_s) const;  // ... stepping onto the foot: when it carried all
    double shift_start_s() const;                // where the weight began to shift to the stance leg
    double release_s(double exit_s, bool foot_came_down) const;  // where the hold ended
    std::optional<double> fall_start_s(double from_s, double to_s, bool cop, double min_fall) const;
    void redate_entry(double bw_kg, double end_s);
    bool sways_like_two_feet(const std::vector<CopPoint>& held) const;
    bool on_first_foot() const;  // the stance leg is the foot that stepped on first  // the stance began at full load under the final BW

    struct Load {
        double t_s;
        double kg;  // total of this sample
        bool cop_valid;
        double x_mm;
    };
    std::deque<Load> tail_;      // the last seconds' load, always
    std::deque<Point> recent_;   // the last seconds before the stance began, and the peak window since
    Stance stance_seen_ = Stance::off;   // stance of the last frame, and since when
    double stance_seen_since_s_ = 0.0;
    double previous_since_s_ = 0.0;      // when the stance before it began

    bool active_ = false;
    Side side_ = Side::left;
    bool foot_seen_ = false;     // the stance foot's place was measured at some frame of the stance
    Stance came_from_ = Stance::off;  // stance before this one ...
    double came_from_since_s_ = 0.0;  // ... and since when
    double start_s_ = 0.0;       // weight began to shift
    double entry_s_ = 0.0;       // single-leg stance began
    double recognised_s_ = 0.0;  // ... and was first seen (later if its start was dated back)
    double last_full_s_ = 0.0;
    double body_weight_kg_ = 0.0;
    double noise_kg_ = 0.0;
    double half_stance_mm_ = 100.0;
    double last_t_s_ = 0.0;
    CopLowPass filter_;
    std::vector<CopPoint> points_;
    std::optional<Foot> foot_;
};

}  // namespace highstep::core::detail
