// Level select: the three level types as tabs (←→ or lean sideways), the levels of
// the type as a list (↑↓ or lean forward/back), details and the player's best on
// the right. Enter, the board button or a step starts the level.
#include <algorithm>
#include <cstdio>

#include "board_link.h"
#include "format_value.h"
#include "gfx.h"
#include "highstep/store/scores.h"
#include "scenes/scenes.h"
#include "widgets.h"

namespace highstep::app {

namespace {

// The level's card ends above the "lean / step" badge in the window's corner (at 370
// its corner lay under the badge at 1280x720).
constexpr float kCardH = 325.0f;

constexpr core::LevelType kTypes[] = {core::LevelType::hill_climb, core::LevelType::sprint_start,
                                      core::LevelType::balance_tower};

const char* type_title(core::LevelType t) {
    switch (t) {
        case core::LevelType::hill_climb: return "Hill Climb";
        case core::LevelType::sprint_start: return "Sprint Start";
        case core::LevelType::balance_tower: return "Balance Tower";
    }
    return "";
}

const char* type_blurb(core::LevelType t) {
    switch (t) {
        case core::LevelType::hill_climb: return "Step-ups on the beat: every rep lifts the climber one ledge.";
        case core::LevelType::sprint_start: return "Knee-drive holds: charge while you hold, burst when the foot lands.";
        case core::LevelType::balance_tower: return "Prisoner-hold balance: your sway tilts the platform. Keep it still.";
    }
    return "";
}

Color type_color(core::LevelType t) {
    switch (t) {
        case core::LevelType::hill_climb: return palette::good;
        case core::LevelType::sprint_start: return palette::action;
        case core::LevelType::balance_tower: return palette::left_leg;
    }
    return palette::accent;
}

class LevelSelectScene final : public Scene {
public:
    explicit LevelSelectScene(AppContext& ctx) : ctx_(ctx) {
        // A foot lifted before this screen opened (the board check's last stage)
        // and put down here is not a step that chooses a level.
        ctx_.board.reset_nav();
        // Open on the first type that has levels.
        for (int i = 0; i < 3; ++i) {
            if (!levels_of(kTypes[i]).empty()) { tab_ = i; break; }
        }
        rebuild();
    }
    std::string_view id() const override { return "levels"; }
    void on_resume() override {
        ctx_.board.reset_nav();
        rebuild();
    }
    void step(double dt_s) override { t_s_ += dt_s; }

    std::string probe(std::string_view key) const override {
        if (key == "levels") return std::to_string(ctx_.levels.size());
        if (key == "tab") return std::to_string(tab_);
        if (key == "unit") return format_value("%.3f", drawn_unit_);
        if (key == "your_best") return best_ ? format_value("%.0f", *best_) : your_best_words();
        return {};
    }

    bool on_action(Action a) override {
        if (a == Action::confirm && shown_.empty()) return false;
        switch (menu_.handle(a, ctx_)) {
            case MenuInput::used: update_best(); return true;
            case MenuInput::chosen:
                ctx_.scenes.push(make_play_scene(ctx_, *shown_[static_cast<std::size_t>(menu_.selected)]));
                return true;
            case MenuInput::unused: break;
        }
        if (a == Action::left || a == Action::right) {
            tab_ = (tab_ + (a == Action::right ? 1 : 2)) % 3;
            menu_.selected = 0;
            ctx_.audio.play(Sound::menu_move);
            rebuild();
            return true;
        }
        return false;
    }

