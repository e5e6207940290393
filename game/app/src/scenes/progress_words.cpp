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

}  // namespace highstep::app
