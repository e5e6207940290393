// The per-type accuracy table.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ostream>

#include "accuracy.h"

namespace highstep::accuracy {

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0.0;
    std::sort(values.begin(), values.end());
    const double pos = std::clamp(p, 0.0, 1.0) * double(values.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(pos));
    const std::size_t hi = std::min(lo + 1, values.size() - 1);
    return values[lo] + (values[hi] - values[lo]) * (pos - double(lo));
}

void print_table(std::ostream& out, const std::string& title, const Tally& tally) {
    char line[256];
    std::snprintf(line, sizeof line, "%s: %zu sessions, %zu samples, %d labelled reps and holds\n", title.c_str(),
                  tally.sessions, tally.samples, tally.labelled_reps());
    out << line;
    out << "| event        |  true | hidden | found | excused | matched | precision | recall | wrong side | |dt| median ms | |dt| p95 ms | bias ms | end |dt| median ms | end p95 ms |\n"
           "|--------------|------:|-------:|------:|--------:|--------:|----------:|-------:|-----------:|---------------:|------------:|--------:|-------------------:|-----------:|\n";
    const synth::TruthType order[] = {synth::TruthType::step_up, synth::TruthType::knee_drive,
                                      synth::TruthType::one_leg_hold, synth::TruthType::step_on,
                                      synth::TruthType::step_off};
    for (synth::TruthType t : order) {
        const TypeCounts& c = tally.of(t);
        std::vector<double> abs_ms, signed_ms, end_ms;
        for (double e : c.errors_s) {
            abs_ms.push_back(std::abs(e) * 1000.0);
            signed_ms.push_back(e * 1000.0);
        }
        for (double e : c.end_errors_s) end_ms.push_back(std::abs(e) * 1000.0);
        char end_cols[64] = "|                  - |          - |";
        if (!end_ms.empty()) {
            std::snprintf(end_cols, sizeof end_cols, "| %18.0f | %10.0f |", percentile(end_ms, 0.5),
                          percentile(end_ms, 0.95));
        }
        std::snprintf(line, sizeof line,
                      "| %-12s | %5d | %6d | %5d | %7d | %7d | %8.1f%% | %5.1f%% | %10d | %14.0f | %11.0f | %+7.0f %s\n",
                      synth::to_string(t), c.truth, c.obscured_missed, c.detected, c.excused, c.matched, 100.0 * c.precision(),
                      100.0 * c.recall(), c.wrong_side, percentile(abs_ms, 0.5), percentile(abs_ms, 0.95),
                      percentile(signed_ms, 0.5), end_cols);
        out << line;
    }
}

}  // namespace highstep::accuracy
