// Step on, step off, step-up.
//
// A visit to the board runs from first contact to the board empty again. A visit is
// either a rep (step_up) or standing on the board (step_on ... step_off): the truth of
// ../shared/DESIGN.md's events, where step_on is "load rose to a standing load".
// A visit is a step-up when, as DESIGN.md describes it, the load goes
// 0 -> partial (the lead foot) -> full body weight -> back down through partial -> 0,
// briskly: the top is reached within max_rise_s of contact, left within max_top_s
// (max_top_knee_s when a knee drive is held at the top),
// and the whole visit is shorter than max_episode_s. Standing on the board for a
// balance exercise is a visit too long to be a rep. The visit is judged when the
// board is empty again, from a buffer of its samples (the event cannot be certain
// earlier: until the lowering, the player may simply stay). Likewise step_on is sent
// once the visit can no longer be a rep (too long at the top, too slow a rise), with
// the time of first contact; a visit that ends without being a rep sends both.
//
// Times, on the visit's total load smoothed over +-40 ms (centred: the visit is over):
//   start_s     first contact (the stance classifier's extrapolated onset)
//   top_s       the load first reaches top_bw × BW
//   lowering    from the last time the load was at top_bw × BW to the board empty:
//               a drop gives a short lowering_s, a controlled descent a long one
//   peak_bw     highest load / BW (the push-off)
//   lead        the leg that stood alone on the board (on the way up and at the top);
//               failing that, the side of the first foot's CoP against the two-foot top.
//               A visit where neither shows a lead foot (both feet landed at once) is
//               not a step-up.
#include "recognise/detect_steps.h"

#include <algorithm>
#include <cmath>

