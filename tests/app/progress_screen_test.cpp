// The progress screen in-process over a real database holding finished sessions and
// sessions ended early: its counts say what they count, in the words the results
// use. The header said "3 finished sessions" over the charts while the calendar said
// "5 sessions (all levels)" for the same play, with nothing to tell the two apart.
#include <gtest/gtest.h>

#include "app_harness.h"
#include "scenes/progress_words.h"
#include "offscreen.h"
#include "highstep/core/level/level_file.h"
#include "highstep/store/players.h"
#include "highstep/store/session_log.h"
#include "scenes/store_scenes.h"

namespace highstep::app {
namespace {

using testing::AppHarness;

// One session of `level_id` started now; finished with `score` unless `ended_early`
// (then it keeps the two reps it stored).
void play(store::Database& db, std::int64_t player_id, const std::string& level_id, bool ended_early,
          double score = 1000.0, double sway_mm_s = 0.0, double symmetry = 1.0) {
    store::SessionStart s;
    s.player_id = player_id;
    s.level_id = level_id;
    s.exercise = level_id.starts_with("tower") ? "balance" : "step_up";
    s.started_unix_s = store::now_unix_s();
    store::SessionLog log(db, s);
    store::RepRecord rep;
    log.add_rep(rep);
    rep.rep_index = 1;
    log.add_rep(rep);
    if (ended_early) return;
    store::SessionResult r;
    r.score = score;
    r.grade = "B";
    r.reps = 2;
    r.stability_mean_velocity_mm_s = sway_mm_s;
    r.symmetry = symmetry;
    r.finished_unix_s = s.started_unix_s;
    log.finish(r);
}

TEST(ProgressScreen, TheHeaderAndTheCalendarSayWhatTheyCount) {
    AppHarness h;
    h.ctx().levels = core::load_level_directory(std::filesystem::path(HIGHSTEP_SOURCE_DIR) / "levels").levels;
    const store::Player ada = h.choose_new_player("Ada");
    play(h.db(), ada.id, "tower-1", false);  // first, so the screen opens on Foothills, played last
    play(h.db(), ada.id, "hill-1", false);
    play(h.db(), ada.id, "hill-1", true);
    play(h.db(), ada.id, "hill-1", false);
    play(h.db(), ada.id, "hill-1", true);
    play(h.db(), ada.id, "hill-1", false);
    h.open(make_progress_scene(h.ctx()));
    ASSERT_EQ(h.top(), "progress");

    // The charts: one point per finished session of the level shown, and the header says so.
    EXPECT_EQ(h.probe("level"), "hill-1");
    EXPECT_EQ(h.probe("sessions"), "3");
    EXPECT_EQ(h.probe("charts_line"), "Foothills: 3 finished sessions in the charts");
    // The calendar: every session this month on every level, split the way the results
    // name them ("Program complete" / "Session ended early").
    EXPECT_EQ(h.probe("month_lines"),
              "1 day trained this month | 6 sessions on all levels: | 4 finished, 2 ended early | "
              "12 reps and holds done | last 7 days: 1 day trained");

    h.act(Action::up);  // from the first level played to all levels
    EXPECT_EQ(h.probe("level"), "all");
    EXPECT_EQ(h.probe("charts_line"), "All levels: 4 finished sessions in the charts")
        << "the same count as the calendar's 'finished' when all was played this month";
}

TEST(ProgressScreen, AMonthWithoutSessionsSaysSo) {
    AppHarness h;
    const store::Player bo = h.choose_new_player("Bo");
    play(h.db(), bo.id, "hill-1", true);
    h.open(make_progress_scene(h.ctx()));
    EXPECT_EQ(h.probe("month_lines"),
              "1 day trained this month | 1 session on all levels: | 0 finished, 1 ended early | 2 reps and holds done | "
              "last 7 days: 1 day trained");
    EXPECT_EQ(h.probe("empty_charts_line"),
              "Finish a level to start your charts: a session ended early draws no point")
        << "'Play a level' read as if the session had not counted";
    h.act(Action::left);  // last month: nothing
    EXPECT_EQ(h.probe("month_lines"), "0 days trained this month | no sessions this month | last 7 days: 1 day trained");
}

// The charts' range labels ("123.4 mm/s" at the right of the sway chart) stay inside
// the charts' panel: at 800x600 the "s" ran over its right edge.
TEST(ProgressScreen, TheChartsRangeLabelsStayInTheirPanel) {
    for (const auto& [w, h] : {std::pair{800, 600}, std::pair{1280, 720}, std::pair{1024, 600}}) {
        SCOPED_TRACE(std::to_string(w) + "x" + std::to_string(h));
        AppHarness app;
        const store::Player cy = app.choose_new_player("Cy");
        play(app.db(), cy.id, "tower-1", false, 2543.0, 123.4);
        play(app.db(), cy.id, "tower-1", false, 2210.0, 19.7);
        app.open(make_progress_scene(app.ctx()));
        testing::Offscreen s(w, h);
        app.scenes().top()->draw(s.gfx(), 0.0);
        s.present();
        // The charts' panel: design x 40..860 from y 145 to 635 (the 16:9 layout).
        const int edge = static_cast<int>(s.gfx().dx(860));
        int over = 0;
        const std::uint32_t dim = (std::uint32_t{palette::text_dim.r} << 16) | (std::uint32_t{palette::text_dim.g} << 8) |
                                  palette::text_dim.b;
        for (int y = static_cast<int>(s.gfx().dy(145)); y < static_cast<int>(s.gfx().dy(635)); ++y)
            for (int x = edge - 1; x < static_cast<int>(s.gfx().dx(885)); ++x) over += s.pixel(x, y) == dim;
        EXPECT_EQ(over, 0) << "label pixels on or past the panel's right edge";
    }
}


// Balance on two feet has no left or right leg: the store keeps such a session's
// symmetry at 1 (legs alike), and the left/right chart showed "100 %" for it. It
// draws no point now and says why; a step-up session's point is still drawn.
TEST(ProgressScreen, TheLeftRightChartClaimsNoComparisonForTwoFootHolds) {
    AppHarness h;
    h.ctx().levels = core::load_level_directory(std::filesystem::path(HIGHSTEP_SOURCE_DIR) / "levels").levels;
    const store::Player di = h.choose_new_player("Di");
    play(h.db(), di.id, "hill-1", false, 1000.0, 10.0, 0.8);
    play(h.db(), di.id, "tower-1", false, 2500.0, 12.0, 1.0);  // Stacking Stones: on two feet
    play(h.db(), di.id, "tower-1", false, 2600.0, 11.0, 1.0);
    h.open(make_progress_scene(h.ctx()));
    ASSERT_EQ(h.probe("level"), "tower-1");
    EXPECT_EQ(h.probe("sessions"), "2");
    EXPECT_EQ(h.probe("left_right"), "two feet: no left/right") << "a comparison that was never measured";

    h.act(Action::up);  // Foothills
    ASSERT_EQ(h.probe("level"), "hill-1");
    EXPECT_EQ(h.probe("left_right"), "80 %");
    h.act(Action::up);  // all levels: the step-up session's point only
    ASSERT_EQ(h.probe("level"), "all");
    EXPECT_EQ(h.probe("left_right"), "80 %");
}

TEST(ProgressWords, ALeftRightPointOnlyWhereBothLegsWereMeasured) {
    const auto levels = core::load_level_directory(std::filesystem::path(HIGHSTEP_SOURCE_DIR) / "levels").levels;
    const auto level = [&](const std::string& id) {
        for (const auto& l : levels)
            if (l.id == id) return &l;
        return static_cast<const core::Level*>(nullptr);
    };
    store::ProgressPoint p;
    p.reps = 6;
    p.symmetry = 1.0;
    p.exercise = "balance";
    EXPECT_EQ(left_right_point(p, level("tower-1")).comparison, LegComparison::two_feet);
    EXPECT_EQ(left_right_point(p, nullptr).comparison, LegComparison::not_measured) << "level file gone";
    p.symmetry = 0.9;
    const LeftRightPoint one_foot = left_right_point(p, level("tower-3"));  // Stork Stand: one foot
    EXPECT_EQ(one_foot.comparison, LegComparison::measured);
    EXPECT_DOUBLE_EQ(one_foot.pct, 90.0);
    p.exercise = "step_up";
    p.reps = 0;
    EXPECT_EQ(left_right_point(p, level("hill-1")).comparison, LegComparison::not_measured) << "no reps: nothing compared";

    EXPECT_EQ(left_right_empty_text({}), "no finished sessions yet");
    EXPECT_EQ(left_right_empty_text({{LegComparison::two_feet, 0.0}}), "two feet: no left/right");
    EXPECT_EQ(left_right_empty_text({{LegComparison::two_feet, 0.0}, {LegComparison::not_measured, 0.0}}),
              "no left/right measured yet");
}

}  // namespace
}  // namespace highstep::app
