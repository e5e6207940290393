// phase_latency_report: how soon the movement phases answer the true moments of the
// generated suites (bench/README.md, "Contact to feedback").
//
//   phase_latency_report [--sessions N] [--seed S]
#include <cstdio>
#include <cstdlib>
#include <string>

#include "phase_latency.h"

namespace {

using namespace highstep::accuracy;

void row(const char* suite, const char* what, const PhaseLatency& l) {
    std::printf("| %s | %s | %d/%d | %.0f / %.0f / %.0f | %.1f / %.1f / %.1f | %.1f / %.1f |\n", suite, what, l.answered,
                l.truth, percentile(l.samples_after, 0.5), percentile(l.samples_after, 0.99),
                percentile(l.samples_after, 1.0), percentile(l.delay_ms, 0.5), percentile(l.delay_ms, 0.99),
                percentile(l.delay_ms, 1.0), percentile(abs_of(l.error_ms), 0.5), percentile(abs_of(l.error_ms), 0.95));
}

}  // namespace

int main(int argc, char** argv) {
    int sessions = 24;
    unsigned long long seed = 1;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--sessions" && i + 1 < argc) {
            sessions = std::atoi(argv[++i]);
        } else if (a == "--seed" && i + 1 < argc) {
            seed = std::strtoull(argv[++i], nullptr, 10);
        } else {
            std::fprintf(stderr, "usage: phase_latency_report [--sessions N] [--seed S]\n");
            return 2;
        }
    }
    if (sessions < 1) sessions = 1;
    std::printf("| suite | answer | answered | samples after the true moment: median / p99 / max | "
                "ms: median / p99 / max | |time error| ms: median / p95 |\n|---|---|---|---|---|---|\n");
    for (SuiteKind kind : {SuiteKind::clean, SuiteKind::noisy}) {
        const PhaseLatencyReport r = measure_phase_latency(make_suite(kind, sessions, seed));
        row(to_string(kind), "step-up contact (foot_down)", r.step_up_contact);
        row(to_string(kind), "knee drive foot off (single_leg)", r.knee_drive_foot_off);
        row(to_string(kind), "knee drive weight shift (shift_start_s)", r.knee_drive_shift);
        std::fprintf(stderr, "%s: %d foot_down phases, %d with no true contact near; %d single_leg, %d stray\n",
                     to_string(kind), r.foot_downs, r.stray_foot_downs, r.single_legs, r.stray_single_legs);
    }
    return 0;
}