    void draw(Gfx& gfx, double) override {
        draw_backdrop(gfx, t_s_);
        // In a portrait window the list goes above the level's card, both larger; the
        // badge's corner is kept free under them.
        const float list_h = static_cast<float>(std::clamp(static_cast<int>(shown_.size()), 1, 5)) * menu_.row_h - 10;
        PortraitLayout layout(gfx, 232, 600, {{{90, 250, 480, list_h}}, {{610, 250, 580, kCardH}}}, 130);
        layout.head();
        draw_screen_title(gfx, "Choose a level", ctx_.player ? "Playing as " + ctx_.player->player.name : "");
        // Tabs: across the middle of the design, or the narrower heading's width.
        for (int i = 0; i < 3; ++i) {
            const SDL_FRect r = layout.active() ? gfx.drect(345 + i * 200.0f, 140, 190, 52)
                                                : gfx.drect(190 + i * 305.0f, 140, 290, 52);
            const bool on = i == tab_;
            gfx.fill_round_rect(r, gfx.u(12), on ? type_color(kTypes[i]) : palette::panel);
            const std::string title = type_title(kTypes[i]);
            gfx.text(title, r.x + r.w / 2, r.y + r.h / 2, fit_size(gfx, title, gfx.u(22), r.w - gfx.u(16), FontStyle::bold),
                     on ? palette::text_dark : palette::text_dim, Align::center, VAlign::middle, FontStyle::bold);
        }
        const std::string blurb = type_blurb(kTypes[tab_]);
        gfx.text(blurb, gfx.dx(640), gfx.dy(214), fit_size(gfx, blurb, gfx.u(18), gfx.width() - gfx.u(40)), palette::text,
                 Align::center, VAlign::middle);
        if (shown_.empty()) {
            gfx.text("No levels of this type were found.", gfx.dx(640), gfx.dy(360), gfx.u(22), palette::text_dim,
                     Align::center, VAlign::middle);
        } else {
            layout.place(0, 0);
            menu_.draw(gfx, 90, 250, 480, 5, t_s_);
            layout.place(1, 0);
            draw_details(gfx, *shown_[static_cast<std::size_t>(menu_.selected)]);
        }
        if (!ctx_.level_problems.empty()) {
            // Under the card, on up to two lines between the badge's corner and its mirror
            // (one line shrunk to 60 % ran under the badge and was hard to read).
            const SDL_FRect card = layout.slot(1, 0);
            const std::string line = std::to_string(ctx_.level_problems.size()) + " level file(s) could not be read: " +
                                     ctx_.level_problems.front();
            const float room = gfx.width() - 2 * gfx.u(160), size = gfx.u(14);
            std::vector<std::string> lines = wrap_words(gfx, line, size, room);
            if (lines.size() > 2) {
                std::string rest = lines[1];
                for (std::size_t i = 2; i < lines.size(); ++i) rest.append(" ").append(lines[i]);
                lines = {lines[0], rest};
            }
            for (std::size_t i = 0; i < lines.size(); ++i) {
                gfx.text(elide(gfx, lines[i], size, room), gfx.width() / 2, card.y + card.h + gfx.u(22 + 19 * static_cast<float>(i)),
                         size, palette::warning, Align::center, VAlign::middle);
            }
        }
        drawn_unit_ = gfx.unit();
        draw_hints(gfx, {"←→ type", "↑↓ level", "Enter / step: play", "Esc back"});
        draw_board_badge(gfx, ctx_);
    }

private:
    std::vector<const core::Level*> levels_of(core::LevelType t) const {
        std::vector<const core::Level*> out;
        for (const auto& l : ctx_.levels) {
            if (l.type == t) out.push_back(&l);
        }
        std::stable_sort(out.begin(), out.end(), [](auto* a, auto* b) { return a->difficulty < b->difficulty; });
        return out;
    }

    void rebuild() {
        shown_ = levels_of(kTypes[tab_]);
        const int keep = menu_.selected;
        menu_.items.clear();
        for (const core::Level* l : shown_) {
            std::string detail = "difficulty " + std::to_string(l->difficulty);
            menu_.items.push_back({l->title, detail, true, type_color(l->type)});
        }
        menu_.selected = std::clamp(keep, 0, std::max(0, static_cast<int>(shown_.size()) - 1));
        update_best();
    }

    void update_best() {
        best_.reset();
        record_.reset();
        ended_early_ = 0;
        if (!ctx_.db || shown_.empty() || !menu_.valid()) return;
        const core::Level& l = *shown_[static_cast<std::size_t>(menu_.selected)];
        try {
            if (ctx_.player && ctx_.player->player.id) {
                best_ = store::personal_best(*ctx_.db, ctx_.player->player.id, l.id);
                ended_early_ = store::sessions_ended_early(*ctx_.db, ctx_.player->player.id, l.id);
            }
            const auto top = store::top_scores(*ctx_.db, l.id, std::nullopt, 1);
            if (!top.empty()) record_ = top.front();
        } catch (const std::exception&) {
            // A broken database only hides the scores; the level still plays.
        }
    }

