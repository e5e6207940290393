// Drawing into memory with SDL's software renderer: text with the real fonts, the
// HUD's regions, the board-lost pause, and the play frame drawn around the HUD.
#include <gtest/gtest.h>

#include "highstep/core/level/level_file.h"
#include "highstep/core/session/session.h"
#include "hud.h"
#include "widgets.h"
#include "world_draw.h"
#include "offscreen.h"
#include "text.h"

using namespace highstep;
using namespace highstep::app;
using highstep::app::testing::Offscreen;

namespace {

std::uint32_t rgb(Color c) { return (std::uint32_t{c.r} << 16) | (std::uint32_t{c.g} << 8) | c.b; }

// How many pixels in the rectangle differ between two surfaces.
int differing(const Offscreen& a, const Offscreen& b, int x0, int y0, int x1, int y1) {
    int n = 0;
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) n += a.pixel(x, y) != b.pixel(x, y);
    return n;
}

int count_color(const Offscreen& s, Color c, int x0, int y0, int x1, int y1) {
    int n = 0;
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) n += s.pixel(x, y) == rgb(c);
    return n;
}

core::Level hill_level() {
    core::Level l;
    l.id = "t";
    l.title = "Test Hill";
    l.program.sets = 2;
    l.program.reps_per_leg = 6;
    l.program.tempo_bpm = 60;
    return l;
}

core::HudState active_hud() {
    core::HudState h;
    h.phase = core::Phase::active;
    h.sets = 2;
    h.reps_per_leg = 6;
    h.cop_valid = true;
    h.cop_x_mm = -30.0;  // away from the target, the weight on both feet (65 % left)
    h.target_x_mm = 100.0;
    h.left_kg = 40.0;
    h.right_kg = 30.0;
    h.body_weight_kg = 70.0;
    h.stance = core::Stance::both;
    h.has_beat = true;
    h.tempo_bpm = 60;
    h.beat_index = 5;
    h.beat_phase = 0.3;
    h.stability = 80.0;
    return h;
}

void draw(Offscreen& s, const core::HudState& h) {
    s.gfx().clear(palette::background);
    draw_hud(s.gfx(), h, hill_level(), HudExtras{"Test Hill", false, false, 0.0});
    s.present();
}

}  // namespace

TEST(Text, MissingFontsAreAClearErrorNamingWhereItLooked) {
    try {
        find_fonts({"/nonexistent/fonts-a", "/nonexistent/fonts-b"});
        FAIL() << "expected FontError";
    } catch (const FontError& e) {
        const std::string m = e.what();
        EXPECT_NE(m.find("/nonexistent/fonts-a"), std::string::npos);
        EXPECT_NE(m.find("/nonexistent/fonts-b"), std::string::npos);
        EXPECT_NE(m.find("fonts-dejavu-core"), std::string::npos);
    }
}

TEST(Text, DrawsRealGlyphsThatScaleWithSize) {
    Offscreen s(400, 100);
    s.gfx().clear(palette::background);
    const SDL_FPoint small = s.gfx().measure("HighStep", 16);
    const SDL_FPoint big = s.gfx().measure("HighStep", 48);
    EXPECT_GT(big.x, 2.5f * small.x);
    EXPECT_GT(s.gfx().measure("WWWW", 20).x, s.gfx().measure("iiii", 20).x);
    s.gfx().text("HighStep", 10, 10, 48, palette::text);
    s.present();
    EXPECT_GT(count_color(s, palette::text, 0, 0, 400, 100), 200) << "glyph pixels in the text colour";
    EXPECT_EQ(count_color(s, palette::text, 0, 70, 400, 100), 0) << "nothing below the line";
}

// Names in other scripts: 日本 and 🙂 are drawn from Debian's fallback fonts
// (fonts-droid-fallback, fonts-symbola), not as DejaVu's empty boxes; text DejaVu
// has (é, ü) is drawn by DejaVu alone.
TEST(Text, CharactersDejaVuLacksComeFromTheFallbackFonts) {
    FontFiles with = find_fonts(default_font_dirs());
    if (with.fallbacks.size() < 2) GTEST_SKIP() << "fonts-droid-fallback / fonts-symbola are not installed";
    FontFiles without = with;
    without.fallbacks.clear();
    auto draw_with = [](const FontFiles& files, const std::string& text) {
        auto s = std::make_unique<Offscreen>(300, 80);
        TextRenderer t(s->gfx().renderer(), files);
        s->gfx().clear(palette::background);
        t.draw(text, 10, 10, 40, palette::text);
        s->present();
        return s;
    };
    for (const std::string text : {"日本", "🙂"}) {
        const auto boxes = draw_with(without, text);
        const auto glyphs = draw_with(with, text);
        EXPECT_GT(differing(*boxes, *glyphs, 0, 0, 300, 80), 100) << text << ": the fallback draws other shapes";
        EXPECT_GT(count_color(*glyphs, palette::text, 0, 0, 300, 80), 40) << text;
    }
    const auto a = draw_with(without, "Zoë Müller");
    const auto b = draw_with(with, "Zoë Müller");
    EXPECT_EQ(differing(*a, *b, 0, 0, 300, 80), 0) << "DejaVu has é and ü: no fallback used";
    // Mixed text keeps one line: the fallback run sits on the same baseline.
    Offscreen s(600, 100);
    const SDL_FPoint size = s.gfx().measure("Yuki 日本 🙂", 30);
    EXPECT_LT(size.y, 60.0f);
    EXPECT_GT(size.x, s.gfx().measure("Yuki ", 30).x + 40.0f);
}

