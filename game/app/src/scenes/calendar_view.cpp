#include "calendar_view.h"

#include <algorithm>
#include <cstdio>

#include "widgets.h"

namespace highstep::app {

std::string Month::first_day() const {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-01", year, month);
    return buf;
}

std::string Month::last_day() const {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-31", year, month);
    return buf;
}

std::string Month::title() const {
    static const char* const kNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                         "July",    "August",   "September", "October", "November", "December"};
    return std::string(kNames[std::clamp(month, 1, 12) - 1]) + " " + std::to_string(year);
}

int Month::days() const {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return kDays[std::clamp(month, 1, 12) - 1] + (month == 2 && leap ? 1 : 0);
}

int Month::first_weekday() const {
    // Zeller-style count from a known Monday (2001-01-01) in whole days.
    long days = 0;
    for (int y = 2001; y < year; ++y) days += ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 366 : 365;
    for (int m = 1; m < month; ++m) days += Month{year, m}.days();
    return static_cast<int>(((days % 7) + 7) % 7);
}

Month month_of(const std::string& day) {
    Month m;
    if (day.size() >= 7) {
        m.year = std::atoi(day.substr(0, 4).c_str());
        m.month = std::clamp(std::atoi(day.substr(5, 2).c_str()), 1, 12);
    }
    return m;
}

void draw_calendar(Gfx& gfx, const SDL_FRect& r, const Month& month, const std::vector<store::TrainingDay>& days,
                   const std::string& today) {
    gfx.text(month.title(), r.x + r.w / 2, r.y, gfx.u(20), palette::text, Align::center, VAlign::top, FontStyle::bold);
    static const char* const kWeekdays[] = {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"};
    const float cell = std::min(r.w / 7.0f, (r.h - gfx.u(60)) / 6.0f);
    const float left = r.x + (r.w - 7 * cell) / 2;
    const float top = r.y + gfx.u(56);
    for (int i = 0; i < 7; ++i) {
        gfx.text(kWeekdays[i], left + cell * (static_cast<float>(i) + 0.5f), r.y + gfx.u(32), small_print_px(gfx, 13),
                 palette::text_dim, Align::center, VAlign::top);
    }
    int most_reps = 1;
    for (const auto& d : days) most_reps = std::max(most_reps, d.reps);
    const int first = month.first_weekday();
    for (int d = 1; d <= month.days(); ++d) {
        const int slot = first + d - 1;
        const float x = left + cell * static_cast<float>(slot % 7);
        const float y = top + cell * static_cast<float>(slot / 7);
        char day[48];  // room for any int, though years have 4 digits
        std::snprintf(day, sizeof day, "%04d-%02d-%02d", month.year, month.month, d);
        const auto it = std::find_if(days.begin(), days.end(), [&](const auto& t) { return t.day == day; });
        const SDL_FRect box = {x + gfx.u(3), y + gfx.u(3), cell - gfx.u(6), cell - gfx.u(6)};
        if (it != days.end()) {
            // Brighter for more work done that day.
            const double share = 0.45 + 0.55 * std::min(1.0, static_cast<double>(it->reps) / most_reps);
            gfx.fill_round_rect(box, gfx.u(6), mix(palette::panel_light, palette::good, share));
        } else {
            gfx.fill_round_rect(box, gfx.u(6), palette::panel_light.with_alpha(90));
        }
        if (today == day) gfx.outline_rect(box, gfx.u(2), palette::perfect);
        gfx.text(std::to_string(d), box.x + box.w / 2, box.y + box.h / 2, small_print_px(gfx, 14),
                 it != days.end() ? palette::text_dark : palette::text_dim, Align::center, VAlign::middle,
                 it != days.end() ? FontStyle::bold : FontStyle::regular);
    }
}

}  // namespace highstep::app
