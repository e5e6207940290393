#pragma once
// The game's weigh-in on a labelled real session (../shared/data/people): its tare, its
// weight and, if asked, its feet, and the recogniser run over the session with them.
#include <array>
#include <optional>
#include <utility>
#include <vector>

#include "highstep/core/recognise/recognizer.h"
#include "highstep/input/board_sample.h"
#include "people_labels.h"

namespace people {

// The game's weigh-in on this recording: the empty board's mean loads over the second
// before the first step-on (its "step off" stage) are the tare, and the weight it
// measured is the scale's (the label).
// The weigh-in's feet stage ("stand on your LEFT foot", then the right): where each foot
// carries the player alone. Taken here from the middle of the first labelled stance on
// that leg (with the weigh-in's tare); a leg the person never stood on is mirrored.
inline std::optional<std::pair<double, double>> weigh_in_feet(const std::vector<highstep::BoardSample>& samples, const Session& s,
                                                       const std::array<double, 4>& tare) {
    std::optional<double> x[2];
    for (const auto& l : s.one_leg) {
        const int i = l.side == highstep::core::Side::right ? 1 : 0;
        if (x[i]) continue;
        const double mid = (l.start_s + l.end_s) / 2.0;
        double sum = 0.0;
        int n = 0;
        for (const auto& q : samples) {
            if (q.t_s < mid - 0.75 || q.t_s > mid + 0.75) continue;
            const double tl = q.tl - tare[0], tr = q.tr - tare[1], bl = q.bl - tare[2], br = q.br - tare[3];
            sum += 433.0 / 2.0 * ((tr + br) - (tl + bl)) / (tl + tr + bl + br);
            ++n;
        }
        if (n > 0) x[i] = sum / n;
    }
    if (!x[0] && !x[1]) return std::nullopt;
    if (!x[0]) x[0] = -*x[1];
    if (!x[1]) x[1] = -*x[0];
    return std::make_pair(*x[0], *x[1]);
}

inline std::vector<highstep::core::Event> with_weigh_in(const std::vector<highstep::BoardSample>& samples, const Session& s, double& bw_kg,
                                 bool feet) {
    const double first_on_s = s.step_on_s.empty() ? 0.0 : s.step_on_s.front();
    std::array<double, 4> tare{};
    int n = 0;
    for (const auto& x : samples) {
        if (x.t_s < first_on_s - 1.5 || x.t_s > first_on_s - 0.5) continue;
        tare[0] += x.tl, tare[1] += x.tr, tare[2] += x.bl, tare[3] += x.br;
        ++n;
    }
    if (n > 0) {
        for (double& v : tare) v /= n;
    }
    highstep::core::SignalSettings settings;
    if (feet) {
        if (const auto f = weigh_in_feet(samples, s, tare)) {
            settings.left_foot_x_mm = f->first;
            settings.right_foot_x_mm = f->second;
        }
    }
    highstep::core::Recognizer r(settings);
    if (n > 0) {
        r.set_tare(static_cast<float>(tare[0]), static_cast<float>(tare[1]), static_cast<float>(tare[2]),
                   static_cast<float>(tare[3]));
    }
    r.set_body_weight_kg(s.body_weight_kg);
    std::vector<highstep::core::Event> events;
    for (const auto& x : samples) r.push(x, events);
    r.finish(events);
    bw_kg = r.body_weight_kg();
    return events;
}

}  // namespace people
