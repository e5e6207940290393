#pragma once
// Where a rise began: a value that sat still (or drifted slowly) and then rose.
// Against the straight line from the first point to the last, the value sits lowest
// where the rise began (the end of the rest, or the bend from a slow drift into the
// movement itself). Used for the start of a weight shift onto one leg, by the knee-drive
// detector (settled) and by the phase tracker (at once).
#include <vector>

namespace highstep::core::detail {

struct TimedValue {
    double t_s = 0.0;
    double value = 0.0;
};

// The time of the point furthest below the chord from points.front() to points.back();
// `fallback_s` when there are fewer than two points, no time between them, or no point
// below the chord.
inline double rise_start_s(const std::vector<TimedValue>& points, double fallback_s) {
    if (points.size() < 2) return fallback_s;
    const TimedValue& first = points.front();
    const TimedValue& last = points.back();
    if (last.t_s - first.t_s <= 0.0) return fallback_s;
    const double slope = (last.value - first.value) / (last.t_s - first.t_s);
    double best_below = 0.0;
    double best_s = fallback_s;
    for (const TimedValue& p : points) {
        const double below = first.value + slope * (p.t_s - first.t_s) - p.value;
        if (below > best_below) {
            best_below = below;
            best_s = p.t_s;
        }
    }
    return best_s;
}

}  // namespace highstep::core::detail
