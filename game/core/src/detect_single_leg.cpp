// Knee drives and one-leg holds.
//
// Both are a stretch of single-leg stance (the stance classifier's left/right). What
// tells them apart is the drive: DESIGN.md's knee drive has a force dip then a drive
// peak above body weight as the knee is driven up and the stance foot pushes into
// the board. The peak is looked for in the 100 ms smoothed total from peak_before_s
// before the stance began (the drive can start while the lifted foot still unloads)
// to peak_after_s into it. A peak of at least drive_peak_bw × BW (and clear of the
// noise) with a hold of knee_drive_min_hold_s makes a knee drive; without a peak, a
// hold of one_leg_min_hold_s makes a one-leg hold. Shorter single-leg moments are
// steps: the push-off of a step-up, a foot moving.
//
// Where it ends: when the lifted foot comes back down (two feet again); or, when the
// player lowers instead (a knee drive at the top of a step-up, stepping off from one
// leg), when the load last was full body weight.
// A peak is only looked for after the previous stance began, so the push-off of a
// step-up that topped out on two feet is not taken for a drive when the trailing leg
// later steps back down.
#include "detect_single_leg.h"

#include <algorithm>
#include <cmath>

namespace highstep::core::detail {

namespace {
constexpr double kRecentS = 1.0;
constexpr std::size_t kMaxRecent = 8192;  // bounded even if time stands still
constexpr double kCentredU = 0.12;      // "between the feet": within this share of the way to a foot
constexpr double kMaxShiftS = 1.0;      // a weight shift longer than this starts at the stance
constexpr double kOnFootBandMm = 5.0;
constexpr double kMidU = 0.35;
constexpr double kMaxBackS = 0.15;
}  // namespace

void SingleLegDetector::push(const SignalFrame& frame, Stance previous, std::vector<Event>& out) {
    if (frame.stance != stance_seen_) {
        previous_since_s_ = stance_seen_since_s_;
        stance_seen_ = frame.stance;
        stance_seen_since_s_ = frame.stance_since_s;
    }
    const double u = frame.cop_valid && frame.half_stance_mm > 0.0
                         ? (frame.cop_x_mm - frame.stance_centre_x_mm) / frame.half_stance_mm
                         : 0.0;
    // Keep the last second; during a single-leg stance, also what the peak window needs.
    if ((!active_ || frame.t_s <= entry_s_ + settings_.peak_after_s) && recent_.size() < kMaxRecent) {
        recent_.push_back({frame.t_s, frame.total_smooth_kg, u});
    }
    if (!active_) {
        while (recent_.size() > 1 && frame.t_s - recent_.front().t_s > kRecentS) recent_.pop_front();
    }
    if (frame.stance == Stance::both && frame.cop_valid && frame.half_stance_mm > 0.0 &&
        std::fabs(frame.cop_x_mm - frame.stance_centre_x_mm) <= kCentredU * frame.half_stance_mm) {
        last_centred_s_ = frame.t_s;
    }

    const bool single = is_single_leg(frame.stance);
    const Side side = frame.stance == Stance::right ? Side::right : Side::left;
    if (active_ && (!single || side != side_)) {
        end(frame.stance_since_s, is_full_load(frame.stance), out);
    }
    if (single && !active_) begin(frame, previous);
    if (!active_) return;

    last_t_s_ = frame.t_s;
    body_weight_kg_ = frame.body_weight_kg;
    noise_kg_ = frame.noise_kg;
    if (frame.total_smooth_kg >= settings_.full_weight_bw * frame.body_weight_kg) last_full_s_ = frame.t_s;
    if (frame.cop_valid) points_.push_back(filter_.push({frame.t_s, frame.cop_x_mm, frame.cop_y_mm}));
}

void SingleLegDetector::begin(const SignalFrame& frame, Stance previous) {
    active_ = true;
    side_ = frame.stance == Stance::right ? Side::right : Side::left;
    entry_s_ = frame.stance_since_s;
    start_s_ = entry_s_;
    came_from_ = previous;
    if (previous == Stance::both && entry_s_ - last_centred_s_ <= kMaxShiftS) {
        start_s_ = std::min(entry_s_, last_centred_s_);
        // The CoP leaves the centre slowly at first: extrapolate its way out (from the
        // last centred moment to where it was kMidU of the way) back to the centre.
        const double toward = side_ == Side::right ? 1.0 : -1.0;
        for (const Point& p : recent_) {
            if (p.t_s > last_centred_s_ && p.u * toward >= kMidU) {
                const double back = (p.t_s - last_centred_s_) * kCentredU / (kMidU - kCentredU);
                start_s_ = std::min(start_s_, last_centred_s_ - std::min(back, kMaxBackS));
                break;
            }
        }
    }
    last_full_s_ = frame.t_s;
    filter_.reset();
    points_.clear();
}

double SingleLegDetector::drive_peak_kg(double exit_s) const {
    // The drive belongs to this stance change: a peak from before the previous stance
    // began (the push-off of a step-up whose top was on two feet) does not count, nor
    // one while the weight is still between the feet (a foot landing) or after the
    // lifted foot came back down.
    const double from_s = std::max(entry_s_ - settings_.peak_before_s, previous_since_s_);
    const double to_s = std::min(entry_s_ + settings_.peak_after_s, exit_s);
    const double toward = side_ == Side::right ? 1.0 : -1.0;
    double peak = 0.0;
    for (const Point& p : recent_) {
        if (p.t_s >= from_s && p.t_s <= to_s && p.u * toward >= settings_.drive_side_u) peak = std::max(peak, p.kg);
    }
    return peak;
}

double SingleLegDetector::on_foot_since_s(double end_s) const {
    // The stance classifier calls it one leg once the CoP is most of the way to the
    // foot; the other foot has left the board when the CoP arrives where it then
    // stays. That is where the (low-passed) CoP first comes within a band around the
    // median of the hold.
    std::vector<double> xs;
    for (const CopPoint& p : points_) {
        if (p.t_s >= entry_s_ + settings_.settle_s && p.t_s <= end_s) xs.push_back(p.x_mm);
    }
    if (xs.size() < 3) return entry_s_;
    std::nth_element(xs.begin(), xs.begin() + static_cast<std::ptrdiff_t>(xs.size() / 2), xs.end());
    const double median_x = xs[xs.size() / 2];
    double sum_sq = 0.0;
    for (double x : xs) sum_sq += (x - median_x) * (x - median_x);
    const double band = std::max(kOnFootBandMm, 1.5 * std::sqrt(sum_sq / static_cast<double>(xs.size())));
    for (const CopPoint& p : points_) {
        if (p.t_s > end_s) break;
        if (std::fabs(p.x_mm - median_x) <= band) return p.t_s;
    }
    return entry_s_;
}

void SingleLegDetector::end(double exit_s, bool foot_came_down, std::vector<Event>& out) {
    active_ = false;
    const double end_s = foot_came_down ? exit_s : std::min(exit_s, last_full_s_);
    const double bw = body_weight_kg_;
    if (bw <= 0.0 || end_s <= entry_s_) return;
    const double on_foot_s = on_foot_since_s(end_s);
    const double hold_s = end_s - on_foot_s;

    std::vector<CopPoint> held;
    for (const CopPoint& p : points_) {
        if (p.t_s >= on_foot_s + settings_.settle_s && p.t_s <= end_s) held.push_back(p);
    }
    const StabilityMeasures stability = compute_stability(held);
    const double peak_kg = drive_peak_kg(end_s);
    const double peak_bw = peak_kg / bw;
    const bool drive = peak_bw >= settings_.drive_peak_bw &&
                       peak_kg >= bw + settings_.drive_peak_noise_sd * noise_kg_;
    // A knee drive starts from two feet, or from the lead foot of a step-up on its way
    // up (partial); swapping straight from one leg to the other is a step, however hard.
    const bool from_rest = came_from_ == Stance::both || came_from_ == Stance::partial;
    if (drive && from_rest && hold_s >= settings_.knee_drive_min_hold_s) {
        KneeDriveEvent e;
        e.side = side_;
        e.start_s = start_s_;
        e.end_s = end_s;
        e.hold_s = hold_s;
        e.peak_bw = peak_bw;
        e.stability = stability;
        out.emplace_back(e);
    } else if ((!drive || !from_rest) && hold_s >= settings_.one_leg_min_hold_s) {
        OneLegHoldEvent e;
        e.side = side_;
        e.start_s = on_foot_s;
        e.end_s = end_s;
        e.stability = stability;
        out.emplace_back(e);
    }
}

void SingleLegDetector::finish(std::vector<Event>& out) {
    if (active_) end(last_t_s_, true, out);
}

}  // namespace highstep::core::detail
