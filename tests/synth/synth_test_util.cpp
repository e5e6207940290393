#include "synth_test_util.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace highstep::synth::test {

WindowStats window(const std::vector<BoardSample>& samples, const SynthSettings& settings, double from_s,
                   double to_s) {
    const BodyModel model(settings.body, settings.seed);  // same seed → same offsets as the generator's
    const auto& off = model.sensor_offsets_kg();
    const double half_w = settings.body.board_width_mm / 2.0;
    const double half_d = settings.body.board_depth_mm / 2.0;
    WindowStats w;
    w.min_total_kg = 1e9;
    w.max_total_kg = -1e9;
    std::vector<double> xs, ys;
    for (const BoardSample& s : samples) {
        if (s.t_s < from_s || s.t_s > to_s) continue;
        double tl = s.tl - off[0], tr = s.tr - off[1], bl = s.bl - off[2], br = s.br - off[3];
        if (settings.body.rotated_180) {
            std::swap(tl, br);
            std::swap(tr, bl);
        }
        const double f = tl + tr + bl + br;
        ++w.samples;
        w.total_kg += f;
        w.min_total_kg = std::min(w.min_total_kg, f);
        w.max_total_kg = std::max(w.max_total_kg, f);
        if (f > 1.0) {
            xs.push_back(half_w * ((tr + br) - (tl + bl)) / f);
            ys.push_back(half_d * ((tl + tr) - (bl + br)) / f);
        }
    }
    if (w.samples > 0) w.total_kg /= static_cast<double>(w.samples);
    auto mean_rms = [](const std::vector<double>& v, double& mean, double& rms) {
        if (v.empty()) return;
        mean = 0.0;
        for (double d : v) mean += d;
        mean /= static_cast<double>(v.size());
        double ss = 0.0;
        for (double d : v) ss += (d - mean) * (d - mean);
        rms = std::sqrt(ss / static_cast<double>(v.size()));
    };
    mean_rms(xs, w.cop_x_mm, w.rms_x_mm);
    mean_rms(ys, w.cop_y_mm, w.rms_y_mm);
    return w;
}

SynthSettings quiet_settings(double weight_kg, std::uint64_t seed) {
    SynthSettings s;
    s.body.body_weight_kg = weight_kg;
    s.body.sensor_offset_kg = 0.0;
    s.body.noise_kg = 0.01;
    s.seed = seed;
    return s;
}

Script script_from(const char* text) {
    std::istringstream in(text);
    return parse_script(in, "test-script");
}

}  // namespace highstep::synth::test
