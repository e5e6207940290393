// Choose who is playing, or create a new player. Players live in the database; with
// no database a guest can still play (nothing is saved, and the screen says so).
#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "board_link.h"
#include "gfx.h"
#include "highstep/store/players.h"
#include "scenes/scenes.h"
#include "widgets.h"

namespace highstep::app {

namespace {

std::size_t utf8_chars(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

PlayerProfile profile_for(AppContext& ctx, const store::Player& p) {
    PlayerProfile profile;
    profile.player = p;
    profile.body_weight_kg = p.body_weight_kg.value_or(0.0);
    if (ctx.db && p.id != 0) {
        // The last weigh-in's foot positions, so a quick re-check can keep them.
        const auto history = store::weigh_ins(*ctx.db, p.id);
        if (!history.empty()) {
            profile.left_foot_x_mm = history.back().left_foot_x_mm;
            profile.right_foot_x_mm = history.back().right_foot_x_mm;
        }
    }
    return profile;
}

// The player at the board from now on; the board's menus and weigh-in follow
// the way this player has the board placed.
// Remembered in the database, so the next start opens on this player.
void choose(AppContext& ctx, PlayerProfile profile) {
    ctx.board.set_rotated_180(profile.player.board_rotated_180);
    if (ctx.db && profile.player.id != 0) {
        try {
            store::set_last_player(*ctx.db, profile.player.id);
        } catch (const std::exception&) {
            // Not remembering who played is no reason to stop them playing.
        }
    }
    ctx.player = std::move(profile);
}

// After a player is chosen or created: the flow's next scene (a challenge turn),
// else the full board check on the way to level select.
std::unique_ptr<Scene> after_choosing(AppContext& ctx, const SceneFactory& after_choice) {
    return after_choice ? after_choice() : make_weigh_in_scene(ctx);
}

class PlayerScene final : public Scene {
public:
    PlayerScene(AppContext& ctx, SceneFactory after_choice, bool hand_on)
        : ctx_(ctx), after_choice_(std::move(after_choice)) {
        reload(hand_on);
    }
    std::string_view id() const override { return "players"; }
    void on_resume() override { reload(); }
    void step(double dt_s) override { t_s_ += dt_s; }

    std::string probe(std::string_view key) const override {
        if (key == "players") return std::to_string(players_.size());
        if (key == "selected") return std::to_string(menu_.selected);
        return {};
    }

    bool on_action(Action a) override {
        const auto i = static_cast<std::size_t>(menu_.selected);
        // → (d-pad right, lean right) opens the selected player's settings.
        if (a == Action::right && menu_.valid() && i < players_.size()) {
            ctx_.audio.play(Sound::menu_confirm);
            ctx_.scenes.push(make_player_settings_scene(ctx_, players_[i]));
            return true;
        }
        const MenuInput in = menu_.handle(a, ctx_);
        if (in != MenuInput::chosen) return in == MenuInput::used;
        if (i < players_.size()) {
            choose(ctx_, profile_for(ctx_, players_[i]));
            ctx_.scenes.replace(after_choosing(ctx_, after_choice_));
        } else if (ctx_.db) {
            ctx_.scenes.push(make_new_player_scene(ctx_, after_choice_));
        } else {
            PlayerProfile guest;
            guest.player.name = "Guest";
            choose(ctx_, guest);
            ctx_.scenes.replace(after_choosing(ctx_, after_choice_));
        }
        return true;
    }

    void draw(Gfx& gfx, double) override {
        draw_backdrop(gfx, t_s_);
        gfx.fit_design_width(560);  // the list, larger in a narrow window
        draw_screen_title(gfx, "Who is playing?", ctx_.db ? "Choose your name, or add a new player"
                                                         : "The database could not be opened: play as a guest");
        menu_.draw(gfx, 390, 170, 500, 6, t_s_);
        if (!ctx_.db && !ctx_.db_problem.empty()) {
            gfx.text(ctx_.db_problem, gfx.dx(640), gfx.dy(640), gfx.u(15), palette::warning, Align::center,
                     VAlign::middle);
        }
        draw_hints(gfx, players_.empty() ? std::vector<std::string>{"↑↓ choose", "Enter select", "Esc back"}
                                         : std::vector<std::string>{"↑↓ choose", "Enter play", "→ settings", "Esc back"});
        draw_board_badge(gfx, ctx_);
    }

private:
    void reload(bool hand_on = false) {
        // Keep the selection on the same player (e.g. back from their settings).
        std::optional<std::int64_t> keep_id;
        if (menu_.valid() && static_cast<std::size_t>(menu_.selected) < players_.size()) {
            keep_id = players_[static_cast<std::size_t>(menu_.selected)].id;
        } else if (ctx_.player) {
            keep_id = ctx_.player->player.id;
        }
        players_.clear();
        if (ctx_.db) {
            try {
                players_ = store::list_players(*ctx_.db);
            } catch (const std::exception& e) {
                ctx_.toast(e.what());
            }
        }
        menu_.items.clear();
        for (const auto& p : players_) {
            std::string detail = std::string(p.dominant_leg == store::Leg::left ? "left" : "right") + "-footed";
            if (p.body_weight_kg) detail += " · last weigh-in " + std::to_string(static_cast<int>(*p.body_weight_kg + 0.5)) + " kg";
            if (p.input_offset_ms != 0.0) {
                const long ms = std::lround(p.input_offset_ms);
                detail += " · offset " + std::string(ms > 0 ? "+" : "") + std::to_string(ms) + " ms";
            }
            if (p.board_rotated_180) detail += " · board turned";
            menu_.items.push_back({p.name, detail, true,
                                   p.dominant_leg == store::Leg::left ? palette::left_leg : palette::right_leg,
                                   "Settings ▶"});
        }
        menu_.items.push_back(ctx_.db ? MenuItem{"+ New player", "type a name", true, palette::good}
                                      : MenuItem{"Play as guest", "nothing will be saved", true, palette::text_dim});
        menu_.selected = 0;
        for (std::size_t i = 0; i < players_.size(); ++i) {
            if (keep_id && players_[i].id == *keep_id) {
                menu_.selected = static_cast<int>(hand_on ? (i + 1) % players_.size() : i);
            }
        }
    }

    AppContext& ctx_;
    SceneFactory after_choice_;
    Menu menu_;
    std::vector<store::Player> players_;
    double t_s_ = 0.0;
};

class NewPlayerScene final : public Scene {
public:
    NewPlayerScene(AppContext& ctx, SceneFactory after_choice) : ctx_(ctx), after_choice_(std::move(after_choice)) {}
    std::string_view id() const override { return "new_player"; }
    bool wants_text() const override { return field_ == 0; }
    void step(double dt_s) override { t_s_ += dt_s; }

    bool on_text(std::string_view utf8) override {
        // Up to the store's limit in characters (not bytes); past it, say so.
        if (utf8_chars(name_) + utf8_chars(utf8) <= store::kMaxPlayerNameChars) {
            name_ += utf8;
            problem_.clear();
        } else {
            problem_ = "A name has " + std::to_string(store::kMaxPlayerNameChars) + " characters at most";
        }
        return true;
    }

    bool on_action(Action a) override {
        switch (a) {
            case Action::up: field_ = std::max(0, field_ - 1); return true;
            case Action::down: field_ = std::min(2, field_ + 1); return true;
            case Action::left:
            case Action::right:
                if (field_ == 1) left_footed_ = a == Action::left;
                return true;
            case Action::erase:
                // Remove one UTF-8 character, not one byte.
                while (!name_.empty() && (static_cast<unsigned char>(name_.back()) & 0xC0) == 0x80) name_.pop_back();
                if (!name_.empty()) name_.pop_back();
                return true;
            case Action::back:
                ctx_.scenes.pop();
                return true;
            case Action::confirm:
                if (field_ < 2) {
                    ++field_;
                    return true;
                }
                create();
                return true;
            default: return false;
        }
    }

    void draw(Gfx& gfx, double) override {
        draw_backdrop(gfx, t_s_);
        gfx.fit_design_width(640);  // the form, larger in a narrow window
        draw_screen_title(gfx, "New player", "Type your name, pick your stronger leg");
        const SDL_FRect panel = gfx.drect(340, 170, 600, 390);
        draw_panel(gfx, panel);
        // Name field
        gfx.text("Name", gfx.dx(380), gfx.dy(200), gfx.u(20), palette::text_dim);
        const SDL_FRect field = gfx.drect(380, 232, 520, 60);
        gfx.fill_round_rect(field, gfx.u(10), field_ == 0 ? palette::panel_light : palette::background);
        if (field_ == 0) gfx.outline_rect(field, gfx.u(2), palette::accent);
        const bool caret = field_ == 0 && std::fmod(t_s_, 1.0) < 0.55;
        // A long name shrinks to fit the field rather than running out of it.
        const float room = field.w - gfx.u(32);
        float name_px = gfx.u(28);
        const float wide = gfx.measure(name_ + "|", name_px, FontStyle::bold).x;
        if (wide > room) name_px = std::max(gfx.u(12), name_px * room / wide);
        gfx.text(name_ + (caret ? "|" : ""), field.x + gfx.u(16), field.y + field.h / 2, name_px, palette::text,
                 Align::left, VAlign::middle, FontStyle::bold);
        gfx.text(std::to_string(utf8_chars(name_)) + " / " + std::to_string(store::kMaxPlayerNameChars),
                 field.x + field.w, field.y - gfx.u(8), gfx.u(14), palette::text_dim, Align::right, VAlign::bottom);
        // Dominant leg
        gfx.text("Stronger leg", gfx.dx(380), gfx.dy(318), gfx.u(20), palette::text_dim);
        for (int i = 0; i < 2; ++i) {
            const bool on = (i == 0) == left_footed_;
            const SDL_FRect b = gfx.drect(380 + i * 270.0f, 350, 250, 56);
            gfx.fill_round_rect(b, gfx.u(10), on ? (i == 0 ? palette::left_leg : palette::right_leg) : palette::background);
            if (field_ == 1 && on) gfx.outline_rect(b, gfx.u(2), palette::text);
            gfx.text(i == 0 ? "◀ Left" : "Right ▶", b.x + b.w / 2, b.y + b.h / 2, gfx.u(24),
                     on ? palette::text_dark : palette::text_dim, Align::center, VAlign::middle, FontStyle::bold);
        }
        // Create button
        const SDL_FRect ok = gfx.drect(380, 450, 520, 64);
        gfx.fill_round_rect(ok, gfx.u(12), field_ == 2 ? palette::action : palette::panel_light);
        gfx.text("Create and continue", ok.x + ok.w / 2, ok.y + ok.h / 2, gfx.u(26),
                 field_ == 2 ? palette::text_dark : palette::text, Align::center, VAlign::middle, FontStyle::bold);
        if (!problem_.empty()) {
            gfx.text(problem_, gfx.dx(640), gfx.dy(590), gfx.u(19), palette::warning, Align::center, VAlign::middle);
        }
        draw_hints(gfx, {"type your name", "↑↓ field", "←→ leg", "Enter next", "Esc back"});
    }

private:
    void create() {
        problem_ = store::validate_player_name(name_);
        if (!problem_.empty()) {
            field_ = 0;
            ctx_.audio.play(Sound::miss);
            return;
        }
        try {
            store::Player p;
            p.name = name_;
            p.dominant_leg = left_footed_ ? store::Leg::left : store::Leg::right;
            p.id = store::add_player(*ctx_.db, p);
            choose(ctx_, profile_for(ctx_, p));
            ctx_.audio.play(Sound::menu_confirm);
            ctx_.toast("Welcome, " + p.name + "!");
            ctx_.scenes.pop_to("players");
            ctx_.scenes.replace(after_choosing(ctx_, after_choice_));
        } catch (const std::exception& e) {
            problem_ = e.what();
            field_ = 0;
        }
    }

    AppContext& ctx_;
    SceneFactory after_choice_;
    std::string name_;
    bool left_footed_ = false;
    int field_ = 0;  // 0 name, 1 leg, 2 create
    std::string problem_;
    double t_s_ = 0.0;
};

}  // namespace

void choose_player(AppContext& ctx, const store::Player& player) { choose(ctx, profile_for(ctx, player)); }

std::unique_ptr<Scene> make_player_scene(AppContext& ctx, SceneFactory after_choice, bool hand_on) {
    return std::make_unique<PlayerScene>(ctx, std::move(after_choice), hand_on);
}
std::unique_ptr<Scene> make_new_player_scene(AppContext& ctx, SceneFactory after_choice) {
    return std::make_unique<NewPlayerScene>(ctx, std::move(after_choice));
}

}  // namespace highstep::app
