#pragma once
// A month of training days for the progress screen: Monday-first grid, days
// trained filled (brighter for more reps), today outlined.
#include <string>
#include <vector>

#include "gfx.h"
#include "highstep/store/progress.h"

namespace highstep::app {

struct Month {
    int year = 2026;
    int month = 1;  // 1..12
    Month next() const { return month == 12 ? Month{year + 1, 1} : Month{year, month + 1}; }
    Month previous() const { return month == 1 ? Month{year - 1, 12} : Month{year, month - 1}; }
    std::string first_day() const;  // "YYYY-MM-01"
    std::string last_day() const;   // "YYYY-MM-31" (string-compares after every day of the month)
    std::string title() const;      // "November 2026"
    int days() const;               // 28..31
    int first_weekday() const;      // 0 = Monday .. 6 = Sunday
};

// The month of a "YYYY-MM-DD" day.
Month month_of(const std::string& day);

void draw_calendar(Gfx& gfx, const SDL_FRect& rect, const Month& month, const std::vector<store::TrainingDay>& days,
                   const std::string& today);

}  // namespace highstep::app
