// The challenges in this household's database: name, dates, levels, how many
// players have taken part and whether it is open today. Enter opens one's
// leaderboard. The last entry makes a new challenge (new_challenge_scene.cpp); the
// command line still can too, and an empty list says both.
#include <set>
#include <utility>

#include "board_link.h"
#include "gfx.h"
#include "highstep/store/session_log.h"
#include "scenes/challenge_scenes.h"
#include "scenes/challenge_turn.h"
#include "widgets.h"

namespace highstep::app {

namespace {

constexpr const char* kCreateHint = "or on the command line: highstep challenge create NAME --levels hill-1,sprint-1";

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const std::string& p : parts) out += (out.empty() ? "" : ", ") + p;
    return out;
}

class ChallengeListScene final : public Scene {
public:
    explicit ChallengeListScene(AppContext& ctx) : ctx_(ctx) { reload(); }
    std::string_view id() const override { return "challenges"; }
    void on_resume() override { reload(); }
    void step(double dt_s) override { t_s_ += dt_s; }

    std::string probe(std::string_view key) const override {
        if (key == "challenges") return std::to_string(challenges_.size());
        return {};
    }

    bool on_action(Action a) override {
        const MenuInput in = menu_.handle(a, ctx_);
        if (in != MenuInput::chosen) return in == MenuInput::used;
        const auto i = static_cast<std::size_t>(menu_.selected);
        if (i >= challenges_.size()) {
            ctx_.scenes.push(make_new_challenge_scene(ctx_));
        } else {
            ctx_.scenes.push(make_challenge_scene(ctx_, challenges_[i]));
        }
        return true;
    }

    void draw(Gfx& gfx, double) override {
        draw_backdrop(gfx, t_s_);
        gfx.fit_design_width(940);  // the list or its empty panel, larger in a narrow window
        draw_screen_title(gfx, "Challenges", "Take turns on one board, race the best runs, climb the leaderboard");
        if (!ctx_.db) {
            message(gfx, "The database could not be opened, so there are no challenges.", ctx_.db_problem);
        } else if (challenges_.empty()) {
            message(gfx, "No challenges yet: make one below", kCreateHint);
            menu_.draw(gfx, 440, 460, 400, 1, t_s_);
        } else {
            menu_.draw(gfx, 240, 160, 800, 6, t_s_);
        }
        draw_hints(gfx, challenges_.empty() ? std::vector<std::string>{"Enter: new challenge", "Esc back"}
                                            : std::vector<std::string>{"↑↓ choose", "Enter select", "Esc back"});
        draw_board_badge(gfx, ctx_);
    }

private:
    void message(Gfx& gfx, const std::string& line, const std::string& detail) {
        const SDL_FRect r = gfx.drect(190, 230, 900, 190);
        draw_panel(gfx, r);
        gfx.text(line, r.x + r.w / 2, r.y + gfx.u(60), gfx.u(26), palette::text, Align::center, VAlign::middle,
                 FontStyle::bold);
        gfx.text(detail, r.x + r.w / 2, r.y + gfx.u(125), gfx.u(20), palette::accent, Align::center, VAlign::middle);
    }

    void reload() {
        challenges_.clear();
        menu_.items.clear();
        if (!ctx_.db) return;
        const std::size_t had = seen_;
        const std::string today = store::local_day(store::now_unix_s());
        try {
            challenges_ = store::list_challenges(*ctx_.db);
            for (const store::Challenge& c : challenges_) {
                std::set<std::pair<std::string, std::string>> players;
                for (const store::ChallengeEntry& e : store::challenge_entries(*ctx_.db, c.id)) {
                    players.insert({e.player_name, e.household});
                }
                const std::size_t n = players.size();
                // Levels by name where this game has them (ids are for files and the command line).
                std::vector<std::string> names;
                for (const std::string& id : c.level_ids) {
                    std::string name = id;
                    for (const core::Level& l : ctx_.levels) {
                        if (l.id == id) name = l.title;
                    }
                    names.push_back(name);
                }
                const std::string detail = challenge_dates_text(c, today) + "  ·  " + joined(names) + "  ·  " +
                                           std::to_string(n) + (n == 1 ? " player" : " players");
                const bool open = store::challenge_open_on(c, today);
                menu_.items.push_back({c.name, detail, true, open ? palette::good : palette::text_dim});
            }
        } catch (const std::exception& e) {
            ctx_.toast(std::string("Could not read the challenges: ") + e.what());
        }
        menu_.items.push_back({"New challenge", "name it, pick its levels and days", true, palette::action});
        menu_.selected = std::clamp(menu_.selected, 0, std::max(0, static_cast<int>(menu_.items.size()) - 1));
        // A challenge just made comes first (newest first): open on it.
        if (seen_valid_ && challenges_.size() > had) menu_.selected = 0;
        seen_ = challenges_.size();
        seen_valid_ = true;
    }

    AppContext& ctx_;
    Menu menu_;
    std::vector<store::Challenge> challenges_;
    std::size_t seen_ = 0;      // challenges at the last reload
    bool seen_valid_ = false;
    double t_s_ = 0.0;
};

}  // namespace

std::string challenge_dates_text(const store::Challenge& c, const std::string& today) {
    std::string when = c.starts_day + " to " + c.ends_day;
    if (store::challenge_open_on(c, today)) return when + " · open today";
    return when + (today < c.starts_day ? " · not started yet" : " · ended");
}

std::unique_ptr<Scene> make_challenge_list_scene(AppContext& ctx) { return std::make_unique<ChallengeListScene>(ctx); }

}  // namespace highstep::app
