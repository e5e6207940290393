#pragma once
// Balance holds, tracked live from the signal frames: a hold starts when the
// player is in the level's stance (two feet, or one foot), is done when it
// reaches the target, and ends early when the stance breaks. Private to the session.
#include <optional>

#include "highstep/core/level/level.h"
#include "highstep/core/recognise/events.h"
#include "highstep/core/signal/signal.h"
#include "highstep/core/signal/stability.h"

namespace highstep::core::detail {

struct FinishedHold {
    Side side = Side::left;
    double start_s = 0.0;
    double settled_s = 0.0;  // stability is measured from here (the step-in transient excluded)
    double end_s = 0.0;
    double hold_s = 0.0;
};

struct HoldUpdate {
    bool started = false;
    std::optional<FinishedHold> finished_hold;
};

struct HoldSettings {
    double settle_s = 0.5;         // first part of a hold: finding the balance, not scored for sway
    double break_grace_s = 0.2;    // a stance change shorter than this does not end a hold
    double min_hold_s = 0.5;       // a shorter hold is a stumble, not a rep
    double cooldown_s = 2.0;       // after a hold, time before the next one can start
};

class HoldTracker {
public:
    explicit HoldTracker(const Level& level, const HoldSettings& settings = {});
    // Any side may start a one-foot hold; the program decides whether it counts.
    HoldUpdate update(const SignalFrame& frame, double t_s);
    bool holding() const { return holding_; }
    double hold_s(double now_s) const { return holding_ ? now_s - start_s_ : 0.0; }
    // Mean CoP over the settle time: the point the platform balances around.
    std::optional<CopPoint> reference() const;
    // Ends an open hold (end of the session); returns it if it is long enough to count.
    std::optional<FinishedHold> close(double now_s);

private:
    bool matches(const SignalFrame& frame) const;
    std::optional<FinishedHold> end_hold(double end_s);

    bool two_feet_;
    double target_s_;
    HoldSettings settings_;
    bool holding_ = false;
    Side side_ = Side::left;
    double start_s_ = 0.0;
    double last_match_s_ = 0.0;
    double cooldown_until_s_ = -1e300;
    double ref_x_sum_ = 0.0;
    double ref_y_sum_ = 0.0;
    int ref_n_ = 0;
    bool ref_done_ = false;
};

}  // namespace highstep::core::detail
