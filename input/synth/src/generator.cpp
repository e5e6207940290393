// Plays a Script through the movement primitives into a PoseTrack, noting the
// true events as it goes, then samples the track through the body model.
#include "highstep/synth/generator.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "highstep/synth/movements.h"

namespace highstep::synth {
namespace {

constexpr std::uint64_t kStreamScript = 4;
constexpr double kMinOneLegHold_s = 1.0;  // DESIGN.md: a one_leg_hold is held ≥ 1 s
constexpr double kTail_s = 0.5;           // samples after the last movement
// Longest session: 4 h is 1.4 M samples at 100 Hz (~30 MB); a longer script is a mistake.
constexpr double kMaxDuration_s = 4.0 * 3600.0;

std::string number_text(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

void check_range(double v, double lo, double hi, const char* what) {
    if (!(v >= lo && v <= hi)) {
        throw std::invalid_argument(std::string(what) + " must be in " + number_text(lo) + ".." +
                                    number_text(hi) + ", got " + number_text(v));
    }
}

void validate(const SynthSettings& s) {
    check_range(s.body.body_weight_kg, 30.0, 150.0, "body weight (kg)");
    check_range(s.rate_hz, 40.0, 100.0, "rate (Hz)");
    check_range(s.jitter_ms, 0.0, 50.0, "jitter (ms)");
    check_range(s.gaps, 0, 1000, "gaps");
    check_range(s.max_gap_s, 0.1, 1.0, "longest gap (s)");
    check_range(s.body.noise_kg, 0.0, 5.0, "noise (kg)");
    check_range(s.body.sensor_offset_kg, 0.0, 20.0, "sensor offset (kg)");
    check_range(s.body.stance_width_mm, 80.0, 380.0, "stance width (mm)");
    const double outer_mm = std::abs(s.body.feet_offset_x_mm) + s.body.stance_width_mm / 2.0;
    check_range(outer_mm, 0.0, s.body.board_width_mm / 2.0, "outer foot position (mm from centre)");
    check_range(std::abs(s.body.feet_offset_y_mm), 0.0, s.body.board_depth_mm / 2.0 - 20.0, "feet front/back offset (mm)");
}

// Plays actions one after another; `track` always ends at the current time.
class Player {
public:
    Player(const Script& script, const SynthSettings& settings)
        : script_(script), settings_(settings), rng_(Rng::stream(settings.seed, kStreamScript)) {
        track_.add(0.0, Pose{});
    }

    void play() {
        for (const Action& a : script_.actions) play(a);
        std::stable_sort(truth_.begin(), truth_.end(),
                         [](const TruthEvent& x, const TruthEvent& y) { return x.start_s < y.start_s; });
    }
    const PoseTrack& track() const { return track_; }
    std::vector<TruthEvent> take_truth() { return std::move(truth_); }

private:
    void require(const Action& a, bool on_board) const {
        if (on_board_ == on_board) return;
        throw ScriptError(script_.name, a.line,
                          std::string(to_string(a.kind)) +
                              (on_board ? " needs the player on the board (add step-on first)"
                                        : " needs an empty board (add step-off first)"));
    }
    double pick(const std::optional<double>& given, double lo, double hi) {
        return given ? *given : rng_.uniform(lo, hi);
    }
    double now() const { return track_.end_s(); }
    TruthEvent event(TruthType type, const Action& a) const {
        TruthEvent e;
        e.type = type;
        e.side = a.side;
        e.script_line = a.line;
        return e;
    }

    void play(const Action& a) {
        switch (a.kind) {
            case ActionKind::empty:
                require(a, false);
                track_.hold_until(now() + pick(a.seconds, 1.0, 2.0));
                break;
            case ActionKind::step_on: {
                require(a, false);
                share_ = pick(a.right_share, 0.45, 0.55);
                TruthEvent e = event(TruthType::step_on, a);
                e.start_s = e.end_s = append_step_on(track_, a.side, share_, rng_.uniform(0.6, 1.0));
                truth_.push_back(e);
                on_board_ = true;
                break;
            }
            case ActionKind::stand:
                require(a, true);
                if (a.right_share) {
                    share_ = *a.right_share;
                    track_.add(now() + 0.6, two_feet(share_));
                }
                track_.hold_until(now() + pick(a.seconds, 1.5, 3.0));
                break;
            case ActionKind::lean: lean(a); break;
            case ActionKind::one_leg: one_leg(a); break;
            case ActionKind::knee_drive: knee_drive(a); break;
            case ActionKind::step_off: {
                require(a, true);
                TruthEvent e = event(TruthType::step_off, a);
                e.start_s = e.end_s = append_step_off(track_, a.side, rng_.uniform(0.5, 0.8));
                truth_.push_back(e);
                on_board_ = false;
                break;
            }
            case ActionKind::step_up:
            case ActionKind::step_up_drop:
            case ActionKind::step_up_knee: step_up(a); break;
        }
    }

    void lean(const Action& a) {
        require(a, true);
        // Lean by moving weight between the feet; past a foot, the CoP moves within it.
        const double stance = settings_.body.stance_width_mm;
        const double share = std::clamp(0.5 + a.x_mm / stance, 0.05, 0.95);
        Pose target = two_feet(share);
        target.lean_x_mm = a.x_mm - (share - 0.5) * stance;
        target.lean_y_mm = a.y_mm;
        const double move_s = rng_.uniform(0.8, 1.5);
        track_.add(now() + move_s, target);
        track_.hold_until(now() + a.seconds.value_or(3.0));
        track_.add(now() + move_s, two_feet(share_));
    }

    void one_leg(const Action& a) {
        require(a, true);
        TruthEvent e = event(TruthType::one_leg_hold, a);
        e.start_s = append_shift_to_one_leg(track_, a.side, rng_.uniform(0.5, 0.9));
        track_.hold_until(e.start_s + pick(a.seconds, 1.5, 4.0));
        e.end_s = append_foot_down(track_, share_, rng_.uniform(0.25, 0.4));
        e.hold_s = e.end_s - e.start_s;
        if (e.hold_s >= kMinOneLegHold_s) truth_.push_back(e);
    }

    void knee_drive(const Action& a) {
        require(a, true);
        KneeDriveShape shape;
        shape.shift_s = rng_.uniform(0.2, 0.4);
        shape.dip_bw = rng_.uniform(0.85, 0.95);
        shape.to_peak_s = rng_.uniform(0.15, 0.25);
        shape.peak_bw = pick(a.peak_bw, 1.1, 1.3);
        shape.settle_s = rng_.uniform(0.2, 0.3);
        const KneeDriveTimes t = append_knee_drive(track_, a.side, shape);
        // "Holds it for a moment": at least a little past settling.
        track_.hold_until(std::max(t.settled_s + 0.2, t.lift_off_s + pick(a.seconds, 1.0, 3.0)));
        TruthEvent e = event(TruthType::knee_drive, a);
        e.start_s = t.start_s;
        e.end_s = append_foot_down(track_, share_, rng_.uniform(0.25, 0.4));
        e.hold_s = e.end_s - t.lift_off_s;
        e.peak_bw = track_.max_total_bw(t.start_s, e.end_s);
        truth_.push_back(e);
    }

    void step_up(const Action& a) {
        require(a, false);
        const bool knee = a.kind == ActionKind::step_up_knee;
        const bool drop = a.kind == ActionKind::step_up_drop;
        TruthEvent up = event(TruthType::step_up, a);
        up.start_s = append_foot_contact(track_, a.side, rng_.uniform(0.15, 0.35), rng_.uniform(0.08, 0.15));
        track_.hold_until(now() + rng_.uniform(0.25, 0.6));  // lead foot planted, about to push
        PushOffShape shape;
        shape.rise_to_peak_s = rng_.uniform(0.2, 0.35);
        shape.peak_bw = pick(a.peak_bw, 1.1, 1.3);
        shape.settle_s = rng_.uniform(0.2, 0.3);
        const PushOffTimes push = append_push_off(track_, a.side, !knee, shape);
        up.top_s = track_.first_time_total_at_least(1.0, push.start_s, push.peak_s);
        if (knee) {
            // Hold counted from the top, as the knee-drive truth's hold_s is.
            track_.hold_until(std::max(push.settled_s + 0.2, up.top_s + pick(a.seconds, 1.0, 3.0)));
        } else {
            track_.hold_until(push.settled_s + rng_.uniform(0.5, 1.2));
        }
        const double lowering_s = pick(a.lowering_s, drop ? 0.15 : 1.0, drop ? 0.3 : 2.0);
        const LoweringTimes low = append_lowering(track_, a.side, lowering_s);
        up.end_s = low.end_s;
        up.lowering_s = low.end_s - low.start_s;
        up.peak_bw = track_.max_total_bw(up.start_s, low.start_s);
        up.ends_in_knee_drive = knee;
        up.drop = up.lowering_s < 0.4;
        truth_.push_back(up);
        if (knee) {
            // The trail knee is driven up at the push-off; the hold lasts until the
            // lifted foot goes back down to the floor (the lowering begins).
            TruthEvent kd = event(TruthType::knee_drive, a);
            kd.start_s = push.start_s;
            kd.end_s = low.start_s;
            kd.hold_s = low.start_s - up.top_s;
            kd.peak_bw = up.peak_bw;
            truth_.push_back(kd);
        }
    }

    const Script& script_;
    const SynthSettings& settings_;
    Rng rng_;
    PoseTrack track_;
    std::vector<TruthEvent> truth_;
    bool on_board_ = false;
    double share_ = 0.5;  // right-foot share of quiet two-foot stance
};

}  // namespace

SynthSession generate(const Script& script, const SynthSettings& settings) {
    validate(settings);
    Player player(script, settings);
    player.play();
    SynthSession session;
    session.truth = player.take_truth();
    session.duration_s = player.track().end_s() + kTail_s;
    if (session.duration_s > kMaxDuration_s) {
        throw std::invalid_argument("the script lasts " + number_text(session.duration_s / 3600.0) +
                                    " h; sessions are limited to 4 h");
    }
    BodyModel body(settings.body, settings.seed);
    for (double t : sample_times(session.duration_s, settings)) {
        session.samples.push_back(body.sample(t, player.track().at(t)));
    }
    return session;
}

}  // namespace highstep::synth
