// Learn the moves: a short practice from the title, before the first level. Each of
// the three exercises (step-up, knee drive, prisoner-hold balance) is shown as an
// animated figure on the board with a few words and, with the simulated board, its
// keys; the player tries it and the board's recogniser confirms it (a step-up
// event, a knee-drive event, three seconds on one foot). Then on to the first level.
#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <variant>
#include <vector>

#include "board_link.h"
#include "format_value.h"
#include "gfx.h"
#include "hud.h"
#include "scenes/practice_figure.h"
#include "scenes/scenes.h"
#include "widgets.h"

namespace highstep::app {

namespace {

constexpr double kBalanceHold_s = 3.0;   // one-foot hold that counts as the balance move
constexpr double kPraise_s = 1.6;        // "Got it!" shown this long before the next move
constexpr double kStandingKg = 8.0;      // more than this on the board: someone is on it
constexpr double kSettle_s = 2.0;        // on both feet this long before a one-leg move is read

struct Exercise {
    const char* name;
    PracticeMove move;
    std::vector<std::string> words;     // what to do, in plain words
    std::string board_way;              // on the board
    std::string keys_way;               // on the keyboard (simulated board)
};

const std::array<Exercise, 3>& exercises() {
    static const std::array<Exercise, 3> all{{
        {"Step-up", PracticeMove::step_up,
         {"Step up onto the board with one foot, bring the other foot up",
          "and stand tall. Then step down the same way: slowly, in control.",
          "Hill Climb is built from these, on the beat."},
         "Start beside the board, step up, step down.",
         "Keys: A (left foot on) · D (right foot on) · D (right off) · A (left off)"},
        {"Knee drive", PracticeMove::knee_drive,
         {"Stand on the board with both feet. Drive one knee up to hip",
          "height, hold it there a moment, then put the foot down.",
          "Sprint Start charges while you hold; the foot landing bursts."},
         "Both feet on, one knee up, hold, down.",
         "Keys: A and D (both feet on), hold E (right knee up) a second, let go"},
        {"Prisoner-hold balance", PracticeMove::balance,
         {"Hands behind your head, elbows wide. Lift one foot and stand",
          "still on the other for three seconds. Keep the dot in the middle.",
          "Balance Tower tilts with your sway: the stiller, the better."},
         "Both feet on, lift one foot, hold 3 s.",
         "Keys: A and D (both feet on), then D lifts the right foot (or hold E)"},
    }};
    return all;
}

class PracticeScene final : public Scene {
public:
    PracticeScene(AppContext& ctx, SceneFactory next) : ctx_(ctx), next_(std::move(next)) {
        ctx_.board.reset_nav();
    }
    std::string_view id() const override { return "practice"; }
    bool wants_board_nav() const override { return false; }
    // The balance move asks for one foot: D (right foot off) lifts it.
    bool foot_off_is_a_lift() const override { return move_ == 2; }

    std::string probe(std::string_view key) const override {
        if (key == "move") return std::to_string(move_);                   // 0..2, 3 when all done
        if (key == "confirmed") return std::to_string(confirmed_count());  // moves done on the board
        if (key == "hold_s") return format_value("%.2f", hold_s_);
        if (key == "ready") return ready(ctx_.board.frame()) ? "1" : "0";
        if (key == "unit") return format_value("%.3f", drawn_unit_);  // pixels per design unit, last frame
        return {};
    }

    void frame(double now_s) override {
        now_s_ = now_s;
        if (move_ >= 3) return;
        if (praise_until_s_ > 0.0) {
            if (now_s >= praise_until_s_) next_move();
            return;
        }
        const core::SignalFrame& f = ctx_.board.frame();
        bool got_it = false;
        for (const core::Event& e : ctx_.board.events()) {
            if (move_ == 0 && std::holds_alternative<core::StepUpEvent>(e)) got_it = true;
            if (move_ == 1 && std::holds_alternative<core::KneeDriveEvent>(e)) got_it = true;
        }
        if (move_ == 2) {
            const bool one_foot = f.stance == core::Stance::left || f.stance == core::Stance::right;
            if (one_foot && f.total_kg > kStandingKg) {
                if (hold_start_s_ < 0.0) hold_start_s_ = now_s;
                hold_s_ = now_s - hold_start_s_;
            } else {
                hold_start_s_ = -1.0;
                hold_s_ = 0.0;
            }
            got_it = hold_s_ >= kBalanceHold_s;
        }
        if (got_it) {
            done_[static_cast<std::size_t>(move_)] = Done::confirmed;
            praise_until_s_ = now_s + kPraise_s;
            ctx_.audio.play(Sound::perfect);
        }
    }

    void step(double dt_s) override { anim_s_ += dt_s; }