// The plan's reason ran out of its panel and was cut with "…" ("… to reb…"): it is
// wrapped at spaces now, every line inside the room and no word lost.
TEST(Text, WrapWordsKeepsEveryWordInsideTheWidth) {
    Offscreen off;
    Gfx& gfx = off.gfx();
    const std::string reason =
        "Last step-up session was hard (10 of 24 reps missed the beat): stay at 2 × 6 per leg to rebuild.";
    const float room = 714.0f, size = 19.0f;
    ASSERT_GT(gfx.measure(reason, size).x, room) << "one line would not fit";
    const std::vector<std::string> lines = wrap_words(gfx, reason, size, room);
    ASSERT_EQ(lines.size(), 2u);
    std::string joined;
    for (const std::string& line : lines) {
        EXPECT_LE(gfx.measure(line, size).x, room) << line;
        if (!joined.empty()) joined += ' ';
        joined += line;
    }
    EXPECT_EQ(joined, reason);
    EXPECT_EQ(wrap_words(gfx, "short", size, room), std::vector<std::string>{"short"});
}

TEST(Hud, DrawsTheBoardWithTheCopDotAndLoadBars) {
    Offscreen s;
    draw(s, active_hud());
    // Bottom-left board panel: the CoP dot (outside the target: action orange) and both load bars.
    EXPECT_GT(count_color(s, palette::action, 16, 520, 386, 704), 50);
    EXPECT_GT(count_color(s, palette::left_leg, 16, 520, 386, 704), 200);
    EXPECT_GT(count_color(s, palette::right_leg, 16, 520, 386, 704), 200);
    // Moving the CoP into the target zone turns the dot green.
    core::HudState in = active_hud();
    in.cop_x_mm = 100.0;
    Offscreen s2;
    draw(s2, in);
    EXPECT_GT(count_color(s2, palette::good, 16, 520, 386, 704), 50);
}

// The load bars and lit footprints say which foot carries the weight, by where the
// CoP sits between the feet (as the board check's). Standing on the left foot with the
// right knee up, the sensor pairs read 62 / 22 kg (the Sprint Start HUD showed that);
// at the top of a step-up on both feet the recogniser's stance can still be one foot.
TEST(Hud, TheLoadBarsAndFootprintsShowWhichFootCarriesTheWeight) {
    const Color right_lit = palette::right_leg;  // the CoP dot too: its pads are counted right of it
    core::HudState knee_up = active_hud();
    knee_up.left_kg = 62.0;
    knee_up.right_kg = 22.0;
    knee_up.cop_x_mm = -100.0;  // over the left foot: the stance centre 0, feet 100 mm out
    knee_up.stance = core::Stance::left;
    Offscreen s;
    draw(s, knee_up);
    EXPECT_GT(count_color(s, palette::left_leg, 16, 520, 60, 704), 200) << "the left bar";
    EXPECT_EQ(count_color(s, right_lit, 330, 520, 386, 704), 0) << "no load under the lifted right foot";
    EXPECT_EQ(count_color(s, right_lit, 225, 520, 330, 704), 0) << "the right footprint is not lit";
    core::HudState top = active_hud();
    top.left_kg = top.right_kg = 35.0;
    top.cop_x_mm = 0.0;
    top.stance = core::Stance::left;
    Offscreen both;
    draw(both, top);
    EXPECT_GT(count_color(both, right_lit, 225, 520, 330, 704), 100) << "the right footprint lit";
    EXPECT_GT(count_color(both, right_lit, 330, 520, 386, 704), 200) << "the right bar";
}

TEST(Hud, TheRepCounterChangesOnlyItsOwnRegion) {
    Offscreen before, after;
    core::HudState h = active_hud();
    h.reps_left = 2;
    draw(before, h);
    h.reps_left = 3;
    draw(after, h);
    EXPECT_GT(differing(before, after, 16, 14, 416, 132), 20) << "top-left reps panel changed";
    EXPECT_EQ(differing(before, after, 864, 14, 1264, 132), 0) << "stability/combo panel did not";
    EXPECT_EQ(differing(before, after, 16, 520, 386, 704), 0) << "board panel did not";
}

TEST(Hud, JudgementPopupAndRestCountdownAreDrawnInTheCentre) {
    Offscreen plain, popup;
    core::HudState h = active_hud();
    draw(plain, h);
    h.popup = core::JudgementPopup{};
    h.popup->judgement = core::Judgement::perfect;
    h.popup->points = 950;
    draw(popup, h);
    EXPECT_GT(count_color(popup, palette::perfect, 340, 180, 940, 330), 300) << "a gold PERFECT";
    EXPECT_EQ(count_color(plain, palette::perfect, 340, 180, 940, 330), 0);
}

