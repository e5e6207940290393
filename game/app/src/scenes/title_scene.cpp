// Title: the game's front door. Play starts the path through player choice and the
// board check; extra entries appear when other parts registered their screens.
#include <cmath>

#include "board_link.h"
#include "gfx.h"
#include "scenes/scenes.h"
#include "widgets.h"

namespace highstep::app {

namespace {

class TitleScene final : public Scene {
public:
    explicit TitleScene(AppContext& ctx) : ctx_(ctx) { build_menu(); }
    std::string_view id() const override { return "title"; }

    void on_resume() override { build_menu(); }

    void step(double dt_s) override { t_s_ += dt_s; }

    bool on_action(Action a) override {
        if (a == Action::back) {
            ctx_.quit_requested = true;
            return true;
        }
        const MenuInput in = menu_.handle(a, ctx_);
        if (in != MenuInput::chosen) return in == MenuInput::used;
        const std::string& key = keys_[static_cast<std::size_t>(menu_.selected)];
        if (key == "play") {
            // A player chosen with --player (or earlier this run) goes straight to the board check.
            ctx_.scenes.push(ctx_.player ? make_weigh_in_scene(ctx_) : make_player_scene(ctx_));
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
        draw_backdrop(gfx, t_s_);
        draw_logo(gfx);
        // Up to six entries between the logo and the player line.
        menu_.draw(gfx, 440, 208, 400, 6, t_s_);
        std::string who = ctx_.player ? "Player: " + ctx_.player->player.name : "No player chosen yet";
        gfx.text(who + "      " + ctx_.board.describe(), gfx.dx(640), gfx.dy(662), gfx.u(17), palette::text_dim,
                 Align::center, VAlign::middle);
        draw_hints(gfx, {"↑↓ choose", "Enter / step on the board: select", "F11 full screen", "Esc quit"});
        draw_board_badge(gfx, ctx_);
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

    AppContext& ctx_;
    Menu menu_;
    std::vector<std::string> keys_;
    double t_s_ = 0.0;
};

}  // namespace

std::unique_ptr<Scene> make_title_scene(AppContext& ctx) { return std::make_unique<TitleScene>(ctx); }

}  // namespace highstep::app
