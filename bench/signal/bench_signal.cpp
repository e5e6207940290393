// bench_signal: what the board signal costs.
//   BM_PipelinePerSample   one sample through tare -> CoP -> body weight -> stance ->
//                          recognisers (the live path), on a real recording played in a loop
//   BM_SignalOnlyPerSample the signal processor alone (no recognisers)
//   BM_ReadAndAnalyze      read_recording() + analyze() of a whole real recording
//   BM_AnalyzeAllReal      analyze() over all real recordings already in memory
//   BM_JudgeAgainSpike     the one sample whose push first knows the body weight (no
//                          weigh-in), after N seconds on the board that never showed it:
//                          the recogniser then runs every sample since its start again
//                          (docs/signal.md), in that one push, i.e. in one frame
// Time per iteration is the cost of one sample; items/s is samples per second.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "highstep/core/recognise/analysis.h"
#include "highstep/core/recognise/recognizer.h"
#include "highstep/input/recording.h"

namespace fs = std::filesystem;
using namespace highstep;

namespace {

std::vector<fs::path> real_files() {
    std::vector<fs::path> out;
    const fs::path dir(HIGHSTEP_REAL_DATA_DIR);
    if (!fs::is_directory(dir)) return out;
    for (const auto& e : fs::directory_iterator(dir)) {
        if (e.path().extension() == ".csv") out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

const std::vector<BoardSample>& baseline_samples() {
    static const std::vector<BoardSample> samples = [] {
        const fs::path f = fs::path(HIGHSTEP_REAL_DATA_DIR) / "dk_wii_baseline.csv";
        return fs::exists(f) ? read_recording(f).samples : std::vector<BoardSample>{};
    }();
    return samples;
}

void BM_PipelinePerSample(benchmark::State& state) {
    const auto& samples = baseline_samples();
    if (samples.empty()) {
        state.SkipWithError("real recordings not found");
        return;
    }
    core::Recognizer recognizer;
    std::vector<core::Event> events;
    std::size_t i = 0;
    double t_offset = 0.0;
    const double span = samples.back().t_s + 0.01;
    for (auto _ : state) {
        BoardSample s = samples[i];
        s.t_s += t_offset;  // loop the recording with time still going forward
        recognizer.push(s, events);
        benchmark::DoNotOptimize(recognizer.frame().cop_x_mm);
        if (++i == samples.size()) {
            i = 0;
            t_offset += span;
            events.clear();
        }
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PipelinePerSample);

void BM_SignalOnlyPerSample(benchmark::State& state) {
    const auto& samples = baseline_samples();
    if (samples.empty()) {
        state.SkipWithError("real recordings not found");
        return;
    }
    core::SignalProcessor signal;
    std::size_t i = 0;
    double t_offset = 0.0;
    const double span = samples.back().t_s + 0.01;
    for (auto _ : state) {
        BoardSample s = samples[i];
        s.t_s += t_offset;
        benchmark::DoNotOptimize(signal.push(s).stance);
        if (++i == samples.size()) {
            i = 0;
            t_offset += span;
        }
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SignalOnlyPerSample);

void BM_ReadAndAnalyze(benchmark::State& state) {
    const fs::path f = fs::path(HIGHSTEP_REAL_DATA_DIR) / "dk_wii_baseline.csv";
    if (!fs::exists(f)) {
        state.SkipWithError("real recordings not found");
        return;
    }
    std::size_t samples = 0;
    for (auto _ : state) {
        const Recording r = read_recording(f);
        const core::Analysis a = core::analyze(r.samples);
        benchmark::DoNotOptimize(a.events.size());
        samples += r.samples.size();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(samples));
}
BENCHMARK(BM_ReadAndAnalyze)->Unit(benchmark::kMillisecond);

void BM_AnalyzeAllReal(benchmark::State& state) {
    std::vector<std::vector<BoardSample>> all;
    for (const auto& f : real_files()) all.push_back(read_recording(f).samples);
    if (all.empty()) {
        state.SkipWithError("real recordings not found");
        return;
    }
    std::size_t samples = 0;
    for (auto _ : state) {
        for (const auto& s : all) {
            const core::Analysis a = core::analyze(s);
            benchmark::DoNotOptimize(a.stability.mean_velocity_mm_s);
            samples += s.size();
        }
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(samples));
}
BENCHMARK(BM_AnalyzeAllReal)->Unit(benchmark::kMillisecond);

// 2 s of empty board, `unsteady_s` of a 70 kg player rocking side to side and bobbing
// (never steady enough to weigh), then standing still: at 100 Hz.
std::vector<BoardSample> unsteady_then_still(double unsteady_s) {
    std::vector<BoardSample> out;
    const double still_s = 6.0;
    for (double t = 0.0; t < 2.0 + unsteady_s + still_s; t += 0.01) {
        BoardSample s;
        s.t_s = t;
        double total = 0.2, right_share = 0.5;
        if (t >= 2.0 && t < 2.0 + unsteady_s) {
            total = 70.0 * (1.0 + 0.2 * std::sin(2.0 * M_PI * 0.9 * t));
            right_share = 0.5 + 0.3 * std::sin(2.0 * M_PI * 0.37 * t);
        } else if (t >= 2.0 + unsteady_s) {
            total = 70.0 + 0.05 * std::sin(2.0 * M_PI * 3.1 * t);
        }
        s.tl = s.bl = static_cast<float>(total * (1.0 - right_share) / 2.0);
        s.tr = s.br = static_cast<float>(total * right_share / 2.0);
        out.push_back(s);
    }
    return out;
}

// The push that learns the weight, timed alone (manual time: the samples before it are
// pushed untimed into a fresh recogniser each iteration).
void BM_JudgeAgainSpike(benchmark::State& state) {
    const std::vector<BoardSample> samples = unsteady_then_still(static_cast<double>(state.range(0)));
    std::size_t known_at = 0;  // the push after which the weight is known (deterministic)
    {
        core::Recognizer r;
        std::vector<core::Event> events;
        while (known_at < samples.size() && r.body_weight_kg() <= 0.0) r.push(samples[known_at++], events);
        if (r.body_weight_kg() <= 0.0) {
            state.SkipWithError("the body weight was never learned");
            return;
        }
        --known_at;
    }
    for (auto _ : state) {
        core::Recognizer recognizer;
        std::vector<core::Event> events;
        for (std::size_t i = 0; i < known_at; ++i) recognizer.push(samples[i], events);
        const auto start = std::chrono::steady_clock::now();
        recognizer.push(samples[known_at], events);
        const auto end = std::chrono::steady_clock::now();
        benchmark::DoNotOptimize(events.size());
        state.SetIterationTime(std::chrono::duration<double>(end - start).count());
    }
    state.counters["samples_kept"] = static_cast<double>(known_at);
}
// 20 s, 60 s and 115 s on the board before the weight is known (the recogniser keeps
// at most two minutes at 100 Hz).
BENCHMARK(BM_JudgeAgainSpike)->Arg(20)->Arg(60)->Arg(115)->UseManualTime()->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
