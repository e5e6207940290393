// Board check and weigh-in: step off (tare), step on and stand still (body weight),
// then stand on each foot (where each foot sits on the board, so the recogniser
// tells a left stance from a lean). Each stage waits for a steady signal, shows a
// progress ring, and can be skipped with Enter when a previous weigh-in exists.
// The quick mode (a challenge turn) leaves out the tare when the board was zeroed
// earlier this run and the feet when the player's foot positions are known.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <deque>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "board_link.h"
#include "format_value.h"
#include "gfx.h"
#include "hud.h"
#include "highstep/store/players.h"
#include "scenes/scenes.h"
#include "weight_share.h"
#include "widgets.h"

namespace highstep::app {

namespace {

enum class Stage { step_off, step_on, left_foot, right_foot, done };

constexpr double kEmptyKg = 8.0;          // less than this on the board is empty (raw, before tare)
constexpr double kSteadyKg = 1.5;         // total load within this band counts as still
constexpr double kHoldOff_s = 1.5;        // empty this long to tare
constexpr double kHoldOn_s = 2.5;         // standing still this long to weigh
constexpr double kHoldFoot_s = 1.5;       // on one foot this long to learn it
constexpr double kMinWeightKg = 20.0;     // lighter is not a player (a bag, a cat)
constexpr double kAutoContinue_s = 2.5;   // summary shown this long before moving on
constexpr double kFootCopMm = 60.0;       // CoP this far to one side: standing on that foot

// The line under the steps. Most of what it says is the instruction for now ("Stand
// still a moment"), drawn in the instruction colour as the practice's; red is for a
// problem the player has to look into (the board reads a load when it should be empty).
// It said "Stand still a moment" in red, which read as an error.
struct Note {
    std::string text;
    bool problem = false;
};
Color note_color(const Note& n) { return n.problem ? palette::warning : palette::action; }

struct Reading {
    double t_s;
    double raw_total_kg;
    core::SignalFrame frame;
};

class WeighInScene final : public Scene {
public:
    WeighInScene(AppContext& ctx, WeighInMode mode, SceneFactory next) : ctx_(ctx), mode_(mode), next_(std::move(next)) {
        ctx_.board.reset_nav();
        const bool quick = mode_ == WeighInMode::quick && ctx_.player;
        const bool tared = quick && ctx_.player->tare_kg;
        const bool feet_known = quick && ctx_.player->left_foot_x_mm && ctx_.player->right_foot_x_mm;
        if (!tared) stages_.push_back(Stage::step_off);
        stages_.push_back(Stage::step_on);
        if (!feet_known) stages_.insert(stages_.end(), {Stage::left_foot, Stage::right_foot});
        if (tared) {
            tare_ = *ctx_.player->tare_kg;
            ctx_.board.set_tare(tare_[0], tare_[1], tare_[2], tare_[3]);
        }
        if (feet_known) {
            left_x_mm_ = *ctx_.player->left_foot_x_mm;
            right_x_mm_ = *ctx_.player->right_foot_x_mm;
        }
        stage_ = stages_.front();
    }
    std::string_view id() const override { return "weigh_in"; }
    bool wants_board_nav() const override { return false; }
    // "Stand on your left foot": D (right foot off) lifts the right foot.
    bool foot_off_is_a_lift() const override { return stage_ == Stage::left_foot || stage_ == Stage::right_foot; }

    std::string probe(std::string_view key) const override {
        if (key == "stage") return std::to_string(static_cast<int>(stage_));
        if (key == "weight_kg") return std::to_string(weight_kg_);
        if (key == "left_pct") return std::to_string(weight_share(ctx_.board.frame()).left_pct);
        if (key == "board_lost") return board_lost_ ? "1" : "0";
        if (key == "progress") return std::to_string(progress_);
        if (key == "note") return note_.text;
        if (key == "note_color") {  // as drawn: "ff9f1c"
            const Color c = note_color(note_);
            char hex[8];
            std::snprintf(hex, sizeof hex, "%02x%02x%02x", c.r, c.g, c.b);
            return hex;
        }
        if (key == "unit") return format_value("%.3f", drawn_unit_);  // pixels per design unit, last frame
        return {};
    }

    void frame(double now_s) override {
        now_s_ = now_s;
        const bool lost = ctx_.board.state() == SourceState::lost;
        if (lost && !board_lost_) ctx_.audio.play(Sound::board_lost);
        board_lost_ = lost;
        if (lost) {
            // The stage starts again when the board is back: a still stretch or a
            // tare must not join readings from before and after the gap (the
            // player may have stepped off or on meanwhile).
            readings_.clear();
            progress_ = 0.0;
            note_ = {};
            return;
        }
        if (ctx_.board.samples().empty()) return;
        const auto raw = ctx_.board.recent_raw_mean(1);
        readings_.push_back({now_s, static_cast<double>(raw[0] + raw[1] + raw[2] + raw[3]), ctx_.board.frame()});
        while (!readings_.empty() && now_s - readings_.front().t_s > 3.0) readings_.pop_front();
        advance(now_s);
    }

