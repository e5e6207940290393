// The online recogniser: the signal pipeline feeding the detectors, sample by sample.
//
// Judged again once the body weight is known. Without a weigh-in the body weight is
// learned from the first steady full load, and until then no stance is more than
// "partial": a player who never stands still first (straight into a step-up, onto one leg
// half a second after stepping on, a data gap over the first rest) does a whole rep
// before it is known, and the rep is lost. A person's weight does not change in the
// meantime: so the recogniser keeps the samples from its start until the weight is
// first known, then runs them all again from the start with that weight (as a weigh-in
// would have given it), and sends what that run finds and the first did not send.
// Movement phases are not sent again: they were answers in their own moment.
#include "highstep/core/recognise/recognizer.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "recognise/detect_single_leg.h"
#include "recognise/detect_steps.h"
#include "recognise/phase_tracker.h"

namespace highstep::core {

namespace {
// Samples kept for judging again, at most (two minutes at 100 Hz): a recording whose
// weight is not known by then is judged as it comes.
constexpr std::size_t kMaxKeptSamples = 12000;
// While nobody has been on the board since the start kept, the start moves up to the
// present this often: an empty board has nothing to judge again, and minutes of it (a
// menu before anyone steps on) would use up the samples kept and the time to run them.
constexpr double kMoveEmptyStartS = 1.0;
// An event found again within this of one of the same kind already sent is that one.
constexpr double kSameEventS = 0.1;

// A single-leg stance found again whose boundaries moved (judged again with the feet
// told, its start may be dated 0.15 s earlier) is the same stance: same leg, overlapping.
template <class Stance>
bool same_stance(const Event& a, const Event& b) {
    const auto* x = std::get_if<Stance>(&a);
    const auto* y = std::get_if<Stance>(&b);
    return x && y && x->side == y->side && x->start_s < y->end_s && y->start_s < x->end_s;
}

bool same_event(const Event& a, const Event& b) {
    if (a.index() != b.index()) return false;
    return std::fabs(event_time_s(a) - event_time_s(b)) <= kSameEventS || same_stance<OneLegHoldEvent>(a, b) ||
           same_stance<KneeDriveEvent>(a, b);
}
}  // namespace

namespace {
struct Pipeline {
    explicit Pipeline(const SignalSettings& settings)
        : signal(settings), phases(settings), single_leg(single_leg_settings(settings)) {}
    static detail::SingleLegSettings single_leg_settings(const SignalSettings& settings) {
        detail::SingleLegSettings s;
        s.knee_drive_on_first_foot = settings.knee_drives_at_step_up_tops;
        return s;
    }
    SignalProcessor signal;
    detail::PhaseTracker phases;
    detail::SingleLegDetector single_leg;
    detail::StepDetector steps;
    Stance previous = Stance::off;

    // One sample through everything; false if the signal processor dropped it.
    bool push(const BoardSample& sample, std::vector<Event>& out, std::vector<MovementPhase>& phase_out) {
        const std::size_t before = out.size();
        const SignalFrame& frame = signal.push(sample);
        if (!signal.last_accepted()) return false;  // time went back, or a broken load
        phases.push(frame, phase_out);
        single_leg.push(frame, previous, out);
        if (const auto foot = single_leg.take_foot()) signal.observe_foot(foot->side, foot->x_mm);
        for (std::size_t i = before; i < out.size(); ++i) {
            if (const auto* kd = std::get_if<KneeDriveEvent>(&out[i])) steps.note_knee_drive(*kd);
        }
        steps.push(frame, previous, out);
        previous = frame.stance;
        return true;
    }
};
}  // namespace

struct Recognizer::Impl {
    explicit Impl(const SignalSettings& settings) : live(settings) {}
    Pipeline live;
    std::vector<MovementPhase> dropped_phases;  // push() without a phase list
    bool finished = false;
    // Until the body weight is first known: the pipeline as it was before the first
    // sample, the samples since, and the events sent meanwhile.
    bool judge_again = true;  // false once done (or given a weigh-in, or too long)
    bool weight_judged = false;  // run again under the weight; still kept while the feet are unseen
    std::optional<Pipeline> start;
    std::vector<BoardSample> kept;
    std::vector<Event> sent;
    bool visited = false;  // someone was on the board since the start kept
    // Sent before the weight was known and not found again yet (a step_on sent while the
    // first run waited for a top it could not tell): not sent twice when it is.
    std::vector<Event> sent_early;

