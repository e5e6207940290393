// A challenge made or changed in the window (as `highstep challenge create` makes
// one): its name typed on the first row, the levels ticked from the game's levels,
// how many days it runs, then Create (or Save). Changing one also offers Delete,
// which asks again and says how many results go with it. Back on the list (new)
// or the challenge's screen (changed) after.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "format_value.h"
#include "gfx.h"
#include "highstep/store/challenge.h"
#include "highstep/store/session_log.h"
#include "scenes/challenge_scenes.h"
#include "widgets.h"

namespace highstep::app {

namespace {

constexpr int kDefaultDays = 7;
constexpr int kMaxDays = 90;
constexpr int kLongestCounted = 3660;  // days counted in a stored challenge's dates (longer: left as it is)

// Days from `from` to `to` inclusive (1 for the same day); nullopt past kLongestCounted.
std::optional<int> days_spanned(const std::string& from, const std::string& to) {
    std::string day = from;
    for (int n = 1; n <= kLongestCounted; ++n) {
        if (day >= to) return n;
        day = store::day_after(day, 1);
    }
    return std::nullopt;
}

class ChallengeFormScene final : public Scene {
public:
    ChallengeFormScene(AppContext& ctx, std::optional<store::Challenge> editing)
        : ctx_(ctx), editing_(std::move(editing)), picked_(ctx.levels.size(), false) {
        if (editing_) {
            name_ = editing_->name;
            order_ = editing_->level_ids;
            for (std::size_t i = 0; i < ctx_.levels.size(); ++i) {
                picked_[i] = std::find(order_.begin(), order_.end(), ctx_.levels[i].id) != order_.end();
            }
            days_ = days_spanned(editing_->starts_day, editing_->ends_day).value_or(kLongestCounted);
        } else {
            // Two short levels to start from, so Create works at once.
            for (std::size_t i = 0; i < ctx_.levels.size() && i < 2; ++i) {
                picked_[i] = true;
                order_.push_back(ctx_.levels[i].id);
            }
        }
        menu_.row_h = 46.0f;
        rebuild();
    }
    std::string_view id() const override { return editing_ ? "edit_challenge" : "new_challenge"; }
    bool wants_text() const override { return menu_.selected == 0; }
    void step(double dt_s) override { t_s_ += dt_s; }

    std::string probe(std::string_view key) const override {
        if (key == "row") return std::to_string(menu_.selected);
        if (key == "levels") return std::to_string(std::count(picked_.begin(), picked_.end(), true));
        if (key == "days") return std::to_string(days_);
        if (key == "confirm_delete") return confirm_delete_ ? "1" : "0";
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
        if (confirm_delete_ && a != Action::confirm) {
            // Anything but Enter keeps the challenge (Esc too: it does not leave yet).
            confirm_delete_ = false;
            rebuild();
            if (a == Action::back) return true;
        }
        if (a == Action::erase && row == 0) {
            while (!name_.empty() && (static_cast<unsigned char>(name_.back()) & 0xC0) == 0x80) name_.pop_back();
            if (!name_.empty()) name_.pop_back();
            rebuild();
            return true;
        }
        if ((a == Action::left || a == Action::right) && row == n_levels + 1) {
            days_ = std::clamp(days_ + (a == Action::right ? 1 : -1), 1, std::max(kMaxDays, days_));
            days_changed_ = true;
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
            save();
        } else if (row == n_levels + 3) {
            ask_or_delete();
        }
        return true;
    }

    void draw(Gfx& gfx, double) override {
        draw_backdrop(gfx, t_s_);
        if (editing_) {
            draw_screen_title(gfx, "Change challenge", "Its name, levels and how long it runs; results are kept");
        } else {
            draw_screen_title(gfx, "New challenge", "Name it, tick its levels, choose how long it runs");
        }
        // Ten rows end above the problem line; from 158 the scroll mark clears the subtitle.
        menu_.draw(gfx, 240, 158, 800, 10, t_s_);
        if (!problem_.empty()) {
            gfx.text(problem_, gfx.dx(640), gfx.dy(628), gfx.u(19), palette::warning, Align::center, VAlign::middle);
        }
        if (confirm_delete_) {
            draw_hints(gfx, {"Enter delete it", "Esc keep it"});
        } else {
            draw_hints(gfx, menu_.selected == 0 ? std::vector<std::string>{"type the name", "↓ / Enter next", "Esc back"}
                                                : std::vector<std::string>{"↑↓ choose", "Enter / ←→ tick or change", "Esc back"});
        }
    }

private:
    void toggle(int level) {
        const auto i = static_cast<std::size_t>(level);
        picked_[i] = !picked_[i];
        // The challenge's own order is kept; a level ticked now goes last.
        const std::string& id = ctx_.levels[i].id;
        order_.erase(std::remove(order_.begin(), order_.end(), id), order_.end());
        if (picked_[i]) order_.push_back(id);
        problem_.clear();
        rebuild();
    }

