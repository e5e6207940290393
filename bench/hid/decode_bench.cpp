// Decoder and queue throughput. The live driver handles ~100 reports/s per board;
// these numbers show how little of a core that takes, and how long `highstep
// decode` needs for a long raw log.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "highstep/hid/raw_log.h"
#include "highstep/hid/sample_queue.h"
#include "highstep/hid/wii_decoder.h"

namespace {

using highstep::BoardSample;
using namespace highstep::hid;

const std::array<std::uint8_t, 24> kCalibration = {0x07, 0xC3, 0x3C, 0xF8, 0x04, 0x8C, 0x29, 0x6B,
                                                   0x0E, 0xD2, 0x43, 0x84, 0x0B, 0x3A, 0x30, 0x69,
                                                   0x15, 0xE9, 0x4A, 0x10, 0x11, 0xEF, 0x37, 0x6E};

std::vector<std::uint8_t> reply(std::uint16_t address, std::size_t from, std::size_t n) {
    std::vector<std::uint8_t> r{0x21, 0x00, 0x00, static_cast<std::uint8_t>((n - 1) << 4),
                                static_cast<std::uint8_t>(address >> 8), static_cast<std::uint8_t>(address & 0xFF)};
    r.resize(22, 0);
    std::copy_n(kCalibration.begin() + static_cast<std::ptrdiff_t>(from), n, r.begin() + 6);
    return r;
}

std::vector<std::vector<std::uint8_t>> data_reports(std::size_t count) {
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> raw(0, 0x5000);
    std::vector<std::vector<std::uint8_t>> out;
    for (std::size_t i = 0; i < count; ++i) {
        std::vector<std::uint8_t> r{0x32, 0x00, 0x00};
        for (int s = 0; s < 4; ++s) {
            const int v = raw(rng);
            r.push_back(static_cast<std::uint8_t>(v >> 8));
            r.push_back(static_cast<std::uint8_t>(v & 0xFF));
        }
        out.push_back(std::move(r));
    }
    return out;
}

void BM_WiiDecoderFeed(benchmark::State& state) {
    WiiReportDecoder decoder;
    decoder.feed(reply(0x24, 0, 16), 0.0);
    decoder.feed(reply(0x34, 16, 8), 0.0);
    const auto reports = data_reports(4096);
    std::size_t i = 0;
    double t = 0;
    for (auto _ : state) {
        auto s = decoder.feed(reports[i++ & 4095], t += 0.01);
        benchmark::DoNotOptimize(s);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_WiiDecoderFeed);

void BM_DecodeRawLogFile(benchmark::State& state) {
    // One hour at 100 Hz is 360 000 reports; this measures per-report cost on a
    // 60 000-report log (10 minutes).
    const std::size_t count = 60000;
    const auto path = std::filesystem::temp_directory_path() / "highstep_bench.hidlog";
    {
        std::FILE* f = std::fopen(path.c_str(), "w");
        auto hex = [&](double t, const std::vector<std::uint8_t>& r) {
            std::fprintf(f, "%.6f ", t);
            for (auto b : r) std::fprintf(f, "%02x", b);
            std::fprintf(f, "\n");
        };
        hex(0.001, reply(0x24, 0, 16));
        hex(0.002, reply(0x34, 16, 8));
        const auto reports = data_reports(count);
        for (std::size_t i = 0; i < count; ++i) hex(0.01 * static_cast<double>(i + 1), reports[i]);
        std::fclose(f);
    }
    for (auto _ : state) {
        const DecodedLog d = decode_wii_log(path);
        benchmark::DoNotOptimize(d.samples.data());
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(count));
    std::filesystem::remove(path);
}
BENCHMARK(BM_DecodeRawLogFile)->Unit(benchmark::kMillisecond);

void BM_QueuePushPop(benchmark::State& state) {
    DropOldestQueue<BoardSample> q(1024);
    BoardSample s;
    for (auto _ : state) {
        s.t_s += 0.01;
        q.push(s);
        auto out = q.pop();
        benchmark::DoNotOptimize(out);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_QueuePushPop);

}  // namespace
