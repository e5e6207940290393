#include "progress_words.h"

#include "format_value.h"

namespace highstep::app {

std::string progress_charts_line(std::size_t finished_sessions, const std::string& level_title) {
    return std::string{level_title}.append(": ").append(
        count_of(static_cast<long long>(finished_sessions), "finished session", "finished sessions") + " in the charts");
}

std::vector<std::string> progress_month_lines(const std::vector<store::TrainingDay>& month_days,
                                              int days_in_last_week) {
    int sessions = 0, finished = 0, reps = 0;
    for (const auto& d : month_days) {
        sessions += d.sessions;
        finished += d.finished;
        reps += d.reps;
    }
    const int early = sessions - finished;
    std::vector<std::string> lines;
    lines.push_back(count_of(static_cast<long long>(month_days.size()), "day", "days") + " trained this month");
    if (sessions == 0) {
        lines.push_back("no sessions this month");
    } else {
        // The calendar's own scope said outright: the charts above show one level.
        lines.push_back(count_of(sessions, "session", "sessions") + " on all levels:");
        lines.push_back(std::to_string(finished).append(" finished, ").append(std::to_string(early)).append(" ended early"));
        lines.push_back(count_of(reps, "rep or hold", "reps and holds") + " done");
    }
    lines.push_back(std::string{"last 7 days: "}.append(count_of(days_in_last_week, "day", "days")).append(" trained"));
    return lines;
}

LeftRightPoint left_right_point(const store::ProgressPoint& p, const core::Level* level) {
    if (level && level->exercise == core::Exercise::balance_two_feet) return {LegComparison::two_feet, 0.0};
    // A balance session of a level whose file is gone may have been on two feet.
    if (!level && p.exercise == "balance") return {LegComparison::not_measured, 0.0};
    if (p.reps <= 0) return {LegComparison::not_measured, 0.0};  // no rep or hold on either leg
    return {LegComparison::measured, p.symmetry * 100.0};
}

std::string left_right_empty_text(const std::vector<LeftRightPoint>& points) {
    if (points.empty()) return "no finished sessions yet";
    bool all_two_feet = true;
    for (const auto& p : points) all_two_feet = all_two_feet && p.comparison == LegComparison::two_feet;
    return all_two_feet ? "two feet: no left/right" : "no left/right measured yet";
}

}  // namespace highstep::app
