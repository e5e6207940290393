#pragma once
// The progress screen's counts in words, kept apart from drawing so a test can hold
// them to the store. One word means one thing on every screen: a session is one
// play of a level, "finished" when it was played to the end (the results say
// "Program complete"), "ended early" when it was left before (the results say
// "Session ended early"; the plan counts it too). The charts have one point per
// finished session of the level shown; the calendar counts every session of the
// month on every level, both kinds, and says how many of each.
#include <string>
#include <vector>

#include "highstep/core/level/level.h"
#include "highstep/store/progress.h"

namespace highstep::app {

// Under the title: what the charts show. "Foothills: 3 finished sessions in the charts".
std::string progress_charts_line(std::size_t finished_sessions, const std::string& level_title);

// Under the calendar, one string a line: days trained, the month's sessions on all
// levels, how many finished and ended early, the reps and holds done, the last week.
std::vector<std::string> progress_month_lines(const std::vector<store::TrainingDay>& month_days,
                                              int days_in_last_week);

// The left/right chart's point for one finished session. The store keeps 100 % for a
// session with no left and right leg to compare (its symmetry is "legs alike" when
// neither did anything), so the chart showed 100 % for two-foot holds: such a session
// draws no point, nor does a session without reps or holds. `level` is the session's
// level (null: its file is gone; a balance session of an unknown level may have been
// on two feet, so it draws none either).
enum class LegComparison { measured, two_feet, not_measured };
struct LeftRightPoint {
    LegComparison comparison = LegComparison::not_measured;
    double pct = 0.0;  // when measured: 100 = both legs alike
};
LeftRightPoint left_right_point(const store::ProgressPoint& point, const core::Level* level);

// What the left/right chart says with no point although sessions are shown:
// "two feet: no left/right" when all of them were two-foot holds.
std::string left_right_empty_text(const std::vector<LeftRightPoint>& points);

}  // namespace highstep::app
