#pragma once
// Visits to the board: step-ups (an on-off visit that reaches full body weight
// briskly in between), or stepping on to stand and stepping off again.
#include <optional>
#include <vector>

#include "highstep/core/recognise/events.h"
#include "highstep/core/signal/signal.h"

namespace highstep::core::detail {

struct StepSettings {
    double top_bw = 0.98;          // the top: the load first reaches this × BW on the way up
    double max_rise_s = 4.0;       // contact to top, at most
    double max_top_s = 3.0;        // top to lowering, at most, on two feet (longer is standing)
    double max_top_knee_s = 5.0;   // ... and with a knee drive at the top (a 3 s hold fits)
    double max_episode_s = 12.0;   // longer visits are standing on the board, not a rep
    double smooth_half_s = 0.04;   // centred smoothing of the episode's total
};

class StepDetector {
public:
    explicit StepDetector(const StepSettings& settings = {}) : settings_(settings) {}
    void push(const SignalFrame& frame, Stance previous, std::vector<Event>& out);
    // The data ended: a visit in progress is someone standing on the board.
    void finish(std::vector<Event>& out);
    // A knee drive the single-leg detector found (it may end a step-up).
    void note_knee_drive(const KneeDriveEvent& event);

private:
    struct Point {
        double t_s;
        double kg;
        double x_mm;
        bool cop_valid;
        Stance stance;
    };
    void send_step_on(std::vector<Event>& out);
    // Judges a finished visit; true if it was a step-up (then appended to `out`). `late`:
    // judged under a body weight learned after the visit (its stances were never full).
    bool finish_episode(double end_s, double body_weight_kg, double centre_x_mm, double half_stance_mm,
                        std::vector<Event>& out, bool late = false);
    void judge_pending(const SignalFrame& frame, std::vector<Event>& out);

    StepSettings settings_;
    bool started_ = false;
    double first_t_s_ = 0.0;
    bool on_board_ = false;
    double contact_s_ = 0.0;
    bool standing_ = false;       // this visit is certainly no rep
    bool step_on_sent_ = false;
    double visit_max_kg_ = 0.0;   // highest 100 ms load of this visit
    double last_bw_kg_ = 0.0;
    std::optional<double> top_seen_s_;
    std::vector<Point> episode_;
    bool knee_drive_ = false;
    double knee_drive_end_s_ = 0.0;
    // A visit that ended before the body weight was known (no quiet standing first, its
    // steady top hidden or too short): judged once the weight is known.
    bool pending_ = false;
    double pending_end_s_ = 0.0;
    double pending_contact_s_ = 0.0;
    double pending_max_kg_ = 0.0;
    std::vector<Point> pending_episode_;
};

}  // namespace highstep::core::detail
