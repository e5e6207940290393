// Play: one level on the board. The core Session does the game (recognition,
// program, world, scoring); this scene feeds it the board's samples, steps it on
// the loop's fixed steps, draws its world and HUD, plays its sound cues, writes
// every finished rep to the database as it happens, and moves on to the results.
//
// Timing: the session is advanced one step ahead of the loop's clock (to the end
// of the step after the current one), so every sample that has arrived is
// processed in the frame that polled it, and the world is drawn between the last
// two step states with the loop's interpolation factor (exact for "now").
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <deque>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "board_link.h"
#include "gfx.h"
#include "hud.h"
#include "highstep/app/cue_sounds.h"
#include "highstep/app/music_follow.h"
#include "highstep/core/session/session.h"
#include "highstep/input/recording.h"
#include "highstep/store/background_recorder.h"
#include "scenes/challenge_recording.h"
#include "scenes/play_coach.h"
#include "scenes/challenge_scenes.h"
#include "scenes/finish_words.h"
#include "scenes/scenes.h"
#include "widgets.h"
#include "world_draw.h"

namespace highstep::app {

namespace {

constexpr double kResultsDelay_s = 2.0;   // the last jump lands before the results show
constexpr double kReplayIdle_s = 1.0;     // a finished replay with no samples this long ends the session

core::SessionSettings settings_for(const AppContext& ctx, const ChallengeLevelPlay* challenge) {
    core::SessionSettings s;
    s.signal.board_blips = ctx.board.board_blips();
    if (challenge) s.ghost = challenge->ghost;  // null: the rival keeps the level's pace
    if (ctx.player) {
        const PlayerProfile& p = *ctx.player;
        s.input_offset_ms = p.player.input_offset_ms;
        s.body_weight_kg = p.body_weight_kg;
        s.tare_kg = p.tare_kg;
        s.signal.rotated_180 = p.player.board_rotated_180;
        s.signal.left_foot_x_mm = p.left_foot_x_mm;
        s.signal.right_foot_x_mm = p.right_foot_x_mm;
    }
    return s;
}

class PauseScene;

class PlayScene final : public Scene {
public:
    PlayScene(AppContext& ctx, const core::Level& level, std::shared_ptr<const ChallengeLevelPlay> challenge)
        : ctx_(ctx), level_(level), challenge_(std::move(challenge)), session_(level, settings_for(ctx, challenge_.get())),
          music_(shared_track(ctx.music, core::to_string(level.type))) {
        current_ = session_.world_view();
        previous_ = current_;
        if (ctx_.db && ctx_.storage.ok() && ctx_.player && ctx_.player->player.id != 0) {
            try {
                store::SessionStart start = store::session_start(level, ctx_.player->player.id);
                start.body_weight_kg = ctx_.player->body_weight_kg;
                if (challenge_) {
                    // A challenge turn: stored as `highstep play --challenge` stores a run,
                    // with this run's recording kept as its ghost.
                    start.challenge_id = challenge_->challenge.id;
                    recording_.emplace(std::vector<std::pair<std::string, std::string>>{
                        {"level", level.id}, {"player", ctx_.player->player.name}, {"board", ctx_.board.describe()}});
                }
                log_.emplace(ctx_.db->path(), start);
            } catch (const std::exception& e) {
                ctx_.toast(std::string("This session will not be saved: ") + e.what());
            }
        }
        ctx_.board.reset_nav();
    }

    ~PlayScene() override { ctx_.audio.set_music(music_for_menu(ctx_.menu_track)); }

    std::string_view id() const override { return "play"; }
    bool wants_board_nav() const override { return false; }

