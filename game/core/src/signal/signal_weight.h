#pragma once
// Body weight and sensor noise from the tared total load.
#include <cstddef>
#include <deque>

namespace highstep::core::detail {

class BodyWeightEstimator {
public:
    // Feeds the tared total load of one sample.
    void push(double t_s, double total_kg);
    double body_weight_kg() const { return body_weight_kg_; }  // 0 until known
    double noise_kg() const { return noise_kg_; }              // sd of one sample's total
    bool noise_known() const { return noise_known_; }         // noise_kg() was measured
    void fix(double kg);                                      // weigh-in: stop estimating
    // Known from later data: refine it. from_a_zero: it was measured from a zero the tare
    // took (not from the factory calibration), so the first zero does not move it.
    // provisional: it came from a short window (signal_weight.cpp).
    void assume(double kg, bool from_a_zero, bool provisional);
    bool provisional() const { return provisional_; }
    // The tare's first zero, shift_kg in total (until then the board's factory
    // calibration): what was measured from the factory's zero is moved by it.
    void rezero(double shift_kg);

private:
    struct Point {
        double t_s;
        double kg;
    };
    void evaluate_window(double dt_s);
    void evaluate_short_window();
    void evaluate_settled_top();

    std::deque<Point> window_;
    double body_weight_kg_ = 0.0;
    double noise_kg_ = 0.0;
    bool noise_known_ = false;
    bool fixed_ = false;
    bool untared_ = true;          // no zero taken yet: loads are from the factory calibration
    bool weight_untared_ = false;  // body_weight_kg_ was measured from the factory calibration
    double last_t_s_ = 0.0;
    double last_empty_s_ = -1e9;  // last sample with nobody on the board
    double last_gap_end_s_ = -1e9;  // first sample after samples stopped for a while
    double last_window_gap_end_s_ = -1e9;  // ... for longer (kWindowGapS)
    bool pending_ = false;        // a first estimate waiting to be confirmed
    double pending_kg_ = 0.0;
    double pending_s_ = 0.0;
    bool pending_short_ = false;  // the pending estimate is from a short window
    bool provisional_ = false;    // body_weight_kg_ is from a short window (signal_weight.cpp)
    bool on_board_ = false;       // the last sample was not empty
    double visit_top_kg_ = 0.0;   // this visit's highest level settled after a push-off's peak
    double last_top_kg_ = 0.0;    // the same, of the last visit that had one
};

}  // namespace highstep::core::detail
