// bench_signal: what the board signal costs.
//   BM_PipelinePerSample   one sample through tare -> CoP -> body weight -> stance ->
//                          recognisers (the live path), on a real recording played in a loop
//   BM_SignalOnlyPerSample the signal processor alone (no recognisers)
//   BM_ReadAndAnalyze      read_recording() + analyze() of a whole real recording
//   BM_AnalyzeAllReal      analyze() over all real recordings already in memory
// Time per iteration is the cost of one sample; items/s is samples per second.
#include <algorithm>
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

}  // namespace

BENCHMARK_MAIN();