namespace highstep::core::detail {

namespace {
constexpr double kLeadFootU = 0.35;  // the lead foot's CoP: this share of the way to a foot, at least
constexpr std::size_t kMaxEpisodeSamples = 12000;  // 12 s at 1 kHz
constexpr double kMinPersonKg = 15.0;   // a visit must carry this much, and kMinPersonBw × BW,
constexpr double kMinPersonBw = 0.3;    // to be someone stepping on
constexpr double kFullBw = 0.80;    // the stance classifier's partial -> full load (SignalSettings::full_enter_bw)
constexpr double kTopMarginS = 0.5;  // the top seen online (raw load) is a little earlier than the smoothed one
}  // namespace

void StepDetector::note_knee_drive(const KneeDriveEvent& event) {
    if (!on_board_) return;
    knee_drive_ = true;
    knee_drive_end_s_ = event.end_s;
}

void StepDetector::push(const SignalFrame& frame, Stance previous, std::vector<Event>& out) {
    if (!started_) {
        started_ = true;
        first_t_s_ = frame.t_s;
    }
    const bool on = frame.stance != Stance::off;
    if (on && !on_board_) {
        on_board_ = true;
        contact_s_ = frame.stance_since_s;
        knee_drive_ = false;
        top_seen_s_.reset();
        episode_.clear();
        // Someone already on the board when the data began did not step on: no event,
        // and the visit cannot be a step-up (its contact was never seen).
        standing_ = contact_s_ <= first_t_s_;
        step_on_sent_ = standing_;
        visit_max_kg_ = 0.0;
    }
    if (on_board_) visit_max_kg_ = std::max(visit_max_kg_, frame.total_smooth_kg);
    last_bw_kg_ = frame.body_weight_kg;
    if (pending_ && frame.body_weight_kg > 0.0) judge_pending(frame, out);
    // A visit that never carried a person's weight is a foot tapping the board, or an
    // untared board reading its own offsets: neither steps on nor off.
    const bool person = visit_max_kg_ >= std::max(kMinPersonKg, kMinPersonBw * frame.body_weight_kg);
    if (!on && on_board_ && previous != Stance::off) {
        on_board_ = false;
        const double end_s = frame.stance_since_s;
        if (!standing_ && frame.body_weight_kg <= 0.0 && !pending_ && episode_.size() >= 3) {
            // Not judged yet: without a body weight there is no telling a step-up's top.
            pending_ = true;
            pending_end_s_ = end_s;
            pending_contact_s_ = contact_s_;
            pending_max_kg_ = visit_max_kg_;
            pending_episode_.swap(episode_);
            episode_.clear();
            return;
        }
        const bool rep = !standing_ && finish_episode(end_s, frame.body_weight_kg, frame.stance_centre_x_mm,
                                                     frame.half_stance_mm, out);
        if (!rep && person) {
            send_step_on(out);
            out.emplace_back(StepOffEvent{end_s});
        }
        episode_.clear();
        return;
    }
    if (!on_board_) return;
    if (standing_) {
        if (person) send_step_on(out);
        return;
    }

    // Still possibly a rep? Once it is certainly not, the player has stepped on to stand.
    const double bw = frame.body_weight_kg;
    if (!top_seen_s_ && bw > 0.0 && frame.total_kg >= settings_.top_bw * bw) top_seen_s_ = frame.t_s;
    const double t = frame.t_s;
    if (t - contact_s_ > settings_.max_episode_s || (!top_seen_s_ && t - contact_s_ > settings_.max_rise_s) ||
        (top_seen_s_ && t - *top_seen_s_ > settings_.max_top_knee_s + kTopMarginS)) {
        standing_ = true;
        episode_.clear();
        if (person) send_step_on(out);
        return;
    }
    if (episode_.size() >= kMaxEpisodeSamples) {  // time standing still: no rep can be judged
        standing_ = true;
        episode_.clear();
        return;
    }
    episode_.push_back({frame.t_s, frame.total_kg, frame.cop_x_mm, frame.cop_valid, frame.stance});
}

void StepDetector::send_step_on(std::vector<Event>& out) {
    if (step_on_sent_) return;
    step_on_sent_ = true;
    out.emplace_back(StepOnEvent{contact_s_});
}

void StepDetector::judge_pending(const SignalFrame& frame, std::vector<Event>& out) {
    // The visit before the body weight was known, judged under it now (its step_on and
    // step_off, if it was no rep, come late: analyze sorts events by time).
    pending_ = false;
    const double bw = frame.body_weight_kg;
    std::swap(episode_, pending_episode_);
    std::swap(contact_s_, pending_contact_s_);
    const bool saved_knee = knee_drive_;
    knee_drive_ = false;
    const bool rep = bw > 0.0 &&
                     finish_episode(pending_end_s_, bw, frame.stance_centre_x_mm, frame.half_stance_mm, out, true);
    knee_drive_ = saved_knee;
    std::swap(episode_, pending_episode_);
    std::swap(contact_s_, pending_contact_s_);
    pending_episode_.clear();
    if (!rep && pending_max_kg_ >= std::max(kMinPersonKg, kMinPersonBw * bw)) {
        out.emplace_back(StepOnEvent{pending_contact_s_});
        out.emplace_back(StepOffEvent{pending_end_s_});
    }
}

void StepDetector::finish(std::vector<Event>& out) {
    if (pending_) {  // the body weight never became known: a visit, not a rep
        pending_ = false;
        if (pending_max_kg_ >= kMinPersonKg) {
            out.emplace_back(StepOnEvent{pending_contact_s_});
            out.emplace_back(StepOffEvent{pending_end_s_});
        }
    }
    // The data ended with the player on the board.
    if (on_board_ && visit_max_kg_ >= std::max(kMinPersonKg, kMinPersonBw * last_bw_kg_)) send_step_on(out);
}

bool StepDetector::finish_episode(double end_s, double bw, double centre_x_mm, double half_stance_mm,
                                  std::vector<Event>& out, bool late) {
    const std::size_t n = episode_.size();
    if (bw <= 0.0 || n < 3) return false;

    // Centred moving average of the total.
    std::vector<double> smooth(n);
    std::size_t lo = 0, hi = 0;
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        while (hi < n && episode_[hi].t_s <= episode_[i].t_s + settings_.smooth_half_s) sum += episode_[hi++].kg;
        while (episode_[lo].t_s < episode_[i].t_s - settings_.smooth_half_s) sum -= episode_[lo++].kg;
        smooth[i] = sum / static_cast<double>(hi - lo);
    }

