#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "highstep/synth/pose.h"

namespace highstep::synth {
namespace {

// Smoothstep easing: zero slope at both ends, so successive segments join
// without corners and a keyframe at a peak is the peak.
double ease(double u) { return u * u * (3.0 - 2.0 * u); }

double mix(double a, double b, double w) { return a + (b - a) * w; }

Pose mix(const Pose& a, const Pose& b, double w) {
    return Pose{mix(a.left_bw, b.left_bw, w), mix(a.right_bw, b.right_bw, w),
                mix(a.lean_x_mm, b.lean_x_mm, w), mix(a.lean_y_mm, b.lean_y_mm, w),
                mix(a.sway, b.sway, w)};
}

constexpr double kSearchStep_s = 0.001;

}  // namespace

void PoseTrack::add(double t_s, const Pose& pose) {
    if (!keys_.empty() && t_s < keys_.back().t_s) {
        throw std::logic_error("PoseTrack: keyframe before the previous one");
    }
    keys_.push_back(Key{t_s, pose});
}

void PoseTrack::hold_until(double t_s) {
    if (keys_.empty()) {
        add(t_s, Pose{});
    } else if (t_s > keys_.back().t_s) {
        add(t_s, keys_.back().pose);
    }
}

void PoseTrack::cut_at(double t_s) {
    if (keys_.empty()) return;
    const Pose now = at(t_s);
    while (!keys_.empty() && keys_.back().t_s >= t_s) keys_.pop_back();
    keys_.push_back(Key{t_s, now});
}

void PoseTrack::drop_before(double t_s) {
    // Keep the last keyframe at or before t_s: it starts the segment t_s lies in.
    std::size_t first_needed = 0;
    while (first_needed + 1 < keys_.size() && keys_[first_needed + 1].t_s <= t_s) ++first_needed;
    if (first_needed > 0) keys_.erase(keys_.begin(), keys_.begin() + static_cast<std::ptrdiff_t>(first_needed));
}

const Pose& PoseTrack::last() const {
    static const Pose kNobody{};
    return keys_.empty() ? kNobody : keys_.back().pose;
}

Pose PoseTrack::at(double t_s) const {
    if (keys_.empty()) return Pose{};
    if (t_s <= keys_.front().t_s) return keys_.front().pose;
    if (t_s >= keys_.back().t_s) return keys_.back().pose;
    // First key strictly after t_s; its predecessor starts the segment.
    const auto next = std::upper_bound(keys_.begin(), keys_.end(), t_s,
                                       [](double t, const Key& k) { return t < k.t_s; });
    const Key& b = *next;
    const Key& a = *(next - 1);
    const double span = b.t_s - a.t_s;
    if (span <= 0.0) return b.pose;
    return mix(a.pose, b.pose, ease((t_s - a.t_s) / span));
}

double PoseTrack::first_time_total_at_least(double bw, double from_s, double to_s) const {
    for (double t = from_s; t < to_s; t += kSearchStep_s) {
        if (at(t).total_bw() >= bw) return t;
    }
    return to_s;
}

double PoseTrack::max_total_bw(double from_s, double to_s) const {
    double best = at(from_s).total_bw();
    for (double t = from_s; t <= to_s; t += kSearchStep_s) best = std::max(best, at(t).total_bw());
    return std::max(best, at(to_s).total_bw());
}

}  // namespace highstep::synth
