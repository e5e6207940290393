// A player's turn in a challenge: the challenge's levels in order. Before each
// level a card says which one comes and, for Sprint Start, whose ghost is raced
// (the best run on that level that carries a recording: another household's or
// the best here). Each level is played and stored by the play scene as a turn
// in the challenge; its results lead back here, and after the last level the
// turn ends on the challenge's leaderboard.
#include <sstream>
#include <utility>

#include "board_link.h"
#include "gfx.h"
#include "highstep/input/recording.h"
#include "scenes/challenge_scenes.h"
#include "scenes/challenge_turn.h"
#include "scenes/scenes.h"
#include "widgets.h"

namespace highstep::app {

namespace {

const char* type_name(core::LevelType t) {
    switch (t) {
        case core::LevelType::hill_climb: return "Hill Climb";
        case core::LevelType::sprint_start: return "Sprint Start";
        case core::LevelType::balance_tower: return "Balance Tower";
    }
    return "";
}

class ChallengeTurnScene final : public Scene {
public:
    ChallengeTurnScene(AppContext& ctx, std::shared_ptr<ChallengeTurn> turn) : ctx_(ctx), turn_(std::move(turn)) {
        if (ctx_.player) {
            turn_->player_name = ctx_.player->player.name;
            if (ctx_.player->tare_kg) turn_->board_tare_kg = ctx_.player->tare_kg;
        }
        ctx_.board.reset_nav();
        prepare();
    }
    std::string_view id() const override { return "challenge_turn"; }
    void step(double dt_s) override { t_s_ += dt_s; }

    void on_resume() override {
        ctx_.board.reset_nav();
        if (turn_->next_level >= turn_->levels.size()) {
            ctx_.scenes.pop();  // every level played: the leaderboard shows the place
            return;
        }
        prepare();
    }

    std::string probe(std::string_view key) const override {
        if (key == "level") return std::to_string(turn_->next_level);
        if (key == "ghost") return ghost_ ? "1" : "0";
        return {};
    }

    bool on_action(Action a) override {
        if (a == Action::back) {
            ctx_.scenes.pop();  // ends the turn here; levels played so far stay stored
            return true;
        }
        if (a != Action::confirm || turn_->next_level >= turn_->levels.size()) return false;
        ctx_.audio.play(Sound::menu_confirm);
        const core::Level& level = turn_->levels[turn_->next_level];
        auto play = std::make_shared<ChallengeLevelPlay>();
        play->challenge = turn_->challenge;
        play->level_number = static_cast<int>(turn_->next_level) + 1;
        play->ghost = ghost_;
        play->ghost_name = ghost_name_;
        ++turn_->next_level;
        play->next_label = turn_->next_level < turn_->levels.size() ? "Next level" : "Leaderboard";
        ctx_.scenes.push(make_play_scene(ctx_, level, std::move(play)));
        return true;
    }

    void draw(Gfx& gfx, double) override {
        draw_backdrop(gfx, t_s_);
        draw_screen_title(gfx, turn_->player_name.empty() ? "Your turn" : turn_->player_name + "'s turn",
                          turn_->challenge.name);
        if (turn_->next_level >= turn_->levels.size()) return;
        const core::Level& level = turn_->levels[turn_->next_level];
        const SDL_FRect card = gfx.drect(290, 150, 700, 400);
        draw_panel(gfx, card);
        const float cx = card.x + card.w / 2;
        gfx.text("Level " + std::to_string(turn_->next_level + 1) + " of " + std::to_string(turn_->levels.size()), cx,
                 card.y + gfx.u(40), gfx.u(22), palette::accent, Align::center, VAlign::middle, FontStyle::bold);
        gfx.text(level.title, cx, card.y + gfx.u(95), gfx.u(44), palette::text, Align::center, VAlign::middle,
                 FontStyle::bold);
        gfx.text(std::string(type_name(level.type)) + " · " + std::to_string(level.program.sets) + " × " +
                     std::to_string(level.program.reps_per_leg) + " per leg",
                 cx, card.y + gfx.u(145), gfx.u(20), palette::text_dim, Align::center, VAlign::middle);
        gfx.text(level.description, cx, card.y + gfx.u(185), gfx.u(17), palette::text_dim, Align::center, VAlign::middle);
        if (level.type == core::LevelType::sprint_start) {
            const SDL_FRect tag = {card.x + gfx.u(60), card.y + gfx.u(230), card.w - gfx.u(120), gfx.u(56)};
            gfx.fill_round_rect(tag, gfx.u(12), ghost_ ? palette::rival.with_alpha(200) : palette::panel_light);
            gfx.text(ghost_ ? "Race " + ghost_name_ + "'s ghost" : "No ghost yet: race the level's pace", cx,
                     tag.y + tag.h / 2, gfx.u(24), ghost_ ? palette::text_dark : palette::text, Align::center,
                     VAlign::middle, FontStyle::bold);
        }
        const SDL_FRect go = {card.x + gfx.u(160), card.y + card.h - gfx.u(90), card.w - gfx.u(320), gfx.u(60)};
        gfx.fill_round_rect(go, gfx.u(12), palette::action);
        gfx.text("Enter / step on: start", cx, go.y + go.h / 2, gfx.u(24), palette::text_dark, Align::center,
                 VAlign::middle, FontStyle::bold);
        draw_hints(gfx, {"Enter start", "Esc end the turn"});
        draw_board_badge(gfx, ctx_);
    }

private:
    // The next level's ghost: the best run on it with a recording, replayed
    // through the core session once here so the race itself costs nothing.
    void prepare() {
        ghost_.reset();
        ghost_name_.clear();
        if (!ctx_.db || turn_->next_level >= turn_->levels.size()) return;
        const core::Level& level = turn_->levels[turn_->next_level];
        if (level.type != core::LevelType::sprint_start) return;
        try {
            const auto entry = store::ghost_entry(*ctx_.db, turn_->challenge.id, level.id);
            if (!entry) return;
            std::istringstream text(entry->recording_csv);
            const Recording recording = read_recording(text, "the ghost of " + entry->player_name);
            ghost_ = std::make_shared<const core::GhostTimeline>(core::GhostTimeline::replay(level, recording.samples));
            ghost_name_ = entry->player_name;
            if (entry->household != store::household_name(*ctx_.db)) ghost_name_ += " (" + entry->household + ")";
        } catch (const std::exception& e) {
            ctx_.toast(std::string("No ghost to race: ") + e.what());
            ghost_.reset();
        }
    }

    AppContext& ctx_;
    std::shared_ptr<ChallengeTurn> turn_;
    std::shared_ptr<const core::GhostTimeline> ghost_;
    std::string ghost_name_;
    double t_s_ = 0.0;
};

}  // namespace

std::unique_ptr<Scene> make_challenge_turn_scene(AppContext& ctx, std::shared_ptr<ChallengeTurn> turn) {
    return std::make_unique<ChallengeTurnScene>(ctx, std::move(turn));
}

}  // namespace highstep::app
