// Today's plan: what the training program asks of the current player today
// (balance warm-up, then step-ups or high-box step-ups with knee drive), why
// (moved up, stayed, moved down), and where they are on the ladder. Choosing an
// item plays its level with the plan's sets, reps and rest.
#include <cstdio>

#include "gfx.h"
#include "highstep/store/progress.h"
#include "highstep/store/session_log.h"
#include "highstep/store/session_recorder.h"
#include "scenes/scenes.h"
#include "scenes/store_scenes.h"
#include "widgets.h"

namespace highstep::app {
namespace {

std::string item_title(const store::PlanItem& item) {
    if (item.kind == "warmup") return "Balance warm-up";
    if (item.kind == "knee_drive") return "High-box step-ups with knee drive";
    return "Step-ups";
}

// The level by its name (not its file id), and the volume.
std::string item_detail(const store::PlanItem& item, const std::vector<core::Level>& levels) {
    std::string name = item.level_id;
    for (const core::Level& l : levels) {
        if (l.id == item.level_id) name = l.title;
    }
    char buf[160];
    if (item.kind == "warmup") {
        std::snprintf(buf, sizeof buf, "%s · hold %.0f s", name.c_str(), item.hold_s);
    } else {
        std::snprintf(buf, sizeof buf, "%s · %d sets × %d reps per leg · rest %.0f s", name.c_str(), item.sets,
                      item.reps_per_leg, item.rest_s);
    }
    return buf;
}

class PlanScene final : public Scene {
public:
    explicit PlanScene(AppContext& ctx) : ctx_(ctx) { load(); }
    std::string_view id() const override { return "plan"; }
    void step(double dt_s) override { t_s_ += dt_s; }
    void on_resume() override { load(); }

    std::string probe(std::string_view key) const override {
        if (key == "rung") return std::to_string(plan_.rung);
        if (key == "items") return std::to_string(plan_.items.size());
        if (key == "knee_drive_day") return plan_.knee_drive_day ? "1" : "0";
        return {};
    }

    bool on_action(Action a) override {
        if (a == Action::confirm && !loaded_) {
            // No player yet: not a dead end, choose one and come back here.
            if (!ctx_.player || ctx_.player->player.id == 0) {
                AppContext& ctx = ctx_;
                ctx_.scenes.replace(make_player_scene(ctx_, [&ctx] { return make_plan_scene(ctx); }));
                return true;
            }
            return false;
        }
        const MenuInput in = menu_.handle(a, ctx_);
        if (in != MenuInput::chosen) return in == MenuInput::used;
        const store::PlanItem& item = plan_.items[static_cast<std::size_t>(menu_.selected)];
        for (const core::Level& level : ctx_.levels) {
            if (level.id == item.level_id) {
                ctx_.scenes.push(make_play_scene(ctx_, store::apply_plan_item(level, item)));
                return true;
            }
        }
        ctx_.toast("Level " + item.level_id + " is missing from the levels folder");
        return true;
    }

