#pragma once
// Board signal processing: tare, body weight, centre of pressure, stance.
// Pure: fed one BoardSample at a time, in time order, at any (uneven) rate.
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

// Board geometry of the Wii Balance Board: sensor rectangle in mm.
struct BoardGeometry {
    double width_mm = 433.0;  // left-right distance between sensors
    double depth_mm = 238.0;  // front-back distance between sensors
};

struct SignalSettings {
    BoardGeometry geometry;
    bool rotated_180 = false;  // board placed the other way round: swap tl<->br, tr<->bl
    // Learned foot positions (CoP x of each foot alone, mm). Unset: derived from stance width.
    std::optional<double> left_foot_x_mm;
    std::optional<double> right_foot_x_mm;
};

// One processed sample.
struct SignalFrame {
    double t_s = 0.0;
    double total_kg = 0.0;        // tared sum of the four loads
    double left_kg = 0.0;         // tared tl + bl
    double right_kg = 0.0;        // tared tr + br
    bool cop_valid = false;       // false while the load is too small for a CoP
    double cop_x_mm = 0.0;        // + player's right
    double cop_y_mm = 0.0;        // + player's front
    Stance stance = Stance::off;
    double body_weight_kg = 0.0;  // current estimate; 0 until known
    bool button = false;
};

}  // namespace highstep::core
