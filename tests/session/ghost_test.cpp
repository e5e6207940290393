// The ghost timeline (core/session/ghost.h): a recorded Sprint Start run replayed through
// the core session gives the rival's distance over time, a live session races
// it step by step, and the race is decided from the final world view.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <memory>
#include <stdexcept>

#include "highstep/core/session/ghost.h"
#include "highstep/core/level/level_file.h"
#include "highstep/core/session/session.h"
#include "highstep/core/world/world.h"
#include "highstep/input/recording.h"

using namespace highstep;
using namespace highstep::core;
namespace fs = std::filesystem;

namespace {

Level level(const std::string& id) { return load_level_file(fs::path(HIGHSTEP_SOURCE_DIR) / "levels" / (id + ".json")); }

const std::vector<BoardSample>& sprint_run() {
    static const Recording r =
        read_recording(fs::path(HIGHSTEP_TEST_DATA_DIR) / "golden" / "sprint-1-full-program.csv");
    return r.samples;
}

// The first `seconds` of the golden run: a ghost that stops early.
std::vector<BoardSample> first_part(double seconds) {
    std::vector<BoardSample> out;
    for (const BoardSample& s : sprint_run()) {
        if (s.t_s - sprint_run().front().t_s > seconds) break;
        out.push_back(s);
    }
    return out;
}

// Plays `samples` as a live run would: pushed as they arrive, the session advanced
// in uneven frames (not at each sample), racing `ghost`. Calls `each(view)` per frame.
template <typename Each>
WorldView race(const Level& lvl, const std::vector<BoardSample>& samples, std::shared_ptr<const GhostTimeline> ghost,
               Each each) {
    SessionSettings settings;
    settings.ghost = std::move(ghost);
    Session session(lvl, settings);
    const double t0 = samples.front().t_s;
    std::size_t next = 0;
    const double frames_s[] = {0.016, 0.021, 0.009, 0.033};
    double now = t0;
    for (int frame = 0; next < samples.size(); ++frame) {
        now += frames_s[frame % 4];
        while (next < samples.size() && samples[next].t_s <= now) session.push_sample(samples[next++]);
        session.advance_to(now);
        each(session.world_view());
    }
    // A run that did the whole program runs home to the line, as in the game.
    for (int frame = 0; session.finished() && !session.world_view().finished && frame < 6000; ++frame) {
        now += frames_s[frame % 4];
        session.advance_to(now);
        each(session.world_view());
    }
    session.advance_to(now + settings.step_s);
    session.finish();
    return session.world_view();
}

}  // namespace

TEST(GhostTimeline, ReplayIsDeterministicAndFollowsTheRunnersDistance) {
    const Level sprint = level("sprint-1");
    const GhostTimeline a = GhostTimeline::replay(sprint, sprint_run());
    const GhostTimeline b = GhostTimeline::replay(sprint, sprint_run());
    ASSERT_EQ(a.points().size(), b.points().size());
    for (std::size_t i = 0; i < a.points().size(); ++i) {
        EXPECT_EQ(a.points()[i].t_s, b.points()[i].t_s);
        EXPECT_EQ(a.points()[i].x_m, b.points()[i].x_m);
    }
    // The golden run has 20 knee drives: the sprinter runs home after the last one
    // and crosses the line (the replay goes on past the recording's end for that),
    // and the distance never goes backwards by more than the physics' settling.
    const double track_m = sprint_track_length_m(sprint);
    EXPECT_GE(a.final_distance_m(), track_m);
    ASSERT_TRUE(a.finish_t_s().has_value());
    EXPECT_GT(*a.finish_t_s(), sprint.program.count_in_s);
    EXPECT_LE(*a.finish_t_s(), a.duration_s());
    EXPECT_NEAR(a.distance_m(*a.finish_t_s()), track_m, 0.05);
    for (std::size_t i = 1; i < a.points().size(); ++i) EXPECT_GE(a.points()[i].x_m, a.points()[i - 1].x_m - 0.01);
}

TEST(GhostTimeline, RacingTheSameRunKeepsTheGhostBesideThePlayerAndTies) {
    const Level sprint = level("sprint-1");
    auto ghost = std::make_shared<const GhostTimeline>(GhostTimeline::replay(sprint, sprint_run()));
    double worst_gap_m = 0.0;
    double ghost_moved_m = 0.0;
    const WorldView end = race(sprint, sprint_run(), ghost, [&](const WorldView& v) {
        worst_gap_m = std::max(worst_gap_m, std::abs(v.runner_x_m - v.ghost_x_m));
        ghost_moved_m = std::max(ghost_moved_m, v.ghost_x_m);
        // The ghost body is where the timeline says at the world's own clock.
        EXPECT_NEAR(v.ghost_x_m, ghost->distance_m(v.elapsed_s), 1e-3) << "at " << v.elapsed_s << " s";
    });
    // The same samples through the same session: the ghost shadows the player
    // whatever the frame pattern (a fixed pace would drift metres away).
    EXPECT_LT(worst_gap_m, 0.05);
    EXPECT_GT(ghost_moved_m, 60.0);
    const RaceResult r = race_result(*ghost, end);
    EXPECT_TRUE(r.by_time);
    EXPECT_TRUE(r.tie);
    EXPECT_FALSE(r.player_won);
    EXPECT_LT(r.margin_s, 0.01);
}

