// accuracy_report: detection accuracy of highstep::core::analyze() on labelled
// synthetic suites. Prints, per event type, precision, recall and the timing
// error of matched events (median and 95th percentile of |detected − true| of the
// start / contact time, and the median signed error as the bias).
//
//   accuracy_report [--suite clean|noisy|both|unstill] [--sessions N] [--seed S] [--misses N] [--dump DIR] [--trace SEED]
// --dump writes each session with a missed or invented event as DIR/<suite>-<seed>.csv
// and its truth as DIR/<suite>-<seed>.truth.json, to replay with `highstep analyze`.
// --trace prints the session with that seed (the seed=... of a miss) frame by frame instead.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <string>

#include "highstep/input/recording.h"
#include "highstep/synth/truth_json.h"

#include "accuracy.h"

namespace {

using namespace highstep;

constexpr const char* kUsage =
    "usage: accuracy_report [--suite clean|noisy|both|unstill] [--sessions N] [--seed S] [--misses N] [--dump DIR] [--trace SEED]\n";

long parse_whole(const char* option, const char* text, long lo, long hi) {
    char* end = nullptr;
    errno = 0;
    const long v = std::strtol(text, &end, 10);
    if (end == text || *end != '\0' || errno == ERANGE || v < lo || v > hi) {
        std::fprintf(stderr, "accuracy_report: %s: '%s' must be a whole number in %ld..%ld\n%s", option, text, lo, hi,
                     kUsage);
        std::exit(2);
    }
    return v;
}

void print_misses(const accuracy::Tally& tally, long limit) {
    if (tally.misses.empty() || limit <= 0) return;
    std::printf("\nmissed (-) and invented (+) events, first %ld of %zu:\n", limit, tally.misses.size());
    long shown = 0;
    for (const accuracy::Miss& m : tally.misses) {
        if (shown++ >= limit) break;
        std::printf("  %c %-12s %-5s t=%7.2f s  seed=%llu  %s\n", m.invented ? '+' : '-', synth::to_string(m.mark.type),
                    m.mark.type == synth::TruthType::step_on || m.mark.type == synth::TruthType::step_off
                        ? ""
                        : synth::to_string(m.mark.side),
                    m.mark.t_s, static_cast<unsigned long long>(m.seed), m.case_label.c_str());
    }
}

// Writes the sessions named in the misses, for the signal engineer to replay.
void dump_cases(const std::vector<accuracy::SuiteCase>& suite, const accuracy::Tally& tally,
                const std::filesystem::path& dir, const char* suite_name) {
    std::set<std::uint64_t> seeds;
    for (const accuracy::Miss& m : tally.misses) seeds.insert(m.seed);
    std::filesystem::create_directories(dir);
    for (const accuracy::SuiteCase& c : suite) {
        if (!seeds.count(c.settings.seed)) continue;
        const synth::SynthSession session = synth::generate(c.script, c.settings);
        const std::string stem = std::string(suite_name) + "-" + std::to_string(c.settings.seed);
        Recording rec;
        rec.metadata = {{"board", "synthetic"}, {"synth-case", c.label},
                        {"synth-rotated-180", c.settings.body.rotated_180 ? "yes" : "no"}};
        rec.samples = session.samples;
        write_recording(dir / (stem + ".csv"), rec);
        std::ofstream(dir / (stem + ".truth.json")) << synth::truth_to_json(session, c.settings, c.script.name);
    }
    std::printf("wrote %zu sessions with misses to %s\n", seeds.size(), dir.string().c_str());
}

}  // namespace

int main(int argc, char** argv) {
    std::string which = "both", dump_dir;
    long sessions = 24, misses = 20;
    unsigned long long seed = 1;
    long trace = -1;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--help" || a == "-h") {
            std::fputs(kUsage, stdout);
            return 0;
        }
        if (i + 1 >= argc) {
            std::fprintf(stderr, "accuracy_report: '%s' needs a value (or is unknown)\n%s", a.c_str(), kUsage);
            return 2;
        }
        const char* v = argv[++i];
        if (a == "--suite") which = v;
        else if (a == "--sessions") sessions = parse_whole("--sessions", v, 1, 10000);
        else if (a == "--seed") seed = static_cast<unsigned long long>(parse_whole("--seed", v, 0, 1000000000));
        else if (a == "--misses") misses = parse_whole("--misses", v, 0, 100000);
        else if (a == "--dump") dump_dir = v;
        else if (a == "--trace") trace = parse_whole("--trace", v, 0, 2000000000);
        else {
            std::fprintf(stderr, "accuracy_report: unknown option '%s'\n%s", a.c_str(), kUsage);
            return 2;
        }
    }
    if (which != "clean" && which != "noisy" && which != "both" && which != "unstill") {
        std::fprintf(stderr, "accuracy_report: --suite must be clean, noisy, both or unstill\n%s", kUsage);
        return 2;
    }
    // "both" is the two target suites; the unstill suite (no quiet standing before the
    // first rep or single-leg stance) only on request.
    for (accuracy::SuiteKind kind :
         {accuracy::SuiteKind::clean, accuracy::SuiteKind::noisy, accuracy::SuiteKind::unstill}) {
        if (which == "both" && kind == accuracy::SuiteKind::unstill) continue;
        if (which != "both" && which != accuracy::to_string(kind)) continue;
        const auto suite = accuracy::make_suite(kind, static_cast<int>(sessions), seed);
        if (trace >= 0) {
            if (accuracy::trace_case(suite, static_cast<std::uint64_t>(trace))) return 0;
            continue;
        }
        const accuracy::Tally tally = accuracy::run_suite(suite);
        std::cout << '\n';
        accuracy::print_table(std::cout, std::string(accuracy::to_string(kind)) + " suite (seed " +
                                             std::to_string(seed) + ")", tally);
        print_misses(tally, misses);
        if (!dump_dir.empty()) dump_cases(suite, tally, dump_dir, accuracy::to_string(kind));
        std::cout.flush();
    }
    if (trace >= 0) {
        std::fprintf(stderr, "accuracy_report: no session with seed %ld in these suites\n", trace);
        return 1;
    }
    return 0;
}
