// Results: the grade, the score, how the reps were judged, steadiness and left/right
// balance, and whether it was a personal best. Continue goes to the progress view
// when the store part has registered it, else back to level select.
#include <algorithm>
#include <cmath>
#include <span>
#include <utility>

#include "board_link.h"
#include "format_value.h"
#include "gfx.h"
#include "hud.h"
#include "scenes/challenge_race_words.h"
#include "scenes/challenge_scenes.h"
#include "scenes/finish_words.h"
#include "scenes/leg_balance.h"
#include "scenes/scenes.h"
#include "widgets.h"

namespace highstep::app {

namespace {

Color grade_color(core::Grade g) {
    switch (g) {
        case core::Grade::S: return palette::perfect;
        case core::Grade::A: return palette::good;
        case core::Grade::B: return palette::accent;
        case core::Grade::C: return palette::ok;
        case core::Grade::D: return palette::miss;
    }
    return palette::text;
}

class ResultsScene final : public Scene {
public:
    ResultsScene(AppContext& ctx, const core::Level& level, const core::SessionResult& result,
                 const std::optional<store::FinishOutcome>& outcome, std::shared_ptr<const ChallengeLevelPlay> challenge,
                 const std::optional<core::RaceResult>& race)
        : ctx_(ctx), level_(level), result_(result), outcome_(outcome), challenge_(std::move(challenge)), race_(race) {
        ctx_.board.reset_nav();
        // A guest has no stronger leg on record, so there is nothing to measure against.
        if (ctx_.player && level_.exercise != core::Exercise::balance_two_feet) {
            balance_ = leg_balance(result_.symmetry, ctx_.player->player.dominant_leg);
        }
        if (challenge_) {
            // A challenge turn goes on with its next level (a retry would be a new attempt).
            menu_.items.push_back({challenge_->next_label, "", true, palette::action});
            return;
        }
        if (ctx_.extra_scenes.count("progress")) menu_.items.push_back({"See your progress", "", true, palette::left_leg});
        menu_.items.push_back({"Play again", "", true, palette::action});
        menu_.items.push_back({"Choose a level", "", true, palette::accent});
    }
    std::string_view id() const override { return "results"; }
    void step(double dt_s) override { t_s_ += dt_s; }

    std::string probe(std::string_view key) const override {
        if (key == "score") return std::to_string(result_.score);
        if (key == "reps") return std::to_string(result_.reps);
        if (key == "grade") return std::to_string(static_cast<int>(result_.grade));
        if (key == "race_won") return race_ ? (race_->player_won ? "1" : "0") : "-1";
        if (key == "race_margin_m") return race_ ? std::to_string(race_->margin_m) : "";
        if (key == "weaker_leg_pct") return balance_ ? std::to_string(balance_->percent) : "";
        if (key == "unit") return format_value("%.3f", drawn_unit_);  // pixels per design unit, last frame
        if (key == "weaker_leg") return balance_ ? std::string(store::to_string(balance_->weaker)) : "";
        if (key == "steadiness") return steadiness_text();
        if (key == "rhythm") return rhythm_text();
        if (key == "leg_steadiness") return leg_steadiness(result_.symmetry.left) + " / " + leg_steadiness(result_.symmetry.right);
        return {};
    }

    // Fewer than three reps in every set (the 1-per-leg levels): no interval to compare,
    // "–", where the results said "± 0 ms", a perfect rhythm.
    std::string rhythm_text() const {
        return result_.interval_spread_measured ? format_value("± %.0f ms", result_.interval_spread_ms) : "–";
    }

    // A leg none of whose reps stood still long enough to measure: "–", not 0.
    static std::string leg_steadiness(const core::LegSummary& leg) {
        return leg.stability_reps > 0 ? format_value("%.0f", leg.mean_stability) : "–";
    }

    // No rep stood still long enough to measure (the live meter said "–" all along):
    // "not measured", not a steadiness of 0.
    bool steadiness_measured() const { return result_.stability.samples > 0; }
    std::string steadiness_text() const {
        return steadiness_measured() ? format_value("%.0f / 100", result_.stability_score) : "not measured";
    }

