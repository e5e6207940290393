// Whole-recording analysis: the live recogniser run over a recording, plus the
// top-level stability over two-foot quiet stance.
//
// With a window (--from/--to), the recogniser still runs from the start of the
// recording up to the window's end, so the tare, body weight and stance are already
// known when the window opens; only events that happen inside the window (by their
// event_time_s) and quiet stance inside it are reported, and samples, duration and
// rate describe the window.
#include "highstep/core/recognise/analysis.h"

#include <algorithm>
#include <stdexcept>

#include "recognise/analysis_quiet.h"
#include "highstep/core/recognise/recognizer.h"

namespace highstep::core {

Analysis analyze(const std::vector<BoardSample>& samples, const AnalysisSettings& settings) {
    const double from_s = settings.from_s.value_or(-1e300);
    const double to_s = settings.to_s.value_or(1e300);
    if (from_s > to_s) throw std::invalid_argument("the window starts after it ends (--from > --to)");

    Analysis a;
    Recognizer recognizer(settings.signal);
    std::vector<Event> events;
    std::vector<MovementPhase> phases;
    std::vector<SignalFrame> frames;
    double first_s = 0.0, last_s = 0.0;
    for (const BoardSample& s : samples) {
        if (s.t_s > to_s) break;
        recognizer.push(s, events, phases);
        if (recognizer.frame().t_s != s.t_s) continue;  // dropped: broken or out of order
        if (s.t_s < from_s) continue;
        if (a.samples == 0) first_s = s.t_s;
        last_s = s.t_s;
        ++a.samples;
        frames.push_back(recognizer.frame());
    }
    recognizer.finish(events);

    for (const Event& e : events) {
        const double t = event_time_s(e);
        if (t >= from_s && t <= to_s) a.events.push_back(e);
    }
    for (const MovementPhase& p : phases) {
        if (p.t_s >= from_s && p.t_s <= to_s) a.phases.push_back(p);
    }
    std::stable_sort(a.events.begin(), a.events.end(),
                     [](const Event& x, const Event& y) { return event_time_s(x) < event_time_s(y); });

    a.duration_s = a.samples > 0 ? last_s - first_s : 0.0;
    a.rate_hz = a.duration_s > 0.0 ? static_cast<double>(a.samples) / a.duration_s : 0.0;
    a.body_weight_kg = recognizer.body_weight_kg();
    a.stability = detail::quiet_stance_stability(frames, a.body_weight_kg);
    return a;
}

}  // namespace highstep::core
