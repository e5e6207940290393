// Progress: how the current player is getting on. Five charts over their
// finished sessions (score, sway speed, tempo accuracy, reps, left/right
// symmetry), for all levels or one, and a calendar of the days they trained.
#include <algorithm>
#include <set>

#include "calendar_view.h"
#include "format_value.h"
#include "gfx.h"
#include "highstep/store/progress.h"
#include "highstep/store/session_log.h"
#include "line_chart.h"
#include "progress_words.h"
#include "scenes/scenes.h"
#include "scenes/store_scenes.h"
#include "widgets.h"

namespace highstep::app {
namespace {

class ProgressScene final : public Scene {
public:
    explicit ProgressScene(AppContext& ctx) : ctx_(ctx), today_(store::local_day(store::now_unix_s())) {
        month_ = month_of(today_);
        load();
    }
    std::string_view id() const override { return "progress"; }
    void step(double dt_s) override { t_s_ += dt_s; }
    void on_resume() override { load(); }

    std::string probe(std::string_view key) const override {
        if (key == "sessions") return std::to_string(points_.size());
        if (key == "days") return std::to_string(days_.size());
        if (key == "level") return level_filter_ < 0 ? "all" : levels_[static_cast<std::size_t>(level_filter_)];
        if (key == "month") return month_.first_day().substr(0, 7);
        if (key == "charts_line") return charts_line();
        if (key == "empty_charts_line") return points_.empty() ? empty_charts_line() : std::string();
        if (key == "unit") return format_value("%.3f", drawn_unit_);  // pixels per design unit, last frame
        if (key == "left_right") return chart_probe(charts_[4]);
        if (key == "month_lines") {
            std::string all;
            for (const auto& l : month_lines()) all.append(all.empty() ? "" : " | ").append(l);
            return all;
        }
        return {};
    }

    bool on_action(Action a) override {
        switch (a) {
            case Action::confirm:
                if (!ctx_.player && ctx_.db) {
                    // No player yet: choose one, then come back here.
                    AppContext& ctx = ctx_;
                    ctx_.scenes.replace(make_player_scene(ctx_, [&ctx] { return make_progress_scene(ctx); }));
                    return true;
                }
                ctx_.scenes.pop();
                return true;
            case Action::back:
                ctx_.scenes.pop();
                return true;
            case Action::left:
                month_ = month_.previous();
                load_days();
                return true;
            case Action::right:
                // Not past this month: the future holds no training days yet.
                if (month_.first_day() >= month_of(today_).first_day()) return true;
                month_ = month_.next();
                load_days();
                return true;
            case Action::up:
            case Action::down: {
                // Cycles: all levels, then each level played.
                const int n = static_cast<int>(levels_.size());
                level_filter_ += a == Action::down ? 1 : -1;
                if (level_filter_ >= n) level_filter_ = -1;
                if (level_filter_ < -1) level_filter_ = n - 1;
                load_points();
                return true;
            }
            default:
                return false;
        }
    }

    void draw(Gfx& gfx, double) override {
        draw_backdrop(gfx, t_s_);
        if (!ctx_.player || !ctx_.db) {
            draw_screen_title(gfx, "Progress", "Choose a player first: progress is kept per player");
            if (ctx_.db) draw_choose_player_button(gfx);
            draw_hints(gfx, ctx_.db ? std::vector<std::string>{"Enter: choose a player", "Esc back"}
                                    : std::vector<std::string>{"Esc back"});
            return;
        }
        // In a portrait window the calendar goes under the charts, which are narrower
        // there, and both are larger.
        const float charts_w = gfx.height() > gfx.width() ? 640 : 820;
        PortraitLayout layout(gfx, 140, 600, {{{40, 145, charts_w, 490}}, {{890, 145, 350, 490}}});
        layout.head();
        draw_screen_title(gfx, ctx_.player->player.name + "'s progress", charts_line());

        layout.place(0, 0);
        const SDL_FRect charts = gfx.drect(40, 145, layout.active() ? charts_w : 820, 490);
        draw_panel(gfx, charts);
        const float row_h = (charts.h - gfx.u(24)) / static_cast<float>(charts_.size());
        for (std::size_t i = 0; i < charts_.size(); ++i) {
            const SDL_FRect row = {charts.x + gfx.u(20), charts.y + gfx.u(12) + row_h * static_cast<float>(i),
                                   charts.w - gfx.u(30), row_h - gfx.u(8)};
            draw_line_chart(gfx, row, charts_[i]);
        }
        if (points_.empty()) {
            gfx.text(empty_charts_line(), charts.x + charts.w / 2, charts.y + charts.h + gfx.u(22),
                     gfx.u(16), palette::text_dim, Align::center, VAlign::middle);
        }

        layout.place(1, 0);
        const SDL_FRect cal = gfx.drect(890, 145, 350, 490);
        draw_panel(gfx, cal);
        // The calendar at the height its cells need (a seventh of the width), the month's
        // counts under it.
        draw_calendar(gfx, {cal.x + gfx.u(16), cal.y + gfx.u(16), cal.w - gfx.u(32), gfx.u(330)}, month_, days_, today_);
        float y = cal.y + gfx.u(360);
        const auto lines = month_lines();
        for (std::size_t i = 0; i < lines.size(); ++i, y += gfx.u(24)) {
            const Color c = i == 0 ? palette::text : i + 1 == lines.size() ? palette::good : palette::text_dim;
            gfx.text(lines[i], cal.x + gfx.u(24), y, gfx.u(16), c);
        }
        drawn_unit_ = gfx.unit();
        draw_hints(gfx, {"↑↓ level", "←→ month", "Esc back"});
    }

private:
    // A chart's points ("80 | 95"), or its empty text when it has none.
    static std::string chart_probe(const LineChart& c) {
        if (c.values.empty()) return c.empty_text;
        std::string all;
        for (double v : c.values) all.append(all.empty() ? "" : " | ").append(format_value(c.unit_format.c_str(), v));
        return all;
    }

