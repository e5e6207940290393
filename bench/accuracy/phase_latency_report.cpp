// phase_latency_report: how soon the movement phases answer the true moments of the
// generated suites, and how soon each rep of the golden replays was judged after the
// moment it judges (bench/README.md, "Contact to feedback").
//
//   phase_latency_report [--sessions N] [--seed S]
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <filesystem>
#include <vector>

#include "highstep/core/level/level_file.h"
#include "highstep/core/session/session.h"
#include "highstep/input/recording.h"
#include "phase_latency.h"

namespace {

using namespace highstep::accuracy;

void row(const char* suite, const char* what, const PhaseLatency& l) {
    std::printf("| %s | %s | %d/%d | %.0f / %.0f / %.0f | %.1f / %.1f / %.1f | %.1f / %.1f |\n", suite, what, l.answered,
                l.truth, percentile(l.samples_after, 0.5), percentile(l.samples_after, 0.99),
                percentile(l.samples_after, 1.0), percentile(l.delay_ms, 0.5), percentile(l.delay_ms, 0.99),
                percentile(l.delay_ms, 1.0), percentile(abs_of(l.error_ms), 0.5), percentile(abs_of(l.error_ms), 0.95));
}

// Each rep of a golden replay: feedback_s − t_s, in ms and in board samples.
void golden_rows() {
    namespace fs = std::filesystem;
    const fs::path root = HIGHSTEP_SOURCE_DIR;
    const highstep::core::LevelDirectory levels = highstep::core::load_level_directory(root / "levels");
    std::printf("\n| golden replay | reps | samples from the judged moment to its judgement: median / max | ms: median / max |\n"
                "|---|---|---|---|\n");
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(root / "tests" / "data" / "golden")) {
        if (e.path().extension() == ".csv") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
        const std::string name = f.stem().string();
        const highstep::core::Level* level = nullptr;
        for (const auto& l : levels.levels) {
            if (name.rfind(l.id + "-", 0) == 0) level = &l;
        }
        if (!level || level->type == highstep::core::LevelType::balance_tower) continue;  // holds have no moment
        const highstep::Recording rec = highstep::read_recording(f);
        const highstep::core::SessionResult r = highstep::core::run_headless(*level, rec.samples);
        std::vector<double> ms, samples;
        for (const auto& set : r.sets) {
            for (const auto& rep : set.reps) {
                ms.push_back((rep.input.feedback_s - rep.input.t_s) * 1000.0);
                int n = 0;
                for (const auto& s : rec.samples) n += s.t_s > rep.input.t_s && s.t_s <= rep.input.feedback_s + 1e-9;
                samples.push_back(n);
            }
        }
        std::printf("| %s | %zu | %.0f / %.0f | %.0f / %.0f |\n", name.c_str(), ms.size(), percentile(samples, 0.5),
                    percentile(samples, 1.0), percentile(ms, 0.5), percentile(ms, 1.0));
    }
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
        std::fprintf(stdout, "%s: %d foot_down phases, %d with no true contact near; %d single_leg, %d stray\n",
                     to_string(kind), r.foot_downs, r.stray_foot_downs, r.single_legs, r.stray_single_legs);
        std::fprintf(stdout, "%s: step-up contacts sided at once %d, by a later foot_side %d, never %d; wrong side %d\n",
                     to_string(kind), r.sided_at_once, r.sided_later, r.sided_never, r.sided_wrong);
    }
    golden_rows();
    return 0;
}
