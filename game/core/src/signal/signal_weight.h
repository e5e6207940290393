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
    void assume(double kg);                                   // known from later data: refine it

private:
    struct Point {
        double t_s;
        double kg;
    };
    void evaluate_window(double dt_s);

    std::deque<Point> window_;
    double body_weight_kg_ = 0.0;
    double noise_kg_ = 0.0;
    bool noise_known_ = false;
    bool fixed_ = false;
    double last_t_s_ = 0.0;
    double last_empty_s_ = -1e9;  // last sample with nobody on the board
    bool pending_ = false;        // a first estimate waiting to be confirmed
    double pending_kg_ = 0.0;
    double pending_s_ = 0.0;
};

}  // namespace highstep::core::detail
