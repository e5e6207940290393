// The online recogniser: the signal pipeline feeding the detectors, sample by sample.
#include "highstep/core/recognise/recognizer.h"

#include "recognise/detect_single_leg.h"
#include "recognise/detect_steps.h"
#include "recognise/phase_tracker.h"

namespace highstep::core {

struct Recognizer::Impl {
    explicit Impl(const SignalSettings& settings) : signal(settings), phases(settings) {}
    SignalProcessor signal;
    detail::PhaseTracker phases;
    std::vector<MovementPhase> dropped_phases;  // push() without a phase list
    detail::SingleLegDetector single_leg;
    detail::StepDetector steps;
    Stance previous = Stance::off;
    bool finished = false;
};

Recognizer::Recognizer(const SignalSettings& settings) : impl_(std::make_unique<Impl>(settings)) {}
Recognizer::~Recognizer() = default;
Recognizer::Recognizer(Recognizer&&) noexcept = default;
Recognizer& Recognizer::operator=(Recognizer&&) noexcept = default;

std::size_t Recognizer::push(const BoardSample& sample, std::vector<Event>& out) {
    impl_->dropped_phases.clear();
    return push(sample, out, impl_->dropped_phases);
}

std::size_t Recognizer::push(const BoardSample& sample, std::vector<Event>& out, std::vector<MovementPhase>& phases) {
    const std::size_t before = out.size();
    const SignalFrame& frame = impl_->signal.push(sample);
    if (!impl_->signal.last_accepted()) return 0;  // time went back, or a broken load
    impl_->phases.push(frame, phases);
    impl_->single_leg.push(frame, impl_->previous, out);
    if (const auto foot = impl_->single_leg.take_foot()) impl_->signal.observe_foot(foot->side, foot->x_mm);
    for (std::size_t i = before; i < out.size(); ++i) {
        if (const auto* kd = std::get_if<KneeDriveEvent>(&out[i])) impl_->steps.note_knee_drive(*kd);
    }
    impl_->steps.push(frame, impl_->previous, out);
    impl_->previous = frame.stance;
    return out.size() - before;
}

std::size_t Recognizer::finish(std::vector<Event>& out) {
    const std::size_t before = out.size();
    if (impl_->finished) return 0;
    impl_->finished = true;
    impl_->single_leg.finish(out);
    impl_->steps.finish(out);
    return out.size() - before;
}

const SignalFrame& Recognizer::frame() const { return impl_->signal.frame(); }
double Recognizer::body_weight_kg() const { return impl_->signal.body_weight_kg(); }
void Recognizer::set_body_weight_kg(double kg) { impl_->signal.set_body_weight_kg(kg); }
void Recognizer::set_tare(float tl, float tr, float bl, float br) { impl_->signal.set_tare(tl, tr, bl, br); }

}  // namespace highstep::core