    std::string probe(std::string_view key) const override {
        const core::HudState& h = session_.hud();
        if (key == "reps") return std::to_string(h.reps_done_total);
        if (key == "score") return std::to_string(h.score);
        if (key == "set") return std::to_string(h.set);
        if (key == "phase") return std::to_string(static_cast<int>(h.phase));
        if (key == "combo") return std::to_string(h.combo);
        if (key == "board_lost") return h.paused_board_lost ? "1" : "0";
        if (key == "finished") return session_.finished() ? "1" : "0";
        if (key == "session_t") return std::to_string(h.t_s);
        if (key == "load_kg") return std::to_string(h.left_kg + h.right_kg);
        if (key == "ghost_m") return std::to_string(current_.ghost_x_m);
        if (key == "to_go_m") return std::to_string(std::max(0.0, current_.finish_x_m - current_.runner_x_m));
        if (key == "crossed") return current_.finished ? "1" : "0";
        // The sprinter's drawn height in pixels: now, and the least in any frame so far.
        if (key == "runner_px") return std::to_string(runner_px_);
        if (key == "min_runner_px") return std::to_string(min_runner_px_);
        if (key == "coach") return std::to_string(coach_line_ ? static_cast<int>(coach_line_->prompt) : 0);
        // Judged moments (a step-up's contact, a knee drive's foot-off) and in how many frames
        // after their sample arrived the judgement was on screen.
        if (key == "contacts") return std::to_string(contacts_);
        if (key == "judgements") return std::to_string(judgements_);  // judgements shown and heard
        if (key == "contact_lag_frames") return std::to_string(last_contact_lag_);
        if (key == "max_contact_lag_frames") return std::to_string(max_contact_lag_);
        if (key == "foot_on_next") return current_.foot_on_next ? "1" : "0";
        // Numbers, as the script's wait_probe compares: 0 ready, 1 stepping, 2 top, 3 lowering.
        if (key == "climb_stage") return std::to_string(static_cast<int>(current_.climb_stage));
        if (key == "popup") return h.popup ? (h.popup->taken_back ? "2" : "1") : "0";  // none, judged, taken back
        if (key == "meter") return std::to_string(static_cast<int>(h.meter));  // idle, steadiness, lowering
        return {};
    }

    void on_resume() override {
        if (user_paused_since_s_) {
            user_paused_total_s_ += ctx_.now_s - *user_paused_since_s_;
            user_paused_since_s_.reset();
        }
    }

    void frame(double now_s) override {
        ++frame_index_;
        session_.set_board_connected(ctx_.board.state() != SourceState::lost);
        for (BoardSample s : ctx_.board.samples()) {
            s.t_s -= user_paused_total_s_;
            // At the recording's resolution: the run replays headless to exactly its score.
            s = as_recorded(s);
            if (!session_.push_sample(s)) continue;  // a lost board's stragglers are not played
            // On the session's clock (read after the push: the first sample back from a
            // lost board resumes the session), which its recogniser and phases run on: a
            // wait for a lost board is left out, so the recorded run raced as a ghost
            // later has no gap either and replays to what was played.
            BoardSample game = s;
            game.t_s -= session_.board_lost_s();
            arrivals_.push_back({game.t_s, frame_index_});
            if (arrivals_.size() > 512) arrivals_.pop_front();
            if (recording_) recording_->add(game);
            last_sample_s_ = now_s;
        }
        // A replayed recording that has run out ends the session (a live board never does).
        if (ctx_.board.finished() && !session_.finished() && now_s - last_sample_s_ > kReplayIdle_s) {
            session_.finish();
            after_steps();
        }
        if (results_due(now_s)) show_results();
        follow_music();
        coach_line_ = coach_.update(level_.type, session_.hud(), ctx_.board.simulated(), now_s);
    }

    void step(double dt_s) override {
        previous_ = current_;
        session_.advance_to(ctx_.step_end_s + dt_s - user_paused_total_s_);
        current_ = session_.world_view();
        after_steps();
    }

    bool on_action(Action a) override {
        if (a == Action::pause || a == Action::back) {
            open_pause();
            return true;
        }
        if (a == Action::confirm && finished_at_s_ && !running_home()) {
            show_results();
            return true;
        }
        return false;
    }

    void draw(Gfx& gfx, double alpha) override {
        HudExtras extras;
        extras.level_title = level_.title;
        extras.simulated_board = ctx_.board.simulated();
        extras.anim_s = ctx_.now_s;
        std::optional<SDL_FRect> coach_pill;
        // The world is drawn around the HUD's panels, not under them.
        const std::size_t mark = gfx.covers_mark();
        {
            const HudScale scale(gfx);
            if (coach_line_) {
                coach_pill = coach_rect(gfx, coach_line_->text);
                extras.count_in_min_top_px = coach_pill->y + coach_pill->h + gfx.u(8);
            }
            cover_hud(gfx, session_.hud(), extras);
        }
        runner_px_ = draw_world(gfx, previous_, current_, alpha, level_.type, session_.hud().t_s,
                                challenge_ && challenge_->ghost ? challenge_->ghost_name : std::string());
        if (runner_px_ > 0.0f) min_runner_px_ = min_runner_px_ > 0.0f ? std::min(min_runner_px_, runner_px_) : runner_px_;
        gfx.drop_covers(mark);
        const HudScale scale(gfx);
        draw_hud(gfx, session_.hud(), level_, extras);
        if (coach_line_) draw_coach_line(gfx, *coach_pill, coach_line_->text);
        if (finished_at_s_) draw_finish(gfx);
    }