    void load() {
        levels_.clear();
        if (ctx_.db && ctx_.player) {
            try {
                std::set<std::string> ids;
                for (const auto& p : store::progress(*ctx_.db, ctx_.player->player.id)) ids.insert(p.level_id);
                levels_.assign(ids.begin(), ids.end());
            } catch (const std::exception& e) {
                ctx_.toast(e.what());
            }
        }
        // Scores of different levels do not compare: start on the level played last.
        level_filter_ = -1;
        if (ctx_.db && ctx_.player) {
            try {
                const auto all = store::progress(*ctx_.db, ctx_.player->player.id);
                if (!all.empty()) {
                    const auto it = std::find(levels_.begin(), levels_.end(), all.back().level_id);
                    level_filter_ = static_cast<int>(it - levels_.begin());
                }
            } catch (const std::exception& e) {
                ctx_.toast(e.what());
            }
        }
        load_points();
        load_days();
    }

    void load_points() {
        points_.clear();
        if (ctx_.db && ctx_.player) {
            try {
                std::optional<std::string_view> level;
                if (level_filter_ >= 0) level = levels_[static_cast<std::size_t>(level_filter_)];
                points_ = store::progress(*ctx_.db, ctx_.player->player.id, level);
            } catch (const std::exception& e) {
                ctx_.toast(e.what());
            }
        }
        charts_ = {{"Score", "%.0f", {}, false, palette::perfect},
                   {"Sway speed", "%.1f mm/s", {}, true, palette::accent},
                   {"Timing", "%.0f %%", {}, false, palette::action},
                   {"Reps and holds", "%.0f", {}, false, palette::left_leg},
                   {"Left/right", "%.0f %%", {}, false, palette::good}};
        // Scores of different levels do not compare (17191 on one, 2573 on another
        // is no collapse): the score line is drawn for one level at a time.
        if (level_filter_ < 0) charts_[0].empty_text = "scores differ by level: ↑↓ picks one";
        bool any_beat = points_.empty();
        for (const auto& p : points_) any_beat = any_beat || p.has_tempo;
        if (!any_beat) charts_[2].empty_text = "no beat in this level: nothing to time";
        // Left/right only where both legs were measured: a two-foot hold has no left or
        // right leg (the chart said 100 % for them).
        std::vector<LeftRightPoint> left_right;
        for (const auto& p : points_) {
            if (level_filter_ >= 0) charts_[0].values.push_back(p.score);
            if (p.stability_mean_velocity_mm_s > 0) charts_[1].values.push_back(p.stability_mean_velocity_mm_s);
            if (p.has_tempo) charts_[2].values.push_back(p.tempo_accuracy * 100.0);  // balance levels have no beat
            charts_[3].values.push_back(p.reps);
            left_right.push_back(left_right_point(p, find_level(p.level_id)));
            if (left_right.back().comparison == LegComparison::measured) charts_[4].values.push_back(left_right.back().pct);
        }
        charts_[4].empty_text = left_right_empty_text(left_right);
    }

    void load_days() {
        days_.clear();
        if (!ctx_.db || !ctx_.player) return;
        try {
            days_ = store::training_days(*ctx_.db, ctx_.player->player.id, month_.first_day(), month_.last_day());
            // The week (Monday to today) may reach into last month.
            week_days_ = store::training_days(*ctx_.db, ctx_.player->player.id, store::day_after(today_, -6), today_);
        } catch (const std::exception& e) {
            ctx_.toast(e.what());
        }
    }

    const core::Level* find_level(const std::string& id) const {
        for (const core::Level& l : ctx_.levels) {
            if (l.id == id) return &l;
        }
        return nullptr;
    }
    std::string level_name(const std::string& id) const {
        const core::Level* l = find_level(id);
        return l ? l->title : std::string{"level "}.append(id);
    }

    std::string charts_line() const {
        return progress_charts_line(points_.size(), level_filter_ < 0 ? std::string("All levels")
                                                                      : level_name(levels_[static_cast<std::size_t>(level_filter_)]));
    }
    // Under empty charts: what fills them. A session ended early draws no point, so a
    // player with only those is asked to finish one ("Play a level" read as if those
    // had not counted at all).
    std::string empty_charts_line() const {
        int sessions = 0;
        for (const auto& d : days_) sessions += d.sessions;
        return sessions > 0 ? "Finish a level to start your charts: a session ended early draws no point"
                            : "Play a level to start your charts";
    }
    std::vector<std::string> month_lines() const {
        return progress_month_lines(days_, static_cast<int>(week_days_.size()));
    }

    AppContext& ctx_;
    std::string today_;
    Month month_;
    int level_filter_ = -1;  // -1: all levels
    std::vector<std::string> levels_;
    std::vector<store::ProgressPoint> points_;
    std::vector<LineChart> charts_;
    std::vector<store::TrainingDay> days_;
    std::vector<store::TrainingDay> week_days_;
    double t_s_ = 0.0;
    float drawn_unit_ = 0.0f;
};

}  // namespace

std::unique_ptr<Scene> make_progress_scene(AppContext& ctx) { return std::make_unique<ProgressScene>(ctx); }

}  // namespace highstep::app
