// Movement phases as they happen. What each phase is, and why it is told this way:
//
//   foot_down    the raw tared total reaches the contact level, max(contact_min_kg, 4 noise)
//                of the empty board (contact_unknown_noise_kg until the board's noise is
//                known; the signal's noise, of a loaded board, until 30 empty samples),
//                on an empty board: lower than the classifier's on-board threshold (0.08 BW)
//                so that a foot landing is known within two samples even at 40 Hz. Its
//                moment is extrapolated back along the load's rise to zero load, as the
//                classifier's contact is. A foot tapping the board gives a foot_down and a
//                board_empty and no rep. The side is where the load sits: the left-right
//                difference of the landing foot's load (clear of the noise) puts it a
//                foot's way out from the stance centre; when the first loaded sample does
//                not show it, foot_down goes without, and foot_side follows when it shows.
//   full_weight  the raw total crosses top_bw × BW upwards (the step-up's top).
//   lowering     after the top, the raw total falls below lowering_bw × BW. Lower than the
//                top: standing quietly at full weight wobbles by a few per cent; lower than
//                that, a knee drive's force dip stays above it.
//   board_empty  the raw total falls below 0.6 of the contact level (hysteresis),
//                interpolated between the two samples around the crossing.
//   single_leg   from a two-foot stance (full load, CoP within single_leave of the centre,
//                for two_feet_min_s), the raw CoP passes foot_off_u of the way out to a foot:
//                the weight is on that foot alone, so the other one has left the board (the
//                classifier calls one leg from single_enter on, earlier in the shift, with a
//                dwell). shift_start_s is where the CoP began to move out (rise_start.h),
//                the knee drive's judged moment.
//   foot_back    the CoP is back within single_leave of the centre at full load.
//   foot_side    the side of a foot_down that had none, within kSideWaitS of the contact.
// Times between two samples are interpolated on the crossing; no phase is dated after the
// sample that made it known.
#include "recognise/phase_tracker.h"

#include <algorithm>
#include <cmath>
#include <iterator>

#include "recognise/rise_start.h"

