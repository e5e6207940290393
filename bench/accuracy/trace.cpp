// One suite session, sample by sample: what the signal processor made of it around
// each event, for finding why an event was missed or invented (accuracy_report --trace).
#include <cstdio>

#include "accuracy.h"
#include "highstep/core/recognise/recognizer.h"

namespace highstep::accuracy {

bool trace_case(const std::vector<SuiteCase>& suite, std::uint64_t seed) {
    for (const SuiteCase& c : suite) {
        if (c.settings.seed != seed) continue;
        const synth::SynthSession session = synth::generate(c.script, c.settings);
        const std::vector<BoardSample> samples = as_recorded(session.samples);
        std::printf("session %llu: %s\ntruth:\n", static_cast<unsigned long long>(seed), c.label.c_str());
        for (const synth::TruthEvent& e : session.truth) {
            std::printf("  %-12s %-5s start %7.3f top %7.3f end %7.3f hold %5.2f peak %.3f BW\n", synth::to_string(e.type),
                        synth::to_string(e.side), e.start_s, e.top_s, e.end_s, e.hold_s, e.peak_bw);
        }
        std::printf("gaps:");
        for (const Gap& g : find_gaps(samples)) std::printf(" %.3f-%.3f", g.from_s, g.to_s);
        std::printf("\n");
        core::SignalSettings settings;
        settings.rotated_180 = c.settings.body.rotated_180;
        // Twice: as it comes, and with the weight known from the start, as the recogniser
        // judges the samples again once it learns the weight (what it sees before that).
        double learned_kg = 0.0;
        for (int pass = 0; pass < 2; ++pass) {
        core::Recognizer recognizer(settings);
        if (pass == 1) {
            if (learned_kg <= 0.0) break;
            recognizer.set_body_weight_kg(learned_kg);
            std::printf("\nagain, with the weight known from the start (%.1f kg):\n", learned_kg);
        }
        std::vector<core::Event> events;
        std::printf("     t_s  total_kg  bw_kg  stance   since_s  cop_x  centre  half     u  (events as they come)\n");
        for (const BoardSample& s : samples) {
            const std::size_t before = events.size();
            recognizer.push(s, events);
            const core::SignalFrame& f = recognizer.frame();
            if (pass == 0 && learned_kg <= 0.0) learned_kg = f.body_weight_kg;
            const double u = f.cop_valid && f.half_stance_mm > 0 ? (f.cop_x_mm - f.stance_centre_x_mm) / f.half_stance_mm : 0.0;
            std::printf("%8.3f %9.2f %6.1f %-8s %7.3f %6.1f %7.1f %5.1f %+5.2f", f.t_s, f.total_kg, f.body_weight_kg,
                        core::to_string(f.stance), f.stance_since_s, f.cop_valid ? f.cop_x_mm : 0.0,
                        f.stance_centre_x_mm, f.half_stance_mm, u);
            for (std::size_t i = before; i < events.size(); ++i) {
                const Mark m = mark_of(events[i]);
                std::printf("  => %s %s %.3f..%.3f", synth::to_string(m.type), synth::to_string(m.side), m.t_s, m.end_s);
            }
            std::printf("\n");
        }
        events.clear();
        recognizer.finish(events);
        for (const core::Event& e : events) {
            const Mark m = mark_of(e);
            std::printf("  at the end => %s %s %.3f..%.3f\n", synth::to_string(m.type), synth::to_string(m.side), m.t_s, m.end_s);
        }
        }
        return true;
    }
    return false;
}

}  // namespace highstep::accuracy
