// The ghost's run as a timeline, and who won the race against it. See ghost.h.
#include "highstep/core/session/ghost.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace highstep::core {

namespace {

constexpr double kTieTime_s = 0.01;     // about one simulation step
constexpr double kTieDistance_m = 0.01;
constexpr double kRunHomeStep_s = 0.05;   // the timeline is linear between points
constexpr double kRunHomeLimit_s = 60.0;  // the longest run home (400 m at 10 m/s is 40 s)

}  // namespace

GhostTimeline GhostTimeline::replay(const Level& level, const std::vector<BoardSample>& samples,
                                    const SessionSettings& settings) {
    if (level.type != LevelType::sprint_start) {
        throw std::invalid_argument("a ghost races only on Sprint Start levels, not on '" + level.id + "'");
    }
    if (samples.empty()) throw std::invalid_argument("the ghost's recording has no samples");
    // The same loop as run_headless(), so the ghost runs exactly the run that
    // earned its stored score; the session starts at the first sample.
    Session session(level, settings);
    const double start_s = samples.front().t_s;
    std::vector<GhostPoint> points;
    points.reserve(samples.size() + 2);
    points.push_back({0.0, 0.0});
    auto keep = [&] {
        const double t = session.hud().t_s - start_s;
        if (t > points.back().t_s) points.push_back({t, session.world_view().runner_x_m});
    };
    for (const BoardSample& s : samples) {
        session.push_sample(s);
        session.advance_to(s.t_s);
        keep();
    }
    session.advance_to(samples.back().t_s + settings.step_s);
    keep();
    // A run that did the whole program runs home after its last rep, however
    // soon its recording stopped: step on (no more samples) until it crosses.
    const double end_s = session.hud().t_s + kRunHomeLimit_s;
    while (session.finished() && !session.world_view().finished && session.hud().t_s < end_s) {
        session.advance_to(session.hud().t_s + kRunHomeStep_s);
        keep();
    }
    return GhostTimeline(std::move(points), sprint_track_length_m(level));
}

GhostTimeline::GhostTimeline(std::vector<GhostPoint> points, double finish_x_m)
    : points_(std::move(points)), finish_x_m_(finish_x_m) {
    if (points_.empty()) throw std::invalid_argument("a ghost timeline needs at least one point");
    for (std::size_t i = 0; i < points_.size(); ++i) {
        if (!std::isfinite(points_[i].t_s) || !std::isfinite(points_[i].x_m)) {
            throw std::invalid_argument("a ghost timeline point is not a finite number");
        }
        if (i > 0 && points_[i].t_s <= points_[i - 1].t_s) {
            throw std::invalid_argument("ghost timeline times must increase");
        }
    }
    for (std::size_t i = 0; i < points_.size(); ++i) {
        if (points_[i].x_m < finish_x_m_) continue;
        if (i == 0) {
            finish_t_s_ = points_[0].t_s;
        } else {
            const GhostPoint& a = points_[i - 1];
            const GhostPoint& b = points_[i];
            finish_t_s_ = a.t_s + (b.t_s - a.t_s) * (finish_x_m_ - a.x_m) / (b.x_m - a.x_m);
        }
        break;
    }
}

double GhostTimeline::distance_m(double t_s) const {
    if (!(t_s > points_.front().t_s)) return points_.front().x_m;  // also a NaN time
    if (t_s >= points_.back().t_s) return points_.back().x_m;
    const auto after = std::upper_bound(points_.begin(), points_.end(), t_s,
                                        [](double t, const GhostPoint& p) { return t < p.t_s; });
    const GhostPoint& b = *after;
    const GhostPoint& a = *(after - 1);
    return a.x_m + (b.x_m - a.x_m) * (t_s - a.t_s) / (b.t_s - a.t_s);
}

RaceResult race_result(const GhostTimeline& ghost, const WorldView& final_view) {
    RaceResult r;
    const std::optional<double> player = final_view.runner_finish_s;
    const std::optional<double> rival = ghost.finish_t_s();
    if (player && rival) {
        r.by_time = true;
        r.margin_s = std::fabs(*player - *rival);
        r.tie = r.margin_s < kTieTime_s;
        r.player_won = !r.tie && *player < *rival;
        return r;
    }
    if (player) {
        // The ghost never reached the line: how far short it was when the player crossed.
        r.player_won = true;
        r.margin_m = std::max(0.0, ghost.finish_x_m() - ghost.distance_m(*player));
        return r;
    }
    if (rival) {
        // The ghost crossed (perhaps after this run ended) and the player never did.
        r.margin_m = std::max(0.0, ghost.finish_x_m() - final_view.runner_x_m);
        return r;
    }
    const double gap = final_view.runner_x_m - ghost.distance_m(final_view.elapsed_s);
    r.margin_m = std::fabs(gap);
    r.tie = r.margin_m < kTieDistance_m;
    r.player_won = !r.tie && gap > 0.0;
    return r;
}

}  // namespace highstep::core
