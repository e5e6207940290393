// Title: the game's front door. Play starts the path through player choice and the
// board check; extra entries appear when other parts registered their screens.
#include <cmath>
#include <string>
#include <vector>

#include "board_link.h"
#include "gfx.h"
#include "scenes/scenes.h"
#include "widgets.h"

namespace highstep::app {

namespace {

class TitleScene final : public Scene {
public:
    explicit TitleScene(AppContext& ctx) : ctx_(ctx) {
        menu_.row_h = 64.0f;  // seven entries between the logo and the player line
        build_menu();
    }
    std::string_view id() const override { return "title"; }

    std::string probe(std::string_view key) const override {
        // 0 results kept; else store::StorageProblem (1 read-only, 2 disk full, 3 locked, 4 cannot open).
        if (key == "storage") return std::to_string(static_cast<int>(ctx_.storage.problem));
        if (key == "confirm_quit") return asking_quit_ ? "1" : "0";
        if (key == "selected") return keys_.empty() ? std::string{} : keys_[static_cast<std::size_t>(menu_.selected)];
        return {};
    }

    void on_resume() override { build_menu(); }

    void step(double dt_s) override { t_s_ += dt_s; }

    bool on_action(Action a) override {
        // Esc asks first: a stray Esc (backing out of a screen once too often) must
        // not end the game. Esc again or Enter quits; anything else stays.
        if (asking_quit_) {
            asking_quit_ = false;
            if (a == Action::back || a == Action::confirm) ctx_.quit_requested = true;
            return true;
        }
        if (a == Action::back) {
            asking_quit_ = true;
            ctx_.audio.play(Sound::menu_move);
            return true;
        }
        const MenuInput in = menu_.handle(a, ctx_);
        if (in != MenuInput::chosen) return in == MenuInput::used;
        const std::string& key = keys_[static_cast<std::size_t>(menu_.selected)];
        if (key == "play") {
            // A player chosen with --player (or earlier this run) goes straight to the board check.
            ctx_.scenes.push(ctx_.player ? make_weigh_in_scene(ctx_) : make_player_scene(ctx_));
        } else if (key == "practice") {
            // Then the way to the first level, as Play goes.
            AppContext& ctx = ctx_;
            ctx_.scenes.push(make_practice_scene(ctx_, [&ctx] {
                return ctx.player ? make_weigh_in_scene(ctx) : make_player_scene(ctx);
            }));
        } else if (key == "players") {
            ctx_.scenes.push(make_player_scene(ctx_));
        } else if (key == "quit") {
            ctx_.quit_requested = true;
        } else if (auto it = ctx_.extra_scenes.find(key); it != ctx_.extra_scenes.end()) {
            ctx_.scenes.push(it->second());
        }
        return true;
    }

    void draw(Gfx& gfx, double) override {
        // The logo and the list, larger in a narrow window; not while the storage notice
        // shows: it stands in the design's left margin, which the larger title puts off
        // a narrow window's left edge (at 700x1100 its words were cut at the edge).
        if (ctx_.storage.ok()) gfx.fit_design_width(760);
        draw_backdrop(gfx, t_s_);
        draw_logo(gfx);
        // Up to seven entries between the logo and the player line.
        menu_.draw(gfx, 440, 206, 400, 7, t_s_);
        std::string who = ctx_.player ? "Player: " + ctx_.player->player.name : "No player chosen yet";
        gfx.text(who + "      " + ctx_.board.describe(), gfx.dx(640), gfx.dy(662), gfx.u(17), palette::text_dim,
                 Align::center, VAlign::middle);
        draw_hints(gfx, {"↑↓ choose", "Enter / step on the board: select", "F11 full screen", "Esc quit"});
        draw_board_badge(gfx, ctx_);
        if (!ctx_.storage.ok()) draw_storage_notice(gfx);
        if (asking_quit_) {
            const SDL_FRect r = gfx.drect(390, 270, 500, 170);
            draw_panel(gfx, r, palette::panel_light);
            gfx.text("Quit HighStep?", r.x + r.w / 2, r.y + gfx.u(55), gfx.u(34), palette::text, Align::center,
                     VAlign::middle, FontStyle::bold);
            gfx.text("Esc or Enter: quit   ·   ↑ ↓: stay", r.x + r.w / 2, r.y + gfx.u(115), gfx.u(19),
                     palette::text_dim, Align::center, VAlign::middle);
        }
    }

private:
    void build_menu() {
        const int keep = menu_.selected;
        menu_.items.clear();
        keys_.clear();
        auto add = [&](std::string key, std::string label, std::string detail, Color c) {
            keys_.push_back(std::move(key));
            menu_.items.push_back({std::move(label), std::move(detail), true, c});
        };
        add("play", "Play", ctx_.player ? "as " + ctx_.player->player.name : "choose a player, check the board, go",
            palette::action);
        add("practice", "Learn the moves", "step-up, knee drive, balance: see each one, try it", palette::good);
        if (ctx_.extra_scenes.count("plan")) add("plan", "Today's plan", "what your training plan asks for today", palette::good);
        if (ctx_.extra_scenes.count("progress")) add("progress", "Progress", "scores, steadiness and training days", palette::left_leg);
        if (ctx_.extra_scenes.count("challenges")) {
            add("challenges", "Challenges", "take turns on one board, race the best runs", palette::perfect);
        }
        add("players", "Players", "switch player or add a new one", palette::accent);
        add("quit", "Quit", "", palette::text_dim);
        menu_.selected = std::clamp(keep, 0, static_cast<int>(menu_.items.size()) - 1);
    }