TEST(GhostTimeline, AGhostThatStoppedEarlyIsBeatenByTheDistanceItWasShort) {
    const Level sprint = level("sprint-1");
    auto ghost = std::make_shared<const GhostTimeline>(GhostTimeline::replay(sprint, first_part(20.0)));
    ASSERT_FALSE(ghost->finish_t_s().has_value()) << "20 s is not enough to reach the line";
    ASSERT_GT(ghost->final_distance_m(), 5.0);
    double ghost_max_m = 0.0;
    const WorldView end = race(sprint, sprint_run(), ghost, [&](const WorldView& v) { ghost_max_m = std::max(ghost_max_m, v.ghost_x_m); });
    // After its recording ended the ghost stands where it stopped.
    EXPECT_NEAR(ghost_max_m, ghost->final_distance_m(), 0.01);
    EXPECT_NEAR(end.ghost_x_m, ghost->final_distance_m(), 0.01);
    const RaceResult r = race_result(*ghost, end);
    EXPECT_TRUE(r.player_won);
    EXPECT_FALSE(r.by_time);
    EXPECT_NEAR(r.margin_m, sprint_track_length_m(sprint) - ghost->final_distance_m(), 0.01);
}

TEST(GhostTimeline, AFullRunBeatsAPlayerWhoStoppedEarly) {
    const Level sprint = level("sprint-1");
    auto ghost = std::make_shared<const GhostTimeline>(GhostTimeline::replay(sprint, sprint_run()));
    const WorldView end = race(sprint, first_part(20.0), ghost, [](const WorldView&) {});
    ASSERT_FALSE(end.runner_finish_s.has_value());
    const RaceResult r = race_result(*ghost, end);
    EXPECT_FALSE(r.player_won);
    EXPECT_FALSE(r.tie);
    EXPECT_NEAR(r.margin_m, sprint_track_length_m(sprint) - end.runner_x_m, 1e-9);
}

// The track follows the whole program: a real run of sprint-1 (20 knee drives)
// has metres to go after every rep but the last, and only the run home after the
// last rep of the last set takes it over the line.
TEST(GhostTimeline, TheLineComesOnlyWithTheLastRepOfTheLastSet) {
    const Level sprint = level("sprint-1");
    const int total_reps = sprint.program.sets * sprint.reps_per_set();
    EXPECT_NEAR(sprint_track_length_m(sprint), total_reps * sprint_stride_m(sprint), 1e-9);
    Session session(sprint);
    double least_to_go_before_last_m = 1e9;
    int reps_seen = 0;
    std::optional<int> crossed_at_rep;
    auto look = [&] {
        const WorldView v = session.world_view();
        const int reps = session.hud().reps_done_total;
        reps_seen = std::max(reps_seen, reps);
        if (reps < total_reps) least_to_go_before_last_m = std::min(least_to_go_before_last_m, v.finish_x_m - v.runner_x_m);
        if (v.finished && !crossed_at_rep) crossed_at_rep = reps;
    };
    for (const BoardSample& s : sprint_run()) {
        session.push_sample(s);
        session.advance_to(s.t_s);
        look();
    }
    for (int i = 0; i < 600 && session.finished() && !session.world_view().finished; ++i) {
        session.advance_to(session.hud().t_s + 0.1);
        look();
    }
    ASSERT_EQ(reps_seen, total_reps) << "the golden run does the whole program";
    EXPECT_GT(least_to_go_before_last_m, 0.0);
    ASSERT_TRUE(crossed_at_rep.has_value()) << "the run home reaches the line";
    EXPECT_EQ(*crossed_at_rep, total_reps);
    EXPECT_GE(session.world_view().runner_x_m, session.world_view().finish_x_m);
}

TEST(GhostTimeline, WithoutAGhostTheRivalKeepsTheLevelsPace) {
    // The same run with no recorded ghost: the rival runs at ghost_m_per_rep per
    // rep and so drifts away from the player (the test above would fail with it).
    const Level sprint = level("sprint-1");
    double worst_gap_m = 0.0;
    race(sprint, first_part(30.0), nullptr,
         [&](const WorldView& v) { worst_gap_m = std::max(worst_gap_m, std::abs(v.runner_x_m - v.ghost_x_m)); });
    EXPECT_GT(worst_gap_m, 1.0);
}

