// Knee drives and one-leg holds.
//
// Both are a stretch of single-leg stance (the stance classifier's left/right). What
// tells them apart is the drive: DESIGN.md's knee drive has a force dip then a drive
// peak above body weight as the knee is driven up and the stance foot pushes into
// the board. The peak is looked for in the 60 ms averaged total from peak_before_s
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
// Where it starts: where the weight began to shift (shift_start_s). Knee drives also
// tell the stance classifier where that foot stands (take_foot).
#include "recognise/detect_single_leg.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "recognise/rise_start.h"

namespace highstep::core::detail {

namespace {
// The stance classifier may date a stance's start back by up to its 3 s history (the
// body weight learned from the stance itself); the peak window and the push-off reach
// back from there.
constexpr double kRecentS = 4.0;
constexpr std::size_t kMaxRecent = 8192;  // bounded even if time stands still
constexpr double kPeakWindowS = 0.06;   // the drive peak: highest load averaged over this
constexpr double kArriveS = 1.0;        // the CoP's arrival on the foot is looked for until this far into the stance
constexpr double kMinWayOutU = 0.3;     // ... after a way out of at least this share of the way to the foot
constexpr double kWholeWeightBw = 0.97;   // stepping onto a foot, the board carries the whole weight from here ...
constexpr double kWholeWeightWithinS = 2.0;  // ... looked for this long into the stance
constexpr double kMaxReleaseS = 1.0;    // the end of a hold is looked for this far back
constexpr double kMinFallBw = 0.03;     // ... and needs a fall of the load of this much (x BW)
constexpr double kMinCopFallU = 0.15;   // ... or of the CoP of this share of the way to the foot
constexpr double kPeakAboveBw = 1.03;   // a load this high before the lowering is the drive peak ...
constexpr double kPeakSettleS = 0.3;    // ... settling back to body weight for this long
constexpr double kTailS = 2.5;          // the load's last seconds, wherever the stance is
constexpr double kMaxShiftS = 1.0;      // a weight shift from two feet is looked for this far before the stance
constexpr double kMaxPushOffS = 1.5;    // a step-up's push-off is looked for this far before the stance
constexpr double kFirstFootS = 0.2;     // the first foot's CoP: this long after contact
constexpr double kFullBeforeS = 0.3;    // a full load this long before one leg: two feet first, not a push-off
constexpr double kSeenShare = 0.5;      // a stance must have been seen for this share of the shortest one
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
    // Keep the last seconds; during a single-leg stance, as much again after its start
    // (the peak window, and a start re-dated under a later body weight).
    if ((!active_ || frame.t_s <= entry_s_ + kRecentS) && recent_.size() < kMaxRecent) {
        recent_.push_back({frame.t_s, frame.total_kg, u, frame.cop_valid, frame.cop_x_mm, frame.cop_y_mm});
    }
    if (!active_) {
        while (recent_.size() > 1 && frame.t_s - recent_.front().t_s > kRecentS) recent_.pop_front();
    }
    tail_.push_back({frame.t_s, frame.total_kg, frame.cop_valid, frame.cop_x_mm});
    while (tail_.size() > 1 && (frame.t_s - tail_.front().t_s > kTailS || tail_.size() > kMaxRecent)) tail_.pop_front();

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
    half_stance_mm_ = frame.half_stance_mm;
    if (frame.total_smooth_kg >= settings_.full_weight_bw * frame.body_weight_kg) last_full_s_ = frame.t_s;
    // A foot whose place only the row of still places told is no foot seen: the end of
    // that row may have been two feet leaning, and the sway still tells.
    const bool seen = side_ == Side::right ? frame.right_foot_seen && !frame.right_foot_told
                                           : frame.left_foot_seen && !frame.left_foot_told;
    if (seen) foot_seen_ = true;
    if (frame.cop_valid) points_.push_back(filter_.push({frame.t_s, frame.cop_x_mm, frame.cop_y_mm}));
}

void SingleLegDetector::begin(const SignalFrame& frame, Stance previous) {
    active_ = true;
    side_ = frame.stance == Stance::right ? Side::right : Side::left;
    foot_seen_ = false;
    entry_s_ = frame.stance_since_s;
    recognised_s_ = frame.t_s;
    came_from_ = previous;
    came_from_since_s_ = previous_since_s_;
    body_weight_kg_ = frame.body_weight_kg;
    start_s_ = shift_start_s();
    last_full_s_ = frame.t_s;
    filter_.reset();
    points_.clear();
    // The stance may have begun before this frame (its start is backdated): its CoP
    // since then belongs to the hold.
    for (const Point& p : recent_) {
        if (p.t_s >= entry_s_ && p.t_s < frame.t_s && p.cop_valid) points_.push_back(filter_.push({p.t_s, p.x_mm, p.y_mm}));
    }
}

double SingleLegDetector::shift_start_s() const {
    // When the weight began to shift to the stance leg. From two feet: the CoP left
    // where it rested and moved out to the foot. From a step-up's lead foot: the load
    // on the board left the lead foot's plateau and rose to full weight (the push-off).
    // Either is a value that sat still and then rose (the CoP counted toward the stance
    // side); against the straight line from the first moment looked at to the stance's
    // start, it sits lowest where the rise began (the end of the rest, or the bend from
    // a slow drift into the movement itself). Measured against where it rested, not a
    // learned stance centre: players rest off-centre, and differently each time.
    if (came_from_ != Stance::both && came_from_ != Stance::partial) return entry_s_;
    bool load = came_from_ == Stance::partial;
    double from_s = std::max(previous_since_s_, entry_s_ - (load ? kMaxPushOffS : kMaxShiftS));
    if (load && body_weight_kg_ > 0.0) {
        // "Partial" only because the body weight was not known yet: if the load was full
        // well before the stance began, the player stood on two feet first (stepping on,
        // then onto one leg), and the shift is the CoP's, from when the load was full.
        for (const Point& p : recent_) {
            if (p.t_s < from_s || p.raw_kg < settings_.full_enter_bw * body_weight_kg_) continue;
            if (entry_s_ - p.t_s > kFullBeforeS) {
                load = false;
                from_s = std::max(p.t_s, entry_s_ - kMaxShiftS);
            }
            break;
        }
    }
    const double toward = side_ == Side::right ? 1.0 : -1.0;
    auto value = [&](const Point& p) { return load ? p.raw_kg : toward * p.x_mm; };
    auto usable = [&](const Point& p) { return load || p.cop_valid; };
    std::vector<TimedValue> rise;
    for (const Point& p : recent_) {
        if (p.t_s < from_s || !usable(p)) continue;
        rise.push_back({p.t_s, value(p)});
        if (p.t_s >= entry_s_) break;
    }
    const double best_s = rise_start_s(rise, entry_s_);
    return std::min(best_s, entry_s_);
}

double SingleLegDetector::drive_peak_kg(double exit_s) const {
    // The drive belongs to this stance change: a peak from before the previous stance
    // began (the push-off of a step-up whose top was on two feet) does not count, nor
    // one while the weight is still between the feet (a foot landing) or after the
    // lifted foot came back down.
    const double from_s = std::max(entry_s_ - settings_.peak_before_s, previous_since_s_);
    const double to_s = std::min(entry_s_ + settings_.peak_after_s, exit_s);
    // The load is averaged over kPeakWindowS: long enough to tame the noise, short
    // enough that a gentle drive's brief peak (1.05-1.15 BW) is not flattened below
    // the threshold (a 100 ms average loses a quarter of a sharp 0.4 s peak's height).
    // "Toward the stance foot": from two feet, most of the way out from the stance centre.
    // From a lone foot (a step-up's lead foot), near where the hold stands: the feet may
    // not be known yet, and that foot was alone on the board all along.
    const double toward = side_ == Side::right ? 1.0 : -1.0;
    std::vector<double> hold_xs;
    if (came_from_ == Stance::partial) {
        for (const Point& p : recent_) {
            if (p.t_s >= entry_s_ && p.t_s <= to_s && p.cop_valid) hold_xs.push_back(p.x_mm);
        }
    }
    std::optional<double> hold_x;
    if (!hold_xs.empty()) {
        std::nth_element(hold_xs.begin(), hold_xs.begin() + static_cast<std::ptrdiff_t>(hold_xs.size() / 2), hold_xs.end());
        hold_x = hold_xs[hold_xs.size() / 2];
    }
    auto on_stance_side = [&](const Point& p) {
        if (hold_x) return p.cop_valid && std::fabs(p.x_mm - *hold_x) <= (1.0 - settings_.drive_side_u) * half_stance_mm_;
        return p.u * toward >= settings_.drive_side_u;
    };
    double peak = 0.0;
    double sum = 0.0;
    std::size_t lo = 0;
    for (std::size_t i = 0; i < recent_.size(); ++i) {
        const Point& p = recent_[i];
        sum += p.raw_kg;
        while (recent_[lo].t_s <= p.t_s - kPeakWindowS) sum -= recent_[lo++].raw_kg;
        if (p.t_s < from_s || p.t_s > to_s || !on_stance_side(p)) continue;
        peak = std::max(peak, sum / static_cast<double>(i + 1 - lo));
    }
    return peak;
}

double SingleLegDetector::on_foot_since_s(double end_s) const {
    // The stance classifier calls it one leg once the CoP is most of the way to the
    // foot; the other foot has left the board when the CoP arrives where it then stays:
    // the end of its way out, where it bends from moving to resting. Against the straight
    // line from where the shift began to a moment on the foot, the CoP (counted toward
    // the stance side) stands highest there. Without such a way out (a step-up's lead
    // foot was alone all along) the stance's start is the answer.
    const double toward = side_ == Side::right ? 1.0 : -1.0;
    const double from_s = std::min(start_s_, entry_s_);
    // Until kArriveS into the stance, or until it was recognised if that was later (its
    // start dated back under a body weight learned from the stance itself: the CoP may
    // still have been on its way out then).
    const double to_s = std::min(end_s, std::max(entry_s_ + kArriveS, recognised_s_));
    const Point* first = nullptr;
    const Point* last = nullptr;
    for (const Point& p : recent_) {
        if (p.t_s < from_s || !p.cop_valid) continue;
        if (p.t_s > to_s) break;
        if (!first) first = &p;
        last = &p;
    }
    if (!first || !last || last->t_s - first->t_s <= 0.0) return entry_s_;
    const double slope = toward * (last->x_mm - first->x_mm) / (last->t_s - first->t_s);
    double best_above = 0.0;
    const Point* best = nullptr;
    for (const Point& p : recent_) {
        if (p.t_s < first->t_s || !p.cop_valid) continue;
        if (p.t_s > last->t_s) break;
        const double above = toward * (p.x_mm - first->x_mm) - slope * (p.t_s - first->t_s);
        if (above > best_above) {
            best_above = above;
            best = &p;
        }
    }
    if (!best || toward * (best->x_mm - first->x_mm) < kMinWayOutU * half_stance_mm_) return whole_weight_since_s(end_s);
    return best->t_s;
}

double SingleLegDetector::whole_weight_since_s(double end_s) const {
    // No way out to the foot: the player stepped onto it and stayed. The other foot may
    // still rest on the floor beside the board for a while, carrying a tenth of the weight
    // (JoaoPedro1000 at 341.6-342.7 s: 0.88-0.95 BW on the board for 1.1 s, then 1.0);
    // on one leg the board carries all of it, swaying a few per cent about it. So the
    // stance began where the load first reached the whole weight, if it did soon.
    if (came_from_ != Stance::partial || body_weight_kg_ <= 0.0) return entry_s_;
    const double to_s = std::min(end_s, entry_s_ + kWholeWeightWithinS);
    for (const Point& p : recent_) {
        if (p.t_s < entry_s_) continue;
        if (p.t_s > to_s) break;
        if (p.raw_kg >= kWholeWeightBw * body_weight_kg_) return p.t_s;
    }
    return entry_s_;
}

bool SingleLegDetector::on_first_foot() const {
    // The foot that touched the board first: where the CoP sat in the first moments of
    // the partial stance before this one (stepping on). On the far side, the player went
    // onto the other foot: a one-leg stance like any other.
    double sum = 0.0;
    int n = 0;
    for (const Point& p : recent_) {
        if (p.t_s < came_from_since_s_ || !p.cop_valid) continue;
        if (p.t_s > came_from_since_s_ + kFirstFootS) break;
        sum += p.x_mm;
        ++n;
    }
    return n == 0 || (sum > 0.0) == (side_ == Side::right);
}

void SingleLegDetector::redate_entry(double bw_kg, double end_s) {
    // A first body-weight estimate can come from a partial load held steady (a
    // step-up's lead foot planted on the board while the other stays on the floor);
    // under it that foot already looked like a full-load stance. Judged with the body
    // weight known now, the single-leg stance began where the load last rose to full.
    std::optional<double> low_s;
    for (const Point& p : recent_) {
        if (p.t_s < entry_s_ || p.t_s > end_s) continue;
        if (p.raw_kg < settings_.full_leave_bw * bw_kg) low_s = p.t_s;
    }
    if (!low_s) return;
    for (const Point& p : recent_) {
        if (p.t_s > *low_s && p.t_s <= end_s && p.raw_kg >= settings_.full_enter_bw * bw_kg) {
            entry_s_ = p.t_s;
            start_s_ = shift_start_s();
            return;
        }
    }
}

double SingleLegDetector::release_s(double exit_s, bool foot_came_down) const {
    // Where the hold ended. The lifted foot came back down: where the CoP began to leave
    // the stance foot (the stance classifier only calls it two feet half way back). The
    // player lowered from the one leg instead (a knee drive at a step-up's top, stepping
    // off): where the load began to fall from body weight, looking no later than the
    // load last was full (0.93 BW; the lowering proper may bend again, more steeply).
    if (foot_came_down) {
        const double from_s = std::max(entry_s_, exit_s - kMaxReleaseS);
        return fall_start_s(from_s, exit_s, true, kMinCopFallU * half_stance_mm_).value_or(exit_s);
    }
    const double latest_s = std::min(exit_s, last_full_s_);
    double from_s = std::max(entry_s_, last_full_s_ - kMaxReleaseS);
    // Not from a drive peak still settling (a short hold): the fall from it is no lowering.
    const Load* highest = nullptr;
    for (const Load& p : tail_) {
        if (p.t_s >= from_s && p.t_s <= latest_s && (!highest || p.kg > highest->kg)) highest = &p;
    }
    if (highest && highest->kg >= kPeakAboveBw * body_weight_kg_) from_s = highest->t_s + kPeakSettleS;
    return std::min(latest_s, fall_start_s(from_s, latest_s, false, kMinFallBw * body_weight_kg_).value_or(latest_s));
}

std::optional<double> SingleLegDetector::fall_start_s(double from_s, double to_s, bool cop, double min_fall) const {
    // A value that held steady, then fell (the load, or the CoP counted toward the stance
    // side): against the straight line between the ends of [from_s, to_s], it stands
    // highest where the fall began. Only if it then fell by min_fall: with the fall
    // itself missing (a gap in the data) there is no telling.
    const double toward = side_ == Side::right ? 1.0 : -1.0;
    auto value = [&](const Load& p) { return cop ? toward * p.x_mm : p.kg; };
    const Load* first = nullptr;
    const Load* last = nullptr;
    for (const Load& p : tail_) {
        if (p.t_s < from_s || (cop && !p.cop_valid)) continue;
        if (p.t_s > to_s) break;
        if (!first) first = &p;
        last = &p;
    }
    if (!first || !last || last->t_s - first->t_s <= 0.0) return std::nullopt;
    const double slope = (value(*last) - value(*first)) / (last->t_s - first->t_s);
    double best_above = 0.0;
    const Load* best = nullptr;
    for (const Load& p : tail_) {
        if (p.t_s < first->t_s || (cop && !p.cop_valid)) continue;
        if (p.t_s > last->t_s) break;
        const double above = value(p) - (value(*first) + slope * (p.t_s - first->t_s));
        if (above > best_above) {
            best_above = above;
            best = &p;
        }
    }
    if (!best || value(*best) - value(*last) < min_fall) return std::nullopt;
    return best->t_s;
}

void SingleLegDetector::end(double exit_s, bool foot_came_down, std::vector<Event>& out) {
    active_ = false;
    const double end_s = release_s(exit_s, foot_came_down);
    const double bw = body_weight_kg_;
    if (bw <= 0.0 || end_s <= entry_s_) return;
    redate_entry(bw, end_s);
    if (end_s <= entry_s_) return;
    const double on_foot_s = on_foot_since_s(end_s);
    const double hold_s = end_s - on_foot_s;

    std::vector<CopPoint> held;
    for (const CopPoint& p : points_) {
        if (p.t_s >= on_foot_s + settings_.settle_s && p.t_s <= end_s) held.push_back(p);
    }
    const StabilityMeasures stability = compute_stability(held);
    // How much of the stance the data showed: one seen for less than the shortest hold,
    // the rest hidden in gaps, is not known to have been one (real/
    // mg_new_tech_sway_with_feedback.csv: a lean to the right, then 8.8 s without data,
    // was an 8.8 s hold).
    double seen_s = 0.0;
    const CopPoint* last = nullptr;
    for (const CopPoint& p : points_) {
        if (p.t_s < on_foot_s || p.t_s > end_s) continue;
        if (last && p.t_s - last->t_s <= kDataGapS) seen_s += p.t_s - last->t_s;
        last = &p;
    }
    const double peak_kg = drive_peak_kg(end_s);
    const double peak_bw = peak_kg / bw;
    const bool drive = peak_bw >= settings_.drive_peak_bw &&
                       peak_kg >= bw + settings_.drive_peak_noise_sd * noise_kg_;
    // A knee drive starts from two feet, or from the lead foot of a step-up on its way
    // up (partial); swapping straight from one leg to the other is a step, however hard.
    // Stepping on is no knee drive: the first foot carries the whole weight for a second
    // or so, often with a peak as the body rises onto it, while the other follows onto
    // the board (at a step-up's top the driven foot goes back to the floor, or, where the
    // level asks for knee drives there, may be put on the box). As a hold it must last as
    // long as the labelled stances of real people do (2 s).
    const bool stepping_on = came_from_ == Stance::partial && foot_came_down && on_first_foot();
    const bool from_rest = came_from_ == Stance::both || came_from_ == Stance::partial;
    // A knee drive is a rep: drive, a brief hold at the top (the levels ask 1.5-2.5 s),
    // foot down. Held over 5 s (as at a step-up's top, where standing longer is standing)
    // a single-leg stance is a balance hold, however it began: the 30-45 s one-leg tests
    // of real people often start with a load peak as the foot leaves.
    const bool brief = hold_s <= settings_.knee_drive_max_hold_s;
    const double min_hold_s = stepping_on ? settings_.stepping_on_min_hold_s : settings_.one_leg_min_hold_s;
    const bool knee_drive = drive && from_rest && (!stepping_on || settings_.knee_drive_on_first_foot) && brief;
    if (knee_drive && hold_s >= settings_.knee_drive_min_hold_s && seen_s >= kSeenShare * settings_.knee_drive_min_hold_s) {
        KneeDriveEvent e;
        e.side = side_;
        e.start_s = start_s_;
        e.end_s = end_s;
        e.hold_s = hold_s;
        e.peak_bw = peak_bw;
        e.stability = stability;
        out.emplace_back(e);
        // A knee drive is certainly one foot carrying the player: where it stood is
        // where that foot is (a lean on two feet can then no longer pass for it).
        std::vector<double> xs;
        for (const CopPoint& p : held) xs.push_back(p.x_mm);
        if (!xs.empty()) {
            std::nth_element(xs.begin(), xs.begin() + static_cast<std::ptrdiff_t>(xs.size() / 2), xs.end());
            foot_ = Foot{side_ == Side::right ? Stance::right : Stance::left, xs[xs.size() / 2]};
        }
    } else if (!knee_drive && hold_s >= min_hold_s && seen_s >= kSeenShare * min_hold_s && (foot_seen_ || !sways_like_two_feet(held))) {
        OneLegHoldEvent e;
        e.side = side_;
        e.start_s = on_foot_s;
        e.end_s = end_s;
        e.stability = stability;
        out.emplace_back(e);
    }
}

bool SingleLegDetector::sways_like_two_feet(const std::vector<CopPoint>& held) const {
    // On one leg the body balances over a foot's width, on two over the stance's: the
    // CoP's side-to-side sway is several times larger (the people of ../shared/data/people:
    // 3.1-11.6 mm sd over 2 s windows on one leg, 0.4-2.2 mm standing quietly on two feet).
    // Where the feet's places are known, the CoP's place tells the stance; where only a
    // brief rest or the other foot was seen (a pause while the weight moved was taken
    // for a rest), a still two-foot stance off it reads as a hold for as long as it lasts,
    // and the sway is what is left to tell them apart. Windows, not the whole hold: a
    // slow drift of the stance is not sway.
    std::vector<double> sds;
    std::size_t from = 0;
    for (std::size_t i = 0; i < held.size(); ++i) {
        if (held[i].t_s - held[from].t_s < settings_.sway_window_s && i + 1 < held.size()) continue;
        if (held[i].t_s - held[from].t_s >= settings_.sway_window_s * 0.99) {
            const auto n = static_cast<double>(i - from + 1);
            double sum = 0.0, sum2 = 0.0;
            for (std::size_t k = from; k <= i; ++k) sum += held[k].x_mm;
            const double mean = sum / n;
            for (std::size_t k = from; k <= i; ++k) sum2 += (held[k].x_mm - mean) * (held[k].x_mm - mean);
            sds.push_back(std::sqrt(sum2 / n));
        }
        from = i + 1;
    }
    if (sds.size() < static_cast<std::size_t>(settings_.sway_min_windows)) return false;  // too short to tell
    std::nth_element(sds.begin(), sds.begin() + static_cast<std::ptrdiff_t>(sds.size() / 2), sds.end());
    return sds[sds.size() / 2] < settings_.two_feet_sway_mm;
}

void SingleLegDetector::finish(std::vector<Event>& out) {
    if (active_) end(last_t_s_, true, out);
}

}  // namespace highstep::core::detail