    std::size_t push(const BoardSample& sample, std::vector<Event>& out, std::vector<MovementPhase>& phases);
    // Drops from out[from..] the events already sent early.
    void drop_sent_early(std::vector<Event>& out, std::size_t from);
    void forget_start() {
        start.reset();
        kept.clear();
        sent.clear();
        visited = false;
    }
};

std::size_t Recognizer::Impl::push(const BoardSample& sample, std::vector<Event>& out,
                                   std::vector<MovementPhase>& phases) {
    const std::size_t before = out.size();
    if (judge_again && !start && live.signal.body_weight_kg() <= 0.0) start = live;
    if (!live.push(sample, out, phases)) return 0;
    if (!start) {
        drop_sent_early(out, before);
        return out.size() - before;
    }
    kept.push_back(sample);
    const double bw_kg = live.signal.body_weight_kg();
    const Stance stance = live.signal.frame().stance;
    visited = visited || stance != Stance::off;
    if (bw_kg <= 0.0 && !visited && out.size() == before && sample.t_s - kept.front().t_s >= kMoveEmptyStartS) {
        forget_start();
        start = live;  // as it is after this sample: nothing before it to judge again
        return 0;
    }
    // Judged again under the weight, kept for the feet: each visit from its empty board
    // (the places that tell the feet are each visit's own), moved up as above.
    if (weight_judged && stance == Stance::off && out.size() == before &&
        sample.t_s - kept.front().t_s >= kMoveEmptyStartS) {
        forget_start();
        start = live;
        return 0;
    }
    const std::optional<FeetPlaces> feet = live.signal.feet_from_places();
    if ((weight_judged || bw_kg <= 0.0) && !feet) {
        // All this run found is sent by now (some of it earlier): not sent again.
        sent.insert(sent.end(), out.begin() + static_cast<std::ptrdiff_t>(before), out.end());
        drop_sent_early(out, before);
        if (kept.size() > kMaxKeptSamples || (weight_judged && !live.signal.feet_to_tell())) {
            judge_again = false;
            forget_start();
        }
        return out.size() - before;
    }
    // The weight is known from this sample on, or the feet were told from where the player
    // stood still: everything since the start again, with them.
    out.resize(before);
    std::optional<FeetPlaces> feet_assumed = feet;
    std::vector<Event> found;
    for (;;) {
        Pipeline again = *start;  // the start stays for the feet, if they are still to be told
        // Measured from the zero the live run has taken by now: a run from an untared start
        // must not move it again when it takes that zero (signal_weight.cpp).
        if (bw_kg > 0.0 && again.signal.body_weight_kg() <= 0.0) {
            again.signal.assume_body_weight_kg(bw_kg, live.signal.zero_known(),
                                               live.signal.body_weight_provisional());
        }
        if (feet_assumed) again.signal.assume_feet(*feet_assumed);
        found.clear();
        std::vector<MovementPhase> phases_again;
        for (const BoardSample& s : kept) again.push(s, found, phases_again);
        live = std::move(again);
        // Run under the weight, the feet may have been told in it: once more, with them.
        if (feet_assumed || !live.signal.feet_from_places()) break;
        feet_assumed = live.signal.feet_from_places();
    }
    sent_early.insert(sent_early.end(), sent.begin(), sent.end());
    out.insert(out.end(), found.begin(), found.end());
    drop_sent_early(out, before);
    weight_judged = true;
    if (feet_assumed || !live.signal.feet_to_tell()) {
        judge_again = false;
        forget_start();
    } else {
        sent = std::move(found);  // all sent by now: found again or sent at once
    }
    return out.size() - before;
}

void Recognizer::Impl::drop_sent_early(std::vector<Event>& out, std::size_t from) {
    if (sent_early.empty()) return;
    for (std::size_t i = from; i < out.size();) {
        const auto same = std::find_if(sent_early.begin(), sent_early.end(),
                                       [&](const Event& e) { return same_event(e, out[i]); });
        if (same == sent_early.end()) {
            ++i;
            continue;
        }
        sent_early.erase(same);
        out.erase(out.begin() + static_cast<std::ptrdiff_t>(i));
    }
}

Recognizer::Recognizer(const SignalSettings& settings) : impl_(std::make_unique<Impl>(settings)) {}
Recognizer::~Recognizer() = default;
Recognizer::Recognizer(Recognizer&&) noexcept = default;
Recognizer& Recognizer::operator=(Recognizer&&) noexcept = default;

std::size_t Recognizer::push(const BoardSample& sample, std::vector<Event>& out) {
    impl_->dropped_phases.clear();
    return push(sample, out, impl_->dropped_phases);
}

std::size_t Recognizer::push(const BoardSample& sample, std::vector<Event>& out, std::vector<MovementPhase>& phases) {
    return impl_->push(sample, out, phases);
}

std::size_t Recognizer::finish(std::vector<Event>& out) {
    const std::size_t before = out.size();
    if (impl_->finished) return 0;
    impl_->finished = true;
    impl_->live.single_leg.finish(out);
    impl_->live.steps.finish(out);
    impl_->drop_sent_early(out, before);
    return out.size() - before;
}

const SignalFrame& Recognizer::frame() const { return impl_->live.signal.frame(); }
bool Recognizer::board_blips() const { return impl_->live.phases.blipped(); }
double Recognizer::body_weight_kg() const { return impl_->live.signal.body_weight_kg(); }
void Recognizer::set_body_weight_kg(double kg) {
    // A weigh-in: the weight is known from the start, nothing to judge again.
    impl_->live.signal.set_body_weight_kg(kg);
    impl_->judge_again = false;
    impl_->forget_start();
}
void Recognizer::set_tare(float tl, float tr, float bl, float br) {
    // From here on: samples before it were read with another zero.
    impl_->live.signal.set_tare(tl, tr, bl, br);
    impl_->forget_start();
}

}  // namespace highstep::core
