// Live balance-hold tracking (see session_holds.h).
#include "session/session_holds.h"

#include <algorithm>

namespace highstep::core::detail {

HoldTracker::HoldTracker(const Level& level, const HoldSettings& settings)
    : two_feet_(level.exercise == Exercise::balance_two_feet),
      target_s_(level.program.hold_target_s),
      settings_(settings) {}

bool HoldTracker::matches(const SignalFrame& f) const {
    if (!f.cop_valid) return false;
    if (two_feet_) return f.stance == Stance::both;
    if (holding_) return f.stance == (side_ == Side::left ? Stance::left : Stance::right);
    return f.stance == Stance::left || f.stance == Stance::right;
}

std::optional<CopPoint> HoldTracker::reference() const {
    if (!holding_ || !ref_done_ || ref_n_ == 0) return std::nullopt;
    CopPoint p;
    p.t_s = start_s_;
    p.x_mm = ref_x_sum_ / ref_n_;
    p.y_mm = ref_y_sum_ / ref_n_;
    return p;
}

std::optional<FinishedHold> HoldTracker::end_hold(double end_s) {
    holding_ = false;
    const double held = end_s - start_s_;
    if (held < settings_.min_hold_s) return std::nullopt;
    cooldown_until_s_ = end_s + settings_.cooldown_s;
    FinishedHold h;
    h.side = side_;
    h.start_s = start_s_;
    h.end_s = end_s;
    h.hold_s = held;
    // Measure sway after the settle time, unless that leaves too little to measure.
    h.settled_s = held >= settings_.settle_s + 0.5 ? start_s_ + settings_.settle_s : start_s_;
    return h;
}

HoldUpdate HoldTracker::update(const SignalFrame& f, double t_s) {
    HoldUpdate u;
    const bool match = matches(f);
    if (!holding_) {
        if (match && t_s >= cooldown_until_s_) {
            holding_ = true;
            side_ = f.stance == Stance::right ? Side::right : Side::left;
            start_s_ = t_s;
            last_match_s_ = t_s;
            ref_x_sum_ = ref_y_sum_ = 0.0;
            ref_n_ = 0;
            ref_done_ = false;
            u.started = true;
        }
        return u;
    }
    if (match) {
        last_match_s_ = t_s;
        if (t_s - start_s_ <= settings_.settle_s) {
            ref_x_sum_ += f.cop_x_mm;
            ref_y_sum_ += f.cop_y_mm;
            ++ref_n_;
        } else {
            ref_done_ = ref_n_ > 0;
        }
        if (target_s_ > 0.0 && t_s - start_s_ >= target_s_) u.finished_hold = end_hold(t_s);
    } else if (t_s - last_match_s_ > settings_.break_grace_s) {
        u.finished_hold = end_hold(last_match_s_);
    }
    return u;
}

std::optional<FinishedHold> HoldTracker::close(double now_s) {
    if (!holding_) return std::nullopt;
    return end_hold(std::min(now_s, last_match_s_));
}

}  // namespace highstep::core::detail