    void step(double dt_s) override { anim_s_ += dt_s; }

    bool on_action(Action a) override {
        if (a == Action::back || a == Action::pause) {
            // Back to the player list this check came from (a challenge turn's quick
            // check goes back to its challenge, which opened the list).
            if (mode_ == WeighInMode::full) {
                ctx_.scenes.replace(make_player_scene(ctx_));
            } else {
                ctx_.scenes.pop();
            }
            return true;
        }
        if (a == Action::confirm) {
            if (stage_ == Stage::done) {
                finish();
            } else {
                // Skip: keep the last weigh-in, or with none let the session
                // estimate body weight and tare from the signal as it plays.
                ctx_.audio.play(Sound::menu_confirm);
                if (ctx_.player && ctx_.player->body_weight_kg > 0.0) {
                    ctx_.board.set_body_weight_kg(ctx_.player->body_weight_kg);
                } else {
                    ctx_.toast("Skipped the board check: your weight is measured as you play");
                }
                finish();
            }
            return true;
        }
        return false;
    }

    void draw(Gfx& gfx, double) override {
        draw_backdrop(gfx, anim_s_);
        // In a portrait window the steps go under the board, both larger.
        std::optional<PortraitLayout> layout;
        layout.emplace(gfx, 140, 600, std::vector<std::vector<SDL_FRect>>{{{60, 150, 600, 440}}, {{700, 160, 520, 440}}});
        layout->head();
        draw_screen_title(gfx, mode_ == WeighInMode::quick ? "Quick weigh-in" : "Board check", ctx_.player ? ctx_.player->player.name + " · " + ctx_.board.describe()
                                                           : ctx_.board.describe());
        // Left: the board from above, live.
        layout->place(0, 0);
        const SDL_FRect panel = gfx.drect(60, 150, 600, 440);
        draw_panel(gfx, panel);
        const core::SignalFrame& f = ctx_.board.frame();
        // The footprints light where the weight is; the foot the stage asks for has a ring.
        BoardPicture pic = board_check_picture(f, weight_kg_);
        pic.ask_left = stage_ == Stage::left_foot || stage_ == Stage::step_on;
        pic.ask_right = stage_ == Stage::right_foot || stage_ == Stage::step_on;
        draw_board_picture(gfx, gfx.drect(90, 200, 540, 300), pic, anim_s_);
        gfx.text(weight_share_text(f.total_kg, weight_share(f)), gfx.dx(360), gfx.dy(560), gfx.u(20), palette::text_dim,
                 Align::center, VAlign::middle);
        char buf[96];

        // Right: the steps with the current one highlighted.
        const char* titles[] = {"Step off the board", "Step on, stand still", "Stand on your LEFT foot",
                                "Stand on your RIGHT foot"};
        const bool keys = ctx_.board.simulated();
        const char* hints[] = {keys ? "so it can zero itself (keys: A / D take a foot off)" : "so it can zero itself",
                               keys ? "feet on the footprints (keys: A and D)" : "feet on the footprints, arms relaxed",
                               keys ? "lift the right foot a little (keys: D, or hold E)" : "lift the right foot a little",
                               keys ? "lift the left foot (keys: D back on, then A; or hold Q)" : "lift the left foot a little"};
        layout->place(1, 0);
        for (std::size_t row = 0; row < stages_.size(); ++row) {
            const int i = static_cast<int>(stages_[row]);
            const bool cur = static_cast<int>(stage_) == i;
            const bool done = static_cast<int>(stage_) > i;
            const SDL_FRect r = gfx.drect(700, 160 + static_cast<float>(row) * 92.0f, 520, 80);
            gfx.fill_round_rect(r, gfx.u(12), cur ? palette::panel_light : palette::panel);
            const float cx = r.x + gfx.u(40), cy = r.y + r.h / 2;
            gfx.fill_circle(cx, cy, gfx.u(22), done ? palette::good : cur ? palette::action : palette::background);
            if (cur) {
                gfx.arc(cx, cy, gfx.u(28), gfx.u(24), 0.0f, static_cast<float>(2 * 3.14159265 * progress_), palette::action);
            }
            gfx.text(done ? "✓" : std::to_string(row + 1), cx, cy, gfx.u(22), done || cur ? palette::text_dark : palette::text_dim,
                     Align::center, VAlign::middle, FontStyle::bold);
            // The words keep inside the row (step 4's key hint ran past its right edge).
            const float room = r.w - gfx.u(92);
            gfx.text(titles[i], r.x + gfx.u(80), r.y + gfx.u(12), fit_size(gfx, titles[i], gfx.u(24), room, FontStyle::bold),
                     cur || done ? palette::text : palette::text_dim, Align::left, VAlign::top, FontStyle::bold);
            const std::string line = done ? result_text(i) : hints[i];
            const float line_px = fit_size(gfx, line, gfx.u(16), room);
            gfx.text(elide(gfx, line, line_px, room), r.x + gfx.u(80), r.y + r.h - gfx.u(12), line_px,
                     done ? palette::good : palette::text_dim, Align::left, VAlign::bottom);
        }
        if (stage_ == Stage::done) {
            const SDL_FRect r = gfx.drect(700, 540, 520, 60);
            gfx.fill_round_rect(r, gfx.u(12), palette::action);
            gfx.text(next_ ? "All set. Enter to start" : "All set. Enter to choose a level", r.x + r.w / 2, r.y + r.h / 2, gfx.u(22), palette::text_dark,
                     Align::center, VAlign::middle, FontStyle::bold);
        } else if (!note_.text.empty()) {
            gfx.text(note_.text, gfx.dx(960), gfx.dy(560), gfx.u(18), note_color(note_), Align::center, VAlign::middle);
        }
        drawn_unit_ = gfx.unit();
        if (board_lost_) {
            layout.reset();  // the notice over the whole window at its own scale
            draw_board_lost_notice(gfx, anim_s_, "This step starts again when the board is back.",
                                   mode_ == WeighInMode::full ? "Esc: back to the player list   ·   Enter: skip the check"
                                                              : "Esc: back to the challenge   ·   Enter: skip the check");
            return;
        }
        std::vector<std::string> help;
        if (ctx_.board.simulated()) help = {"A / D foot on-off", "Q / E knee up", "arrows lean"};
        if (stage_ != Stage::done) {
            if (ctx_.player && ctx_.player->body_weight_kg > 0.0) {
                std::snprintf(buf, sizeof buf, "Enter: skip, use %.0f kg", ctx_.player->body_weight_kg);
                help.emplace_back(buf);
            } else {
                help.emplace_back("Enter: skip");
            }
        }
        help.emplace_back("Esc back");
        draw_hints(gfx, help);
    }

private:
    std::string result_text(int i) const {
        char buf[64];
        if (i == 0) return "zeroed";
        if (i == 1) { std::snprintf(buf, sizeof buf, "%.1f kg", weight_kg_); return buf; }
        if (i == 2) { std::snprintf(buf, sizeof buf, "left foot at %.0f mm", left_x_mm_); return buf; }
        std::snprintf(buf, sizeof buf, "right foot at %+.0f mm", right_x_mm_);
        return buf;
    }