    bool on_action(Action a) override {
        if (a == Action::back || a == Action::pause) {
            ctx_.scenes.pop();
            return true;
        }
        if (a == Action::confirm) {
            if (move_ >= 3) {
                ctx_.audio.play(Sound::menu_confirm);
                ctx_.scenes.replace(next_());
            } else if (praise_until_s_ <= 0.0) {
                // Skipped, not confirmed: the summary says so.
                done_[static_cast<std::size_t>(move_)] = Done::skipped;
                ctx_.audio.play(Sound::menu_move);
                next_move();
            }
            return true;
        }
        return false;
    }

    void draw(Gfx& gfx, double) override {
        draw_backdrop(gfx, anim_s_);
        // In a portrait window the words and the board go under the move, both larger
        // (the summary alone), and the progress dots under the heading.
        const std::vector<std::vector<SDL_FRect>> panels =
            move_ >= 3 ? std::vector<std::vector<SDL_FRect>>{{{240, 160, 800, 420}}}
                       : std::vector<std::vector<SDL_FRect>>{{{60, 150, 560, 440}}, {{650, 150, 570, 440}}};
        PortraitLayout layout(gfx, 160, 600, panels);
        layout.head();
        draw_screen_title(gfx, "Learn the moves", move_ < 3 ? "Move " + std::to_string(move_ + 1) + " of 3: try it, the board confirms it"
                                                            : "All three moves tried");
        draw_progress_dots(gfx, layout.active());
        drawn_unit_ = gfx.unit();
        if (move_ >= 3) {
            layout.place(0, 0);
            draw_summary(gfx);
            draw_hints(gfx, {"Enter: on to your first level", "Esc back"});
            return;
        }
        const Exercise& ex = exercises()[static_cast<std::size_t>(move_)];
        // Left: the move, animated, on a board seen from the side.
        layout.place(0, 0);
        const SDL_FRect stage = gfx.drect(60, 150, 560, 440);
        draw_panel(gfx, stage);
        draw_practice_figure(gfx, gfx.drect(80, 170, 520, 330), ex.move, anim_s_);
        gfx.text(ex.board_way, stage.x + stage.w / 2, stage.y + stage.h - gfx.u(40), gfx.u(18), palette::text_dim,
                 Align::center, VAlign::middle);

        // Right: the words, the keys, and what the board sees now.
        layout.place(1, 0);
        const SDL_FRect info = gfx.drect(650, 150, 570, 440);
        draw_panel(gfx, info);
        float y = info.y + gfx.u(24);
        gfx.text(ex.name, info.x + gfx.u(24), y, gfx.u(32), palette::text, Align::left, VAlign::top, FontStyle::bold);
        y += gfx.u(56);
        for (const std::string& line : ex.words) {
            gfx.text(line, info.x + gfx.u(24), y, gfx.u(16), palette::text, Align::left, VAlign::top);
            y += gfx.u(26);
        }
        if (ctx_.board.simulated()) {
            y += gfx.u(10);
            gfx.text(ex.keys_way, info.x + gfx.u(24), y, gfx.u(15), palette::accent, Align::left, VAlign::top);
        }
        // The board from above: where the weight is now.
        BoardPicture pic = board_picture_of(ctx_.board.frame());
        const SDL_FRect board_r = gfx.drect(700, 385, 260, 130);
        draw_board_picture(gfx, board_r, pic, anim_s_);
        draw_status(gfx, gfx.drect(980, 385, 220, 130));
        std::vector<std::string> hints;
        if (ctx_.board.simulated()) hints = {"A / D foot on-off", "Q / E knee up"};
        hints.emplace_back("Enter: skip this move");
        hints.emplace_back("Esc back");
        draw_hints(gfx, hints);
    }

private:
    enum class Done { not_yet, confirmed, skipped };

    // Standing on both feet long enough for the recogniser to know the stance.
    static bool ready(const core::SignalFrame& f) {
        return f.stance == core::Stance::both && f.body_weight_kg > 0.0 && f.t_s - f.stance_since_s >= kSettle_s;
    }

    int confirmed_count() const {
        return static_cast<int>(std::count(done_.begin(), done_.end(), Done::confirmed));
    }

    void next_move() {
        praise_until_s_ = 0.0;
        hold_start_s_ = -1.0;
        hold_s_ = 0.0;
        ++move_;
    }

