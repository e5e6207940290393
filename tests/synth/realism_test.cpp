// The synthetic quiet stance against the real Wii Balance Board baselines in
// ../shared/data/real: sway size and speed must be of the same kind.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "highstep/input/recording.h"
#include "highstep/synth/generator.h"
#include "synth_test_util.h"

namespace highstep::synth {
namespace {

struct Sway {
    double rms_x_mm, rms_y_mm, velocity_mm_s;
};

// Raw CoP of the samples in [from_s, to_s], Wii geometry, no filtering.
Sway sway_of(const std::vector<BoardSample>& samples, double from_s, double to_s) {
    std::vector<double> xs, ys;
    double path_mm = 0.0;
    for (const BoardSample& s : samples) {
        if (s.t_s < from_s || s.t_s > to_s) continue;
        const double f = s.total_kg();
        if (f < 10.0) continue;
        const double x = 433.0 / 2.0 * ((s.tr + s.br) - (s.tl + s.bl)) / f;
        const double y = 238.0 / 2.0 * ((s.tl + s.tr) - (s.bl + s.br)) / f;
        if (!xs.empty()) path_mm += std::hypot(x - xs.back(), y - ys.back());
        xs.push_back(x);
        ys.push_back(y);
    }
    auto rms = [](const std::vector<double>& v) {
        double m = 0.0, ss = 0.0;
        for (double d : v) m += d;
        m /= double(v.size());
        for (double d : v) ss += (d - m) * (d - m);
        return std::sqrt(ss / double(v.size()));
    };
    return {rms(xs), rms(ys), path_mm / (to_s - from_s)};
}

TEST(SynthRealism, QuietStanceSwaysLikeTheRealBaselines) {
    const std::filesystem::path dir = HIGHSTEP_REAL_DATA_DIR;
    if (!std::filesystem::exists(dir / "dk_wii_baseline.csv")) {
        GTEST_SKIP() << "real recordings not found in " << dir << " (../shared/data/real)";
    }
    std::vector<Sway> real;
    for (const char* name : {"dk_wii_baseline.csv", "mg_wii_baseline.csv"}) {
        const Recording rec = read_recording(dir / name);
        real.push_back(sway_of(rec.samples, rec.marker_t_s("ss_start"), rec.marker_t_s("ss_stop")));
    }
    auto lo = [&](double Sway::*m) { return std::min(real[0].*m, real[1].*m); };
    auto hi = [&](double Sway::*m) { return std::max(real[0].*m, real[1].*m); };

    for (std::uint64_t seed : {1u, 2u, 3u}) {
        SynthSettings s;  // defaults: a Wii-like board
        s.seed = seed;
        const SynthSession session = generate(test::script_from("empty 2\nstep-on\nstand 25\n"), s);
        const Sway syn = sway_of(session.samples, 4.0, 24.0);
        // Same kind of sway: within a factor of two of the two real people.
        EXPECT_GT(syn.rms_x_mm, lo(&Sway::rms_x_mm) / 2.0) << seed;
        EXPECT_LT(syn.rms_x_mm, hi(&Sway::rms_x_mm) * 2.0) << seed;
        EXPECT_GT(syn.rms_y_mm, lo(&Sway::rms_y_mm) / 2.0) << seed;
        EXPECT_LT(syn.rms_y_mm, hi(&Sway::rms_y_mm) * 2.0) << seed;
        EXPECT_GT(syn.velocity_mm_s, lo(&Sway::velocity_mm_s) / 2.0) << seed;
        EXPECT_LT(syn.velocity_mm_s, hi(&Sway::velocity_mm_s) * 2.0) << seed;
    }
}

}  // namespace
}  // namespace highstep::synth
