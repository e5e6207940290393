// The online signal pipeline: orientation -> tare -> loads and CoP -> body weight
// -> stance. Each stage is its own small class; this file wires them.
#include <algorithm>
#include <cmath>
#include <deque>

#include "highstep/core/signal/signal.h"
#include "signal/signal_tare.h"
#include "signal/signal_weight.h"
#include "signal/stance_classifier.h"

namespace highstep::core {

namespace {
constexpr double kSmoothWindowS = 0.1;  // drive peaks are ~0.2 s wide; noise is not
constexpr std::size_t kMaxSmoothSamples = 256;  // bounded even if time stands still
}

const char* to_string(Stance stance) {
    switch (stance) {
        case Stance::off: return "off";
        case Stance::partial: return "partial";
        case Stance::both: return "double";
        case Stance::left: return "left";
        case Stance::right: return "right";
    }
    return "off";
}

struct SignalProcessor::Impl {
    explicit Impl(const SignalSettings& s)
        : settings(s), tare(s.tare_max_kg, s.tare_min_s), stance(s) {}

    SignalSettings settings;
    detail::AutoTare tare;
    detail::BodyWeightEstimator weight;
    detail::StanceClassifier stance;
    SignalFrame frame;
    bool started = false;
    bool accepted = false;

    struct Point {
        double t_s;
        double kg;
    };
    std::deque<Point> smooth_window;
    double smooth_sum = 0.0;