    // What to do now, or the praise when the board confirmed the move.
    void draw_status(Gfx& gfx, const SDL_FRect& r) {
        const float cx = r.x + r.w / 2, cy = r.y + r.h / 2;
        if (praise_until_s_ > 0.0) {
            gfx.fill_circle(cx, cy - gfx.u(18), gfx.u(30), palette::good);
            gfx.text("✓", cx, cy - gfx.u(18), gfx.u(34), palette::text_dark, Align::center, VAlign::middle, FontStyle::bold);
            gfx.text("Got it!", cx, cy + gfx.u(40), gfx.u(24), palette::good, Align::center, VAlign::middle, FontStyle::bold);
            return;
        }
        const core::SignalFrame& f = ctx_.board.frame();
        const bool on = f.total_kg > kStandingKg;
        std::string say = "Try it now";
        if (move_ == 0) say = !on ? "Step up now" : f.stance == core::Stance::both ? "Now step down, slowly" : "Keep going";
        if (move_ > 0 && !on) say = "Step on with both feet";
        // The board learns the player's weight and two-foot centre from a moment of
        // standing before it can tell a knee drive or a hold from a lean (there has been
        // no weigh-in on the way from the title).
        if (move_ > 0 && f.stance == core::Stance::both && !ready(f)) say = "Stand still a moment";
        if (move_ == 2) {
            const float p = static_cast<float>(std::clamp(hold_s_ / kBalanceHold_s, 0.0, 1.0));
            gfx.ring(cx, cy - gfx.u(18), gfx.u(34), gfx.u(28), palette::panel_light);
            if (p > 0.0f) gfx.arc(cx, cy - gfx.u(18), gfx.u(34), gfx.u(28), 0.0f, p * 2.0f * 3.14159265f, palette::accent);
            gfx.text(format_value("%.1f s", std::min(hold_s_, kBalanceHold_s)), cx, cy - gfx.u(18), gfx.u(18),
                     palette::text, Align::center, VAlign::middle, FontStyle::bold);
        }
        gfx.text(say, cx, cy + gfx.u(40), gfx.u(18), palette::action, Align::center, VAlign::middle, FontStyle::bold);
    }

    // At the heading's right, or under it in a portrait layout (the right was off the window).
    void draw_progress_dots(Gfx& gfx, bool under_heading) {
        for (int i = 0; i < 3; ++i) {
            const Done d = done_[static_cast<std::size_t>(i)];
            const Color c = d == Done::confirmed ? palette::good
                            : d == Done::skipped ? palette::text_dim
                            : i == move_         ? palette::action
                                                 : palette::panel_light;
            if (under_heading) {
                gfx.fill_circle(gfx.dx(600 + i * 40.0f), gfx.dy(142), gfx.u(10), c);
            } else {
                gfx.fill_circle(gfx.dx(1100 + i * 40.0f), gfx.dy(80), gfx.u(12), c);
            }
        }
    }

    void draw_summary(Gfx& gfx) {
        const SDL_FRect r = gfx.drect(240, 160, 800, 420);
        draw_panel(gfx, r);
        const bool all = confirmed_count() == 3;
        gfx.text(all ? "You know the moves!" : "Moves tried", r.x + r.w / 2, r.y + gfx.u(50), gfx.u(36),
                 all ? palette::good : palette::text, Align::center, VAlign::middle, FontStyle::bold);
        for (int i = 0; i < 3; ++i) {
            const Done d = done_[static_cast<std::size_t>(i)];
            const float y = r.y + gfx.u(130 + i * 70.0f);
            gfx.fill_circle(r.x + gfx.u(120), y, gfx.u(22), d == Done::confirmed ? palette::good : palette::panel_light);
            gfx.text(d == Done::confirmed ? "✓" : "–", r.x + gfx.u(120), y, gfx.u(24), palette::text_dark, Align::center,
                     VAlign::middle, FontStyle::bold);
            gfx.text(exercises()[static_cast<std::size_t>(i)].name, r.x + gfx.u(165), y, gfx.u(26), palette::text,
                     Align::left, VAlign::middle, FontStyle::bold);
            gfx.text(d == Done::confirmed ? "done on the board" : "skipped", r.x + r.w - gfx.u(60), y, gfx.u(17),
                     d == Done::confirmed ? palette::good : palette::text_dim, Align::right, VAlign::middle);
        }
        const SDL_FRect go = {r.x + gfx.u(200), r.y + r.h - gfx.u(90), r.w - gfx.u(400), gfx.u(60)};
        gfx.fill_round_rect(go, gfx.u(12), palette::action);
        gfx.text("Enter: play your first level", go.x + go.w / 2, go.y + go.h / 2, gfx.u(22), palette::text_dark,
                 Align::center, VAlign::middle, FontStyle::bold);
    }

    AppContext& ctx_;
    SceneFactory next_;
    int move_ = 0;
    std::array<Done, 3> done_{Done::not_yet, Done::not_yet, Done::not_yet};
    double praise_until_s_ = 0.0;
    double hold_start_s_ = -1.0, hold_s_ = 0.0;
    double now_s_ = 0.0, anim_s_ = 0.0;
    float drawn_unit_ = 0.0f;
};

}  // namespace

std::unique_ptr<Scene> make_practice_scene(AppContext& ctx, SceneFactory next) {
    return std::make_unique<PracticeScene>(ctx, std::move(next));
}

}  // namespace highstep::app