    // Readings of the last `span_s` seconds, or empty if the history is shorter.
    std::vector<const Reading*> window(double now_s, double span_s) const {
        std::vector<const Reading*> out;
        if (readings_.empty() || now_s - readings_.front().t_s < span_s) return out;
        for (const auto& r : readings_) {
            if (now_s - r.t_s <= span_s) out.push_back(&r);
        }
        return out;
    }

    bool steady(const std::vector<const Reading*>& w) const {
        if (w.size() < 5) return false;
        auto [lo, hi] = std::minmax_element(w.begin(), w.end(), [](auto* a, auto* b) { return a->raw_total_kg < b->raw_total_kg; });
        return (*hi)->raw_total_kg - (*lo)->raw_total_kg <= kSteadyKg * 2;
    }

    // Length of the run of readings at the end that satisfy `ok`, seconds.
    template <typename Pred>
    double run_s(double now_s, Pred ok) const {
        double start = now_s;
        for (auto it = readings_.rbegin(); it != readings_.rend(); ++it) {
            if (!ok(*it)) break;
            start = it->t_s;
        }
        return now_s - start;
    }

    void advance(double now_s) {
        const Reading& last = readings_.back();
        switch (stage_) {
            case Stage::step_off: {
                const double held = run_s(now_s, [](const Reading& r) { return r.raw_total_kg < kEmptyKg; });
                progress_ = std::min(1.0, held / kHoldOff_s);
                note_ = last.raw_total_kg >= kEmptyKg ? Note{"Someone or something is on the board", true} : Note{};
                if (held >= kHoldOff_s && steady(window(now_s, 1.0))) {
                    tare_ = ctx_.board.recent_raw_mean(40);
                    ctx_.board.set_tare(tare_[0], tare_[1], tare_[2], tare_[3]);
                    next(Stage::step_on);
                }
                break;
            }
            case Stage::step_on: {
                const double tare_total = tare_[0] + tare_[1] + tare_[2] + tare_[3];
                const double held = run_s(now_s, [&](const Reading& r) {
                    return r.raw_total_kg - tare_total >= kMinWeightKg && r.frame.stance == core::Stance::both;
                });
                const auto w = window(now_s, std::min(held, 1.5));
                const bool still = held >= 1.0 && steady(w);
                progress_ = still ? std::min(1.0, held / kHoldOn_s) : std::min(0.3, held / kHoldOn_s);
                note_ = held > 0.5 && !still ? Note{"Stand still a moment"} : Note{};
                if (held >= kHoldOn_s && still) {
                    double sum = 0.0;
                    for (const Reading* r : w) sum += r->raw_total_kg;
                    weight_kg_ = sum / static_cast<double>(w.size()) - tare_total;
                    ctx_.board.set_body_weight_kg(weight_kg_);
                    if (stages_.back() == Stage::step_on) {
                        next(Stage::done);  // the feet are known: nothing more to learn
                        save();
                    } else {
                        next(Stage::left_foot);
                    }
                }
                break;
            }
            case Stage::left_foot:
            case Stage::right_foot: {
                const bool left = stage_ == Stage::left_foot;
                // The whole weight on one foot: the signal's single-leg stance, or
                // (before it has learned this player's feet) the CoP well out to
                // that side. A foot 100 mm from the centre still loads the other
                // side's sensors by a quarter, so the loads alone cannot say it.
                auto on_foot = [&](const Reading& r) {
                    const core::Stance want = left ? core::Stance::left : core::Stance::right;
                    const bool cop_out = r.frame.cop_valid && (left ? r.frame.cop_x_mm < -kFootCopMm : r.frame.cop_x_mm > kFootCopMm);
                    return r.frame.total_kg > 0.8 * weight_kg_ && (r.frame.stance == want || cop_out);
                };
                const double held = run_s(now_s, on_foot);
                progress_ = std::min(1.0, held / kHoldFoot_s);
                if (held >= kHoldFoot_s) {
                    double sum = 0.0;
                    int n = 0;
                    for (const Reading* r : window(now_s, 0.8)) {
                        if (on_foot(*r)) { sum += r->frame.cop_x_mm; ++n; }
                    }
                    const double x = n ? sum / n : 0.0;
                    (left ? left_x_mm_ : right_x_mm_) = x;
                    next(left ? Stage::right_foot : Stage::done);
                    if (!left) save();
                }
                break;
            }
            case Stage::done:
                progress_ = 1.0;
                if (now_s - stage_since_s_ > kAutoContinue_s) finish();
                break;
        }
    }

