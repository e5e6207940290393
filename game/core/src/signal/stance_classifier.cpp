// Stance classification.
//
// Load level, with hysteresis (BW = body weight, n = noise sd):
//   off      below max(on_min_kg, on_bw BW, 5 n) to get on, below 0.6 of that to get off;
//   full     at least full_enter_bw BW to enter, full_leave_bw BW to stay (a knee drive's
//            force dip must not drop the player out of single-leg stance);
//   partial  in between (one foot on while the other is on the floor, stepping).
// Side, for a full load: u = (CoP x - stance centre) / half stance width is the share
// of the way from the centre of a two-foot stance to one foot's CoP. One leg when
// |u| >= single_enter, two feet again below single_leave.
// Dwell: a new stance must be what the samples say for dwell_s and 3 samples in a
// row; its start is then backdated to the first of them. This is what keeps noise
// and the meaningless CoP of a near-empty board from flickering the stance.
// Foot positions: from a weigh-in if given (settings). Otherwise the centre of the
// two-foot stance is learned (a running mean over the first seconds on two feet,
// then a slow average while the CoP is near it), and a foot seen alone on the board
// (a partial load whose CoP stays put: the first foot stepping on, a step-up's lead
// foot) together with that centre gives the stance width. Until the centre is known,
// standing on that lone foot is one leg (side by the board's middle), anything else two.
// Contact times: stepping on/off is backdated further, to where the raw load leaves
// (returns to) zero, extrapolated along the load's slope: the threshold crossing
// itself comes later than the foot's touch by the time the load needs to reach it.
#include "signal/stance_classifier.h"

#include <algorithm>
#include <cmath>

