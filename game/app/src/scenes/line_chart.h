#pragma once
// A small line chart for the progress screen: one measure per finished session,
// oldest on the left, with its range, the latest value, and which way is better.
#include <string>
#include <vector>

#include "gfx.h"

namespace highstep::app {

struct LineChart {
    std::string label;            // "Score"
    std::string unit_format;      // printf format of a value, e.g. "%.0f" or "%.1f mm/s"
    std::vector<double> values;   // oldest first
    bool lower_is_better = false; // sway speed: lower is steadier
    Color color = palette::accent;
    std::string empty_text = "no finished sessions yet";  // said when there are no values (charts hold finished ones)
};

// Draws the chart into `rect` (pixels): label and latest value on the left, the
// line with its points, dashed guides at the best and worst values.
void draw_line_chart(Gfx& gfx, const SDL_FRect& rect, const LineChart& chart);

// "+12 % since the first sessions" style trend, "" with fewer than 4 values.
std::string trend_text(const LineChart& chart);

}  // namespace highstep::app
