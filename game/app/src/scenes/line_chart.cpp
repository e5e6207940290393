#include "line_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "format_value.h"
#include "widgets.h"

namespace highstep::app {
namespace {

double mean(std::vector<double>::const_iterator a, std::vector<double>::const_iterator b) {
    double sum = 0.0;
    for (auto it = a; it != b; ++it) sum += *it;
    return b > a ? sum / static_cast<double>(b - a) : 0.0;
}

}  // namespace

std::string trend_text(const LineChart& c) {
    if (c.values.size() < 4) return {};
    // First three sessions against the last three: single sessions are noisy.
    const double first = mean(c.values.begin(), c.values.begin() + 3);
    const double last = mean(c.values.end() - 3, c.values.end());
    if (std::fabs(first) < 1e-9) return {};
    const double change = (last - first) / std::fabs(first) * 100.0;
    const bool better = c.lower_is_better ? change < 0 : change > 0;
    if (std::fabs(change) < 2.0) return "steady";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s %.0f %%", better ? "better by" : "worse by", std::fabs(change));
    return buf;
}

void draw_line_chart(Gfx& gfx, const SDL_FRect& r, const LineChart& c) {
    const float label_w = gfx.u(200);
    gfx.text(c.label, r.x, r.y + gfx.u(4), gfx.u(17), palette::text, Align::left, VAlign::top, FontStyle::bold);
    if (c.values.empty()) {
        gfx.text(c.empty_text, r.x + label_w, r.y + r.h / 2, small_print_px(gfx, 15), palette::text_dim, Align::left,
                 VAlign::middle);
        return;
    }
    gfx.text(format_value(c.unit_format.c_str(), c.values.back()), r.x, r.y + gfx.u(30), gfx.u(24), c.color, Align::left,
             VAlign::top, FontStyle::bold);
    const std::string trend = trend_text(c);
    if (!trend.empty()) {
        const bool good = trend.rfind("better", 0) == 0 || trend == "steady";
        gfx.text(trend, r.x, r.y + gfx.u(60), small_print_px(gfx, 13), good ? palette::good : palette::miss);
    }

    // Range labels on the right: the best value on top when higher is better. Their
    // column is as wide as the labels need at small print (at 800x600 the 12-unit
    // labels shrank to 6.6 px to fit the design's 62 units); they still shrink to the
    // room left of the row's end if need be.
    const auto [lo_it, hi_it] = std::minmax_element(c.values.begin(), c.values.end());
    const std::string hi_text = format_value(c.unit_format.c_str(), *hi_it);
    const std::string lo_text = format_value(c.unit_format.c_str(), *lo_it);
    const float range_px = small_print_px(gfx, 12);
    const float range_w = std::max(gfx.measure(hi_text, range_px).x, gfx.measure(lo_text, range_px).x);
    const float column_w = std::max(gfx.u(70), range_w + gfx.u(8) + 2.0f);
    const SDL_FRect plot = {r.x + label_w, r.y + gfx.u(6), r.w - label_w - column_w, r.h - gfx.u(12)};
    gfx.fill_round_rect(plot, gfx.u(6), palette::panel_light.with_alpha(120));
    double lo = *lo_it, hi = *hi_it;
    if (hi - lo < 1e-9) {  // a flat line sits in the middle
        lo -= 1.0;
        hi += 1.0;
    }
    const float pad = gfx.u(8);
    const auto px = [&](std::size_t i) {
        return c.values.size() == 1 ? plot.x + plot.w / 2
                                    : plot.x + pad + (plot.w - 2 * pad) * static_cast<float>(i) /
                                                         static_cast<float>(c.values.size() - 1);
    };
    const auto py = [&](double v) {
        return plot.y + plot.h - pad - (plot.h - 2 * pad) * static_cast<float>((v - lo) / (hi - lo));
    };
    // ("19.7 mm/s" ran past the panel at 800x600, where small text is drawn relatively wider.)
    const float label_x = plot.x + plot.w + gfx.u(8), room = r.x + r.w - label_x;
    const float label_px = std::min(fit_size(gfx, hi_text, range_px, room), fit_size(gfx, lo_text, range_px, room));
    gfx.text(hi_text, label_x, plot.y, label_px, palette::text_dim);
    gfx.text(lo_text, label_x, plot.y + plot.h, label_px, palette::text_dim, Align::left, VAlign::bottom);
    for (std::size_t i = 1; i < c.values.size(); ++i) {
        gfx.line({px(i - 1), py(c.values[i - 1])}, {px(i), py(c.values[i])}, gfx.u(3), c.color);
    }
    // Points: the best session gets a gold ring, the latest a bigger dot.
    const auto best = c.lower_is_better ? lo_it : hi_it;
    for (std::size_t i = 0; i < c.values.size(); ++i) {
        const bool is_best = c.values.begin() + static_cast<long>(i) == best;
        const bool latest = i + 1 == c.values.size();
        if (is_best) gfx.ring(px(i), py(c.values[i]), gfx.u(8), gfx.u(5), palette::perfect);
        gfx.fill_circle(px(i), py(c.values[i]), gfx.u(latest ? 5.5f : 3.5f), latest ? palette::text : c.color);
    }
}

}  // namespace highstep::app
