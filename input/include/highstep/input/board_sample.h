#pragma once
// The one input type of HighStep. Every board driver, the simulated board, the
// synthetic generator and recordings produce a stream of these; nothing above
// input/ knows which source it came from.

namespace highstep {

struct BoardSample {
    double t_s = 0.0;   // seconds on a monotonic clock, stamped when the report arrived
    float tl = 0.0f;    // top-left (player's front-left) load, kg, board-calibrated, not tared
    float tr = 0.0f;    // top-right load, kg
    float bl = 0.0f;    // bottom-left (back-left) load, kg
    float br = 0.0f;    // bottom-right load, kg
    bool button = false;  // the board's front button (true while held)

    float total_kg() const { return tl + tr + bl + br; }
};

}  // namespace highstep
