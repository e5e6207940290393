#pragma once
// A ghost to race in Sprint Start: somebody's recorded run replayed through a
// fresh headless Session of the same level (the same recognition, scoring and
// world as a live run), kept as the sprinter's distance over session time. A
// live session given the timeline (SessionSettings::ghost) drives its ghost body
// from it at each step instead of the level's fixed rival pace.
//
// Pure and deterministic: the same samples give the same timeline. The samples
// come from a recording's text parsed by input/ (read_recording); no files here.
//
// Index
//   GhostPoint       one moment of the ghost's run
//   GhostTimeline    the ghost's distance over time, and when it crossed the line
//   RaceResult       who won the race and by how much
//   race_result      the race decided from the live run's final world view
#include <optional>
#include <vector>

#include "highstep/core/level/level.h"
#include "highstep/core/session/session.h"
#include "highstep/core/world/world.h"
#include "highstep/input/board_sample.h"

namespace highstep::core {

struct GhostPoint {
    double t_s = 0.0;   // session time since the session started (pauses left out)
    double x_m = 0.0;   // the ghost sprinter's distance down the track
};

class GhostTimeline {
public:
    // Replays `samples` (a recording; time never goes back) through a new
    // Session of `level` exactly as run_headless() does, and keeps the
    // sprinter's distance after every sample. Throws std::invalid_argument if
    // the level is not a Sprint Start level or there are no samples.
    static GhostTimeline replay(const Level& level, const std::vector<BoardSample>& samples,
                                const SessionSettings& settings = {});

    // From points already made (t_s strictly increasing, at least one point).
    // Throws std::invalid_argument otherwise.
    GhostTimeline(std::vector<GhostPoint> points, double finish_x_m);

    // The ghost's distance at session time t_s: linear between points, the
    // first point's before it, the last point's after the run ended (the ghost
    // stops where its runner stopped).
    double distance_m(double t_s) const;
    // When the ghost's sprinter reached the finish line (interpolated), if it did.
    std::optional<double> finish_t_s() const { return finish_t_s_; }
    double finish_x_m() const { return finish_x_m_; }
    double final_distance_m() const { return points_.back().x_m; }
    double duration_s() const { return points_.back().t_s; }
    const std::vector<GhostPoint>& points() const { return points_; }

private:
    std::vector<GhostPoint> points_;
    double finish_x_m_ = 0.0;
    std::optional<double> finish_t_s_;
};

struct RaceResult {
    bool player_won = false;   // crossed first, or further down the track when neither crossed
    bool tie = false;          // the same time or the same distance (within a step / a centimetre)
    bool by_time = false;      // both crossed the line: the margin is margin_s; else margin_m
    double margin_s = 0.0;     // |player − ghost| finish times
    double margin_m = 0.0;     // |player − ghost| distance when the live run ended (or when the
                               // player crossed, if the ghost never did)
};

// Decides the race from the live session's world view at its end (runner
// position, finish time and elapsed time) and the ghost's whole timeline: a
// ghost that crosses the line after the live run ended still counts its time.
RaceResult race_result(const GhostTimeline& ghost, const WorldView& final_view);

}  // namespace highstep::core
