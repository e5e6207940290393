// The simulated board: intents (SimControls) → movement primitives → body model.
#include "highstep/synth/simulated_board.h"

#include <algorithm>
#include <cmath>

#include "highstep/synth/movements.h"

namespace highstep::synth {
namespace {

constexpr std::uint64_t kStreamSimTiming = 7;

// How the player is standing, as far as the board is concerned.
enum class Kind { empty, partial, single, both };
struct Stance {
    Kind kind = Kind::empty;
    Side side = Side::left;  // the foot on the board for partial/single
    bool operator==(const Stance&) const = default;
};

// Movement timings for keyboard play: typical values of the scripted ranges.
constexpr double kContact_s = 0.12;
constexpr double kPartialBw = 0.25;
constexpr double kControlledLowering_s = 1.4;  // both feet → partial, slow as the training asks
constexpr double kDrop_s = 0.3;                // released everything at once
constexpr double kLiftLastFoot_s = 0.15;
constexpr double kQuickSecondFoot_s = 0.35;    // second foot this soon after the first: stepping on, not a step-up
constexpr double kShiftTau_s = 0.25;           // weight shifts follow the stick/keys with this lag
constexpr double kShiftShare = 0.35;           // full shift moves this share of weight between the feet
constexpr double kShiftLeanX_mm = 20.0;        // on one foot, a full shift moves the CoP this far
constexpr double kShiftLeanY_mm = 45.0;        // full front/back shift

// The drive key: a short dip and a push peak of 1.2 × the current load.
double drive_factor(double since_s) {
    if (since_s < 0.0 || since_s > 0.45) return 1.0;
    auto ease = [](double u) { return u * u * (3.0 - 2.0 * u); };
    if (since_s < 0.1) return 1.0 - 0.08 * ease(since_s / 0.1);
    if (since_s < 0.25) return 0.92 + 0.28 * ease((since_s - 0.1) / 0.15);
    return 1.2 - 0.2 * ease((since_s - 0.25) / 0.2);
}

}  // namespace

SimulatedBoard::SimulatedBoard(const SimulatedBoardSettings& settings)
    : settings_(settings),
      body_(settings.body, settings.seed),
      timing_rng_(Rng::stream(settings.seed, kStreamSimTiming)) {}

SimulatedBoard::Foot SimulatedBoard::foot_state(bool right) const {
    const bool knee = right ? controls_.right_knee_up : controls_.left_knee_up;
    const bool on = right ? controls_.right_foot_on : controls_.left_foot_on;
    if (knee) return Foot::lifted;
    return on ? Foot::board : Foot::floor;
}

namespace {

Stance stance_of(int left, int right) {  // 0 floor, 1 board, 2 lifted
    const bool l_on = left == 1, r_on = right == 1;
    if (l_on && r_on) return {Kind::both, Side::left};
    if (l_on) return {right == 2 ? Kind::single : Kind::partial, Side::left};
    if (r_on) return {left == 2 ? Kind::single : Kind::partial, Side::right};
    return {Kind::empty, Side::left};
}

Pose target_of(const Stance& s) {
    switch (s.kind) {
        case Kind::empty: return Pose{};
        case Kind::partial: return one_foot(s.side, kPartialBw, kSwayStepping);
        case Kind::single: return one_foot(s.side, 1.0, kSwayOneLeg);
        case Kind::both: return two_feet(0.5);
    }
    return Pose{};
}

}  // namespace

void SimulatedBoard::plan_transition(Foot old_left, Foot old_right, double from_s) {
    const Stance from = stance_of(static_cast<int>(old_left), static_cast<int>(old_right));
    const Stance to = stance_of(static_cast<int>(foot_state(false)), static_cast<int>(foot_state(true)));
    if (from == to) return;
    plan_.cut_at(from_s);
    const Side heavier = plan_.last().right_bw > plan_.last().left_bw ? Side::right : Side::left;
    if (from.kind == Kind::empty && to.kind == Kind::partial) {
        partial_since_s_ = from_s;
        append_foot_contact(plan_, to.side, kPartialBw, kContact_s);
    } else if (from.kind == Kind::empty && to.kind == Kind::both) {
        append_step_on(plan_, Side::left, 0.5);
    } else if (from.kind == Kind::empty && to.kind == Kind::single) {
        append_foot_contact(plan_, to.side, kPartialBw, kContact_s);
        append_push_off(plan_, to.side, false, PushOffShape{});
    } else if (from.kind == Kind::partial && to.kind == Kind::both) {
        if (from_s - partial_since_s_ < kQuickSecondFoot_s) {
            plan_.add(from_s + 0.5, two_feet(0.5));  // both feet on in one go: stepping on
        } else {
            append_push_off(plan_, from.side, true, PushOffShape{});  // a step-up
        }
    } else if (from.kind == Kind::partial && to.kind == Kind::single && to.side == from.side) {
        append_push_off(plan_, from.side, false, PushOffShape{});  // step-up, knee drive at the top
    } else if (from.kind == Kind::both && to.kind == Kind::single) {
        append_knee_drive(plan_, to.side, KneeDriveShape{});
    } else if ((from.kind == Kind::both || from.kind == Kind::single) && to.kind == Kind::partial) {
        append_lowering(plan_, to.side, kControlledLowering_s, kPartialBw, false);
    } else if ((from.kind == Kind::both || from.kind == Kind::single) && to.kind == Kind::empty) {
        append_lowering(plan_, from.kind == Kind::single ? from.side : heavier, kDrop_s);
    } else if (from.kind == Kind::single && to.kind == Kind::both) {
        append_foot_down(plan_, 0.5);
    } else if (to.kind == Kind::empty) {
        plan_.add(from_s + kLiftLastFoot_s, Pose{});
    } else {
        plan_.add(from_s + 0.3, target_of(to));  // anything else: a plain smooth change
    }
}

void SimulatedBoard::set_controls(const SimControls& controls) { set_controls(controls, now_s_); }

void SimulatedBoard::set_controls(const SimControls& controls, double at_s) {
    // Samples already made stay as they were: a change stamped before them takes effect
    // from the last one (the caller's clock and the board's may be a frame apart).
    const double from_s = std::max(at_s, now_s_);
    const Foot old_left = foot_state(false);
    const Foot old_right = foot_state(true);
    const bool drive_pressed = controls.drive && !controls_.drive;
    controls_ = controls;
    controls_.shift_x = std::clamp(controls.shift_x, -1.0, 1.0);
    controls_.shift_y = std::clamp(controls.shift_y, -1.0, 1.0);
    if (drive_pressed) drive_start_s_ = from_s;
    if (plan_.empty()) plan_.add(now_s_, Pose{});
    plan_transition(old_left, old_right, from_s);
}

Pose SimulatedBoard::shifted(Pose pose, double t_s) const {
    const double total = pose.total_bw();
    if (pose.left_bw > 0.05 && pose.right_bw > 0.05) {
        const double right = std::clamp(pose.right_bw / total + kShiftShare * shift_x_, 0.03, 0.97);
        pose.right_bw = total * right;
        pose.left_bw = total * (1.0 - right);
    } else {
        pose.lean_x_mm += kShiftLeanX_mm * shift_x_;
    }
    pose.lean_y_mm += kShiftLeanY_mm * shift_y_;
    const double f = drive_factor(t_s - drive_start_s_);
    pose.left_bw *= f;
    pose.right_bw *= f;
    return pose;
}

Pose SimulatedBoard::pose() const { return shifted(plan_.at(now_s_), now_s_); }

void SimulatedBoard::advance_to(double t_s) {
    if (!started_) {
        started_ = true;
        now_s_ = next_sample_s_ = t_s;
        if (plan_.empty()) plan_.add(t_s, Pose{});
    }
    if (t_s < now_s_) return;
    const double period_s = 1.0 / settings_.rate_hz;
    double last_s = now_s_;
    while (next_sample_s_ <= t_s) {
        const double t = next_sample_s_;
        // Muscles do not follow a key instantly: first-order lag on the shifts.
        const double a = 1.0 - std::exp(-(t - last_s) / kShiftTau_s);
        shift_x_ += (controls_.shift_x - shift_x_) * a;
        shift_y_ += (controls_.shift_y - shift_y_) * a;
        last_s = t;
        queue_.push_back(body_.sample(t, shifted(plan_.at(t), t)));
        if (queue_.size() > settings_.max_queued) {
            queue_.pop_front();
            ++dropped_;
        }
        next_sample_s_ += std::max(period_s * 0.25,
                                   period_s + settings_.jitter_ms / 1000.0 * timing_rng_.normal());
    }
    now_s_ = t_s;
    plan_.drop_before(now_s_);
}

std::optional<BoardSample> SimulatedBoard::poll() {
    if (queue_.empty()) return std::nullopt;
    BoardSample s = queue_.front();
    queue_.pop_front();
    return s;
}

}  // namespace highstep::synth