    const double top_kg = settings_.top_bw * bw;
    std::size_t first_top = n, last_top = n;
    double peak_kg = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        peak_kg = std::max(peak_kg, smooth[i]);
        if (smooth[i] >= top_kg) {
            if (first_top == n) first_top = i;
            last_top = i;
        }
    }
    if (first_top == n) return false;  // never stood up on the board

    auto crossing = [&](std::size_t i, std::size_t j) {  // where smooth crosses top_kg between i and j
        const double a = smooth[i], b = smooth[j];
        if (std::fabs(b - a) < 1e-9) return episode_[j].t_s;
        const double f = std::clamp((top_kg - a) / (b - a), 0.0, 1.0);
        return episode_[i].t_s + f * (episode_[j].t_s - episode_[i].t_s);
    };
    const double top_s = first_top > 0 ? crossing(first_top - 1, first_top) : episode_[first_top].t_s;
    const double leave_s = last_top + 1 < n ? crossing(last_top, last_top + 1) : episode_[last_top].t_s;

    const double rise_s = top_s - contact_s_;
    const bool knee_top = knee_drive_ && knee_drive_end_s_ >= leave_s - 0.5;
    const double max_top_s = knee_top ? settings_.max_top_knee_s : settings_.max_top_s;
    if (rise_s > settings_.max_rise_s || leave_s - top_s > max_top_s) return false;

    // Lead leg: whichever leg stood alone on the board at full load.
    double single_right = 0.0, single_left = 0.0;
    double both_x = 0.0, both_n = 0.0, contact_x = 0.0, contact_n = 0.0;
    double settled_x = 0.0, settled_n = 0.0;
    // The two-foot top settled: its last third, before the lowering. (Earlier, the push-off
    // may still be on the lead foot; later, the lowering moves the weight back onto it.)
    const double settled_from_s = top_s + (leave_s - top_s) * 2.0 / 3.0;
    for (std::size_t i = 0; i < n; ++i) {
        const Point& p = episode_[i];
        const double dt = i + 1 < n ? episode_[i + 1].t_s - p.t_s : 0.0;
        // Judged late, the stances seen were all "partial" (no weight to be full against):
        // the load under the weight known now says which were full.
        const Stance stance = late ? (p.kg >= kFullBw * bw ? Stance::both : Stance::partial) : p.stance;
        if (stance == Stance::right) single_right += dt;
        if (stance == Stance::left) single_left += dt;
        if (stance == Stance::both && p.cop_valid) {
            both_x += p.x_mm;
            both_n += 1.0;
            if (p.t_s >= settled_from_s && p.t_s <= leave_s) {
                settled_x += p.x_mm;
                settled_n += 1.0;
            }
        }
        if (i < first_top && p.cop_valid && stance == Stance::partial) {
            contact_x += p.x_mm;
            contact_n += 1.0;
        }
    }
    // The lead foot arrives alone: its CoP sits well to one side of the two-foot stance.
    // Both feet landing at once (a jump on) is no step-up, whatever follows.
    // Judged late, a top on the lead leg (a knee drive) looks like two feet: the centre
    // learned since is the reference.
    const double reference = late ? centre_x_mm
                                  : settled_n > 0.0 ? settled_x / settled_n : (both_n > 0.0 ? both_x / both_n : centre_x_mm);
    const double contact_u = contact_n > 0.0 ? (contact_x / contact_n - reference) / half_stance_mm : 0.0;
    if (std::fabs(contact_u) < kLeadFootU && single_right <= 0.0 && single_left <= 0.0) return false;
    Side lead;
    if (single_right > 0.0 || single_left > 0.0) {
        lead = single_right >= single_left ? Side::right : Side::left;
    } else {
        lead = contact_u > 0.0 ? Side::right : Side::left;
    }

    StepUpEvent e;
    e.lead = lead;
    e.start_s = contact_s_;
    e.top_s = top_s;
    e.end_s = end_s;
    e.rise_s = rise_s;
    e.lowering_s = std::max(0.0, end_s - leave_s);
    e.peak_bw = peak_kg / bw;
    e.ends_in_knee_drive = knee_top;
    out.emplace_back(e);
    return true;
}

}  // namespace highstep::core::detail
