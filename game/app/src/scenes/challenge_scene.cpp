// One challenge: its rules and dates, the leaderboard (best counted run per level
// summed; ties to the steadier player, as store::leaderboard ranks them), and
// "Take a turn". After a turn the player's row is lit with their place, and
// "Next player" hands the board on (hot-seat). "Change or delete" (only for the
// household's own challenges) opens the challenge's form.
#include <algorithm>
#include <optional>
#include <utility>

#include "board_link.h"
#include "format_value.h"
#include "gfx.h"
#include "highstep/store/session_log.h"
#include "scenes/challenge_scenes.h"
#include "scenes/challenge_turn.h"
#include "scenes/scenes.h"
#include "widgets.h"

namespace highstep::app {

namespace {

constexpr int kRowsShown = 9;

class ChallengeScene final : public Scene {
public:
    ChallengeScene(AppContext& ctx, store::Challenge challenge) : ctx_(ctx), challenge_(std::move(challenge)) {
        find_levels();
        reload();
    }
    std::string_view id() const override { return "challenge"; }
    void on_resume() override {
        // Back from changing it: read it again; deleted, back to the list.
        if (ctx_.db && challenge_.id != 0) {
            try {
                const std::optional<store::Challenge> now = store::get_challenge(*ctx_.db, challenge_.id);
                if (!now) {
                    ctx_.scenes.pop();
                    return;
                }
                challenge_ = *now;
                find_levels();
            } catch (const std::exception& e) {
                ctx_.toast(std::string("Could not read the challenge: ") + e.what());
            }
        }
        reload();
    }
    void step(double dt_s) override { t_s_ += dt_s; }

    std::string probe(std::string_view key) const override {
        if (key == "rows") return std::to_string(rows_.size());
        if (key == "first" && !rows_.empty()) return rows_[0].player_name;
        if (key == "second" && rows_.size() > 1) return rows_[1].player_name;
        if (key == "place") return std::to_string(turn_place());
        if (key == "levels") return std::to_string(challenge_.level_ids.size());
        if (key == "can_change") return can_change() ? "1" : "0";
        return {};
    }

    bool on_action(Action a) override {
        const MenuInput in = menu_.handle(a, ctx_);
        if (in != MenuInput::chosen) return in == MenuInput::used;
        if (menu_.selected == 0) {  // (disabled when a level is missing)
            start_turn();
        } else if (menu_.selected == 1 && can_change()) {
            ctx_.scenes.push(make_edit_challenge_scene(ctx_, challenge_));
        } else {
            ctx_.scenes.pop();
        }
        return true;
    }

