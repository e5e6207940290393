#pragma once
// Automatic tare: the zero offset of each sensor, taken from the empty board and kept
// up to date while it stays empty.
#include <array>
#include <cstddef>
#include <deque>

namespace highstep::core::detail {

using SensorLoads = std::array<double, 4>;  // tl, tr, bl, br (kg)

class AutoTare {
public:
    AutoTare(double max_kg, double min_s) : max_kg_(max_kg), min_s_(min_s) {}

    // Feeds the untared loads of one sample. While the board reads below max_kg in
    // total (any amount below zero included: a drifted zero), or once a zero is known
    // less than a few kilograms above it, and the last min_s of it is steady, the
    // per-sensor means since it became steady are the zero.
    void push(double t_s, const SensorLoads& raw);
    void set(const SensorLoads& offsets);  // manual tare (weigh-in); auto tare goes on
    const SensorLoads& offsets() const { return offsets_; }
    bool tared() const { return tared_; }

private:
    bool steady() const;
    void restart();
    void add(const SensorLoads& raw);

    struct Point {
        double t_s;
        SensorLoads raw;
        double total;
    };
    double max_kg_;
    double min_s_;
    SensorLoads offsets_{};
    bool tared_ = false;
    std::deque<Point> window_;      // the empty board's last min_s
    double settle_until_s_ = -1e9;  // after a load: a foot still leaving
    bool loaded_ = false;           // the last sample was above the empty level (none yet: nothing left the board)
    bool ever_loaded_ = false;      // someone has been on the board (half a second is no first zero then)
    std::size_t stretch_n_ = 0;     // the current steady stretch: its samples, summed
    SensorLoads stretch_sum_{};
};

}  // namespace highstep::core::detail
