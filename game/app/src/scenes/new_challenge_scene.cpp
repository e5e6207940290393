// A new challenge made in the window (as `highstep challenge create` makes one):
// its name typed on the first row, the levels ticked from the game's levels, how
// many days it runs from today, then Create. It opens on the challenge list with
// the new challenge selected.
#include <algorithm>
#include <string>
#include <vector>

#include "gfx.h"
#include "highstep/store/challenge.h"
#include "highstep/store/session_log.h"
#include "scenes/challenge_scenes.h"
#include "widgets.h"

namespace highstep::app {

namespace {

constexpr int kDefaultDays = 7;
constexpr int kMaxDays = 90;

class NewChallengeScene final : public Scene {
public:
    explicit NewChallengeScene(AppContext& ctx) : ctx_(ctx), picked_(ctx.levels.size(), false) {
        // Two short levels to start from, so Create works at once.
        for (std::size_t i = 0; i < ctx_.levels.size() && i < 2; ++i) picked_[i] = true;
        menu_.row_h = 46.0f;
        rebuild();
    }
    std::string_view id() const override { return "new_challenge"; }
    bool wants_text() const override { return menu_.selected == 0; }
    void step(double dt_s) override { t_s_ += dt_s; }

    std::string probe(std::string_view key) const override {
        if (key == "row") return std::to_string(menu_.selected);
        if (key == "levels") return std::to_string(std::count(picked_.begin(), picked_.end(), true));
        if (key == "days") return std::to_string(days_);
        return {};
    }

    bool on_text(std::string_view utf8) override {
        if (name_.size() + utf8.size() <= 4 * 60) name_ += utf8;
        problem_.clear();
        rebuild();
        return true;
    }

    bool on_action(Action a) override {
        const int n_levels = static_cast<int>(ctx_.levels.size());
        const int row = menu_.selected;
        if (a == Action::erase && row == 0) {
            while (!name_.empty() && (static_cast<unsigned char>(name_.back()) & 0xC0) == 0x80) name_.pop_back();
            if (!name_.empty()) name_.pop_back();
            rebuild();
            return true;
        }
        if ((a == Action::left || a == Action::right) && row == n_levels + 1) {
            days_ = std::clamp(days_ + (a == Action::right ? 1 : -1), 1, kMaxDays);
            rebuild();
            return true;
        }
        if ((a == Action::left || a == Action::right) && row >= 1 && row <= n_levels) {
            toggle(row - 1);
            return true;
        }
        const MenuInput in = menu_.handle(a, ctx_);
        if (in != MenuInput::chosen) return in == MenuInput::used;
        if (row == 0) {
            menu_.selected = 1;  // Enter after the name: on to the levels
        } else if (row <= n_levels) {
            toggle(row - 1);
        } else if (row == n_levels + 2) {
            create();
        }
        return true;
    }

    void draw(Gfx& gfx, double) override {
        draw_backdrop(gfx, t_s_);
        draw_screen_title(gfx, "New challenge", "Name it, tick its levels, choose how long it runs");
        menu_.draw(gfx, 240, 150, 800, 11, t_s_);
        if (!problem_.empty()) {
            gfx.text(problem_, gfx.dx(640), gfx.dy(628), gfx.u(19), palette::warning, Align::center, VAlign::middle);
        }
        draw_hints(gfx, menu_.selected == 0 ? std::vector<std::string>{"type the name", "↓ / Enter next", "Esc back"}
                                            : std::vector<std::string>{"↑↓ choose", "Enter / ←→ tick or change", "Esc back"});
    }

private:
    void toggle(int level) {
        picked_[static_cast<std::size_t>(level)] = !picked_[static_cast<std::size_t>(level)];
        problem_.clear();
        rebuild();
    }

    void rebuild() {
        const int keep = menu_.selected;
        menu_.items.clear();
        menu_.items.push_back({"Name: " + (name_.empty() ? std::string("(type it here)") : name_), "", true, palette::accent});
        for (std::size_t i = 0; i < ctx_.levels.size(); ++i) {
            const core::Level& l = ctx_.levels[i];
            menu_.items.push_back({std::string(picked_[i] ? "☑ " : "☐ ") + l.title, "", true,
                                   picked_[i] ? palette::good : palette::text_dim});
        }
        const std::string today = store::local_day(store::now_unix_s());
        menu_.items.push_back({"Runs ◀ " + std::to_string(days_) + (days_ == 1 ? " day" : " days") + " ▶  until " +
                                   store::day_after(today, days_ - 1),
                               "", true, palette::perfect});
        menu_.items.push_back({"Create challenge", "", true, palette::action});
        menu_.selected = std::clamp(keep, 0, static_cast<int>(menu_.items.size()) - 1);
    }

    void create() {
        if (!ctx_.db) {
            problem_ = "The database could not be opened: nowhere to keep a challenge";
            return;
        }
        store::Challenge c;
        c.name = name_;
        for (std::size_t i = 0; i < ctx_.levels.size(); ++i) {
            if (picked_[i]) c.level_ids.push_back(ctx_.levels[i].id);
        }
        c.starts_day = store::local_day(store::now_unix_s());
        c.ends_day = store::day_after(c.starts_day, days_ - 1);
        if (name_.empty()) {
            problem_ = "Type a name for the challenge first";
        } else if (c.level_ids.empty()) {
            problem_ = "Tick at least one level";
        } else {
            problem_ = store::validate_challenge(c);
        }
        if (!problem_.empty()) {
            ctx_.audio.play(Sound::miss);
            menu_.selected = name_.empty() ? 0 : menu_.selected;
            return;
        }
        try {
            store::create_challenge(*ctx_.db, c);
            ctx_.toast("Challenge \"" + c.name + "\" created");
            ctx_.scenes.pop();
        } catch (const std::exception& e) {
            problem_ = e.what();
        }
    }

    AppContext& ctx_;
    std::string name_;
    std::vector<bool> picked_;
    int days_ = kDefaultDays;
    std::string problem_;
    Menu menu_;
    double t_s_ = 0.0;
};

}  // namespace

std::unique_ptr<Scene> make_new_challenge_scene(AppContext& ctx) { return std::make_unique<NewChallengeScene>(ctx); }

}  // namespace highstep::app