    // Used by the pause overlay.
    void open_pause();
    void restart() { ctx_.scenes.replace(make_play_scene(ctx_, level_, challenge_)); }
    void quit_level() { ctx_.scenes.pop(); }
    bool in_challenge() const { return challenge_ != nullptr; }

private:
    // The music follows the session (section, combo) on its beat grid, and the
    // stream is told what session time it is now, so that what the player hears
    // is on the grid they are judged by.
    void follow_music() {
        ctx_.audio.set_music(music_.state(session_, user_paused_since_s_.has_value()));
        ctx_.audio.sync_music(ctx_.now_s - user_paused_total_s_ - session_.board_lost_s(), ctx_.wall_s);
    }

    bool music_plays() const {
        return ctx_.audio.has_music() && music_.track() && !ctx_.volumes.muted && ctx_.volumes.music > 0.0f;
    }

    // The coach's prompt on a pill under the level's label ("Ledge 3 / 24"), which it
    // covered before; the count-in moves down under it.
    // In a narrow window the words shrink to fit it.
    static float coach_text_px(Gfx& gfx, const std::string& text) {
        return fit_size(gfx, text, gfx.u(19), gfx.width() - gfx.u(56), FontStyle::bold);
    }
    SDL_FRect coach_rect(Gfx& gfx, const std::string& text) const {
        const SDL_FPoint m = gfx.measure(text, coach_text_px(gfx, text), FontStyle::bold);
        const float w = m.x + gfx.u(40);
        return {gfx.width() / 2 - w / 2, world_label_bottom_px(gfx, level_.type) + gfx.u(6), w, gfx.u(34)};
    }
    void draw_coach_line(Gfx& gfx, const SDL_FRect& r, const std::string& text) {
        gfx.fill_round_rect(r, r.h / 2, palette::action);
        gfx.text(text, r.x + r.w / 2, r.y + r.h / 2, coach_text_px(gfx, text), palette::text_dark, Align::center,
                 VAlign::middle, FontStyle::bold);
    }

    // The end of the level: a celebration at the summit / finish line, above the
    // middle of the screen so the last judgement stays readable.
    void draw_finish(Gfx& gfx) {
        const bool done = session_.result().completed;
        const double age_s = ctx_.now_s - *finished_at_s_;
        if (done) {
            // Confetti falling from the top: a fixed pattern, so screenshots repeat.
            const Color colours[] = {palette::perfect, palette::good, palette::left_leg, palette::right_leg, palette::miss};
            // Over the whole window, whatever its shape (the fall is in 720ths of its height).
            for (int i = 0; i < 60; ++i) {
                const float x = static_cast<float>((i * 211) % 1280) / 1280.0f * gfx.width();
                const float fall = static_cast<float>(std::fmod(age_s * (120.0 + (i * 37) % 90) + (i * 53) % 300, 720.0));
                const float sway = static_cast<float>(std::sin(age_s * 3.0 + i) * 14.0);
                gfx.fill_rect({x + gfx.u(sway), (fall - 20.0f) / 720.0f * gfx.height(), gfx.u(9), gfx.u(14)}, colours[i % 5]);
            }
        }
        const std::string headline = finish_headline(level_.type, done, running_home(), current_.ledge, current_.ledges);
        // Running home there is nothing to press yet: the headline alone.
        // Between the top panels at the window's top edge; in a portrait window, where the
        // panels fill the width, under the level's label.
        SDL_FRect r = gfx.drect(440, 14, 400, running_home() ? 90 : 118);
        r.y = hud_stacked(gfx) ? world_label_bottom_px(gfx, level_.type) + gfx.u(8) : gfx.u(14);
        gfx.fill_round_rect(r, gfx.u(20), palette::hud_panel);
        gfx.text(headline, r.x + r.w / 2, r.y + gfx.u(46), gfx.u(34), palette::perfect, Align::center, VAlign::middle,
                 FontStyle::bold);
        if (running_home()) return;
        gfx.text("Enter for the results", r.x + r.w / 2, r.y + gfx.u(92), gfx.u(18), palette::text_dim, Align::center,
                 VAlign::middle);
    }