    void draw(Gfx& gfx, double) override {
        draw_backdrop(gfx, t_s_);
        if (!loaded_) {
            draw_screen_title(gfx, "Today's plan", problem_);
            if (!ctx_.player || ctx_.player->player.id == 0) {
                draw_choose_player_button(gfx);
                draw_hints(gfx, {"Enter: choose a player", "Esc back"});
            } else {
                draw_hints(gfx, {"Esc back"});
            }
            return;
        }
        // In a portrait window the ladder goes under the plan's column, both larger.
        PortraitLayout layout(gfx, 140, 600, {{{60, 145, 760, 440}}, {{860, 145, 360, 420}}}, 130);
        layout.head();
        draw_screen_title(gfx, ctx_.player->player.name + "'s plan for today",
                          plan_.knee_drive_day ? "A knee-drive day: high box, drive the knee, hold it"
                                               : "Warm up, then the step-ups");
        // Why: the verdict of the last session.
        layout.place(0, 0);
        const SDL_FRect why = gfx.drect(60, 145, 760, 80);
        draw_panel(gfx, why);
        const Color verdict_color = plan_.last_verdict == store::Verdict::up     ? palette::good
                                    : plan_.last_verdict == store::Verdict::down ? palette::miss
                                                                                 : palette::accent;
        gfx.fill_round_rect({why.x, why.y, gfx.u(8), why.h}, gfx.u(4), verdict_color);
        // The reason, wrapped inside its panel (its first sentence alone ran out of it and
        // was cut with "…"); a knee-drive day's second sentence dimmer under it. Three
        // lines fit; past that the type gets smaller.
        const float room = why.w - gfx.u(46);
        const auto cut = plan_.reason.find(". ");
        const std::string first = cut == std::string::npos ? plan_.reason : plan_.reason.substr(0, cut + 1);
        const std::string second = cut == std::string::npos ? std::string() : plan_.reason.substr(cut + 2);
        float size = gfx.u(19);
        std::vector<std::string> lines, dim;
        for (; size > gfx.u(12); size -= gfx.u(1)) {
            lines = wrap_words(gfx, first, size, room);
            dim = second.empty() ? std::vector<std::string>{} : wrap_words(gfx, second, size, room);
            if (lines.size() + dim.size() <= (size > gfx.u(17.5f) ? 2u : 3u)) break;
        }
        const float line_h = size * 1.3f;
        float y = why.y + why.h / 2 - line_h * static_cast<float>(lines.size() + dim.size()) / 2 + line_h / 2;
        for (std::size_t i = 0; i < lines.size() + dim.size(); ++i, y += line_h) {
            const bool is_dim = i >= lines.size();
            const std::string& line = is_dim ? dim[i - lines.size()] : lines[i];
            gfx.text(elide(gfx, line, size, room), why.x + gfx.u(26), y, size, is_dim ? palette::text_dim : palette::text,
                     Align::left, VAlign::middle);
        }

        menu_.draw(gfx, 60, 250, 760, 4, t_s_);
        // How to do the chosen item, under the list.
        if (menu_.valid()) {
            const SDL_FRect how = gfx.drect(60, 450, 760, 90);
            draw_panel(gfx, how, palette::panel_light);
            gfx.text("How", how.x + gfx.u(20), how.y + gfx.u(14), small_print_px(gfx, 15), palette::text_dim, Align::left,
                     VAlign::top, FontStyle::bold);
            gfx.text(plan_.items[static_cast<std::size_t>(menu_.selected)].note, how.x + gfx.u(20), how.y + gfx.u(44),
                     gfx.u(18), palette::text);
        }
        gfx.text("Rest 1–2 minutes between sets. Stop if anything hurts.", gfx.dx(60), gfx.dy(570), small_print_px(gfx, 15),
                 palette::text_dim);

        // The ladder: one bar per rung, the player's rung lit.
        layout.place(1, 0);
        const SDL_FRect ladder = gfx.drect(860, 145, 360, 420);
        draw_panel(gfx, ladder);
        gfx.text("Step-up ladder", ladder.x + gfx.u(20), ladder.y + gfx.u(16), gfx.u(20), palette::text, Align::left,
                 VAlign::top, FontStyle::bold);
        const auto& rungs = store::program_ladder();
        const float row = gfx.u(34);
        for (std::size_t i = 0; i < rungs.size(); ++i) {
            const float y = ladder.y + ladder.h - gfx.u(24) - row * static_cast<float>(i + 1);
            const bool here = static_cast<int>(i) == plan_.rung;
            const bool done = static_cast<int>(i) < plan_.rung;
            const SDL_FRect bar = {ladder.x + gfx.u(20), y, ladder.w - gfx.u(40), row - gfx.u(8)};
            gfx.fill_round_rect(bar, gfx.u(6),
                                here ? palette::action : done ? palette::good.with_alpha(150) : palette::panel_light);
            char label[64];
            std::snprintf(label, sizeof label, "%d × %d per leg", rungs[i].sets, rungs[i].reps_per_leg);
            gfx.text(label, bar.x + gfx.u(12), bar.y + bar.h / 2, small_print_px(gfx, 15), here ? palette::text_dark : palette::text,
                     Align::left, VAlign::middle, here ? FontStyle::bold : FontStyle::regular);
            char rest[32];
            std::snprintf(rest, sizeof rest, "rest %.0f s", rungs[i].rest_s);
            gfx.text(rest, bar.x + bar.w - gfx.u(12), bar.y + bar.h / 2, small_print_px(gfx, 13),
                     here ? palette::text_dark : palette::text_dim, Align::right, VAlign::middle);
        }
        draw_hints(gfx, {"↑↓ choose", "Enter / step: start", "Esc back"});
        draw_board_badge(gfx, ctx_);
    }

private:
    void load() {
        loaded_ = false;
        menu_.items.clear();
        if (!ctx_.player || ctx_.player->player.id == 0) {
            problem_ = "Choose a player first: the plan follows each player's own history";
            return;
        }
        if (!ctx_.db) {
            problem_ = "The database could not be opened, so there is no history to plan from";
            return;
        }
        try {
            plan_ = store::plan_day(store::plan_history(*ctx_.db, ctx_.player->player.id),
                                    store::local_day(store::now_unix_s()));
        } catch (const std::exception& e) {
            problem_ = e.what();
            return;
        }
        for (const store::PlanItem& item : plan_.items) {
            menu_.items.push_back({item_title(item), item_detail(item, ctx_.levels), true,
                                   item.kind == "warmup" ? palette::accent : palette::action});
        }
        loaded_ = true;
    }

    AppContext& ctx_;
    store::DayPlan plan_;
    bool loaded_ = false;
    std::string problem_;
    Menu menu_;
    double t_s_ = 0.0;
};

}  // namespace

std::unique_ptr<Scene> make_plan_scene(AppContext& ctx) { return std::make_unique<PlanScene>(ctx); }

}  // namespace highstep::app