namespace highstep::core::detail {

namespace {
constexpr double kSmoothTauS = 0.03;
// Long enough to reach back from the moment the body weight first becomes known (a
// steady 0.6 s window, possibly after a push-off's peak and settling) to where the
// load reached full weight.
constexpr double kHistoryS = 3.0;
constexpr std::size_t kMaxHistory = 4096;  // bounded even if time stands still
constexpr std::size_t kDwellSamples = 3;
constexpr double kCentreTauS = 3.0;
constexpr double kCentreSlowTauS = 10.0;
constexpr double kCentreLearnU = 0.15;  // a lean is not the centre moving
constexpr double kCentreSettleS = 0.3;
constexpr double kRiseAfterGapS = 0.3;    // a load that came in a gap: its rise is looked for this long after
constexpr double kSlowTauS = 0.25;        // a slower CoP: the fast one running ahead of it is a weight shift
constexpr double kCentreStillMm = 12.0;   // ... by more than this (quiet sway is a few mm)
constexpr double kCentreSeedS = 1.0;      // two-foot stance needed before one-leg stance is told by the centre
constexpr double kCentreMaxMm = 80.0;     // the two-foot centre is learned only this near the board's middle
constexpr double kQuietMm = 4.0;          // standing quietly: the CoP within this of its mean ...
constexpr double kQuietS = 5.0;           // ... for this long is two feet, and their centre
// Before the feet are known: a full load with the CoP this far out is on one leg (the far
// side's sensors carry (216.5 - 140) / (216.5 + 140) = 0.21 of this side's), back below
// the second to two feet.
constexpr double kSupportedBw = 0.8;      // a single-leg stance whose load stays below this x BW ...
constexpr double kSupportedS = 0.05;      // ... for this long has support elsewhere (a tap of the other foot
                                          // keeps it there 0.15 s and more: docs/signal.md)
constexpr double kEnterOffFootMm = 50.0;  // one leg: the CoP within this of the foot ...
constexpr double kLeaveOffFootMm = 60.0;  // ... and two feet again beyond this
constexpr double kOneLegFromPartialBw = 0.93;  // a foot stepping on is one leg once it carries this x BW
constexpr double kMinStanceWidthMm = 160.0;  // feet at least this far apart (heel to heel under a person)
constexpr double kOneSideMm = 140.0;
constexpr double kOneSideLeaveMm = 110.0;
constexpr double kSameFootU = 0.3;
constexpr double kLoneFootOffMiddleU = 0.4;        // "still on the lone foot": this close to where it was seen
constexpr double kLoneFootMinKg = 5.0;
constexpr double kLightFootMinKg = 4.0;   // ... on a quiet board, where such a load's CoP is still within kLoneFootStillMm
constexpr double kLoneFootMaxBw = 0.6;    // a lone foot's still stretch carried less than this: one foot
constexpr double kLoneFootStillMm = 12.0;
constexpr double kLoneFootS = 0.1;
constexpr double kLoneFootWindowS = 0.4;  // after first contact
constexpr double kMinHalfStanceMm = 50.0;
constexpr double kMaxHalfStanceMm = 300.0;  // a foot at the board's edge (216 mm) with the centre 80 mm the other way
constexpr double kLoneFootMinU = 0.5;     // a foot alone sits at least this share of the way out
// A rest on two feet before the centre is learned: the CoP within kRestStillMm for kRestS,
// away from the lone foot, near the board's middle, at full load.
constexpr double kRestStillMm = 10.0;
constexpr double kRestS = 0.15;
constexpr double kRestMoreLoad = 1.15;
constexpr double kRestLanded = 1.25;
// A load on the board is a person's once it reaches this x BW (this much before the weight
// is known; the lightest players weigh 30 kg). Until then a "lone foot" may be something
// put down on the board, which the tare then takes into its zero.
constexpr double kPersonBw = 0.3;
constexpr double kPersonKg = 15.0;
// A place the player stood still at full load: the CoP within kPlaceStillMm of its mean for
// kPlaceS (on one foot it wanders within the foot, two to three times a quiet two-foot
// sway of a few mm; a weight shift moves it 60 mm or more).
constexpr double kPlaceStillMm = 20.0;
constexpr double kPlaceS = 0.5;
// Each visit the feet are put down anew: the first kVisitCentreS the player stands still
// on two feet (the CoP within kVisitStillMm of its mean) is where this visit's centre is,
// if kVisitMoveMinMm to kVisitMoveMaxMm from the last one (further, it is a lean, not the
// feet put elsewhere).
constexpr double kVisitStillMm = 12.0;
constexpr double kVisitCentreS = 3.0;
constexpr double kVisitMoveMinMm = 20.0;
constexpr double kVisitMoveMaxMm = 60.0;

double middle_of_three(double a, double b, double c) { return std::max(std::min(a, b), std::min(std::max(a, b), c)); }
}  // namespace

StanceClassifier::StanceClassifier(const SignalSettings& settings) : settings_(settings) {
    half_stance_mm_ = settings.default_half_stance_mm;
    if (settings.left_foot_x_mm && settings.right_foot_x_mm &&
        *settings.right_foot_x_mm - *settings.left_foot_x_mm > 20.0) {
        feet_known_ = true;
        centre_x_mm_ = (*settings.left_foot_x_mm + *settings.right_foot_x_mm) / 2.0;
        half_stance_mm_ = (*settings.right_foot_x_mm - *settings.left_foot_x_mm) / 2.0;
    }
}

double StanceClassifier::half_stance_mm(bool right) const {
    // Each side on its own: players rarely stand with the weight exactly between
    // their feet, and a narrow stance leaves little room between a lean and a foot.
    const int i = right ? 1 : 0;
    auto clamp_half = [](double h) { return std::clamp(h, kMinHalfStanceMm, kMaxHalfStanceMm); };
    if (feet_known_) return half_stance_mm_;
    if (side_known_[i]) return clamp_half(std::fabs(side_x_mm_[i] - centre_x_mm_));
    if (side_known_[1 - i]) return clamp_half(std::fabs(side_x_mm_[1 - i] - centre_x_mm_));
    return half_stance_mm_;
}

bool StanceClassifier::foot_seen(bool right) const { return feet_known_ || side_known_[right ? 1 : 0]; }
bool StanceClassifier::foot_told(bool right) const { return !feet_known_ && side_known_[right ? 1 : 0] && side_told_[right ? 1 : 0]; }

double StanceClassifier::half_stance_mm() const { return (half_stance_mm(false) + half_stance_mm(true)) / 2.0; }

bool StanceClassifier::rest_is_reference(double bw) const {
    return !feet_known_ && centre_learned_s_ < kCentreSeedS && rest_seen_ && bw > 0.0 &&
           rest_kg_ >= settings_.full_enter_bw * bw;
}

double StanceClassifier::centre_x_mm() const {
    // Until a second of still two-foot stance has taught the centre, a shorter rest on two
    // feet (players who go onto one leg at once) is the best guess of it.
    return rest_is_reference(bw_kg_) ? rest_x_mm_ : centre_x_mm_;
}

void StanceClassifier::place_foot(double x_mm) {
    // Only once the centre is known can a foot be told from a two-foot stance; a "lone
    // foot" near the centre was both feet landing at once.
    if (feet_known_ || centre_learned_s_ < kCentreSeedS) return;
    const bool right = x_mm > centre_x_mm_;
    if (std::fabs(x_mm - centre_x_mm_) < kLoneFootMinU * half_stance_mm(right)) return;
    const int i = right ? 1 : 0;
    side_known_[i] = true;
    side_told_[i] = false;
    side_x_mm_[i] = x_mm;
    side_this_visit_[i] = true;
}

void StanceClassifier::observe_foot(Stance side, double x_mm) {
    if (!is_single_leg(side)) return;
    if ((side == Stance::right) != (x_mm > centre_x_mm_)) return;  // not where that foot can be
    place_foot(x_mm);
}

std::optional<FeetPlaces> StanceClassifier::feet_from_places() const { return feet_from_places_; }

bool StanceClassifier::feet_unseen() const {
    return !feet_known_ && !feet_from_places_ && !foot_seen_ && !side_known_[0] && !side_known_[1];
}

bool StanceClassifier::feet_to_tell() const {
    return feet_unseen() ||
           (!feet_known_ && !feet_from_places_ && foot_seen_ && empty_seen_ && (stepping_on_hidden_ || shift_hidden_));
}

void StanceClassifier::assume_feet(const FeetPlaces& feet) {
    feet_from_places_ = feet;
    side_known_[0] = side_known_[1] = true;
    side_told_[0] = side_told_[1] = true;
    side_x_mm_[0] = feet.left_x_mm;
    side_x_mm_[1] = feet.right_x_mm;
    centre_x_mm_ = feet.centre_x_mm;
    centre_learned_s_ = std::max(centre_learned_s_, kCentreSeedS);
}

void StanceClassifier::watch_places(const StanceInput& in) {
    // When a gap in the data hid the stepping on, and no foot was ever seen alone nor the
    // feet given, the first still two-foot place taught the centre, and the player may have
    // gone straight onto one leg there, as people do right after stepping on: a single-leg
    // stance on a foot within 80 mm of the board's middle, read as two feet, and every
    // two-foot stance after it as one leg. Where the player stood still at full load tells:
    // a two-foot stance sits between the feet, and on one foot the CoP stays within
    // kEnterOffFootMm of it. So when that first place turns out to be the end of a row of
    // three, the far end at least a stance width from it (the narrowest, less a fifth: on
    // one foot the CoP may sit a little inside it), with a place between them farther than
    // that from both, the two ends are the feet and the middle is two feet: the centre is
    // the middle of three, not the first seen. Only then: with the stepping on seen and no
    // foot alone in it, both feet came down together and the first place is two feet; and
    // a person standing, leaning a little and then standing on one leg (Diana, 15-70 s)
    // makes the same row of three with the first at its end. Nor in a recording that opens
    // with someone on the board (no stepping on in it, the board never seen empty), where
    // standing and leaning either way as far as one can makes three places too. Without a
    // foot seen alone a full lean and a single-leg stance are the same signal.)
    // The same after a lone foot when the gap that followed it hid the other foot coming
    // down and the shift: the data came back on the other foot, taken for the rest.
    if (stance_ == Stance::off) places_mm_.clear();  // each visit its own (the feet move)
    // Still, not on the way: the fast CoP not running ahead of the slow one (as for the
    // centre), else a place's mean takes in the end of the weight shift that led to it.
    const bool watching = feet_to_tell() && empty_seen_ && (stepping_on_hidden_ || shift_hidden_) && in.cop_valid && bw_kg_ > 0.0 && is_full_load(stance_) &&
                          std::fabs(x_s_mm_ - x_slow_mm_) <= kCentreStillMm;
    if (!watching) {
        place_.on = false;
        return;
    }
    if (place_.add(in.t_s, x_s_mm_, x_s_mm_, kPlaceStillMm)) place_taken_ = false;
    if (place_taken_ || in.t_s - place_.since_s < kPlaceS || place_.samples < kDwellSamples) return;
    place_taken_ = true;
    const double x = place_.mean_mm();
    const bool known = std::any_of(places_mm_.begin(), places_mm_.end(),
                                   [x](double p) { return std::fabs(p - x) <= kPlaceStillMm; });
    if (!known) places_mm_.push_back(x);
    const auto [lo, hi] = std::minmax_element(places_mm_.begin(), places_mm_.end());
    const double left = *lo;
    const double right = *hi;
    if (right - left < 0.8 * kMinStanceWidthMm || (places_mm_.front() != left && places_mm_.front() != right)) return;
    const double mid = (left + right) / 2.0;
    std::optional<double> centre;
    for (double p : places_mm_) {
        if (p - left < kEnterOffFootMm || right - p < kEnterOffFootMm) continue;
        if (!centre || std::fabs(p - mid) < std::fabs(*centre - mid)) centre = p;
    }
    if (centre) assume_feet({left, *centre, right});
}

double StanceClassifier::on_threshold_kg(const StanceInput& in) const {
    return std::max({settings_.on_min_kg, settings_.on_bw * in.body_weight_kg, 5.0 * in.noise_kg});
}

double StanceClassifier::contact_level_kg(const StanceInput& in) const {
    return std::max(1.0, 3.0 * in.noise_kg);
}

Stance StanceClassifier::target(const StanceInput& in) const {
    const double on_kg = on_threshold_kg(in);
    const bool loaded = stance_ == Stance::off ? total_s_kg_ >= on_kg : total_s_kg_ >= 0.6 * on_kg;
    if (!loaded) return Stance::off;
    const double bw = in.body_weight_kg;
    if (bw <= 0.0) return Stance::partial;
    const bool full = is_full_load(stance_) ? total_s_kg_ >= settings_.full_leave_bw * bw
                                            : total_s_kg_ >= settings_.full_enter_bw * bw;
    if (!full) return Stance::partial;
    // On one leg, a load held below 0.8 BW is support elsewhere (the other foot on the
    // floor beside the board, a hand on a rail): no longer a single-leg stance. A knee
    // drive's unweighting dips briefly (0.85-0.95 BW), a touch-down holds.
    if (is_single_leg(stance_) && low_since_s_ >= 0.0 && in.t_s - low_since_s_ >= kSupportedS) return Stance::partial;
    if (!in.cop_valid) return is_full_load(stance_) ? stance_ : Stance::both;
    // From a foot on the board (stepping on) to one leg only once that foot carries the
    // whole weight: below it the other foot still pushes from the floor (or a hand holds on).
    const Stance side = full_load_target(bw);
    if (stance_ == Stance::partial && is_single_leg(side) && total_s_kg_ < kOneLegFromPartialBw * bw) return Stance::partial;
    return side;
}

Stance StanceClassifier::full_load_target(double bw) const {
    if (!feet_known_ && centre_learned_s_ < kCentreSeedS) {
        // Where the feet are is not known yet. Still on the foot that was seen alone
        // on the board (stepping on, a step-up's lead foot): one leg, on the side of the
        // board it stands on. Anywhere else: two feet, and the centre is learned.
        // (A "lone foot" near the board's middle may have been both feet landing at once:
        // unless it carried well under the body weight, now that that is known.)
        const bool a_foot = std::fabs(foot_x_mm_) >= kLoneFootOffMiddleU * half_stance_mm_ ||
                            foot_kg_ < kLoneFootMaxBw * bw;
        if (foot_seen_ && a_foot && std::fabs(x_s_mm_ - foot_x_mm_) <= kSameFootU * half_stance_mm_) {
            return foot_x_mm_ < 0.0 ? Stance::left : Stance::right;
        }
        // The other foot: stepping on with one foot and going straight onto the other,
        // the CoP goes to the far side of the board's middle, about as far out as the
        // lone foot was, and a whole stance width (160 mm at least) from it. A two-foot
        // stance, however off-centre, sits between the feet, nearer the lone foot.
        // Where the player rested on two feet since the lone foot, if they did, is the
        // centre to measure from: feet off the board's middle (by 50 mm) put the other foot
        // nearer the middle than the lone foot is.
        // Measured from a rest the share rule does the work (a two-foot stance passes it
        // only with over 80 % on the far foot), and the CoP on one foot may sit a little
        // inside that foot: the narrowest stance (160 mm) less a fifth will do.
        const bool from_rest = rest_is_reference(bw);
        const double ref = from_rest ? rest_x_mm_ : 0.0;
        if (foot_seen_ && a_foot && (x_s_mm_ < ref) != (foot_x_mm_ < ref)) {
            const bool left = x_s_mm_ < ref;
            const bool staying = is_single_leg(stance_) && (stance_ == Stance::left) == left;
            const double share = staying ? settings_.single_leave : settings_.single_enter;
            const double width = (staying || from_rest ? 0.8 : 0.95) * kMinStanceWidthMm;
            if (std::fabs(x_s_mm_ - ref) >= share * std::fabs(foot_x_mm_ - ref) &&
                std::fabs(x_s_mm_ - foot_x_mm_) >= width) {
                return left ? Stance::left : Stance::right;
            }
        }
        // No foot seen alone (a gap in the data hid the stepping on): a rest on two feet
        // is the centre, the feet 100 mm either side of it, as once the centre is learned.
        if (!foot_seen_ && rest_is_reference(bw)) {
            const double u = (x_s_mm_ - rest_x_mm_) / half_stance_mm_;
            const bool staying = is_single_leg(stance_) && (stance_ == Stance::right) == (u > 0.0);
            if (std::fabs(u) >= (staying ? settings_.single_leave : settings_.single_enter)) {
                return u < 0.0 ? Stance::left : Stance::right;
            }
        }
        // Far out to one side, the other side's sensors carry under a fifth of this
        // side's: one foot carries the player, whichever foot came first (stepping
        // straight onto one leg, or onto the foot that did not step on first).
        if (std::fabs(x_s_mm_) >= kOneSideMm) return x_s_mm_ < 0.0 ? Stance::left : Stance::right;
        if (is_single_leg(stance_) && std::fabs(x_s_mm_) >= kOneSideLeaveMm) return stance_;
        return Stance::both;
    }

    const double half = half_stance_mm(x_s_mm_ > centre_x_mm_);
    const double u = (x_s_mm_ - centre_x_mm_) / half;
    // On one foot the CoP stays under that foot: a wide stance (the people of
    // ../shared/data/people stand on one leg 170-190 mm out) leaves a CoP half way in
    // carrying a fifth of the weight on the other foot. So the thresholds also hold the
    // CoP within kEnterOffFootMm / kLeaveOffFootMm of the foot.
    const double enter = std::max(settings_.single_enter, 1.0 - kEnterOffFootMm / half);
    const double leave = std::max(settings_.single_leave, 1.0 - kLeaveOffFootMm / half);
    if (stance_ == Stance::right) return u > leave ? Stance::right : (u < -enter ? Stance::left : Stance::both);
    if (stance_ == Stance::left) return u < -leave ? Stance::left : (u > enter ? Stance::right : Stance::both);
    if (u >= enter) return Stance::right;
    if (u <= -enter) return Stance::left;
    return Stance::both;
}

void StanceClassifier::push(const StanceInput& in) {
    const double dt_s = primed_ ? std::max(0.0, in.t_s - last_t_s_) : 0.0;
    if (!primed_) {
        total_s_kg_ = in.total_kg;
        x_s_mm_ = in.cop_x_mm;
        x_slow_mm_ = in.cop_x_mm;
        since_s_ = in.t_s;
        primed_ = true;
    } else {
        const double a = 1.0 - std::exp(-dt_s / kSmoothTauS);
        total_s_kg_ += a * (in.total_kg - total_s_kg_);
        if (in.cop_valid && !cop_was_valid_) {
            // The CoP is defined again (a foot just landed): start from it, not from where
            // it was before the board emptied; else the lone foot's first still moments are
            // spent converging and a light player's foot is never seen still.
            x_s_mm_ = in.cop_x_mm;
            x_slow_mm_ = in.cop_x_mm;
        } else if (in.cop_valid) {
            x_s_mm_ += a * (in.cop_x_mm - x_s_mm_);
            x_slow_mm_ += (1.0 - std::exp(-dt_s / kSlowTauS)) * (in.cop_x_mm - x_slow_mm_);
        }
    }
    if (dt_s > kDataGapS) {
        // The board read empty on the samples just before the gap, under the level of any
        // contact, and the data stopped before the 80 ms dwell could confirm it: it was
        // empty (nobody on the board reads under 1 kg), as two such samples right after a
        // gap are. Else a step-up's end and the next visit's contact, both in the gap, made
        // one visit of two (a step_on and a step_off instead of two reps).
        if (stance_ != Stance::off && candidate_ == Stance::off && candidate_empty_ &&
            candidate_samples_ >= kDwellSamples - 1) {
            stance_ = Stance::off;
            since_s_ = empty_s(in);
            candidate_samples_ = 0;
        }
        // A gap within the time a lone foot is looked for after the contact hid the
        // stepping on as much as one before it.
        if (candidate_ != Stance::off && last_t_s_ - loaded_from_s_ <= kLoneFootWindowS) stepping_on_hidden_ = true;
        // Later, after the lone foot and before any rest on two feet: the gap hid where
        // the weight went, and the data may come back with the player on the other foot.
        if (stance_ != Stance::off && foot_seen_ && !rest_seen_ && centre_learned_s_ < kCentreSeedS) shift_hidden_ = true;
        data_since_s_ = in.t_s;
    }
    last_t_s_ = in.t_s;
    cop_was_valid_ = in.cop_valid;
    if (bw_known_s_ < 0.0 && in.body_weight_kg > 0.0) bw_known_s_ = in.t_s;
    bw_kg_ = in.body_weight_kg;
    history_.push_back({in.t_s, in.total_kg, x_s_mm_});
    while (history_.size() > 2 && (in.t_s - history_.front().t_s > kHistoryS || history_.size() > kMaxHistory)) {
        history_.pop_front();
    }

    if (in.body_weight_kg > 0.0 && total_s_kg_ < kSupportedBw * in.body_weight_kg) {
        if (low_since_s_ < 0.0) low_since_s_ = in.t_s;
    } else {
        low_since_s_ = -1.0;
    }
    const Stance want = target(in);
    const Stance before = stance_;
    if (stance_ == Stance::off && want == Stance::off) empty_seen_ = true;
    if (want == stance_) {
        candidate_ = stance_;
        candidate_samples_ = 0;
    } else {
        if (want != candidate_ || candidate_samples_ == 0) {
            if (stance_ == Stance::off && candidate_ == Stance::off) {
                // The first loaded sample of a visit (not a change of what it is while the
                // dwell runs: that would lose a visit's gap).
                after_gap_ = data_since_s_ == in.t_s;
                loaded_from_s_ = in.t_s;
                stepping_on_hidden_ = after_gap_;
                shift_hidden_ = false;
            }
            candidate_ = want;
            candidate_since_s_ = in.t_s;
            candidate_samples_ = 0;
            candidate_empty_ = want == Stance::off;
            candidate_after_gap_ = in.t_s == data_since_s_;
        }
        ++candidate_samples_;
        // An empty board read right after a gap in the data, below the level of any contact
        // on two samples in a row, is empty: the data around a visit's end may be that short
        // (two samples of empty board between two gaps made two visits one).
        candidate_empty_ = candidate_empty_ && in.total_kg < contact_level_kg(in);
        const bool seen_empty = candidate_empty_ && candidate_after_gap_ && candidate_samples_ >= kDwellSamples - 1;
        if ((in.t_s - candidate_since_s_ >= settings_.dwell_s && candidate_samples_ >= kDwellSamples) || seen_empty) {
            double since = candidate_since_s_;
            if (stance_ == Stance::off) since = onset_s(in);
            else if (want == Stance::off) since = empty_s(in);
            else if (stance_ == Stance::partial && is_full_load(want) && candidate_since_s_ <= bw_known_s_) {
                since = full_load_s(in);
                // On one leg only since the CoP got to where it is now: before, the load
                // was full but on two feet, the weight on its way over.
                if (is_single_leg(want)) since = std::max(since, still_here_since_s());
            }
            if (stance_ == Stance::off && is_single_leg(want) && after_gap_ && since < loaded_from_s_) {
                // A visit whose stepping on a gap in the data hid, seen first on one leg:
                // on the board from the contact dated back into the gap, on one leg from
                // the first sample seen (the next sample confirms it). Not a single-leg
                // stance from the contact, entered from an empty board: what was done in
                // the gap is not known (a knee drive's rest and shift may be in it, its
                // drive peak after it), and its hold was looked for in no data.
                stance_ = Stance::both;
                since_s_ = since;
                candidate_since_s_ = std::max(candidate_since_s_, loaded_from_s_);
            } else {
                stance_ = want;
                since_s_ = since;
                candidate_samples_ = 0;
            }
        }
    }
    if (is_full_load(stance_)) visit_had_person_ = true;
    if (stance_ == Stance::off && before != Stance::off) new_visit();
    watch_person(in);
    watch_lone_foot(in);
    watch_rest(in);
    watch_places(in);
    learn_centre(in, dt_s);
}

void StanceClassifier::new_visit() {
    // The board emptied: whoever steps on next puts the feet down anew. Where they were
    // stays the guess (the same stance width, the same place on the board) until this
    // visit's first still seconds on two feet tell the centre.
    // Not a foot that rested and left again before the person stepped on: the same visit.
    if (!visit_had_person_) return;
    visit_had_person_ = false;
    if (feet_known_ || centre_learned_s_ < kCentreSeedS) return;
    visit_centre_pending_ = true;
    visit_.on = false;
    side_this_visit_[0] = side_this_visit_[1] = false;
}

void StanceClassifier::learn_visit_centre(const StanceInput& in) {
    if (!visit_centre_pending_ || stance_ != Stance::both) {
        visit_.on = false;
        return;
    }
    visit_.add(in.t_s, x_s_mm_, x_s_mm_, kVisitStillMm);
    if (in.t_s - visit_.since_s < kVisitCentreS || visit_.samples < kDwellSamples) return;
    visit_centre_pending_ = false;
    const double move_mm = visit_.mean_mm() - centre_x_mm_;
    // Nearer, it may be the last centre's own error (learned from a step-up's brief tops,
    // or the weight not quite between the feet), not the feet put elsewhere; and within
    // what the rules leave between a foot and two feet either way.
    if (std::fabs(move_mm) < kVisitMoveMinMm || std::fabs(move_mm) > kVisitMoveMaxMm) return;
    centre_x_mm_ += move_mm;
    // The feet came with the player, but for a foot seen alone in this visit: that is
    // where it is now.
    for (int i = 0; i < 2; ++i) {
        if (side_known_[i] && !side_this_visit_[i]) side_x_mm_[i] += move_mm;
    }
}

void StanceClassifier::watch_person(const StanceInput& in) {
    if (!before_lone_foot_) return;
    if (total_s_kg_ >= person_kg(in)) before_lone_foot_.reset();
}

void StanceClassifier::board_took_load() {
    // The tare took what was on the board into its zero: no person stood there, and a
    // "lone foot" seen since the last person was that load.
    if (!before_lone_foot_) return;
    const Feet& b = *before_lone_foot_;
    foot_seen_ = b.foot_seen, foot_x_mm_ = b.foot_x_mm, foot_kg_ = b.foot_kg;
    for (int i = 0; i < 2; ++i) {
        side_known_[i] = b.side_known[i];
        side_told_[i] = b.side_told[i];  // a place only still places told stays so
        side_x_mm_[i] = b.side_x_mm[i];
        side_this_visit_[i] = b.side_this_visit[i];
    }
    before_lone_foot_.reset();
}

void StanceClassifier::watch_rest(const StanceInput& in) {
    // After the lone foot, before the centre is learned: the CoP resting still away from
    // that foot and near the board's middle, the load up from what the lone foot carried,
    // is the player on two feet (the body weight may not be known yet: judged when used).
    // Watched from the first loaded sample, not only once the dwell has confirmed the
    // stance: after a gap that hid the stepping on, the first samples may be all the rest
    // there is before the player moves on.
    const bool stepping_on = stance_ == Stance::off && candidate_ != Stance::off && candidate_samples_ > 0;
    if (stance_ == Stance::off && !stepping_on) forget_rest();  // each visit its own rest
    const bool watching = !feet_known_ && centre_learned_s_ < kCentreSeedS && in.cop_valid &&
                          (stance_ == Stance::partial || stance_ == Stance::both || stepping_on);
    const bool near_foot = foot_seen_ && std::fabs(x_s_mm_ - foot_x_mm_) <= kSameFootU * half_stance_mm_;
    if (watching && near_foot) near_foot_kg_ = total_s_kg_;
    // Only where the second foot came down on the way from the lone foot (the load rose
    // by a quarter): a pause while the whole weight moves from one foot onto both (a
    // player who stepped onto one leg, then put the other foot down) is no rest.
    const bool candidate = watching && !near_foot && std::fabs(x_s_mm_) <= kCentreMaxMm &&
                           (!foot_seen_ || total_s_kg_ >= kRestLanded * near_foot_kg_);
    if (!candidate) {
        end_pending_rest(in);
        rest_stretch_.on = false;
        return;
    }
    if (rest_stretch_.add(in.t_s, x_s_mm_, x_s_mm_, kRestStillMm)) {
        end_pending_rest(in);
        rest_min_kg_ = total_s_kg_;
    }
    rest_min_kg_ = std::min(rest_min_kg_, total_s_kg_);
    // The first rest, unless a later one carries clearly more all along (the first was
    // the second foot barely on): later still stretches may be a single-leg stance not
    // yet told, with a drive peak in them.
    if (in.t_s - rest_stretch_.since_s >= kRestS && rest_stretch_.samples >= kDwellSamples &&
        (!rest_seen_ || rest_stretch_.since_s == rest_since_s_ || rest_min_kg_ > kRestMoreLoad * rest_kg_)) {
        // With no foot seen (a gap hid the stepping on), a person shifting the weight
        // from foot to foot stays as still as this at each turn. Still moving on the slow
        // CoP, the stretch is a rest only once the CoP goes on the way it came (a pause on
        // the way) or stays until the slow CoP catches up; back the way it came, a turn.
        if (!foot_seen_ && std::fabs(x_s_mm_ - x_slow_mm_) > kCentreStillMm) {
            const double towards = rest_pending_ ? rest_pending_->towards : (x_s_mm_ > x_slow_mm_ ? 1.0 : -1.0);
            rest_pending_ = PendingRest{rest_stretch_.mean_mm(), total_s_kg_, rest_stretch_.since_s, towards};
            return;
        }
        // The load where it ended: its start may be the last of the landing.
        take_rest(rest_stretch_.mean_mm(), total_s_kg_, rest_stretch_.since_s);
    }
}

void StanceClassifier::take_rest(double x_mm, double kg, double since_s) {
    rest_pending_.reset();
    rest_seen_ = true;
    rest_x_mm_ = x_mm;
    rest_kg_ = kg;
    rest_since_s_ = since_s;
}

void StanceClassifier::forget_rest() {
    rest_seen_ = false;
    rest_pending_.reset();
}

void StanceClassifier::end_pending_rest(const StanceInput& in) {
    if (!rest_pending_) return;
    const PendingRest r = *rest_pending_;
    rest_pending_.reset();
    // Back the way it came, a turn; unless the data stopped in between: where the CoP
    // went in a gap is not known, and a rest before one is kept as it was.
    const bool after_gap = in.t_s == data_since_s_;
    if (!after_gap && (x_s_mm_ - r.x_mm) * r.towards <= 0.0) return;
    take_rest(r.x_mm, r.kg, r.since_s);
}

void StanceClassifier::watch_lone_foot(const StanceInput& in) {
    // A partial load whose CoP stays put for a moment, just after stepping on, is one
    // foot on the board alone (later on, a partial load may be two feet whose weight
    // is not yet known).
    // From the first loaded sample on, not only once the dwell has confirmed "partial":
    // a light player's lead foot may stay still only for its first tenths of a second.
    const bool stepping_on = stance_ == Stance::off && candidate_ == Stance::partial && candidate_samples_ > 0;
    // When a gap hid the stepping on, the 0.4 s count from the first sample after it: the
    // contact dated back into the gap closed them before any data came. But then both
    // feet may have landed in the gap: only a load well under the body weight (known,
    // perhaps from judging again) is a foot alone.
    const bool unseen_contact = after_gap_ && (stepping_on || stance_ == Stance::partial);
    const double on_since_s = stepping_on ? candidate_since_s_ : unseen_contact ? loaded_from_s_ : since_s_;
    const bool light = !unseen_contact || (in.body_weight_kg > 0.0 && total_s_kg_ < kLoneFootMaxBw * in.body_weight_kg);
    // Looked for in the first 0.4 s after the contact, and for as long as the board has
    // carried less than a person stands on with two feet: a first foot resting lightly
    // (an aborted step-on, a slow first foot) takes the weight later, often where it rests.
    // Only while no foot was seen yet: a light foot's CoP may sit off where it bears weight.
    if (on_since_s != contact_peak_since_s_) contact_peak_since_s_ = on_since_s, contact_peak_kg_ = 0.0;
    // So too in a new visit whose feet are not yet seen: the feet may be elsewhere now.
    const bool visit_feet_unseen = visit_centre_pending_ && !side_this_visit_[0] && !side_this_visit_[1];
    const bool no_person_yet = contact_peak_kg_ < person_kg(in) && (feet_unseen() || visit_feet_unseen);
    contact_peak_kg_ = std::max(contact_peak_kg_, total_s_kg_);
    const bool candidate = (stance_ == Stance::partial || stepping_on) && in.cop_valid && light &&
                           (in.t_s - on_since_s <= kLoneFootWindowS || no_person_yet) &&
                           total_s_kg_ >= std::max(on_threshold_kg(in), lone_foot_min_kg(in));
    if (!candidate) {
        lone_.on = false;
        lone_raw_n_ = 0;
        return;
    }
    // The middle of the last three raw CoPs: one sample of one sensor misread (on the
    // study's board 2.5 kg off under a light foot just landed, the CoP 260 mm away for
    // 10 ms) is not the foot moving, and the 30 ms CoP would carry it for five samples.
    lone_raw_[lone_raw_n_ % 3] = in.cop_x_mm;
    ++lone_raw_n_;
    const double foot_x_mm = lone_raw_n_ < 3 ? x_s_mm_ : middle_of_three(lone_raw_[0], lone_raw_[1], lone_raw_[2]);
    // "Still" within the board's own noise too: a light foot's CoP is a ratio of a few
    // kilograms, and the sensors' noise moves it by 216.5 mm x noise / load (one sd; the
    // total's noise is the left-right difference's too). A 50 kg player's lead foot at
    // 8 kg on a board with 0.46 kg of noise wavered by 12 mm standing still, was never
    // seen alone, and the knee drive on it at the step-up's top read as two feet. Two sd
    // of it (the middle of three samples is hardly steadier than one) is the least a still foot moves.
    const double noise_mm = cop_noise_mm(in.noise_kg, std::max(total_s_kg_, kLoneFootMinKg));
    if (lone_.add(in.t_s, foot_x_mm, lone_raw_n_ < 3 ? in.cop_x_mm : foot_x_mm, std::max(kLoneFootStillMm, 2.0 * noise_mm))) lone_taken_ = false;
    if (lone_taken_) foot_kg_ = std::max(foot_kg_, total_s_kg_);  // the most it carried, still there
    // A later still stretch of the same stance carrying clearly more than the foot taken
    // is the second foot down too (a player quick onto both feet rests within the first
    // 0.4 s), not the foot again.
    const bool second_foot = foot_seen_ && lone_stance_since_s_ == on_since_s && total_s_kg_ > kRestLanded * foot_kg_;
    if (!lone_taken_ && !second_foot && in.t_s - lone_.since_s >= kLoneFootS && lone_.samples >= kDwellSamples) {
        // Where the foot stood while it was still alone: the mean of its first still
        // stretch (later the other foot's first touch drags the CoP inward).
        if (!before_lone_foot_) {
            before_lone_foot_ = Feet{foot_seen_, foot_x_mm_, foot_kg_, {side_known_[0], side_known_[1]},
                                     {side_told_[0], side_told_[1]}, {side_x_mm_[0], side_x_mm_[1]},
                                     {side_this_visit_[0], side_this_visit_[1]}};
        }
        lone_taken_ = true;
        // After a gap that hid the contact, a foot seen alone while still light is the
        // stepping on seen after all: the first foot, before the weight came onto it.
        if (unseen_contact) stepping_on_hidden_ = false;
        lone_stance_since_s_ = on_since_s;
        foot_seen_ = true;
        forget_rest();  // a new visit: its own rest
        near_foot_kg_ = total_s_kg_;
        foot_x_mm_ = lone_.mean_mm();
        foot_kg_ = total_s_kg_;
        place_foot(foot_x_mm_);
    }
}

double StanceClassifier::onset_s(const StanceInput& in) const {
    // Latest sample still at the empty level, then the first above it.
    const double level = contact_level_kg(in);
    std::size_t j = history_.size() - 1;
    while (j > 0 && history_[j - 1].kg >= level) --j;
    if (j == 0) return history_.front().t_s;
    const Point& a = history_[j - 1];
    const Point& b = history_[j];
    if (b.t_s - a.t_s > kDataGapS) {
        // The load came inside a gap in the data. If the data came back during the rise
        // (the load doubled soon after the first sample back), that rise, taken back from
        // the first sample, says when the foot touched: a line across the gap would put
        // it anywhere in it (a foot lands in a tenth of a second, not over the whole gap).
        // Back already loaded, nothing says: the line below.
        for (std::size_t m = j + 1; m < history_.size() && history_[m].t_s <= b.t_s + kRiseAfterGapS; ++m) {
            if (history_[m].kg < 2.0 * b.kg) continue;
            const double rise_slope = (history_[m].kg - b.kg) / (history_[m].t_s - b.t_s);
            return std::clamp(b.t_s - b.kg / rise_slope, a.t_s, b.t_s);
        }
    }
    // Slope of the rise just after the crossing.
    std::size_t k = j + 1;
    while (k + 1 < history_.size() && history_[k].kg < 3.0 * level) ++k;
    double slope = (b.kg - a.kg) / std::max(1e-6, b.t_s - a.t_s);
    if (k < history_.size() && history_[k].t_s > b.t_s) {
        slope = (history_[k].kg - b.kg) / (history_[k].t_s - b.t_s);
    }
    const double t_cross = a.t_s + (level - a.kg) / (b.kg - a.kg) * (b.t_s - a.t_s);
    if (slope <= 0.0) return t_cross;
    return std::clamp(t_cross - level / slope, a.t_s, t_cross);
}

double StanceClassifier::full_load_s(const StanceInput& in) const {
    // The body weight has only just become known (no weigh-in, no quiet stance first:
    // it was learned from this very stance), so the load may have been full for a
    // while already. The stance began where the load last rose to full_enter_bw x BW
    // and stayed above full_leave_bw x BW since.
    const double bw = in.body_weight_kg;
    std::size_t j = history_.size();
    while (j > 0 && history_[j - 1].kg >= settings_.full_leave_bw * bw) --j;
    for (std::size_t k = j; k < history_.size(); ++k) {
        if (history_[k].kg >= settings_.full_enter_bw * bw) return std::min(history_[k].t_s, candidate_since_s_);
    }
    return candidate_since_s_;
}

double StanceClassifier::still_here_since_s() const {
    const double near_mm = kSameFootU * half_stance_mm();
    std::size_t j = history_.size();
    while (j > 1 && std::fabs(history_[j - 2].x_mm - x_s_mm_) <= near_mm) --j;
    return history_[j - 1].t_s;
}

double StanceClassifier::empty_s(const StanceInput& in) const {
    // Latest sample still loaded, then the first at the empty level.
    const double level = contact_level_kg(in);
    std::size_t i = history_.size();
    while (i > 0 && history_[i - 1].kg < level) --i;
    if (i == 0) return history_.front().t_s;
    if (i == history_.size()) return history_.back().t_s;
    const Point& a = history_[i - 1];
    const Point& b = history_[i];
    const double t_cross = a.t_s + (a.kg - level) / (a.kg - b.kg) * (b.t_s - a.t_s);
    // Slope of the fall just before the crossing.
    std::size_t k = i - 1;
    while (k > 0 && history_[k].kg < 3.0 * level) --k;
    double slope = (a.kg - b.kg) / std::max(1e-6, b.t_s - a.t_s);
    if (history_[k].t_s < a.t_s) slope = (history_[k].kg - a.kg) / (a.t_s - history_[k].t_s);
    if (slope <= 0.0) return t_cross;
    return std::clamp(t_cross + level / slope, t_cross, b.t_s);
}

void StanceClassifier::learn_centre(const StanceInput& in, double dt_s) {
    // One leg on a foot whose place was never seen: told only from where a centre or a
    // rest put the feet, which quiet standing can overrule (below).
    const bool unsure_single = is_single_leg(stance_) && !foot_seen(stance_ == Stance::right);
    const bool learning = [&] {
        if (feet_known_ || !in.cop_valid || (stance_ != Stance::both && !unsure_single)) return false;
        if (in.t_s - since_s_ < kCentreSettleS) return false;  // still moving into the stance
        // Nor across a gap in the data: the time without data is no time seen on two feet,
        // and the first sample after it would weigh as much as all of it (a single-leg
        // stance begun in the gap dragged a half-learned centre 40 mm onto the foot in one
        // sample), and the smoothed CoPs, restarted there, say nothing about stillness yet.
        if (in.t_s - data_since_s_ < kCentreSettleS) return false;
        // Nor while the weight is moving: without quiet standing first, the first two-foot
        // stances are a step-up's brief tops, whose ends shift the weight onto the lead leg.
        if (std::fabs(x_s_mm_ - x_slow_mm_) > kCentreStillMm) return false;
        // A person on two feet stands with the weight near the board's middle (between
        // footpads either side of it): a CoP far off it is a lean or a single-leg stance
        // not recognised as one (stepping straight onto one leg), never where the centre is.
        return std::fabs(x_s_mm_) <= kCentreMaxMm;
    }();
    if (!learning) {
        quiet_.on = false;
        visit_.on = false;
        return;
    }
    learn_visit_centre(in);
    // Standing quietly, as only two feet let a person stand (the CoP within a few mm for
    // seconds: people sway 0.4-2.2 mm sd on two feet, 3-12 mm on one leg), is where the
    // centre is, whatever was learned or guessed before: the first still second may come
    // while the weight is shifted about after stepping on (JoaoPedro1000 marching on the
    // spot: a centre 90 mm off his quiet stance, which the slow average below, ignoring a
    // CoP far off the centre, never corrected), or a pause on the way from a first foot
    // never seen was taken for a rest. A "single-leg stance" on a foot never seen that is
    // that quiet was two feet all along: it is withdrawn from its start (no hold).
    quiet_.add(in.t_s, x_s_mm_, x_s_mm_, kQuietMm);
    const bool quiet = in.t_s - quiet_.since_s >= kQuietS;
    const bool far = std::fabs(quiet_.mean_mm() - centre_x_mm_) > kCentreLearnU * half_stance_mm();
    if (quiet && (unsure_single || (far && centre_learned_s_ > kCentreTauS))) {
        centre_x_mm_ = quiet_.mean_mm();
        if (centre_learned_s_ < kCentreSeedS) {
            centre_learned_s_ = kCentreSeedS;
            seed_stance_width();
        }
        if (unsure_single) {
            stance_ = Stance::both;  // since its start: the stance is not ended, undone
            candidate_ = stance_;
            candidate_samples_ = 0;
        }
        return;
    }
    if (stance_ != Stance::both) return;
    // The first seconds on two feet: a plain running mean (the default centre, the
    // board's middle, may be far off). Afterwards a slow average that ignores a CoP
    // well off the centre: a lean, or a single-leg stance not yet recognised as one.
    const bool seeding = centre_learned_s_ < kCentreSeedS;
    centre_learned_s_ += dt_s;
    if (centre_learned_s_ <= kCentreTauS) {
        centre_x_mm_ += (x_s_mm_ - centre_x_mm_) * std::min(1.0, dt_s / std::max(centre_learned_s_, 1e-3));
        if (seeding && centre_learned_s_ >= kCentreSeedS) seed_stance_width();
        return;
    }
    if (std::fabs(x_s_mm_ - centre_x_mm_) > kCentreLearnU * half_stance_mm()) return;
    centre_x_mm_ += (x_s_mm_ - centre_x_mm_) * std::min(1.0, dt_s / kCentreSlowTauS);
}

void StanceClassifier::seed_stance_width() {
    // The foot seen alone and the two-foot centre give the stance width.
    if (!foot_seen_) return;
    const double half = std::fabs(centre_x_mm_ - foot_x_mm_);
    if (half >= kMinHalfStanceMm && half <= kMaxHalfStanceMm) {
        half_stance_mm_ = half;
        place_foot(foot_x_mm_);
    }
}

double StanceClassifier::cop_noise_mm(double noise_kg, double load_kg) const {
    // The CoP is a ratio of loads: the left-right difference's noise (the total's) over
    // the load, times the sensors' half spacing (one sd).
    return settings_.geometry.width_mm / 2.0 * noise_kg / load_kg;
}

double StanceClassifier::person_kg(const StanceInput& in) const {
    return in.body_weight_kg > 0.0 ? std::max(kPersonKg, kPersonBw * in.body_weight_kg) : kPersonKg;
}

double StanceClassifier::lone_foot_min_kg(const StanceInput& in) const {
    // A light player's lead foot may rest with under 5 kg (a 30 kg player's with 4.5). Its
    // CoP is a ratio of those few kilograms: still only where the sensors' noise moves it
    // by less than the stillness allowed (two sd of 216.5 mm x noise / load); on a noisy
    // board a landing drifting 6-7 mm a sample then passed for a still foot.
    return 2.0 * cop_noise_mm(in.noise_kg, kLightFootMinKg) <= kLoneFootStillMm ? kLightFootMinKg : kLoneFootMinKg;
}

}  // namespace highstep::core::detail
