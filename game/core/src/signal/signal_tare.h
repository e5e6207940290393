#pragma once
// Automatic tare: the zero offset of each sensor, taken from a stretch of empty board.
#include <array>

namespace highstep::core::detail {

using SensorLoads = std::array<double, 4>;  // tl, tr, bl, br (kg)

class AutoTare {
public:
    AutoTare(double max_kg, double min_s) : max_kg_(max_kg), min_s_(min_s) {}

    // Feeds the untared loads of one sample. A stretch that reads below max_kg in
    // total, steadily, for at least min_s becomes the new zero.
    void push(double t_s, const SensorLoads& raw);
    void set(const SensorLoads& offsets);  // manual tare (weigh-in); auto tare goes on
    const SensorLoads& offsets() const { return offsets_; }
    bool tared() const { return tared_; }

private:
    void restart(double t_s);

    double max_kg_;
    double min_s_;
    SensorLoads offsets_{};
    bool tared_ = false;
    // The current candidate stretch.
    bool open_ = false;
    double start_s_ = 0.0;
    double settle_until_s_ = 0.0;
    std::size_t n_ = 0;
    SensorLoads sum_{};
    double sum_total_sq_ = 0.0;
};

}  // namespace highstep::core::detail