    void after_steps() {
        for (const core::SoundCue& c : session_.take_cues()) {
            if (c.kind == core::CueKind::judgement) ++judgements_;
            // With music its beat is the metronome: the click would only be heard late.
            if (c.kind == core::CueKind::tick && music_plays()) continue;
            play_cue(ctx_.audio, c);
        }
        note_contacts();
        const core::HudState& h = session_.hud();
        if (h.reps_done_total != logged_reps_) log_progress();
        if (session_.finished() && !finished_at_s_) {
            finished_at_s_ = ctx_.now_s;
            finish_log();
        }
        if (current_.finished && !crossed_at_s_) crossed_at_s_ = ctx_.now_s;
    }

    // Sprint Start after the whole program: the sprinter runs home to the line
    // (core/world.h); the race and the results wait for the crossing.
    bool running_home() const {
        return level_.type == core::LevelType::sprint_start && final_ && final_->completed && !current_.finished;
    }

    bool results_due(double now_s) const {
        if (!finished_at_s_ || left_ || running_home()) return false;
        const double since_s = crossed_at_s_ ? std::max(*finished_at_s_, *crossed_at_s_) : *finished_at_s_;
        return now_s - since_s > kResultsDelay_s;
    }

    // The judged moments the steps just made known: the frame their sample arrived in,
    // against this frame, which draws their judgement (the `contact_lag_frames` probe).
    void note_contacts() {
        const auto& phases = session_.phases();
        const core::PhaseType judged = level_.type == core::LevelType::sprint_start ? core::PhaseType::single_leg
                                                                                     : core::PhaseType::foot_down;
        for (; seen_phases_ < phases.size(); ++seen_phases_) {
            const core::MovementPhase& p = phases[seen_phases_];
            if (p.type != judged || !session_.hud().popup || session_.hud().popup->age_s > 0.05) continue;
            for (const Arrival& a : arrivals_) {
                if (a.t_s != p.emitted_s) continue;
                ++contacts_;
                last_contact_lag_ = frame_index_ - a.frame;
                max_contact_lag_ = std::max(max_contact_lag_, last_contact_lag_);
                break;
            }
        }
    }

    // Writes reps, holds and completed sets not yet in the database (one
    // transaction each), so a crash or a pulled plug loses nothing done.
    // The transactions run on the recorder's worker thread, so the frame that shows
    // a rep never waits for the disk.
    void log_progress() {
        logged_reps_ = session_.hud().reps_done_total;
        if (!log_) return;
        if (auto error = log_->take_error()) {
            ctx_.toast("Could not save: " + *error);
            log_.reset();
            return;
        }
        log_->post(session_.result());
    }

    void finish_log() {
        final_ = session_.result();
        if (!log_) return;
        try {
            store::SessionRecorder& rec = log_->finish_on_caller();
            if (recording_ && !rec.attach_recording(recording_->csv())) {
                ctx_.toast("This run is too long to keep as a ghost");
            }
            outcome_ = rec.finish(*final_);
        } catch (const std::exception& e) {
            ctx_.toast(std::string("Result not saved: ") + e.what());
        }
    }

    void show_results() {
        if (left_ || !finished_at_s_) return;
        left_ = true;
        // After the run home: both runners' crossings count.
        if (challenge_ && challenge_->ghost) race_ = core::race_result(*challenge_->ghost, session_.world_view());
        ctx_.scenes.replace(
            make_results_scene(ctx_, level_, final_ ? *final_ : session_.result(), outcome_, challenge_, race_));
    }