namespace highstep::core {

const char* to_string(PhaseType type) {
    switch (type) {
        case PhaseType::foot_down: return "foot_down";
        case PhaseType::full_weight: return "full_weight";
        case PhaseType::lowering: return "lowering";
        case PhaseType::board_empty: return "board_empty";
        case PhaseType::single_leg: return "single_leg";
        case PhaseType::foot_back: return "foot_back";
        case PhaseType::foot_side: return "foot_side";
    }
    return "foot_down";
}

namespace detail {

namespace {
constexpr double kHistoryS = 1.5;
constexpr std::size_t kMaxHistory = 2048;  // bounded even if time stands still
constexpr double kOffFraction = 0.6;       // of the contact level: empty again
constexpr double kRestBandU = 0.1;         // a rest's CoP stays this near its lowest (of the way to a foot)
constexpr double kSideWaitS = 0.3;         // a landing's side is looked for this long after its contact
constexpr double kEmptySettleS = 0.2;      // after the board empties, its noise is not learned yet
constexpr int kEmptyNoiseSamples = 30;     // empty-board samples before their noise is trusted
constexpr double kEmptyNoiseWeight = 0.02; // each new sample's share of the running estimate
constexpr double kStrayMaxKg = 1.0;        // a foot_down whose load never reached this was no foot
}  // namespace

PhaseTracker::PhaseTracker(const SignalSettings& signal, const PhaseSettings& settings)
    : signal_(signal), settings_(settings), blipped_(signal.board_blips) {}

double PhaseTracker::crossing_s(double a, double b, double level) const {
    // Between the previous point (value a) and the last (value b).
    const Point& q = history_.back();
    if (history_.size() < 2) return q.t_s;
    const Point& p = history_[history_.size() - 2];
    if (std::fabs(b - a) < 1e-12) return q.t_s;
    const double f = std::clamp((level - a) / (b - a), 0.0, 1.0);
    return p.t_s + f * (q.t_s - p.t_s);
}

double PhaseTracker::onset_s(double contact_kg) const {
    // The last point still at the empty level, the first above it, and the slope of the
    // rise after it: the touch came before the crossing by the time the load needed to
    // reach the level.
    std::size_t j = history_.size() - 1;
    while (j > 0 && history_[j - 1].kg >= contact_kg) --j;
    if (j == 0) return history_.front().t_s;
    const Point& a = history_[j - 1];
    const Point& b = history_[j];
    const double t_cross = a.t_s + (contact_kg - a.kg) / (b.kg - a.kg) * (b.t_s - a.t_s);
    const Point& c = history_.back();
    const double slope = c.t_s > b.t_s ? (c.kg - a.kg) / (c.t_s - a.t_s) : (b.kg - a.kg) / std::max(1e-6, b.t_s - a.t_s);
    if (slope <= 0.0) return t_cross;
    return std::clamp(t_cross - contact_kg / slope, a.t_s, t_cross);
}

void PhaseTracker::learn_empty_noise(double t_s, double prev_kg, double kg) {
    // Successive differences (var = mean(d^2) / 2), as the signal's own estimate: a slow
    // drift of the zero hardly touches it. Only between two empty samples one after the
    // other, and not in the tail of a foot leaving.
    if (!prev_empty_ || t_s - empty_since_s_ < kEmptySettleS) {
        prev_empty_ = true;
        return;
    }
    const double d = kg - prev_kg;
    const double var = d * d / 2.0;
    ++empty_noise_samples_;
    const double w = std::max(kEmptyNoiseWeight, 1.0 / empty_noise_samples_);
    empty_noise_var_ += (var - empty_noise_var_) * w;
}

double PhaseTracker::stance_u(const SignalFrame& f) {
    // Each side against its own foot: with the weight off the feet's midpoint, the
    // mean of the two would put one foot short of where it stands and the other beyond.
    if (!f.cop_valid) return 0.0;
    const double dx_mm = f.cop_x_mm - f.stance_centre_x_mm;
    const double side_half_mm = dx_mm > 0.0 ? f.right_half_stance_mm : f.left_half_stance_mm;
    const double half_mm = side_half_mm > 0.0 ? side_half_mm : f.half_stance_mm;
    return half_mm > 0.0 ? dx_mm / half_mm : 0.0;
}

std::optional<Side> PhaseTracker::landing_side(const SignalFrame& f) const {
    // A foot that has just landed carries a load too small for the signal's CoP (that
    // waits for 5 % of body weight), but one foot's load still sits all on its own side.
    // The left-right difference has about the total's noise: the side shows once the
    // difference stands clear of it and puts the CoP a foot's way out from the centre.
    const double diff_kg = f.right_kg - f.left_kg;
    if (f.total_kg <= 0.0 || std::fabs(diff_kg) < settings_.side_noise_sd * f.noise_kg) return std::nullopt;
    const double x_mm = signal_.geometry.width_mm / 2.0 * diff_kg / f.total_kg;
    // How far out, as a share of what shows a side (1 = just enough).
    const double out = f.half_stance_mm > 0.0
                           ? (x_mm - f.stance_centre_x_mm) / f.half_stance_mm / settings_.side_u
                           : x_mm / settings_.side_min_x_mm;
    if (std::fabs(out) < 1.0) return std::nullopt;
    return out > 0.0 ? Side::right : Side::left;
}

double PhaseTracker::shift_start_s(Side side, double entry_s, double enter_u) const {
    const double toward = side == Side::right ? 1.0 : -1.0;
    // From a second before: the chord from there to the crossing lies above the CoP's
    // path where it rested (or came back from the last single-leg stance) and below it
    // along the shift, so the point furthest below it is where the shift began.
    const double from_s = entry_s - settings_.max_shift_s;
    std::vector<TimedValue> rise;
    for (const Point& p : history_) {
        if (p.t_s < from_s || !p.cop_valid) continue;
        if (p.t_s > entry_s) break;
        rise.push_back({p.t_s, toward * p.u});
    }
    // A second may reach back into the movement before the rest (the end of a step-up's
    // rise, the lead foot still loaded): a chord from there runs above the whole rest, and
    // the noise of the rest, not the bend, decides. The chord starts where the rest began:
    // the lowest point, and before it the points that sit near it.
    if (!rise.empty()) {
        const auto lowest = std::min_element(rise.begin(), rise.end(),
                                             [](const TimedValue& a, const TimedValue& b) { return a.value < b.value; });
        auto rest = lowest;
        while (rest != rise.begin() && std::prev(rest)->value <= lowest->value + kRestBandU) --rest;
        rise.erase(rise.begin(), rest);
    }
    // The crossing itself ends the rise (it lies between two samples).
    rise.push_back({entry_s, enter_u});
    return std::min(rise_start_s(rise, entry_s), entry_s);
}

void PhaseTracker::emit(std::vector<MovementPhase>& out, PhaseType type, double t_s, std::optional<Side> side,
                        double shift_start) {
    MovementPhase p;
    p.type = type;
    p.t_s = std::min(t_s, now_s_);
    p.emitted_s = now_s_;
    p.side = side;
    p.shift_start_s = shift_start >= 0.0 ? shift_start : p.t_s;
    out.push_back(p);
}

void PhaseTracker::push(const SignalFrame& f, std::vector<MovementPhase>& out) {
    const double bw = f.body_weight_kg;
    const double u = stance_u(f);
    const double prev_kg = history_.empty() ? 0.0 : history_.back().kg;
    const double prev_u = history_.empty() ? 0.0 : history_.back().u;
    now_s_ = f.t_s;
    history_.push_back({f.t_s, f.total_kg, u, f.cop_valid});
    while (history_.size() > 2 && (f.t_s - history_.front().t_s > kHistoryS || history_.size() > kMaxHistory)) {
        history_.pop_front();
    }
    // A landing foot's side: where its load sits, else (a foot landing near the middle
    // with load enough for a CoP) the CoP's side of the stance centre.
    auto foot_side = [&]() -> std::optional<Side> {
        if (const std::optional<Side> side = landing_side(f)) return side;
        if (!f.cop_valid || std::fabs(u) < settings_.side_u) return std::nullopt;
        return u > 0.0 ? Side::right : Side::left;
    };

    // Until a steady stretch has shown the board's noise, a noisy board's first second
    // would pass a low level: the level of the noisiest boards holds until then.
    // The noise that matters is the empty board's: a loaded board's sample-to-sample
    // change carries the body's own tremor too (on the generated suites 1.1 times the empty
    // board's at the median, up to 3.3 times), and a level from it let a landing go
    // unnoticed for a sample more.
    const double noise_kg = empty_noise_samples_ >= kEmptyNoiseSamples ? std::sqrt(empty_noise_var_) : f.noise_kg;
    const double contact_kg = f.noise_known
                                  ? std::max(settings_.contact_min_kg, settings_.contact_noise_sd * noise_kg)
                                  : settings_.contact_unknown_noise_kg;
    if (!started_) {
        // Someone (or something) already on the board when the data began did not land
        // on it: no foot_down for them.
        started_ = true;
        loaded_ = f.total_kg >= contact_kg;
        return;
    }
    if (f.noise_known && !noise_known_) {
        // The level just dropped to the measured noise's: a load already above it (a
        // zero not tared away yet) did not land now.
        noise_known_ = true;
        if (!loaded_ && f.total_kg >= contact_kg) loaded_ = true;
    }
    if (!loaded_) {
        if (f.total_kg < contact_kg || (held_kg_ && f.total_kg <= *held_kg_)) {
            held_kg_.reset();
            learn_empty_noise(f.t_s, prev_kg, f.total_kg);
            return;
        }
        // On a board that has blipped, a first sample just over the level may be one more:
        // a foot landing reads higher on the next sample, a blip does not. A landing is
        // dated from its first sample over the level either way.
        const double contact_s = held_kg_ ? held_contact_s_ : onset_s(std::max(1.0, 3.0 * f.noise_kg));
        if (blipped_ && !held_kg_ && f.total_kg < settings_.contact_sure_over * contact_kg) {
            held_kg_ = f.total_kg;
            held_contact_s_ = contact_s;
            return;
        }
        held_kg_.reset();
        loaded_ = true;
        prev_empty_ = false;
        top_ = false;
        visit_max_kg_ = f.total_kg;
        visit_max_s_ = f.t_s;
        two_feet_since_s_.reset();
        single_.reset();
        // Known now, with its side if the load already shows it: waiting a sample for the
        // side made a third of the slow landings a sample later. The side follows.
        const std::optional<Side> side = foot_side();
        emit(out, PhaseType::foot_down, contact_s, side);
        if (!side) unsided_contact_s_ = contact_s;
        return;
    }
    if (f.total_kg < kOffFraction * contact_kg) {
        // A "landing" that never carried a kilogram, on a board whose noise was known: the
        // board blips (docs/signal.md). Not the first second's untared readings.
        if (visit_max_kg_ < kStrayMaxKg && empty_noise_samples_ >= kEmptyNoiseSamples) blipped_ = true;
        unsided_contact_s_.reset();
        loaded_ = false;
        empty_since_s_ = f.t_s;
        top_ = false;
        two_feet_since_s_.reset();
        single_.reset();
        emit(out, PhaseType::board_empty, crossing_s(prev_kg, f.total_kg, kOffFraction * contact_kg), std::nullopt);
        return;
    }
    if (unsided_contact_s_) {
        // The side as soon as the load or the CoP shows it, while the foot can still be
        // told alone; after that the settled rep says which foot led.
        if (const std::optional<Side> side = foot_side()) {
            emit(out, PhaseType::foot_side, *unsided_contact_s_, side);
            unsided_contact_s_.reset();
        } else if (f.t_s - *unsided_contact_s_ > kSideWaitS) {
            unsided_contact_s_.reset();
        }
    }
    if (f.total_kg > visit_max_kg_) {
        visit_max_kg_ = f.total_kg;
        visit_max_s_ = f.t_s;
    }
    if (bw <= 0.0) return;  // full weight cannot be told yet

    if (!top_ && f.total_kg >= settings_.top_bw * bw) {
        top_ = true;
        emit(out, PhaseType::full_weight, crossing_s(prev_kg, f.total_kg, settings_.top_bw * bw), std::nullopt);
    } else if (!top_ && !bw_seen_ && visit_max_kg_ >= settings_.top_bw * bw) {
        // The body weight became known only now (no weigh-in: learned from this very
        // visit), after the load had already reached it: the top was at the visit's peak.
        top_ = true;
        emit(out, PhaseType::full_weight, visit_max_s_, std::nullopt);
    } else if (top_ && f.total_kg < settings_.lowering_bw * bw) {
        top_ = false;
        emit(out, PhaseType::lowering, crossing_s(prev_kg, f.total_kg, settings_.lowering_bw * bw), std::nullopt);
    }
    bw_seen_ = true;

    const bool full = f.total_kg >= settings_.full_bw * bw;
    if (!full || !f.cop_valid) {
        if (!full) {
            two_feet_since_s_.reset();
            single_.reset();  // stepping off from one leg: no foot comes back
        }
        return;
    }
    const double leave = signal_.single_leave;
    if (single_) {
        const double out_u = *single_ == Side::right ? u : -u;
        if (out_u < leave) {
            const double prev_out = *single_ == Side::right ? prev_u : -prev_u;
            const Side side = *single_;
            single_.reset();
            two_feet_since_s_ = crossing_s(prev_out, out_u, leave);
            emit(out, PhaseType::foot_back, *two_feet_since_s_, side);
        }
        return;
    }
    if (std::fabs(u) < leave) {
        if (!two_feet_since_s_) two_feet_since_s_ = f.t_s;
        return;
    }
    const bool toward_right = u > 0.0;
    const double enter = (toward_right ? f.right_foot_seen : f.left_foot_seen) ? settings_.foot_off_u
                                                                               : settings_.foot_off_unseen_u;
    if (std::fabs(u) >= enter) {
        if (two_feet_since_s_ && f.t_s - *two_feet_since_s_ >= settings_.two_feet_min_s) {
            const Side side = toward_right ? Side::right : Side::left;
            const double toward = side == Side::right ? 1.0 : -1.0;
            const double entry_s = crossing_s(toward * prev_u, toward * u, enter);
            single_ = side;
            emit(out, PhaseType::single_leg, entry_s, side, shift_start_s(side, entry_s, enter));
        }
        two_feet_since_s_.reset();
    }
}

}  // namespace detail
}  // namespace highstep::core