    void draw(Gfx& gfx, double) override {
        draw_backdrop(gfx, t_s_);
        std::string rules = challenge_.rules.mode == store::ChallengeMode::hot_seat ? "hot-seat" : "play any time";
        if (challenge_.rules.attempts_per_level > 0) {
            rules += " · first " + std::to_string(challenge_.rules.attempts_per_level) + " runs per level count";
        }
        draw_screen_title(gfx, challenge_.name, rules + " · " + challenge_dates_text(challenge_, today_));
        draw_leaderboard(gfx, gfx.drect(40, 140, 840, 500));
        const int rows = static_cast<int>(menu_.items.size());
        menu_.draw(gfx, 910, 150, 330, rows, t_s_);
        float y = 150 + menu_.row_h * static_cast<float>(rows) + 30;
        if (const int place = turn_place(); place > 0) {
            const SDL_FRect r = gfx.drect(910, y, 330, 120);
            gfx.fill_round_rect(r, gfx.u(14), palette::perfect);
            gfx.text(turn_->player_name, r.x + r.w / 2, r.y + gfx.u(34), gfx.u(26), palette::text_dark, Align::center,
                     VAlign::middle, FontStyle::bold);
            gfx.text("place " + std::to_string(place) + " of " + std::to_string(rows_.size()), r.x + r.w / 2,
                     r.y + gfx.u(82), gfx.u(30), palette::text_dark, Align::center, VAlign::middle, FontStyle::bold);
            y += 140;
        }
        auto note = [&](const std::string& s, Color c) {
            gfx.text(s, gfx.dx(1075), gfx.dy(y), gfx.u(16), c, Align::center, VAlign::top);
            y += 26;
        };
        if (!problem_.empty()) note(problem_, palette::warning);
        if (!store::challenge_open_on(challenge_, today_)) note("Not open today: turns are kept, not counted", palette::warning);
        for (std::size_t i = 0; i < challenge_.level_ids.size(); ++i) {
            const std::string& id = challenge_.level_ids[i];
            const auto it = std::find_if(levels_.begin(), levels_.end(), [&](const core::Level& l) { return l.id == id; });
            // format_value: see the column heads below (GCC 12's false -Wrestrict).
            note(format_value("L%.0f  ", static_cast<double>(i + 1)) + (it != levels_.end() ? it->title : id),
                 palette::text_dim);
        }
        draw_hints(gfx, {"↑↓ choose", "Enter select", "Esc back"});
        draw_board_badge(gfx, ctx_);
    }

private:
    void draw_leaderboard(Gfx& gfx, const SDL_FRect& r) {
        draw_panel(gfx, r);
        const float x_rank = r.x + gfx.u(20), x_name = r.x + gfx.u(70);
        const float x_total = r.x + r.w - gfx.u(140), x_sway = r.x + r.w - gfx.u(20);
        // One column per level between the name and the total.
        const std::size_t n_levels = challenge_.level_ids.size();
        const float col_w = std::min(gfx.u(110), (x_total - gfx.u(90) - (r.x + gfx.u(330))) / static_cast<float>(std::max<std::size_t>(1, n_levels)));
        auto level_x = [&](std::size_t i) { return r.x + gfx.u(330) + col_w * (static_cast<float>(i) + 1.0f); };
        float y = r.y + gfx.u(18);
        const float head = gfx.u(16);
        gfx.text("#", x_rank, y, head, palette::text_dim);
        gfx.text("Player", x_name, y, head, palette::text_dim);
        for (std::size_t i = 0; i < n_levels; ++i) {
            // Numbered: level ids are too long for narrow columns; the note names them.
            // format_value, not "L" + std::to_string(): GCC 12 at -O3 warns a false
            // -Wrestrict inside the inlined string insert (GCC bug 105651).
            gfx.text(format_value("L%.0f", static_cast<double>(i + 1)), level_x(i), y, head, palette::text_dim, Align::right);
        }
        gfx.text("Total", x_total, y, head, palette::text_dim, Align::right);
        gfx.text("sway mm/s", x_sway, y, head, palette::text_dim, Align::right);
        y += gfx.u(34);
        if (rows_.empty()) {
            gfx.text("Nobody has played yet: take the first turn!", r.x + r.w / 2, r.y + r.h / 2, gfx.u(22),
                     palette::text_dim, Align::center, VAlign::middle);
            return;
        }
        const int lit = lit_row();
        for (int i = 0; i < std::min<int>(kRowsShown, static_cast<int>(rows_.size())); ++i) {
            const store::LeaderboardRow& row = rows_[static_cast<std::size_t>(i)];
            const float h = gfx.u(48);
            if (i == lit) gfx.fill_round_rect({r.x + gfx.u(8), y - gfx.u(8), r.w - gfx.u(16), h - gfx.u(4)}, gfx.u(10), palette::panel_light);
            const Color c = i == lit ? palette::perfect : palette::text;
            gfx.text(std::to_string(row.rank), x_rank, y, gfx.u(22), row.rank == 1 ? palette::perfect : palette::text_dim,
                     Align::left, VAlign::top, FontStyle::bold);
            std::string name = row.player_name;
            if (row.household != household_) name += "  (" + row.household + ")";
            gfx.text(name, x_name, y, gfx.u(22), c, Align::left, VAlign::top, FontStyle::bold);
            for (std::size_t l = 0; l < row.level_best.size() && l < n_levels; ++l) {
                gfx.text(row.level_best[l] ? format_value("%.0f", *row.level_best[l]) : "–", level_x(l), y + gfx.u(3), gfx.u(18),
                         palette::text_dim, Align::right);
            }
            gfx.text(format_value("%.0f", row.total_score), x_total, y, gfx.u(22), c, Align::right, VAlign::top, FontStyle::bold);
            gfx.text(format_value("%.1f", row.mean_stability_mm_s), x_sway, y + gfx.u(3), gfx.u(18), palette::text_dim, Align::right);
            y += h;
        }
        if (rows_.size() > kRowsShown) {
            gfx.text("and " + std::to_string(rows_.size() - kRowsShown) + " more", r.x + r.w / 2, y, gfx.u(16),
                     palette::text_dim, Align::center);
        }
    }