    bool on_action(Action a) override {
        const MenuInput in = menu_.handle(a, ctx_);
        if (in != MenuInput::chosen) return in == MenuInput::used;
        const std::string& label = menu_.items[static_cast<std::size_t>(menu_.selected)].label;
        if (label == "Play again") {
            ctx_.scenes.replace(make_play_scene(ctx_, level_));
        } else if (label == "See your progress") {
            ctx_.scenes.replace(ctx_.extra_scenes.at("progress")());
        } else {
            ctx_.scenes.pop();
        }
        return true;
    }

    void draw(Gfx& gfx, double) override {
        draw_backdrop(gfx, t_s_);
        // In a portrait window: the grade beside the leg balance and the menu, the
        // numbers under them, all larger.
        PortraitLayout layout(gfx, 140, 600, {{{60, 150, 360, 470}, {900, 150, 320, 472}}, {{450, 150, 420, 470}}});
        layout.head();
        draw_screen_title(gfx, level_.title, result_.completed ? "Program complete" : "Session ended early");
        // Left: the grade, growing in.
        const float grow = static_cast<float>(std::min(1.0, t_s_ / 0.4));
        layout.place(0, 0);
        const SDL_FRect left = gfx.drect(60, 150, 360, 470);
        draw_panel(gfx, left);
        const float cx = left.x + left.w / 2, cy = left.y + gfx.u(150);
        gfx.fill_circle(cx, cy, gfx.u(105) * grow, grade_color(result_.grade).with_alpha(60));
        gfx.ring(cx, cy, gfx.u(105) * grow, gfx.u(95) * grow, grade_color(result_.grade));
        gfx.text(core::to_string(result_.grade), cx, cy, gfx.u(120) * grow + 1, grade_color(result_.grade), Align::center,
                 VAlign::middle, FontStyle::bold);
        gfx.text(std::to_string(result_.score), cx, left.y + gfx.u(300), gfx.u(48), palette::text, Align::center,
                 VAlign::middle, FontStyle::bold);
        gfx.text("of " + std::to_string(result_.max_score), cx, left.y + gfx.u(340), gfx.u(18), palette::text_dim,
                 Align::center, VAlign::middle);
        const std::string badge_words =
            outcome_ ? result_badge(outcome_->personal_best, outcome_->level_record, outcome_->previous_best.has_value()) : "";
        if (!badge_words.empty()) {
            const double pulse = 0.5 + 0.5 * std::sin(t_s_ * 5.0);
            const SDL_FRect badge = {left.x + gfx.u(30), left.y + gfx.u(380), left.w - gfx.u(60), gfx.u(56)};
            gfx.fill_round_rect(badge, gfx.u(12), mix(palette::action, palette::perfect, pulse));
            const float size = fit_size(gfx, badge_words, gfx.u(24), badge.w - gfx.u(20), FontStyle::bold);
            gfx.text(badge_words, badge.x + badge.w / 2, badge.y + badge.h / 2, size, palette::text_dark, Align::center,
                     VAlign::middle, FontStyle::bold);
        } else if (outcome_ && outcome_->previous_best) {
            gfx.text("your best: " + format_value("%.0f", *outcome_->previous_best), cx, left.y + gfx.u(408), gfx.u(18),
                     palette::text_dim, Align::center, VAlign::middle);
        } else if (!outcome_) {
            gfx.text(ctx_.db ? "not saved (guest)" : "not saved", cx, left.y + gfx.u(408), gfx.u(16), palette::text_dim,
                     Align::center, VAlign::middle);
        }

        // Middle: the numbers.
        layout.place(1, 0);
        const SDL_FRect mid = gfx.drect(450, 150, 420, 470);
        draw_panel(gfx, mid);
        float y = mid.y + gfx.u(22);
        auto row = [&](const std::string& label, const std::string& value, Color c = palette::text) {
            const float value_w = gfx.measure(value, gfx.u(19), FontStyle::bold).x;
            const RowLabel l = fit_row_label(gfx, label, gfx.u(19), value_w, mid.w - gfx.u(48), gfx.u(12));
            gfx.text(l.text, mid.x + gfx.u(24), y + (gfx.u(19) - l.size_px) / 2, l.size_px, palette::text_dim);
            gfx.text(value, mid.x + mid.w - gfx.u(24), y, gfx.u(19), c, Align::right, VAlign::top, FontStyle::bold);
            y += gfx.u(32);
        };
        row(reps_label(level_.type == core::LevelType::balance_tower),
            std::to_string(result_.reps) + " / " + std::to_string(result_.reps_target));
        row("Best combo", std::to_string(result_.max_combo));
        if (level_.has_beat()) {
            row("Off the beat, on average", format_value("%.0f ms", result_.mean_abs_error_ms));
            row("Rhythm: steps varied by", rhythm_text(),
                result_.interval_spread_measured ? palette::text : palette::text_dim);
        }
        if (steadiness_measured()) {
            row("Steadiness (100 = rock still)", steadiness_text(),
                result_.stability_score >= 75 ? palette::good : result_.stability_score >= 45 ? palette::perfect : palette::miss);
            row("Sway (less is steadier)", format_value("%.1f mm/s", result_.stability.mean_velocity_mm_s));
        } else {
            row("Steadiness (100 = rock still)", steadiness_text(), palette::text_dim);
            row("Sway (less is steadier)", "–", palette::text_dim);
        }
        if (result_.suggested_offset_ms) row("Try this input offset", format_value("%+.0f ms", *result_.suggested_offset_ms));
        // Judgement bars (a level without a beat has no judgements to show).
        y += gfx.u(8);
        const int total = std::max(1, result_.reps);
        const core::Judgement js[] = {core::Judgement::perfect, core::Judgement::great, core::Judgement::good,
                                      core::Judgement::miss};
        for (core::Judgement j : level_.has_beat() ? std::span<const core::Judgement>(js) : std::span<const core::Judgement>()) {
            const int n = result_.judgements[static_cast<std::size_t>(j)];
            gfx.text(judgement_word(j), mid.x + gfx.u(24), y, gfx.u(16), judgement_color(j), Align::left, VAlign::top,
                     FontStyle::bold);
            const SDL_FRect bar = {mid.x + gfx.u(130), y + gfx.u(3), mid.w - gfx.u(200), gfx.u(14)};
            gfx.fill_round_rect(bar, bar.h / 2, palette::panel_light);
            const float w = bar.w * static_cast<float>(n) / static_cast<float>(total) * grow;
            if (w > bar.h) gfx.fill_round_rect({bar.x, bar.y, w, bar.h}, bar.h / 2, judgement_color(j));
            gfx.text(std::to_string(n), mid.x + mid.w - gfx.u(24), y, gfx.u(16), palette::text, Align::right);
            y += gfx.u(26);
        }

        // Right: left/right balance and the menu.
        layout.place(0, 1);
        const SDL_FRect right = gfx.drect(900, 150, 320, 220);
        draw_panel(gfx, right);
        gfx.text("Left / right", right.x + gfx.u(20), right.y + gfx.u(16), gfx.u(20), palette::text, Align::left,
                 VAlign::top, FontStyle::bold);
        const core::Symmetry& s = result_.symmetry;
        float ry = right.y + gfx.u(56);
        if (level_.exercise == core::Exercise::balance_two_feet) {
            gfx.text("Two-foot holds: both legs", right.x + gfx.u(20), ry, gfx.u(16), palette::text_dim);
            gfx.text("share every hold.", right.x + gfx.u(20), ry + gfx.u(24), gfx.u(16), palette::text_dim);
            ry = right.y + right.h;
        }
        auto leg_text_row = [&](const char* label, const std::string& l, const std::string& r) {
            gfx.text(label, right.x + gfx.u(20), ry, gfx.u(16), palette::text_dim);
            gfx.text(l, right.x + gfx.u(200), ry, gfx.u(16), palette::left_leg, Align::right, VAlign::top, FontStyle::bold);
            gfx.text(r, right.x + gfx.u(290), ry, gfx.u(16), palette::right_leg, Align::right, VAlign::top, FontStyle::bold);
            ry += gfx.u(28);
        };
        auto leg_row = [&](const char* label, double l, double r, const char* f) {
            leg_text_row(label, format_value(f, l), format_value(f, r));
        };
        if (level_.exercise != core::Exercise::balance_two_feet) leg_row("reps", s.left.reps, s.right.reps, "%.0f");
        if (s.left.mean_peak_bw > 0 || s.right.mean_peak_bw > 0) leg_row("push (× weight)", s.left.mean_peak_bw, s.right.mean_peak_bw, "%.2f");
        if (level_.exercise != core::Exercise::balance_two_feet) {
            leg_text_row("steadiness", leg_steadiness(s.left), leg_steadiness(s.right));
        }
        if (s.left.mean_hold_s > 0 || s.right.mean_hold_s > 0) leg_row("hold, seconds", s.left.mean_hold_s, s.right.mean_hold_s, "%.1f");
        if (balance_) {
            // The weaker leg against the player's stronger one: 90 % and up is even.
            const bool left = balance_->weaker == store::Leg::left;
            const Color c = balance_->percent >= 90 ? palette::good : balance_->percent >= 75 ? palette::perfect : palette::miss;
            const LegBalanceWords w = leg_balance_words(*balance_);
            gfx.text(w.label, right.x + gfx.u(20), ry, gfx.u(16), left ? palette::left_leg : palette::right_leg);
            gfx.text(w.percent, right.x + gfx.u(290), ry, gfx.u(16), c, Align::right, VAlign::top, FontStyle::bold);
            // Inside the panel, on two lines where one does not fit (at 800x600 small print
            // ran to its edge).
            const float room = right.w - gfx.u(40), detail_px = small_print_px(gfx, 13);
            float dy = ry + gfx.u(21);
            for (const std::string& line : wrap_words(gfx, w.detail, detail_px, room)) {
                gfx.text(elide(gfx, line, detail_px, room), right.x + gfx.u(20), dy, detail_px, palette::text_dim);
                dy += std::max(gfx.u(17), detail_px * 1.25f);
            }
        }
        menu_.draw(gfx, 900, 400, 320, 3, t_s_);
        if (race_ && challenge_) draw_race(gfx, gfx.drect(900, 500, 320, 120));
        drawn_unit_ = gfx.unit();
        if (challenge_) {
            draw_hints(gfx, {"Enter / step: " + challenge_->next_label});
        } else {
            draw_hints(gfx, {"↑↓ choose", "Enter / step: select", "Esc level select"});
        }
    }

private:
    // Whether the player beat the challenge's ghost, and by how much.
    void draw_race(Gfx& gfx, const SDL_FRect& r) {
        const race::Words w = race::words(*race_, challenge_->ghost_name);
        gfx.fill_round_rect(r, gfx.u(14), race_->player_won ? palette::perfect : palette::rival);
        gfx.text(w.headline, r.x + r.w / 2, r.y + gfx.u(40), gfx.u(24), palette::text_dark, Align::center, VAlign::middle,
                 FontStyle::bold);
        gfx.text(w.margin, r.x + r.w / 2, r.y + gfx.u(84), gfx.u(20), palette::text_dark, Align::center, VAlign::middle);
    }

    AppContext& ctx_;
    core::Level level_;
    core::SessionResult result_;
    std::optional<store::FinishOutcome> outcome_;
    std::shared_ptr<const ChallengeLevelPlay> challenge_;  // a challenge turn (else null)
    std::optional<core::RaceResult> race_;
    std::optional<LegBalance> balance_;  // the weaker leg against the player's stronger one                 // against its ghost
    Menu menu_;
    double t_s_ = 0.0;
    float drawn_unit_ = 0.0f;
};

}  // namespace

std::unique_ptr<Scene> make_results_scene(AppContext& ctx, const core::Level& level, const core::SessionResult& result,
                                          const std::optional<store::FinishOutcome>& outcome,
                                          std::shared_ptr<const ChallengeLevelPlay> challenge,
                                          const std::optional<core::RaceResult>& race) {
    return std::make_unique<ResultsScene>(ctx, level, result, outcome, std::move(challenge), race);
}

}  // namespace highstep::app