    void draw_details(Gfx& gfx, const core::Level& l) {
        const SDL_FRect r = gfx.drect(610, 250, 580, kCardH);
        draw_panel(gfx, r);
        float y = r.y + gfx.u(20);
        gfx.text(l.title, r.x + gfx.u(24), y, gfx.u(30), palette::text, Align::left, VAlign::top, FontStyle::bold);
        // Difficulty as filled pips.
        for (int i = 0; i < 10; ++i) {
            gfx.fill_circle(r.x + r.w - gfx.u(30) - (9 - i) * gfx.u(16), y + gfx.u(18), gfx.u(5),
                            i < l.difficulty ? type_color(l.type) : palette::panel_light);
        }
        y += gfx.u(48);
        if (!l.description.empty()) {
            // Wrap the description at the panel width.
            std::string line, word;
            const float max_w = r.w - gfx.u(48);
            auto flush = [&] {
                gfx.text(line, r.x + gfx.u(24), y, gfx.u(17), palette::text_dim);
                y += gfx.u(24);
                line.clear();
            };
            for (std::size_t i = 0; i <= l.description.size(); ++i) {
                const char c = i < l.description.size() ? l.description[i] : ' ';
                if (c == ' ') {
                    const std::string candidate = line.empty() ? word : line + " " + word;
                    if (gfx.measure(candidate, gfx.u(17)).x > max_w && !line.empty()) {
                        flush();
                        line = word;
                    } else {
                        line = candidate;
                    }
                    word.clear();
                } else {
                    word += c;
                }
            }
            if (!line.empty()) flush();
            y += gfx.u(8);
        }
        const core::Program& p = l.program;
        char buf[128];
        auto row = [&](const char* label, const std::string& value) {
            gfx.text(label, r.x + gfx.u(24), y, gfx.u(18), palette::text_dim);
            gfx.text(value, r.x + gfx.u(220), y, gfx.u(18), palette::text, Align::left, VAlign::top, FontStyle::bold);
            y += gfx.u(28);
        };
        const bool two_feet = l.exercise == core::Exercise::balance_two_feet;
        std::snprintf(buf, sizeof buf, "%d × %d %s", p.sets, p.reps_per_leg, two_feet ? "holds" : "per leg");
        row("Program", buf);
        std::snprintf(buf, sizeof buf, "%.0f s between sets", p.rest_s);
        row("Rest", buf);
        if (p.tempo_bpm > 0) { std::snprintf(buf, sizeof buf, "%.0f beats per minute", p.tempo_bpm); row("Tempo", buf); }
        if (p.hold_target_s > 0) row("Hold target", format_seconds(p.hold_target_s));
        y += gfx.u(6);
        if (best_) { std::snprintf(buf, sizeof buf, "%.0f", *best_); row("Your best", buf); }
        if (record_) {
            std::snprintf(buf, sizeof buf, "%.0f by %s", record_->score, record_->player_name.c_str());
            row("Record", buf);
        }
        if (!best_ && ctx_.db && (ended_early_ > 0 || !record_)) row("Your best", your_best_words());
    }

    AppContext& ctx_;
    int tab_ = 0;
    Menu menu_;
    std::vector<const core::Level*> shown_;
    // Without a finished run: a level left from the pause menu was played, not "not
    // played yet" (its reps are kept), but has no score.
    std::string your_best_words() const {
        if (ended_early_ == 0) return "not played yet";
        return std::to_string(ended_early_).append(" ended early, none finished");
    }

    std::optional<double> best_;
    int ended_early_ = 0;  // the player's sessions on the shown level that ended early
    std::optional<store::ScoreEntry> record_;
    double t_s_ = 0.0;
    float drawn_unit_ = 0.0f;  // pixels per design unit in the last frame (probe "unit")
};

}  // namespace

std::unique_ptr<Scene> make_level_select_scene(AppContext& ctx) { return std::make_unique<LevelSelectScene>(ctx); }

}  // namespace highstep::app
