#include "hud.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "format_value.h"
#include "weight_share.h"
#include "widgets.h"
#include "world_draw.h"

namespace highstep::app {

namespace {

constexpr float kBoardHalfW_mm = 216.5f;  // sensor rectangle of the Wii board, half sizes
constexpr float kBoardHalfD_mm = 119.0f;
constexpr float kPi = std::numbers::pi_v<float>;
constexpr Color kPanel = palette::hud_panel;  // opaque: see palette.h
constexpr float kSkyBacking = 0.72f;          // the pill under text over the sky: clouds show through a little

// Where the panels sit, shared by the drawing and the covers.
struct HudPanels {
    SDL_FRect top_left, top_right, board, beat;
    std::optional<SDL_FRect> keys;  // the simulated board's key help
    float radius = 0;
};

HudPanels hud_panels(const Gfx& gfx, const HudExtras& extras) {
    HudPanels p{gfx.drect(16, 14, 400, 118), gfx.drect(864, 14, 400, 118), gfx.drect(16, 520, 370, 184),
                gfx.drect(430, 600, 420, 104), std::nullopt, gfx.u(14)};
    if (extras.simulated_board && extras.show_key_help) p.keys = gfx.drect(894, 560, 370, 144);
    // The panels keep to the window's corners and edges, not to the 16:9 design box:
    // in a tall window they would float mid-screen, in a wide one they would sit over
    // the world's middle (the climber hid behind the board panel at 1600x500).
    const float mx = gfx.design_left(), my = gfx.design_top();
    auto move = [](SDL_FRect& r, float dx, float dy) { r.x += dx; r.y += dy; };
    move(p.top_left, -mx, -my);
    move(p.top_right, mx, -my);
    move(p.board, -mx, my);
    move(p.beat, 0, my);
    if (p.keys) move(*p.keys, mx, my);
    // Stacked: the metronome above the bottom corners' panels (the board's is the taller).
    if (hud_stacked(gfx)) p.beat.y = p.board.y - gfx.u(12) - p.beat.h;
    return p;
}

constexpr float kTopRowW = 16 + 400 + 16 + 400 + 16;  // the two top panels side by side, design units

}  // namespace

bool hud_stacked(const Gfx& gfx) { return gfx.height() > gfx.width(); }

float hud_unit(const Gfx& gfx) {
    if (!hud_stacked(gfx)) return gfx.window_unit();
    return std::min(gfx.width() / kTopRowW, gfx.height() / 720.0f);
}

ToastPlace play_toast_place(Gfx& gfx) {
    const HudScale scale(gfx);
    HudExtras extras;
    extras.simulated_board = true;
    const HudPanels p = hud_panels(gfx, extras);
    // The level's label is under the top panels (the tower's at the left, lower down:
    // the others' is the higher); the coach's line and the count-in under it.
    const float label_top = world_label_rect(gfx, core::LevelType::hill_climb, 0.0f).y;
    if (hud_stacked(gfx)) {
        return {p.beat.y - gfx.u(12) - gfx.u(38), -1, gfx.width() - gfx.u(32),
                world_label_bottom_px(gfx, core::LevelType::balance_tower) + gfx.u(64)};
    }
    return {p.top_left.y, 1, p.top_right.x - (p.top_left.x + p.top_left.w) - gfx.u(16), label_top - gfx.u(6)};
}

namespace {

Color stability_color(double s) {
    if (s >= 75) return palette::good;
    if (s >= 45) return palette::perfect;
    return palette::miss;
}

void draw_footprint(Gfx& gfx, float cx, float cy, float w, float h, Color c) {
    // Heel and forefoot as two overlapping ovals: reads as a foot at any size.
    gfx.fill_circle(cx, cy + h * 0.22f, w * 0.42f, c);
    gfx.fill_round_rect({cx - w / 2, cy - h / 2, w, h * 0.62f}, w / 2, c);
}

// Text drawn straight over the sky sits on a dark see-through pill: white and grey
// text over the pale clouds could not be read. The pill fades with the text.
void text_on_sky(Gfx& gfx, const std::string& s, float x, float y, float size, Color c, FontStyle style) {
    if (s.empty()) return;
    const SDL_FPoint m = gfx.measure(s, size, style);
    const float pad_x = size * 0.6f, h = size * 1.5f;
    gfx.fill_round_rect({x - m.x / 2 - pad_x, y - h / 2, m.x + 2 * pad_x, h}, h / 2,
                        kPanel.with_alpha(static_cast<std::uint8_t>(c.a * kSkyBacking)));
    gfx.text(s, x, y, size, c, Align::center, VAlign::middle, style);
}

void stat_label(Gfx& gfx, float x, float y, const std::string& label, const std::string& value, Color vc) {
    gfx.text(label, x, y, small_print_px(gfx, 15), palette::text_dim);
    gfx.text(value, x, y + gfx.u(18), gfx.u(28), vc, Align::left, VAlign::top, FontStyle::bold);
}

}  // namespace

const char* judgement_word(core::Judgement j) {
    switch (j) {
        case core::Judgement::perfect: return "PERFECT";
        case core::Judgement::great: return "GREAT";
        case core::Judgement::good: return "GOOD";
        case core::Judgement::miss: return "MISS";
    }
    return "";
}

Color judgement_color(core::Judgement j) {
    switch (j) {
        case core::Judgement::perfect: return palette::perfect;
        case core::Judgement::great: return palette::good;
        case core::Judgement::good: return palette::ok;
        case core::Judgement::miss: return palette::miss;
    }
    return palette::text;
}

void draw_board_picture(Gfx& gfx, const SDL_FRect& r, const BoardPicture& b, double t_s) {
    // Load bars take the outer 12 % on each side; the board the middle.
    const float bar_w = r.w * 0.08f;
    const SDL_FRect board{r.x + bar_w * 1.5f, r.y, r.w - bar_w * 3.0f, r.h};
    gfx.fill_round_rect(board, board.h * 0.22f, mix(palette::panel_light, palette::text, 0.25));
    const SDL_FRect deck{board.x + board.w * 0.04f, board.y + board.h * 0.08f, board.w * 0.92f, board.h * 0.84f};
    gfx.fill_round_rect(deck, deck.h * 0.2f, mix(palette::panel_light, palette::text, 0.12));
    // The two foot pads (left and right halves) with footprints.
    const float pad_w = deck.w * 0.36f, pad_h = deck.h * 0.78f;
    for (int side = 0; side < 2; ++side) {
        const float px = side == 0 ? deck.x + deck.w * 0.07f : deck.x + deck.w * 0.93f - pad_w;
        const SDL_FRect pad{px, deck.y + (deck.h - pad_h) / 2, pad_w, pad_h};
        const bool hl = side == 0 ? b.highlight_left : b.highlight_right;
        const Color leg = side == 0 ? palette::left_leg : palette::right_leg;
        const double pulse = hl ? 0.5 + 0.5 * std::sin(t_s * 6.0) : 0.0;
        if (side == 0 ? b.ask_left : b.ask_right) {
            const float ring = std::max(2.0f, gfx.u(4));
            gfx.fill_round_rect({pad.x - ring, pad.y - ring, pad.w + 2 * ring, pad.h + 2 * ring}, pad.h * 0.15f + ring,
                                palette::accent);
        }
        gfx.fill_round_rect(pad, pad.h * 0.15f, hl ? mix(palette::panel, leg, 0.35 + 0.3 * pulse) : palette::panel);
        draw_footprint(gfx, pad.x + pad.w / 2, pad.y + pad.h / 2, pad.w * 0.34f, pad.h * 0.74f,
                       hl ? leg : palette::panel_light);
    }
    // Centre line and the button at the front edge.
    gfx.fill_rect({deck.x + deck.w / 2 - 1, deck.y + deck.h * 0.1f, 2, deck.h * 0.8f}, palette::panel_edge);
    gfx.fill_circle(board.x + board.w / 2, board.y + board.h * 0.04f, board.h * 0.035f, palette::text_dim);

    auto to_px = [&](double x_mm, double y_mm) {
        return SDL_FPoint{deck.x + deck.w / 2 + static_cast<float>(x_mm) / kBoardHalfW_mm * deck.w / 2,
                          deck.y + deck.h / 2 - static_cast<float>(y_mm) / kBoardHalfD_mm * deck.h / 2};
    };
    const float mm_px = deck.w / 2 / kBoardHalfW_mm;
    if (b.target_x_mm) {
        const SDL_FPoint c = to_px(*b.target_x_mm, b.target_y_mm);
        const float rad = static_cast<float>(b.target_radius_mm) * mm_px;
        gfx.fill_circle(c.x, c.y, rad, palette::accent.with_alpha(70));
        gfx.ring(c.x, c.y, rad, rad - std::max(2.0f, gfx.u(2.5f)), palette::accent);
    }
    if (b.cop_valid) {
        SDL_FPoint c = to_px(b.cop_x_mm, b.cop_y_mm);
        c.x = std::clamp(c.x, deck.x, deck.x + deck.w);
        c.y = std::clamp(c.y, deck.y, deck.y + deck.h);
        const bool inside = b.target_x_mm && std::hypot(b.cop_x_mm - *b.target_x_mm, b.cop_y_mm - b.target_y_mm) <=
                                                 b.target_radius_mm;
        const Color dot = inside ? palette::good : palette::action;
        gfx.fill_circle(c.x, c.y, gfx.u(11), palette::text_dark.with_alpha(120));
        gfx.fill_circle(c.x, c.y, gfx.u(8), dot);
        gfx.fill_circle(c.x - gfx.u(2), c.y - gfx.u(2), gfx.u(2.5f), palette::text.with_alpha(180));
    }
    // Load bars: left of the board the left leg, right of it the right leg.
    const double scale = b.body_weight_kg > 1.0 ? b.body_weight_kg * 1.3 : std::max({b.left_kg, b.right_kg, 1.0});
    for (int side = 0; side < 2; ++side) {
        const double kg = std::max(0.0, side == 0 ? b.left_kg : b.right_kg);
        const SDL_FRect slot{side == 0 ? r.x : r.x + r.w - bar_w, r.y, bar_w, r.h};
        gfx.fill_round_rect(slot, bar_w / 2, palette::background);
        const float fill = static_cast<float>(std::clamp(kg / scale, 0.0, 1.0)) * slot.h;
        if (fill > 1.0f) {
            gfx.fill_round_rect({slot.x, slot.y + slot.h - fill, slot.w, fill}, bar_w / 2,
                                side == 0 ? palette::left_leg : palette::right_leg);
        }
        if (b.body_weight_kg > 1.0) {
            // Half body weight mark: where an even stance sits.
            const float half = static_cast<float>(0.5 / 1.3) * slot.h;
            gfx.fill_rect({slot.x - gfx.u(3), slot.y + slot.h - half - 1, slot.w + gfx.u(6), 2}, palette::text_dim);
        }
        gfx.text(format_value("%.0f", kg), slot.x + slot.w / 2, slot.y + slot.h + gfx.u(4), small_print_px(gfx, 15), palette::text,
                 Align::center, VAlign::top, FontStyle::bold);
    }
}

void cover_hud(Gfx& gfx, const core::HudState& h, const HudExtras& extras) {
    if (h.paused_board_lost) return gfx.cover_rect({0, 0, gfx.width(), gfx.height()});
    const HudPanels p = hud_panels(gfx, extras);
    for (const SDL_FRect& r : {p.top_left, p.top_right, p.board, p.beat}) gfx.cover_round_rect(r, p.radius);
    if (p.keys) gfx.cover_round_rect(*p.keys, p.radius);
}

void draw_hud(Gfx& gfx, const core::HudState& h, const core::Level& level, const HudExtras& extras) {
    const double t = h.t_s;
    const HudPanels panels = hud_panels(gfx, extras);
    // ---- top-left: level, set, reps, score
    const SDL_FRect tl = panels.top_left;
    gfx.fill_round_rect(tl, panels.radius, kPanel);
    gfx.text(extras.level_title, tl.x + gfx.u(16), tl.y + gfx.u(10), gfx.u(20), palette::text, Align::left,
             VAlign::top, FontStyle::bold);
    const std::string set_text = "Set " + std::to_string(h.set) + "/" + std::to_string(h.sets);
    gfx.text(set_text, tl.x + tl.w - gfx.u(16), tl.y + gfx.u(12), gfx.u(18), palette::accent, Align::right);
    const float sy = tl.y + gfx.u(42);
    if (h.two_feet) {
        stat_label(gfx, tl.x + gfx.u(16), sy, "Holds",
                   std::to_string(h.reps_left + h.reps_right) + "/" + std::to_string(h.reps_per_leg), palette::text);
    } else {
        stat_label(gfx, tl.x + gfx.u(16), sy, "Left",
                   std::to_string(h.reps_left) + "/" + std::to_string(h.reps_per_leg), palette::left_leg);
        stat_label(gfx, tl.x + gfx.u(126), sy, "Right",
                   std::to_string(h.reps_right) + "/" + std::to_string(h.reps_per_leg), palette::right_leg);
    }
    stat_label(gfx, tl.x + gfx.u(246), sy, "Score", std::to_string(h.score), palette::perfect);

    // ---- top-right: stability meter and combo
    const SDL_FRect tr = panels.top_right;
    gfx.fill_round_rect(tr, panels.radius, kPanel);
    // The live meter shows what matters now (core::MeterKind); between reps it rests, grey.
    const bool lowering = h.meter == core::MeterKind::lowering_control;
    const bool idle = h.meter == core::MeterKind::idle;
    const Color meter_color = idle ? palette::text_dim : lowering ? (h.meter_value >= 100.0 ? palette::good : palette::accent)
                                                                  : stability_color(h.meter_value);
    gfx.text(lowering ? "Lowering control" : "Steadiness", tr.x + gfx.u(16), tr.y + gfx.u(10), gfx.u(18),
             palette::text_dim);
    gfx.text(idle ? std::string("–") : format_value("%.0f", h.meter_value), tr.x + gfx.u(250), tr.y + gfx.u(8),
             gfx.u(22), meter_color, Align::right, VAlign::top, FontStyle::bold);
    const SDL_FRect meter{tr.x + gfx.u(16), tr.y + gfx.u(42), gfx.u(234), gfx.u(16)};
    gfx.fill_round_rect(meter, meter.h / 2, palette::panel);
    const float fill = idle ? 0.0f : meter.w * static_cast<float>(std::clamp(h.meter_value / 100.0, 0.0, 1.0));
    if (fill > meter.h) gfx.fill_round_rect({meter.x, meter.y, fill, meter.h}, meter.h / 2, meter_color);
    // Combo, in its own column.
    gfx.fill_rect({tr.x + gfx.u(268), tr.y + gfx.u(14), std::max(1.0f, gfx.u(1.5f)), tr.h - gfx.u(28)},
                  palette::panel_light);
    gfx.text("Combo", tr.x + gfx.u(334), tr.y + gfx.u(10), gfx.u(18), palette::text_dim, Align::center);
    const double pop = h.popup && h.popup->age_s < 0.25 && h.combo > 0 ? 1.0 + (0.25 - h.popup->age_s) * 1.2 : 1.0;
    // format_value, not "x" + std::to_string(): GCC 12 at -O3 warns a false
    // -Wrestrict inside the inlined string insert (GCC bug 105651).
    gfx.text(format_value("x%.0f", h.combo), tr.x + gfx.u(334), tr.y + gfx.u(70), gfx.u(static_cast<float>(40 * pop)),
             h.combo >= 10 ? palette::perfect : palette::text, Align::center, VAlign::middle, FontStyle::bold);
    // Hold progress (knee drive / balance): a bar under the meter.
    if (h.hold_target_s > 0.0) {
        // Nothing counts before the set starts: "Get ready" shows an empty bar.
        const double hold_s = h.phase == core::Phase::count_in ? 0.0 : h.hold_s;
        const SDL_FRect hold{tr.x + gfx.u(16), tr.y + gfx.u(76), gfx.u(234), gfx.u(12)};
        gfx.text("Hold", tr.x + gfx.u(16), tr.y + gfx.u(92), small_print_px(gfx, 14), palette::text_dim);
        gfx.text(format_value("%.1f s", hold_s) + " / " + format_seconds(h.hold_target_s), tr.x + gfx.u(250),
                 tr.y + gfx.u(92), small_print_px(gfx, 14), palette::text, Align::right);
        gfx.fill_round_rect(hold, hold.h / 2, palette::panel);
        const float hf = hold.w * static_cast<float>(std::clamp(hold_s / h.hold_target_s, 0.0, 1.0));
        if (hf > hold.h) gfx.fill_round_rect({hold.x, hold.y, hf, hold.h}, hold.h / 2, h.holding ? palette::accent : palette::text_dim);
    }

    // ---- bottom-left: the board from above
    const SDL_FRect bp = panels.board;
    gfx.fill_round_rect(bp, panels.radius, kPanel);
    BoardPicture pic = board_picture_of(h);
    pic.target_x_mm = h.target_x_mm;
    pic.target_y_mm = h.target_y_mm;
    pic.target_radius_mm = h.target_radius_mm;
    // Each foot's load and lit footprints by where the CoP sits between the feet, as on
    // the board check. The board's left and right sensor pairs showed 22 kg under the
    // foot lifted for a knee drive, and the recogniser's stance lit one foot at the top
    // of a step-up with the weight on both.
    const double total_kg = h.left_kg + h.right_kg;
    show_foot_loads(pic, total_kg,
                    h.cop_valid ? weight_share(total_kg, h.cop_x_mm, h.stance_centre_x_mm, h.half_stance_mm)
                                : WeightShare{});
    draw_board_picture(gfx, {bp.x + gfx.u(14), bp.y + gfx.u(14), bp.w - gfx.u(28), bp.h - gfx.u(40)}, pic, t);

    // ---- bottom-centre: metronome and the lead leg
    const SDL_FRect mc = panels.beat;
    gfx.fill_round_rect(mc, panels.radius, kPanel);
    if (h.has_beat) {
        const long beat = std::max(0L, h.beat_index);
        const int in_bar = static_cast<int>(beat % 4);
        const float flash = static_cast<float>(std::max(0.0, 1.0 - h.beat_phase * 4.0));  // bright just after a beat
        for (int i = 0; i < 4; ++i) {
            const float cx = mc.x + gfx.u(60 + i * 50.0f), cy = mc.y + gfx.u(36);
            const bool now = i == in_bar && h.beat_index >= 0;
            const Color c = now ? mix(palette::accent, palette::text, flash) : palette::panel_light;
            gfx.fill_circle(cx, cy, gfx.u(now ? 13.0f + 5.0f * flash : (i == 0 ? 11.0f : 9.0f)), c);
        }
        // The sweep: how far to the next beat.
        const SDL_FRect sweep{mc.x + gfx.u(40), mc.y + gfx.u(66), gfx.u(190), gfx.u(8)};
        gfx.fill_round_rect(sweep, sweep.h / 2, palette::panel);
        gfx.fill_round_rect({sweep.x, sweep.y, sweep.w * static_cast<float>(h.beat_phase), sweep.h}, sweep.h / 2,
                            palette::accent);
        gfx.text(format_value("%.0f bpm", h.tempo_bpm), mc.x + gfx.u(135), mc.y + gfx.u(80), small_print_px(gfx, 14), palette::text_dim,
                 Align::center);
    } else {
        gfx.text("steady hold", mc.x + gfx.u(135), mc.y + mc.h / 2, gfx.u(20), palette::text_dim, Align::center,
                 VAlign::middle);
    }
    if (h.phase == core::Phase::finished) {
        // Nothing more is called once the level is over.
        gfx.text("done!", mc.x + gfx.u(340), mc.y + mc.h / 2, gfx.u(26), palette::good, Align::center, VAlign::middle,
                 FontStyle::bold);
    } else if (!h.two_feet) {
        const bool left = h.lead == core::Side::left;
        const Color c = left ? palette::left_leg : palette::right_leg;
        // The called leg is the one that works: the lead foot of a step-up, the
        // standing foot of a knee drive or hold. For those the words say which knee
        // goes up (and its key), so "LEFT" and "knee up" never point different ways.
        std::string verb = "leads";
        if (level.type != core::LevelType::hill_climb) {
            verb = left ? "stand, right knee up" : "stand, left knee up";
            if (extras.simulated_board) verb = left ? "stand, right knee: E" : "stand, left knee: Q";
        }
        gfx.text(left ? "◀ LEFT" : "RIGHT ▶", mc.x + gfx.u(340), mc.y + gfx.u(38), gfx.u(30), c, Align::center,
                 VAlign::middle, FontStyle::bold);
        // Centred under the call, inside the panel's right end (80 units each side).
        gfx.text(verb, mc.x + gfx.u(340), mc.y + gfx.u(72), fit_size(gfx, verb, small_print_px(gfx, 14), gfx.u(152)),
                 palette::text_dim, Align::center, VAlign::middle);
    } else {
        gfx.text("both feet", mc.x + gfx.u(340), mc.y + mc.h / 2, gfx.u(22), palette::text, Align::center,
                 VAlign::middle, FontStyle::bold);
    }

    // ---- centre: count-in, rest, pop-ups
    // In a stacked (portrait) HUD they keep to the top, under the level's label, as in
    // a 16:9 window: the middle of a tall window is where the runner stands.
    const float centre_shift = hud_stacked(gfx) ? -gfx.design_top() : 0.0f;
    auto centre_y = [&gfx, centre_shift](float design_y) { return gfx.dy(design_y) + centre_shift; };
    if (h.phase == core::Phase::count_in && h.count_in_remaining_s > 0 && !h.popup) {
        // Not under a judgement: a first step a little before the first beat is judged in
        // the count-in's last second, and the player has started.
        // Above the runner's head: the panel is opaque. Under a coach's line it keeps its
        // bottom edge and grows smaller, so it does not come down over the runner.
        SDL_FRect r = gfx.drect(440, 180, 400, 180);
        r.y = centre_y(180);
        const float bottom = r.y + r.h;
        r.y = std::max(r.y, extras.count_in_min_top_px);
        r.h = std::max(gfx.u(120), bottom - r.y);
        const float k = r.h / gfx.u(180);
        gfx.fill_round_rect(r, gfx.u(24) * k, kPanel);
        gfx.text("Get ready", gfx.dx(640), r.y + gfx.u(38) * k, gfx.u(30) * k, palette::text, Align::center,
                 VAlign::middle, FontStyle::bold);
        gfx.text(std::to_string(static_cast<int>(std::ceil(h.count_in_remaining_s))), gfx.dx(640),
                 r.y + gfx.u(114) * k, gfx.u(86) * k, palette::action, Align::center, VAlign::middle, FontStyle::bold);
    } else if (h.phase == core::Phase::rest && !h.popup && !h.settle) {
        // The set's last rep first: its judgement and settled line (a hold's points,
        // "lowering 1.1 s  steady 80") sit where the dial goes, and under the dial's
        // words they were unreadable. The countdown shows once they have gone (1.6 s).
        const float cx = gfx.dx(640), cy = centre_y(300);
        gfx.fill_circle(cx, cy, gfx.u(110), kPanel);
        const double total = std::max(1.0, level.program.rest_s);
        const float frac = static_cast<float>(std::clamp(h.rest_remaining_s / total, 0.0, 1.0));
        gfx.ring(cx, cy, gfx.u(100), gfx.u(88), palette::panel);
        gfx.arc(cx, cy, gfx.u(100), gfx.u(88), 0.0f, 2 * kPi * frac, palette::accent);
        gfx.text("Rest", cx, cy - gfx.u(46), gfx.u(24), palette::text_dim, Align::center, VAlign::middle);
        gfx.text(std::to_string(static_cast<int>(std::ceil(h.rest_remaining_s))), cx, cy + gfx.u(2), gfx.u(64),
                 palette::text, Align::center, VAlign::middle, FontStyle::bold);
        // Two short lines: one runs out of the dial, and under the dial the hint
        // would sit on the sprinter's head.
        gfx.text("step on to", cx, cy + gfx.u(44), small_print_px(gfx, 14), palette::text_dim, Align::center, VAlign::middle);
        gfx.text("start early", cx, cy + gfx.u(61), small_print_px(gfx, 14), palette::text_dim, Align::center, VAlign::middle);
    }
    if (h.popup) {
        const auto& p = *h.popup;
        const float age = static_cast<float>(p.age_s);
        const float grow = p.taken_back ? 1.0f : 1.0f + 0.35f * std::max(0.0f, 0.15f - age) / 0.15f;
        const auto alpha = static_cast<std::uint8_t>(255 * std::clamp(1.0 - (p.age_s - 0.5) / 0.3, 0.0, 1.0));
        const float y = p.taken_back ? 250 : 250 - age * 40.0f;
        // A timed rep shows its judgement; a balance hold (no beat) its points; a contact
        // that did not become a rep, its judgement withdrawn.
        const std::string word = p.timed ? judgement_word(p.judgement) : format_value("+%.0f", p.points);
        const Color color = p.taken_back ? palette::text_dim : p.timed ? judgement_color(p.judgement) : palette::perfect;
        // A dark outline all round (gold on a pale cloud had only a soft shadow).
        const float o = gfx.u(2.5f);
        const SDL_FPoint around[] = {{-o, -o}, {o, -o}, {-o, o}, {o, o}, {0, 1.6f * o}};
        for (const SDL_FPoint d : around) {
            gfx.text_zoomed(word, gfx.dx(640) + d.x, centre_y(y) + d.y, gfx.u(64), grow,
                            palette::text_dark.with_alpha(static_cast<std::uint8_t>(alpha * 0.85f)), Align::center,
                            VAlign::middle, FontStyle::bold);
        }
        gfx.text_zoomed(word, gfx.dx(640), centre_y(y), gfx.u(64), grow, color.with_alpha(alpha), Align::center,
                        VAlign::middle, FontStyle::bold);
        if (p.taken_back) {
            // Struck through: the judgement no longer counts.
            const float w = gfx.u(64) * 0.3f * static_cast<float>(word.size());
            gfx.fill_rect({gfx.dx(640) - w / 2, centre_y(y) - gfx.u(3), w, gfx.u(6)}, palette::miss.with_alpha(alpha));
        }
        const std::string detail =
            p.taken_back ? "taken back: no rep"
            : p.timed    ? format_value("+%.0f   ", p.points) +
                            (p.error_ms >= 0 ? format_value("%.0f ms late", p.error_ms)
                                             : format_value("%.0f ms early", -p.error_ms))
                         : "hold scored";
        text_on_sky(gfx, detail, gfx.dx(640), centre_y(y + 50), gfx.u(20), palette::text.with_alpha(alpha),
                    FontStyle::regular);
    }
    if (h.settle) {
        // The rest of the rep, settled once the movement is over: smaller, under the judgement.
        const auto& st = *h.settle;
        const auto alpha = static_cast<std::uint8_t>(255 * std::clamp(1.0 - (st.age_s - 1.2) / 0.4, 0.0, 1.0));
        std::string what;
        Color c = palette::text;
        if (st.kind == core::RepKind::step_up) {
            if (st.dropped) {
                what = "dropped";
                c = palette::miss;
            } else {
                what = format_value(st.slow_lowering ? "slow lowering %.1f s" : "lowering %.1f s", st.lowering_s);
                c = st.slow_lowering ? palette::good : palette::text;
            }
        }
        auto add = [&what](const std::string& part) {
            if (!what.empty()) what += "   ";
            what += part;
        };
        if (st.hold_s > 0.0) add(format_value("hold %.1f s", st.hold_s));
        if (st.has_stability) add(format_value("steady %.0f", st.stability));
        text_on_sky(gfx, what, gfx.dx(640), centre_y(338), gfx.u(22), c.with_alpha(alpha), FontStyle::bold);
        // format_value, not "+" + std::to_string(): GCC 12 warns falsely on the latter at -O3.
        text_on_sky(gfx, format_value("+%.0f", st.added_points) + format_value("  (rep %.0f)", st.points), gfx.dx(640),
                    centre_y(368), gfx.u(16), palette::text.with_alpha(alpha), FontStyle::regular);
    }

    // ---- bottom-right: simulated board keys
    if (panels.keys) {
        const SDL_FRect kh = *panels.keys;
        gfx.fill_round_rect(kh, panels.radius, kPanel);
        const char* lines[] = {"Simulated board", "A / D   left / right foot on-off", "Q / E   hold: knee up",
                               "arrows  shift weight", "Space  push hard   ·   Esc pause"};
        for (int i = 0; i < 5; ++i) {
            gfx.text(lines[i], kh.x + gfx.u(16), kh.y + gfx.u(12 + i * 25.0f), small_print_px(gfx, i == 0 ? 17.0f : 15.0f),
                     i == 0 ? palette::accent : palette::text, Align::left, VAlign::top,
                     i == 0 ? FontStyle::bold : FontStyle::regular);
        }
    }

    // ---- the board is gone: everything stops until it is back
    if (h.paused_board_lost) {
        // The way out without the board: every other input can open the pause menu.
        draw_board_lost_notice(gfx, extras.anim_s, "The game is paused and resumes where it stopped.",
                               "Esc / P, or Start on a gamepad: pause menu (restart, quit)");
    }
}

void draw_board_lost_notice(Gfx& gfx, double anim_s, std::string_view what_waits, std::string_view way_out) {
    gfx.fill_rect({0, 0, gfx.width(), gfx.height()}, kPanel);
    const SDL_FRect r = gfx.drect(340, 230, 600, 262);
    gfx.fill_round_rect(r, gfx.u(20), palette::panel);
    gfx.text("Reconnect your board", r.x + r.w / 2, r.y + gfx.u(60), gfx.u(40), palette::warning, Align::center,
             VAlign::middle, FontStyle::bold);
    gfx.text("Press the red SYNC button under the battery cover.", r.x + r.w / 2, r.y + gfx.u(120), gfx.u(19),
             palette::text, Align::center, VAlign::middle);
    gfx.text(what_waits, r.x + r.w / 2, r.y + gfx.u(152), gfx.u(19), palette::text_dim, Align::center,
             VAlign::middle);
    const double dots = std::fmod(anim_s * 2.0, 3.0);
    gfx.text(dots < 1 ? "searching ." : dots < 2 ? "searching . ." : "searching . . .", r.x + r.w / 2,
             r.y + gfx.u(196), gfx.u(17), palette::accent, Align::center, VAlign::middle);
    gfx.text(way_out, r.x + r.w / 2, r.y + gfx.u(234), gfx.u(16), palette::text_dim, Align::center,
             VAlign::middle);
}

}  // namespace highstep::app
