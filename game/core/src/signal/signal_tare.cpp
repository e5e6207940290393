// Automatic tare. A Wii board's calibration leaves each sensor a few hundred grams
// off zero, home-built boards may be off by kilograms, and a board's empty reading
// drifts and changes (a bag put down on it, a board reading −20 kg or +1.5 kg empty):
// so the zero is taken from the empty board whenever it is seen, and kept up to date
// while it stays empty, up to the moment someone steps on.
//
// "Empty": until a first zero is known, the raw total is below max_kg (any amount below
// zero counts: the driver extrapolates below the 0 kg calibration point, so a drifted
// zero reads negative). Once a zero is known, the raw total is less than kMaxRiseKg
// above it (or anywhere below it): what an empty board's reading can change by is
// measured against its own zero, not against the factory's. Against the factory's, a
// board reading 11 kg light took a foot resting with 17 kg (raw +6 kg) for the empty
// board, and one reading 80 kg light took a person standing on it. An empty reading
// changes by a few kilograms (the study's boards by 3.3 kg: a load left on them); a
// foot resting on the board between tests carries 5-17 kg. A steady reading below the
// zero is always the empty board: a board cannot carry less than nothing, so the zero
// it replaces was taken with something on it.
// "Steady": over the last min_s, the total's slow change (its variance less the
// sample-to-sample noise, estimated from successive differences as the body-weight
// estimator does) is under 0.4 kg sd and the two halves agree. A board's own drift is
// far slower; a foot resting on the board moves by kilograms, and the first contact of
// someone stepping on makes the window's end rise, so the zero is the window before it.
// Until a first zero is taken the board reads its factory calibration, kilograms off on
// a home-built or drifted board: then half of min_s of steady empty board will do (a
// recording whose empty start a data gap cut short read 4-6 kg of offsets as a foot on
// the board, and the person's stepping on and off were lost), but only before anyone has
// been on the board: after a visit, half a second of still board is as often a foot left
// resting (the study's people leave one for seconds between tests), and taken for the
// first zero it made a person 10 kg light. A recording's first sample is no foot leaving
// the board.
#include "signal/signal_tare.h"

#include "signal/window_stats.h"

namespace highstep::core::detail {

namespace {
constexpr double kMaxSlowSdKg = 0.4;
constexpr std::size_t kMinSamples = 8;
constexpr std::size_t kMaxSamples = 512;  // bounded even if time stands still
// The first moments below max_kg are a foot leaving the board, not the empty board.
constexpr double kSettleS = 0.25;
constexpr double kFirstShare = 0.5;  // before any zero is known, this share of min_s will do
constexpr double kMaxRiseKg = 5.0;   // once a zero is known: the most an empty reading rises by
}  // namespace

bool AutoTare::steady() const {
    return window_stats(window_, [](const Point& p) { return p.total; }).steady(kMaxSlowSdKg);
}

void AutoTare::push(double t_s, const SensorLoads& raw) {
    const double total = raw[0] + raw[1] + raw[2] + raw[3];
    const double empty_below_kg =
        tared_ ? offsets_[0] + offsets_[1] + offsets_[2] + offsets_[3] + kMaxRiseKg : max_kg_;
    if (total > empty_below_kg) {
        loaded_ = true;
        ever_loaded_ = true;
        window_.clear();
        restart();
        return;
    }
    if (loaded_) {
        loaded_ = false;
        settle_until_s_ = t_s + kSettleS;
    }
    if (t_s < settle_until_s_) return;
    window_.push_back({t_s, raw, total});
    while (window_.size() > kMaxSamples || (window_.size() > 1 && t_s - window_.front().t_s > min_s_)) window_.pop_front();
    const double need_s = tared_ || ever_loaded_ ? min_s_ : kFirstShare * min_s_;
    if (window_.size() < kMinSamples || t_s - window_.front().t_s < 0.9 * need_s) return;
    if (!steady()) {
        restart();  // the empty reading changed (or someone is stepping on): a new stretch
        return;
    }
    // The zero is the mean of the whole steady stretch (less noisy than the last
    // second alone), which starts with the window that first was steady.
    if (stretch_n_ == 0) {
        for (const Point& p : window_) add(p.raw);
    } else {
        add(raw);
    }
    for (std::size_t i = 0; i < 4; ++i) offsets_[i] = stretch_sum_[i] / static_cast<double>(stretch_n_);
    tared_ = true;
}

void AutoTare::restart() {
    stretch_n_ = 0;
    stretch_sum_ = {};
}

void AutoTare::add(const SensorLoads& raw) {
    ++stretch_n_;
    for (std::size_t i = 0; i < 4; ++i) stretch_sum_[i] += raw[i];
}

void AutoTare::set(const SensorLoads& offsets) {
    offsets_ = offsets;
    tared_ = true;
}

}  // namespace highstep::core::detail