TEST(Hud, AJudgementInTheCountInsLastSecondIsNotDrawnUnderGetReady) {
    // A first step a little before the first beat is judged while "Get ready 1" still
    // counts down: the opaque panel and its words covered the judgement.
    core::HudState h = active_hud();
    h.phase = core::Phase::count_in;
    h.count_in_remaining_s = 0.4;
    Offscreen counting, judged;
    draw(counting, h);
    EXPECT_GT(count_color(counting, palette::hud_panel, 440, 300, 840, 360), 5000) << "the count-in panel";
    h.popup = core::JudgementPopup{};
    h.popup->judgement = core::Judgement::great;
    h.popup->points = 320;
    h.popup->error_ms = -120;
    draw(judged, h);
    EXPECT_EQ(count_color(judged, palette::hud_panel, 440, 300, 840, 360), 0) << "no panel under the judgement";
    EXPECT_GT(count_color(judged, palette::good, 340, 180, 940, 330), 300) << "the judgement";
}

namespace {

// Pixels in the middle of the HUD that differ when the same state is in the rest.
int middle_changed_by_the_rest(core::HudState h) {
    Offscreen active, resting;
    draw(active, h);
    h.phase = core::Phase::rest;
    h.rest_remaining_s = 59.0;
    draw(resting, h);
    return differing(active, resting, 340, 180, 940, 420);
}

}  // namespace

// A set's last rep ends as the rest begins: its settled line (and a hold's points) is
// shown whole before the rest dial, which was drawn over it ("lowering 1.1 s" under
// "step on to start early").
TEST(Hud, TheSetsLastRepIsShownBeforeTheRestDial) {
    core::HudState h = active_hud();
    h.settle = core::SettlePopup{};
    h.settle->kind = core::RepKind::step_up;
    h.settle->lowering_s = 1.1;
    h.settle->slow_lowering = true;
    h.settle->has_stability = true;
    h.settle->stability = 80.0;
    h.settle->points = 700;
    h.settle->added_points = 300;
    h.settle->age_s = 0.3;
    EXPECT_EQ(middle_changed_by_the_rest(h), 0) << "only the rep's line in the middle";
    // A hold's points (a pop-up without a beat) likewise.
    core::HudState hold = active_hud();
    hold.popup = core::JudgementPopup{};
    hold.popup->timed = false;
    hold.popup->points = 950;
    EXPECT_EQ(middle_changed_by_the_rest(hold), 0);
    // Once they have gone, the dial: its teal arc round the seconds left.
    h.settle.reset();
    h.phase = core::Phase::rest;
    h.rest_remaining_s = 59.0;
    Offscreen dial;
    draw(dial, h);
    EXPECT_GT(count_color(dial, palette::accent, 520, 180, 760, 420), 1000) << "the rest dial";
}

TEST(Hud, BoardLostShowsTheReconnectPause) {
    Offscreen live, lost;
    core::HudState h = active_hud();
    draw(live, h);
    h.paused_board_lost = true;
    draw(lost, h);
    EXPECT_GT(count_color(lost, palette::warning, 340, 230, 940, 330), 300) << "the red 'Reconnect your board'";
    EXPECT_EQ(count_color(live, palette::warning, 340, 230, 940, 330), 0);
}

namespace {

// The world and HUD of a level a few seconds in, as the play scene draws them: with
// the HUD's covers (the world drawn around its panels) or without.
void draw_play_frame(Offscreen& o, const core::Level& level, const core::HudState& hud, bool covers) {
    core::Session session(level);
    session.advance_to(4.0);
    const core::WorldView view = session.world_view();
    HudExtras extras;
    extras.level_title = level.title;
    extras.simulated_board = true;
    Gfx& g = o.gfx();
    g.clear({255, 0, 255, 255});  // shows wherever nothing was painted
    const std::size_t mark = g.covers_mark();
    if (covers) cover_hud(g, hud, extras);
    draw_world(g, view, view, 1.0, level.type, hud.t_s);
    g.drop_covers(mark);
    draw_hud(g, hud, level, extras);
    o.present();
}

}  // namespace

TEST(PlayFrame, DrawingTheWorldAroundTheHudGivesThePictureOfDrawingItUnder) {
    for (const char* id : {"hill-1", "sprint-1", "tower-1", "tower-3"}) {
        const core::Level level =
            core::load_level_file(std::filesystem::path(HIGHSTEP_SOURCE_DIR) / "levels" / (std::string(id) + ".json"));
        for (bool lost : {false, true}) {
            core::HudState h = active_hud();
            h.paused_board_lost = lost;
            Offscreen plain, around;
            draw_play_frame(plain, level, h, false);
            draw_play_frame(around, level, h, true);
            EXPECT_EQ(count_color(plain, {255, 0, 255, 255}, 0, 0, 1280, 720), 0) << id << ": every pixel painted";
            EXPECT_EQ(differing(plain, around, 0, 0, 1280, 720), 0) << id << (lost ? ", board lost" : "");
        }
    }
}