    void draw_logo(Gfx& gfx) {
        // Three rising steps with a figure bounding up them, then the name.
        const float base_x = 430, base_y = 190;
        const Color steps[3] = {palette::left_leg, palette::accent, palette::action};
        for (int i = 0; i < 3; ++i) {
            gfx.fill_round_rect(gfx.drect(base_x + i * 34.0f, base_y - i * 26.0f - 26, 34, 26.0f + i * 26.0f), gfx.u(4),
                                steps[i]);
        }
        const float hop = static_cast<float>(std::abs(std::sin(t_s_ * 2.2)) * 18.0);
        const float fx = gfx.dx(base_x + 85), fy = gfx.dy(base_y - 78 - hop);
        gfx.fill_circle(fx, fy - gfx.u(30), gfx.u(9), palette::skin);
        gfx.capsule({fx, fy - gfx.u(20)}, {fx, fy + gfx.u(4)}, gfx.u(9), palette::text);
        gfx.capsule({fx, fy + gfx.u(4)}, {fx - gfx.u(10), fy + gfx.u(22)}, gfx.u(7), palette::text);
        gfx.capsule({fx, fy + gfx.u(4)}, {fx + gfx.u(12), fy + gfx.u(12)}, gfx.u(7), palette::text);
        gfx.capsule({fx, fy - gfx.u(16)}, {fx - gfx.u(13), fy - gfx.u(26)}, gfx.u(5), palette::text);
        gfx.capsule({fx, fy - gfx.u(16)}, {fx + gfx.u(13), fy - gfx.u(26)}, gfx.u(5), palette::text);
        gfx.text("HighStep", gfx.dx(560), gfx.dy(125), gfx.u(86), palette::text, Align::left, VAlign::middle,
                 FontStyle::bold);
        gfx.text("step-ups  ·  knee drives  ·  balance", gfx.dx(566), gfx.dy(189), gfx.u(22), palette::accent,
                 Align::left, VAlign::middle);
    }

    // Left of the menu, for as long as the title shows: results will not be kept,
    // why, what to do, and which file.
    void draw_storage_notice(Gfx& gfx) {
        constexpr float kX = 24, kW = 392, kPad = 16;
        std::vector<std::string> lines = wrap_words(gfx, ctx_.storage.what + " " + ctx_.storage.fix, kW - 2 * kPad, 17);
        const float h = 64 + 24 * static_cast<float>(lines.size()) + 30;
        const SDL_FRect r = gfx.drect(kX, 214, kW, h);
        gfx.fill_round_rect(r, gfx.u(12), palette::panel);
        gfx.fill_rect(gfx.drect(kX, 214 + 12, 5, h - 24), palette::warning);
        gfx.text("Results will not be kept", gfx.dx(kX + kPad), gfx.dy(214 + 16), gfx.u(22), palette::warning,
                 Align::left, VAlign::top, FontStyle::bold);
        float y = 214 + 56;
        for (const std::string& line : lines) {
            gfx.text(line, gfx.dx(kX + kPad), gfx.dy(y), gfx.u(17), palette::text, Align::left, VAlign::top);
            y += 24;
        }
        const std::string file = ctx_.db ? ctx_.db->path().filename().string() : std::string("database");
        gfx.text(file, gfx.dx(kX + kPad), gfx.dy(y + 6), gfx.u(14), palette::text_dim, Align::left, VAlign::top,
                 FontStyle::mono);
    }

    // Words into lines no wider than width (layout pixels) at size_px.
    static std::vector<std::string> wrap_words(Gfx& gfx, const std::string& text, float width, float size_px) {
        std::vector<std::string> lines;
        std::string line, word;
        auto flush_word = [&] {
            if (word.empty()) return;
            const std::string joined = line.empty() ? word : line + " " + word;
            if (!line.empty() && gfx.measure(joined, gfx.u(size_px)).x > gfx.u(width)) {
                lines.push_back(line);
                line = word;
            } else {
                line = joined;
            }
            word.clear();
        };
        for (char c : text) {
            if (c == ' ') {
                flush_word();
            } else {
                word += c;
            }
        }
        flush_word();
        if (!line.empty()) lines.push_back(line);
        return lines;
    }

    AppContext& ctx_;
    Menu menu_;
    std::vector<std::string> keys_;
    double t_s_ = 0.0;
    bool asking_quit_ = false;
};

}  // namespace

std::unique_ptr<Scene> make_title_scene(AppContext& ctx) { return std::make_unique<TitleScene>(ctx); }

}  // namespace highstep::app