TEST(GhostTimeline, DistanceIsLinearBetweenPointsAndHeldAtTheEnds) {
    const GhostTimeline t({{0.0, 0.0}, {2.0, 4.0}, {4.0, 4.0}, {6.0, 70.0}}, 64.0);
    EXPECT_DOUBLE_EQ(t.distance_m(-1.0), 0.0);
    EXPECT_DOUBLE_EQ(t.distance_m(1.0), 2.0);
    EXPECT_DOUBLE_EQ(t.distance_m(3.0), 4.0);
    EXPECT_DOUBLE_EQ(t.distance_m(5.0), 37.0);
    EXPECT_DOUBLE_EQ(t.distance_m(100.0), 70.0);
    ASSERT_TRUE(t.finish_t_s().has_value());
    EXPECT_NEAR(*t.finish_t_s(), 4.0 + 2.0 * 60.0 / 66.0, 1e-12);
    EXPECT_FALSE(GhostTimeline({{0.0, 0.0}, {5.0, 63.9}}, 64.0).finish_t_s().has_value());
}

TEST(GhostTimeline, RaceResultCases) {
    const GhostTimeline ghost({{0.0, 0.0}, {10.0, 64.0}, {12.0, 70.0}}, 64.0);  // crosses at 10 s
    WorldView v;
    v.elapsed_s = 11.0;
    v.runner_x_m = 64.5;
    v.runner_finish_s = 9.0;
    RaceResult r = race_result(ghost, v);
    EXPECT_TRUE(r.player_won && r.by_time && !r.tie);
    EXPECT_NEAR(r.margin_s, 1.0, 1e-12);
    v.runner_finish_s = 10.5;
    r = race_result(ghost, v);
    EXPECT_TRUE(!r.player_won && r.by_time);
    EXPECT_NEAR(r.margin_s, 0.5, 1e-12);
    v.runner_finish_s = 10.004;
    EXPECT_TRUE(race_result(ghost, v).tie);

    const GhostTimeline slow({{0.0, 0.0}, {20.0, 40.0}}, 64.0);  // never crosses
    v.runner_finish_s = 10.0;                                    // slow is at 20 m then
    r = race_result(slow, v);
    EXPECT_TRUE(r.player_won && !r.by_time);
    EXPECT_NEAR(r.margin_m, 44.0, 1e-9);
    v.runner_finish_s.reset();  // nobody crosses: the distance when the run ended
    v.elapsed_s = 15.0;         // slow at 30 m
    v.runner_x_m = 25.0;
    r = race_result(slow, v);
    EXPECT_TRUE(!r.player_won && !r.tie && !r.by_time);
    EXPECT_NEAR(r.margin_m, 5.0, 1e-9);
    v.runner_x_m = 30.0;
    EXPECT_TRUE(race_result(slow, v).tie);
}

TEST(GhostTimeline, RefusesWhatIsNotASprintRunOrNotATimeline) {
    EXPECT_THROW(GhostTimeline::replay(level("hill-1"), sprint_run()), std::invalid_argument);
    EXPECT_THROW(GhostTimeline::replay(level("sprint-1"), {}), std::invalid_argument);
    EXPECT_THROW(GhostTimeline({}, 64.0), std::invalid_argument);
    EXPECT_THROW(GhostTimeline({{0.0, 0.0}, {0.0, 1.0}}, 64.0), std::invalid_argument);
    EXPECT_THROW(GhostTimeline({{0.0, 0.0}, {1.0, std::nan("")}}, 64.0), std::invalid_argument);
}

TEST(GhostTimeline, TheSessionSaysHowLongTheBoardWasLostSoARecordingCanLeaveItOut) {
    // The play scene records a challenge turn on the session's clock (board time −
    // board_lost_s()), so the run replayed as a ghost has no gap where the live
    // session was frozen.
    const Level sprint = level("sprint-1");
    Session session(sprint);
    const auto& run = sprint_run();
    std::size_t i = 0;
    auto play_until = [&](double t_s) {
        for (; i < run.size() && run[i].t_s <= t_s; ++i) session.push_sample(run[i]);
        session.advance_to(t_s);
    };
    play_until(6.0);
    EXPECT_EQ(session.board_lost_s(), 0.0);
    // Five seconds without a board, advanced in frames as the game loop does;
    // the samples of that time never arrive.
    session.set_board_connected(false);
    for (double t = 6.01; t <= 11.0 + 1e-9; t += 0.01) session.advance_to(t);
    for (; i < run.size() && run[i].t_s <= 11.0; ++i) {}
    session.set_board_connected(true);
    for (double t = 11.01; t <= 12.0 + 1e-9; t += 0.01) play_until(t);
    EXPECT_NEAR(session.board_lost_s(), 5.0, 0.02);
    EXPECT_NEAR(session.hud().t_s, 12.0 - session.board_lost_s(), 1.0 / 120.0 + 0.01);
}