    void next(Stage s) {
        stage_ = s;
        stage_since_s_ = now_s_;
        progress_ = 0.0;
        note_ = {};
        ctx_.audio.play(s == Stage::done ? Sound::set_complete : Sound::good);
    }

    void save() {
        if (!ctx_.player) return;
        PlayerProfile& p = *ctx_.player;
        p.body_weight_kg = weight_kg_;
        p.tare_kg = tare_;
        p.left_foot_x_mm = left_x_mm_;
        p.right_foot_x_mm = right_x_mm_;
        p.weighed_this_run = true;
        if (ctx_.db && p.player.id != 0) {
            try {
                store::WeighIn w;
                w.player_id = p.player.id;
                w.body_weight_kg = weight_kg_;
                w.left_foot_x_mm = left_x_mm_;
                w.right_foot_x_mm = right_x_mm_;
                store::add_weigh_in(*ctx_.db, w);
            } catch (const std::exception& e) {
                ctx_.toast(std::string("Weigh-in not saved: ") + e.what());
            }
        }
    }

    void finish() {
        if (finished_) return;
        finished_ = true;
        ctx_.scenes.replace(next_ ? next_() : make_level_select_scene(ctx_));
    }

    AppContext& ctx_;
    WeighInMode mode_;
    SceneFactory next_;                // after the check (empty: level select)
    std::vector<Stage> stages_;      // the stages this check goes through, in order
    Stage stage_ = Stage::step_off;
    std::deque<Reading> readings_;
    std::array<float, 4> tare_{};
    double weight_kg_ = 0.0;
    double left_x_mm_ = 0.0, right_x_mm_ = 0.0;
    double progress_ = 0.0;
    double now_s_ = 0.0, stage_since_s_ = 0.0, anim_s_ = 0.0;
    float drawn_unit_ = 0.0f;
    Note note_;
    bool board_lost_ = false;
    bool finished_ = false;
};

}  // namespace

std::unique_ptr<Scene> make_weigh_in_scene(AppContext& ctx, WeighInMode mode, SceneFactory next) {
    return std::make_unique<WeighInScene>(ctx, mode, std::move(next));
}

}  // namespace highstep::app