    const SignalFrame& push(const BoardSample& sample);
};

const SignalFrame& SignalProcessor::Impl::push(const BoardSample& sample) {
    const double t_s = sample.t_s;
    accepted = false;
    detail::SensorLoads raw{sample.tl, sample.tr, sample.bl, sample.br};
    for (double v : raw) {
        if (!std::isfinite(v)) return frame;  // a broken report is dropped, not propagated
    }
    if (!std::isfinite(t_s) || (started && t_s < frame.t_s)) return frame;
    started = true;
    accepted = true;
    if (settings.rotated_180) {
        // Turned round, the board's top-left sensor sits under the player's back-right.
        std::swap(raw[0], raw[3]);
        std::swap(raw[1], raw[2]);
    }
    const bool had_zero = tare.tared();
    const detail::SensorLoads zero_before = tare.offsets();
    tare.push(t_s, raw);
    const detail::SensorLoads& zero = tare.offsets();
    const bool first_zero = !had_zero && tare.tared();
    if (first_zero) weight.rezero(zero[0] + zero[1] + zero[2] + zero[3]);
    // A zero that rose by a kilogram or more took something left on the board into it; the
    // first zero, whatever load there was before it (measured from the factory's zero, a
    // board's own offsets of a few kilograms read as a foot).
    const double zero_rise_kg = (zero[0] + zero[1] + zero[2] + zero[3]) -
                                (zero_before[0] + zero_before[1] + zero_before[2] + zero_before[3]);
    if ((had_zero && zero_rise_kg >= 1.0) || first_zero) stance.board_took_load();
    const double tl = raw[0] - zero[0], tr = raw[1] - zero[1];
    const double bl = raw[2] - zero[2], br = raw[3] - zero[3];

    SignalFrame f;
    f.t_s = t_s;
    f.button = sample.button;
    f.total_kg = tl + tr + bl + br;
    f.left_kg = tl + bl;
    f.right_kg = tr + br;

    weight.push(t_s, f.total_kg);
    f.body_weight_kg = weight.body_weight_kg();
    f.noise_kg = weight.noise_kg();
    f.noise_known = weight.noise_known();

    // CoP is a ratio of loads: near zero load it is the ratio of noise to noise.
    const double cop_min_kg = std::max({settings.on_min_kg, 5.0 * f.noise_kg, 0.05 * f.body_weight_kg});
    f.cop_valid = f.total_kg >= cop_min_kg;
    if (f.cop_valid) {
        f.cop_x_mm = settings.geometry.width_mm / 2.0 * ((tr + br) - (tl + bl)) / f.total_kg;
        f.cop_y_mm = settings.geometry.depth_mm / 2.0 * ((tl + tr) - (bl + br)) / f.total_kg;
    }

    stance.push({t_s, f.total_kg, f.cop_valid, f.cop_x_mm, f.body_weight_kg, f.noise_kg});
    f.stance = stance.stance();
    f.stance_since_s = stance.since_s();
    f.stance_centre_x_mm = stance.centre_x_mm();
    f.half_stance_mm = stance.half_stance_mm();
    f.left_half_stance_mm = stance.half_stance_mm(false);
    f.right_half_stance_mm = stance.half_stance_mm(true);
    f.left_foot_seen = stance.foot_seen(false);
    f.right_foot_seen = stance.foot_seen(true);
    f.left_foot_told = stance.foot_told(false);
    f.right_foot_told = stance.foot_told(true);

    smooth_window.push_back({t_s, f.total_kg});
    smooth_sum += f.total_kg;
    while (smooth_window.size() > 1 &&
           (t_s - smooth_window.front().t_s > kSmoothWindowS || smooth_window.size() > kMaxSmoothSamples)) {
        smooth_sum -= smooth_window.front().kg;
        smooth_window.pop_front();
    }
    f.total_smooth_kg = smooth_sum / static_cast<double>(smooth_window.size());

    frame = f;
    return frame;
}

SignalProcessor::SignalProcessor(const SignalSettings& settings) : impl_(std::make_unique<Impl>(settings)) {}
SignalProcessor::~SignalProcessor() = default;
SignalProcessor::SignalProcessor(SignalProcessor&&) noexcept = default;
SignalProcessor& SignalProcessor::operator=(SignalProcessor&&) noexcept = default;
SignalProcessor::SignalProcessor(const SignalProcessor& other) : impl_(std::make_unique<Impl>(*other.impl_)) {}
SignalProcessor& SignalProcessor::operator=(const SignalProcessor& other) {
    if (this != &other) impl_ = std::make_unique<Impl>(*other.impl_);
    return *this;
}

const SignalFrame& SignalProcessor::push(const BoardSample& sample) { return impl_->push(sample); }
const SignalFrame& SignalProcessor::frame() const { return impl_->frame; }
bool SignalProcessor::last_accepted() const { return impl_->accepted; }
const SignalSettings& SignalProcessor::settings() const { return impl_->settings; }
double SignalProcessor::body_weight_kg() const { return impl_->weight.body_weight_kg(); }
void SignalProcessor::set_body_weight_kg(double kg) { impl_->weight.fix(kg); }
void SignalProcessor::assume_body_weight_kg(double kg, bool from_a_zero, bool provisional) {
    impl_->weight.assume(kg, from_a_zero, provisional);
}
bool SignalProcessor::body_weight_provisional() const { return impl_->weight.provisional(); }
bool SignalProcessor::zero_known() const { return impl_->tare.tared(); }
void SignalProcessor::observe_foot(Stance side, double x_mm) { impl_->stance.observe_foot(side, x_mm); }
std::optional<FeetPlaces> SignalProcessor::feet_from_places() const { return impl_->stance.feet_from_places(); }
void SignalProcessor::assume_feet(const FeetPlaces& feet) { impl_->stance.assume_feet(feet); }
bool SignalProcessor::feet_unseen() const { return impl_->stance.feet_unseen(); }
bool SignalProcessor::feet_to_tell() const { return impl_->stance.feet_to_tell(); }
void SignalProcessor::set_tare(float tl, float tr, float bl, float br) {
    if (!impl_->tare.tared()) impl_->weight.rezero(static_cast<double>(tl) + tr + bl + br);
    impl_->tare.set({tl, tr, bl, br});
}

}  // namespace highstep::core