    // The row of the player who just took a turn (-1: none).
    int lit_row() const {
        if (!turn_ || turn_->next_level == 0) return -1;
        for (std::size_t i = 0; i < rows_.size(); ++i) {
            if (rows_[i].player_name == turn_->player_name && rows_[i].household == household_) return static_cast<int>(i);
        }
        return -1;
    }
    int turn_place() const {
        const int i = lit_row();
        return i < 0 ? 0 : rows_[static_cast<std::size_t>(i)].rank;
    }

    void reload() {
        today_ = store::local_day(store::now_unix_s());
        rows_.clear();
        if (ctx_.db) {
            try {
                household_ = store::household_name(*ctx_.db);
                rows_ = store::leaderboard(*ctx_.db, challenge_.id);
            } catch (const std::exception& e) {
                ctx_.toast(std::string("Could not read the leaderboard: ") + e.what());
            }
        }
        const bool after_turn = turn_ && turn_->next_level > 0;
        menu_.items.clear();
        menu_.items.push_back({after_turn ? "Next player" : "Take a turn",
                               problem_.empty() ? "who plays, weigh-in, every level" : "a level is missing",
                               problem_.empty(), palette::action});
        if (can_change()) menu_.items.push_back({"Change or delete", "name, levels, days", true, palette::accent});
        menu_.items.push_back({"Back to challenges", "", true, palette::text_dim});
        menu_.selected = problem_.empty() ? 0 : static_cast<int>(menu_.items.size()) - 1;
    }

    // Only the household that made a challenge changes it (store::update_challenge):
    // copies imported elsewhere would no longer agree.
    bool can_change() const { return ctx_.db && !household_.empty() && challenge_.household == household_; }

    void find_levels() {
        levels_.clear();
        problem_.clear();
        for (const std::string& id : challenge_.level_ids) {
            const auto it = std::find_if(ctx_.levels.begin(), ctx_.levels.end(),
                                         [&](const core::Level& l) { return l.id == id; });
            if (it == ctx_.levels.end()) {
                problem_ = "Level '" + id + "' is not installed here: turns cannot be played";
            } else {
                levels_.push_back(*it);
            }
        }
    }

    void start_turn() {
        auto turn = std::make_shared<ChallengeTurn>();
        turn->challenge = challenge_;
        turn->levels = levels_;
        if (turn_) turn->board_tare_kg = turn_->board_tare_kg;
        if (!turn->board_tare_kg && ctx_.player) turn->board_tare_kg = ctx_.player->tare_kg;
        // "Next player": the list opens on the one after who just played.
        const bool hand_on = turn_ != nullptr;
        turn_ = turn;
        AppContext& ctx = ctx_;
        ctx_.scenes.push(make_player_scene(ctx_, [&ctx, turn] {
            // The board was zeroed earlier this run: the quick weigh-in keeps that.
            if (ctx.player && !ctx.player->tare_kg) ctx.player->tare_kg = turn->board_tare_kg;
            SceneFactory play_levels = [&ctx, turn] { return make_challenge_turn_scene(ctx, turn); };
            if (!turn->challenge.rules.weigh_in_each_turn) return play_levels();
            return make_weigh_in_scene(ctx, WeighInMode::quick, std::move(play_levels));
        }, hand_on));
    }

    AppContext& ctx_;
    store::Challenge challenge_;
    std::vector<core::Level> levels_;
    std::string problem_;
    std::vector<store::LeaderboardRow> rows_;
    std::string household_;
    std::string today_;
    std::shared_ptr<ChallengeTurn> turn_;  // the latest turn started from here
    Menu menu_;
    double t_s_ = 0.0;
};

}  // namespace

std::unique_ptr<Scene> make_challenge_scene(AppContext& ctx, const store::Challenge& challenge) {
    return std::make_unique<ChallengeScene>(ctx, challenge);
}

}  // namespace highstep::app