    AppContext& ctx_;
    core::Level level_;
    std::shared_ptr<const ChallengeLevelPlay> challenge_;  // a challenge turn (else null)
    core::Session session_;
    SessionMusic music_;
    core::WorldView previous_, current_;
    std::optional<store::BackgroundRecorder> log_;
    int logged_reps_ = 0;
    struct Arrival {
        double t_s;      // the sample's time on the session's clock (as its phases are dated)
        long frame;      // the frame it arrived in
    };
    std::deque<Arrival> arrivals_;
    long frame_index_ = 0;
    std::size_t seen_phases_ = 0;
    int contacts_ = 0;
    int judgements_ = 0;
    long last_contact_lag_ = -1;
    long max_contact_lag_ = -1;
    std::optional<double> user_paused_since_s_;
    double user_paused_total_s_ = 0.0;
    double last_sample_s_ = 0.0;
    std::optional<double> finished_at_s_;
    std::optional<double> crossed_at_s_;
    float runner_px_ = 0.0f;
    float min_runner_px_ = 0.0f;
    std::optional<core::SessionResult> final_;
    std::optional<store::FinishOutcome> outcome_;
    std::optional<RunRecording> recording_;          // a challenge turn's samples, its ghost for others
    std::optional<core::RaceResult> race_;           // against the challenge's ghost
    bool left_ = false;
    PlayCoach coach_;
    std::optional<CoachLine> coach_line_;
};

// The pause overlay: the session is frozen (the play scene is not stepped and its
// clock leaves the pause out).
class PauseScene final : public Scene {
public:
    PauseScene(AppContext& ctx, PlayScene& play) : ctx_(ctx), play_(play) {
        menu_.items = {{"Resume", "", true, palette::good},
                       {"Restart level", "", true, palette::action},
                       {play.in_challenge() ? "Leave this level" : "Quit to level select",
                        play.in_challenge() ? "on to the next level of the turn" : "reps so far stay saved", true,
                        palette::text_dim}};
    }
    std::string_view id() const override { return "pause"; }
    bool is_overlay() const override { return true; }
    void step(double dt_s) override { t_s_ += dt_s; }

    bool on_action(Action a) override {
        // Pause (Esc, P, Start) or back resumes; the menu helper pops on back.
        if (a == Action::pause) a = Action::back;
        const MenuInput in = menu_.handle(a, ctx_);
        if (in != MenuInput::chosen) return in == MenuInput::used;
        ctx_.scenes.pop();
        if (menu_.selected == 1) play_.restart();
        if (menu_.selected == 2) play_.quit_level();
        return true;
    }

    void draw(Gfx& gfx, double) override {
        gfx.fill_rect({0, 0, gfx.width(), gfx.height()}, palette::background.with_alpha(170));
        gfx.fit_design_width(640);  // the panel, larger in a narrow window (above the toasts)
        // The panel starts under the level's label (design 169 from the window's top, the
        // tower's 187 at the left): from 150 it cut "Ledge 0 / 24" in half at 1280x720.
        constexpr float kTop = 190;
        draw_panel(gfx, gfx.drect(400, kTop, 480, 390));
        gfx.text("Paused", gfx.dx(640), gfx.dy(kTop + 50), gfx.u(44), palette::text, Align::center, VAlign::middle,
                 FontStyle::bold);
        menu_.draw(gfx, 440, kTop + 110, 400, 3, t_s_);
        // The keys inside the panel: a bar at the window's foot lay over the dimmed HUD's
        // last lines (the simulated board's key help, the metronome) and read as broken.
        draw_hints_in(gfx, {"↑↓ / lean: choose", "Enter / step: select", "Esc resume"},
                      gfx.drect(410, kTop + 350, 460, 30));
    }

private:
    AppContext& ctx_;
    PlayScene& play_;
    Menu menu_;
    double t_s_ = 0.0;
};

void PlayScene::open_pause() {
    if (user_paused_since_s_) return;
    user_paused_since_s_ = ctx_.now_s;
    ctx_.audio.play(Sound::menu_move);
    follow_music();  // held until the game resumes
    ctx_.scenes.push(std::make_unique<PauseScene>(ctx_, *this));
}

}  // namespace

std::unique_ptr<Scene> make_play_scene(AppContext& ctx, const core::Level& level,
                                       std::shared_ptr<const ChallengeLevelPlay> challenge) {
    return std::make_unique<PlayScene>(ctx, level, std::move(challenge));
}

}  // namespace highstep::app
