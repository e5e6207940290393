// `highstep synth OUT.csv [--script NAME|FILE] [--reps N] [--weight-kg N] [--rate-hz N]
//   [--noise-kg N] [--jitter-ms N] [--gaps N] [--seed N] [--rotated] [--stance-mm N]
//   [--feet-offset-mm N] [--truth OUT.json]`
// Writes a synthetic recording (and optionally its ground truth as JSON), so a
// detector, a level or a bug report can be tried without a board.
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "commands.h"
#include "highstep/input/recording.h"
#include "highstep/synth/generator.h"
#include "highstep/synth/script.h"
#include "highstep/synth/truth_json.h"

namespace highstep::cli {
namespace {

constexpr const char* kUsage =
    "usage: highstep synth OUT.csv [--script NAME|FILE] [--reps N] [--weight-kg N] [--rate-hz N]\n"
    "                      [--noise-kg N] [--jitter-ms N] [--gaps N] [--seed N] [--rotated]\n"
    "                      [--stance-mm N] [--feet-offset-mm N] [--truth OUT.json]\n"
    "built-in scripts: baseline, step-ups, knee-drives, holds, mixed (default); a FILE holds\n"
    "one action a line (see docs/synth.md)\n";

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

double parse_number(const std::string& option, const std::string& text) {
    const char* begin = text.c_str();
    char* end = nullptr;
    errno = 0;
    const double v = std::strtod(begin, &end);
    if (end == begin || *end != '\0' || errno == ERANGE || !std::isfinite(v)) {
        throw UsageError(option + ": '" + text + "' is not a number");
    }
    return v;
}

std::uint64_t parse_seed(const std::string& text) {
    const char* begin = text.c_str();
    char* end = nullptr;
    errno = 0;
    const unsigned long long v = std::strtoull(begin, &end, 10);
    if (end == begin || *end != '\0' || errno == ERANGE || text.front() == '-') {
        throw UsageError("--seed: '" + text + "' is not a whole number >= 0");
    }
    return v;
}

int parse_count(const std::string& option, const std::string& text, int max) {
    const double v = parse_number(option, text);
    if (v != std::floor(v) || v < 0 || v > max) {
        throw UsageError(option + ": '" + text + "' must be a whole number in 0.." + std::to_string(max));
    }
    return static_cast<int>(v);
}

void write_truth(const std::filesystem::path& path, const std::string& script_name,
                 const synth::SynthSettings& s, const synth::SynthSession& session) {
    std::filesystem::path tmp = path;
    tmp += ".part";
    {
        std::ofstream out(tmp, std::ios::trunc);
        out << synth::truth_to_json(session, s, script_name);
        if (!out.flush()) throw std::runtime_error(path.string() + ": cannot write the truth file");
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) throw std::runtime_error(path.string() + ": cannot write the truth file: " + ec.message());
}

synth::Script choose_script(const std::string& which, int reps) {
    if (std::filesystem::exists(which)) return synth::load_script(which);
    for (const std::string& name : synth::named_script_names()) {
        if (name == which) return synth::named_script(which, reps);
    }
    throw UsageError("--script: '" + which + "' is neither a file nor a built-in script");
}

}  // namespace

int run_synth(const Args& args) {
    std::string out_path, truth_path, script_name = "mixed";
    int reps = 8;
    synth::SynthSettings settings;
    try {
        for (std::size_t i = 0; i < args.size(); ++i) {
            const std::string& a = args[i];
            auto value = [&]() -> const std::string& {
                if (i + 1 >= args.size()) throw UsageError(a + " needs a value");
                return args[++i];
            };
            if (a == "--help" || a == "-h") {
                std::fputs(kUsage, stdout);
                return 0;
            } else if (a == "--script") script_name = value();
            else if (a == "--reps") {
                reps = parse_count(a, value(), 1000);
                if (reps < 1) throw UsageError("--reps must be at least 1");
            }
            else if (a == "--weight-kg") settings.body.body_weight_kg = parse_number(a, value());
            else if (a == "--rate-hz") settings.rate_hz = parse_number(a, value());
            else if (a == "--noise-kg") settings.body.noise_kg = parse_number(a, value());
            else if (a == "--jitter-ms") settings.jitter_ms = parse_number(a, value());
            else if (a == "--gaps") settings.gaps = parse_count(a, value(), 1000);
            else if (a == "--seed") settings.seed = parse_seed(value());
            else if (a == "--rotated") settings.body.rotated_180 = true;
            else if (a == "--stance-mm") settings.body.stance_width_mm = parse_number(a, value());
            else if (a == "--feet-offset-mm") settings.body.feet_offset_x_mm = parse_number(a, value());
            else if (a == "--truth") truth_path = value();
            else if (a.starts_with("-")) throw UsageError("unknown option '" + a + "'");
            else if (out_path.empty()) out_path = a;
            else throw UsageError("more than one output file ('" + out_path + "', '" + a + "')");
        }
        if (out_path.empty()) throw UsageError("missing OUT.csv");
    } catch (const UsageError& e) {
        std::fprintf(stderr, "highstep synth: %s\n%s", e.what(), kUsage);
        return 2;
    }

    try {
        const synth::Script script = choose_script(script_name, reps);
        const synth::SynthSession session = synth::generate(script, settings);
        Recording rec;
        rec.metadata = {
            {"board", "synthetic"},
            {"synth-script", script.name},
            {"synth-seed", std::to_string(settings.seed)},
            {"synth-body-weight-kg", nlohmann::json(settings.body.body_weight_kg).dump()},
            {"synth-rotated-180", settings.body.rotated_180 ? "yes" : "no"},
        };
        rec.samples = session.samples;
        write_recording(std::filesystem::path(out_path), rec);
        if (!truth_path.empty()) write_truth(truth_path, script.name, settings, session);
        std::fprintf(stderr, "highstep synth: wrote %zu samples (%.1f s, %zu true events) to %s\n",
                     session.samples.size(), session.duration_s, session.truth.size(), out_path.c_str());
        return 0;
    } catch (const UsageError& e) {
        std::fprintf(stderr, "highstep synth: %s\n%s", e.what(), kUsage);
        return 2;
    } catch (const synth::ScriptError& e) {
        std::fprintf(stderr, "highstep synth: %s\n", e.what());
        return 1;
    } catch (const std::invalid_argument& e) {
        std::fprintf(stderr, "highstep synth: %s\n", e.what());
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "highstep synth: %s\n", e.what());
        return 1;
    }
}

}  // namespace highstep::cli