    std::string starts_day() const {
        return editing_ ? editing_->starts_day : store::local_day(store::now_unix_s());
    }
    std::string ends_day() const {
        return editing_ && !days_changed_ ? editing_->ends_day : store::day_after(starts_day(), days_ - 1);
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
        std::string runs = "Runs ◀ " + std::to_string(days_) + (days_ == 1 ? " day" : " days") + " ▶  ";
        runs += editing_ ? "from " + starts_day() + " until " + ends_day() : "until " + ends_day();
        menu_.items.push_back({runs, "", true, palette::perfect});
        menu_.items.push_back({editing_ ? "Save changes" : "Create challenge", "", true, palette::action});
        if (editing_) {
            menu_.items.push_back({confirm_delete_ ? delete_question() : "Delete challenge", "", true, palette::miss});
        }
        menu_.selected = std::clamp(keep, 0, static_cast<int>(menu_.items.size()) - 1);
    }

    std::string delete_question() const {
        if (results_ == 0) return "Delete it (nobody has played it)? Enter again";
        return results_ == 1 ? std::string("Delete it and its 1 result? Enter again")
                             : format_value("Delete it and its %.0f results? Enter again", static_cast<double>(results_));
    }

    // The challenge as the form stands; "" in problem_ when it can be stored.
    store::Challenge form() {
        store::Challenge c = editing_ ? *editing_ : store::Challenge{};
        c.name = name_;
        c.level_ids.clear();
        for (const std::string& id : order_) {
            const auto it = std::find_if(ctx_.levels.begin(), ctx_.levels.end(),
                                         [&](const core::Level& l) { return l.id == id; });
            // A level not installed here stays in a changed challenge: it was not unticked.
            if (it == ctx_.levels.end() || picked_[static_cast<std::size_t>(it - ctx_.levels.begin())]) {
                c.level_ids.push_back(id);
            }
        }
        c.starts_day = starts_day();
        c.ends_day = ends_day();
        if (name_.empty()) {
            problem_ = "Type a name for the challenge first";
        } else if (c.level_ids.empty()) {
            problem_ = "Tick at least one level";
        } else {
            problem_ = store::validate_challenge(c);
        }
        return c;
    }

    void save() {
        if (!ctx_.db) {
            problem_ = "The database could not be opened: nowhere to keep a challenge";
            return;
        }
        const store::Challenge c = form();
        if (!problem_.empty()) {
            ctx_.audio.play(Sound::miss);
            menu_.selected = name_.empty() ? 0 : menu_.selected;
            return;
        }
        try {
            if (editing_) {
                store::update_challenge(*ctx_.db, c);
                ctx_.toast("Challenge \"" + c.name + "\" saved");
            } else {
                store::create_challenge(*ctx_.db, c);
                ctx_.toast("Challenge \"" + c.name + "\" created");
            }
            ctx_.scenes.pop();
        } catch (const std::exception& e) {
            problem_ = e.what();
        }
    }

    // The first Enter asks (with how many results would go), the second deletes.
    void ask_or_delete() {
        if (!ctx_.db || !editing_) return;
        try {
            if (!confirm_delete_) {
                results_ = store::challenge_entries(*ctx_.db, editing_->id).size();
                confirm_delete_ = true;
                rebuild();
                return;
            }
            store::delete_challenge(*ctx_.db, editing_->id);
            ctx_.toast("Challenge \"" + editing_->name + "\" deleted");
            ctx_.scenes.pop();
        } catch (const std::exception& e) {
            problem_ = e.what();
            confirm_delete_ = false;
            rebuild();
        }
    }

    AppContext& ctx_;
    std::optional<store::Challenge> editing_;  // the stored challenge being changed (else a new one)
    std::string name_;
    std::vector<bool> picked_;
    std::vector<std::string> order_;           // the ticked level ids, in the challenge's order
    int days_ = kDefaultDays;
    bool days_changed_ = false;                // a changed challenge keeps its end day until this
    bool confirm_delete_ = false;
    std::size_t results_ = 0;                  // entries that a delete takes with it
    std::string problem_;
    Menu menu_;
    double t_s_ = 0.0;
};

}  // namespace

std::unique_ptr<Scene> make_new_challenge_scene(AppContext& ctx) {
    return std::make_unique<ChallengeFormScene>(ctx, std::nullopt);
}

std::unique_ptr<Scene> make_edit_challenge_scene(AppContext& ctx, const store::Challenge& challenge) {
    return std::make_unique<ChallengeFormScene>(ctx, challenge);
}

}  // namespace highstep::app
