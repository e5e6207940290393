// The menus' small print at 800x600, drawn in-process: the two-panel screens are the
// 16:9 design fitted to the width there (0.625 px per unit), which drew the plan's
// ladder rests, the progress charts' trends and ranges, the calendar's weekdays and
// the results' leg line 7-8 px tall. Small print is drawn at least
// kSmallPrintMinPx now (`small_print_px`), and the screens are held to it.
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "app_harness.h"
#include "hud.h"
#include "highstep/core/level/level_file.h"
#include "highstep/store/players.h"
#include "highstep/store/session_log.h"
#include "offscreen.h"
#include "scenes/scenes.h"
#include "scenes/store_scenes.h"
#include "widgets.h"

namespace highstep::app {
namespace {

using testing::AppHarness;
using testing::Offscreen;

// A finished Foothills session with a left/right comparison, so the progress charts
// draw their values, trends and ranges.
void finish_session(store::Database& db, std::int64_t player_id, double score) {
    store::SessionStart s;
    s.player_id = player_id;
    s.level_id = "hill-1";
    s.exercise = "step_up";
    s.started_unix_s = store::now_unix_s();
    store::SessionLog log(db, s);
    store::SessionResult r;
    r.score = score;
    r.grade = "B";
    r.reps = 12;
    r.stability_mean_velocity_mm_s = 14.2;
    r.symmetry = 0.87;
    r.finished_unix_s = s.started_unix_s;
    log.finish(r);
}

core::SessionResult a_result() {
    core::SessionResult r;
    r.reps = 12;
    r.reps_target = 12;
    r.score = 5200;
    r.max_score = 12000;
    r.symmetry.left = {6, 1.6, 70.0, 0.0, 6};
    r.symmetry.right = {6, 1.7, 80.0, 0.0, 6};
    return r;
}

using SceneMaker = std::function<std::unique_ptr<Scene>(AppHarness&)>;

std::vector<std::pair<std::string, SceneMaker>> screens() {
    return {
        {"title", [](AppHarness& h) { return make_title_scene(h.ctx()); }},
        {"players", [](AppHarness& h) { return make_player_scene(h.ctx()); }},
        {"weigh_in", [](AppHarness& h) { return make_weigh_in_scene(h.ctx()); }},
        {"levels", [](AppHarness& h) { return make_level_select_scene(h.ctx()); }},
        {"settings", [](AppHarness& h) { return make_player_settings_scene(h.ctx(), h.ctx().player->player); }},
        {"plan", [](AppHarness& h) { return make_plan_scene(h.ctx()); }},
        {"progress", [](AppHarness& h) { return make_progress_scene(h.ctx()); }},
        {"results",
         [](AppHarness& h) { return make_results_scene(h.ctx(), h.ctx().levels.front(), a_result(), std::nullopt); }},
    };
}

TEST(SmallPrint, MenusSmallPrintIsReadableAt800x600) {
    for (const auto& [w, h] : {std::pair{800, 600}, std::pair{1024, 768}, std::pair{1280, 720}}) {
        for (const auto& [name, make] : screens()) {
            SCOPED_TRACE(name + " at " + std::to_string(w) + "x" + std::to_string(h));
            AppHarness harness;
            harness.ctx().levels =
                core::load_level_directory(std::filesystem::path(HIGHSTEP_SOURCE_DIR) / "levels").levels;
            const store::Player kim = harness.choose_new_player("Kim");
            for (double score : {4100.0, 4400.0, 4300.0, 5200.0, 5600.0}) finish_session(harness.db(), kim.id, score);
            Offscreen s(w, h);
            auto scene = make(harness);
            for (int i = 0; i < 240; ++i) scene->step(1.0 / 60.0);  // the results' count-up and pop-ins done
            scene->draw(s.gfx(), 0.0);
            EXPECT_GE(s.gfx().smallest_text_px(), kSmallPrintMinPx);
        }
    }
}


// The play HUD at 800x600 keeps its 16:9 scale (its bottom row fills the width), and
// its labels ("Left", "Hold", "72 bpm", the knee call, the simulated board's keys)
// were 8-9 px: they are small print too.
TEST(SmallPrint, ThePlayHudsSmallPrintIsReadableAt800x600) {
    for (const char* id : {"hill-1", "sprint-1", "tower-3"}) {
        SCOPED_TRACE(id);
        const core::Level level =
            core::load_level_file(std::filesystem::path(HIGHSTEP_SOURCE_DIR) / "levels" / (std::string(id) + ".json"));
        core::HudState h;
        h.phase = core::Phase::active;
        h.sets = level.program.sets;
        h.reps_per_leg = level.program.reps_per_leg;
        h.has_beat = level.program.tempo_bpm > 0;
        h.tempo_bpm = level.program.tempo_bpm;
        h.hold_target_s = level.program.hold_target_s;
        h.body_weight_kg = 70.0;
        h.left_kg = 35.0;
        h.right_kg = 35.0;
        h.stance = core::Stance::both;
        h.lead = core::Side::left;
        Offscreen s(800, 600);
        draw_hud(s.gfx(), h, level, HudExtras{level.title, true, true, 0.0});
        EXPECT_GE(s.gfx().smallest_text_px(), kSmallPrintMinPx - 0.5f) << "the knee call may shrink a little to fit";
    }
}


// The results' numbers: a label ends before its value at every size ("Steadiness (100 =
// rock still)" ran under "not measured" at 1280x720 and 800x600).
TEST(SmallPrint, ARowsLabelEndsBeforeItsValue) {
    for (const auto& [w, h] : {std::pair{800, 600}, std::pair{1280, 720}, std::pair{1920, 1080}}) {
        SCOPED_TRACE(std::to_string(w) + "x" + std::to_string(h));
        Offscreen s(w, h);
        Gfx& g = s.gfx();
        const float size = g.u(19), row_w = g.u(420 - 48), gap = g.u(12);
        for (const char* value : {"not measured", "100 / 100", "88 / 100", "–"}) {
            const float value_w = g.measure(value, size, FontStyle::bold).x;
            const RowLabel l = fit_row_label(g, "Steadiness (100 = rock still)", size, value_w, row_w, gap);
            EXPECT_LE(g.measure(l.text, l.size_px).x + gap + value_w, row_w + 0.5f) << value;
            EXPECT_EQ(l.text.find("…"), std::string::npos) << "cut: " << l.text;
            EXPECT_GE(l.size_px, 0.6f * size);
        }
        // At 800x600 "not measured" leaves too little room: the note in brackets goes first.
        if (w == 800) {
            const RowLabel l = fit_row_label(g, "Steadiness (100 = rock still)", size,
                                             g.measure("not measured", size, FontStyle::bold).x, row_w, gap);
            EXPECT_EQ(l.text, "Steadiness");
            EXPECT_GE(l.size_px, kSmallPrintMinPx);
        }
        // With room to spare the label is drawn whole at its size.
        const RowLabel whole = fit_row_label(g, "Best combo", size, g.measure("12", size, FontStyle::bold).x, row_w, gap);
        EXPECT_EQ(whole.text, "Best combo");
        EXPECT_FLOAT_EQ(whole.size_px, size);
    }
}

}  // namespace
}  // namespace highstep::app
