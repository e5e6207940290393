// A player's settings: input offset (by hand, from auto-sync, or back to 0), board
// orientation, stronger leg, and sound (music volume, effects volume, mute: heard
// at once while choosing). Nothing is written until Save; Cancel, Esc or the
// gamepad's B leave the stored player as it was. Every row works with the
// keyboard, a gamepad and the board (lean forward/back to move, left/right to
// change a value, a step or the board's button to choose).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

#include "board_link.h"
#include "gfx.h"
#include "highstep/store/auto_sync.h"
#include "highstep/store/players.h"
#include "highstep/store/session_log.h"
#include "highstep/store/sound_settings.h"
#include "scenes/scenes.h"
#include "widgets.h"

namespace highstep::app {

namespace {

constexpr double kOffsetStep_ms = 5.0;
constexpr double kOffsetMax_ms = 500.0;  // what the store accepts (store::update_player)
constexpr float kVolumeStep = 0.1f;

enum Row { kOffset, kAutoSync, kReset, kBoard, kLeg, kMusic, kEffects, kMute, kSave, kCancel, kRows };

std::string percent(float v) { return std::to_string(static_cast<int>(std::lround(v * 100.0f))) + " %"; }

std::string signed_ms(double ms) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%+.0f ms", ms);
    return ms == 0.0 ? "0 ms" : buf;
}

class PlayerSettingsScene final : public Scene {
public:
    PlayerSettingsScene(AppContext& ctx, const store::Player& player) : ctx_(ctx), stored_(player), edit_(player) {
        if (ctx_.db) {
            try {
                auto_sync_ = store::last_auto_sync(*ctx_.db, player.id);
                const store::SoundSettings s = store::sound_settings(*ctx_.db, player.id);
                stored_volumes_ = {static_cast<float>(s.music_volume), static_cast<float>(s.effects_volume), s.muted};
            } catch (const std::exception& e) {
                ctx_.toast(e.what());
            }
        }
        volumes_ = stored_volumes_;
        rebuild();
        ctx_.board.reset_nav();
    }
    // The sound heard while choosing was a preview: what is in force stays (or is what was saved).
    ~PlayerSettingsScene() override { ctx_.audio.set_volumes(ctx_.volumes); }
    std::string_view id() const override { return "player_settings"; }
    void step(double dt_s) override { t_s_ += dt_s; }

    std::string probe(std::string_view key) const override {
        if (key == "row") return std::to_string(menu_.selected);
        if (key == "offset_ms") return std::to_string(static_cast<int>(std::lround(edit_.input_offset_ms)));
        if (key == "rotated") return edit_.board_rotated_180 ? "1" : "0";
        if (key == "leg") return store::to_string(edit_.dominant_leg);
        if (key == "music") return std::to_string(static_cast<int>(std::lround(volumes_.music * 100.0f)));
        if (key == "effects") return std::to_string(static_cast<int>(std::lround(volumes_.effects * 100.0f)));
        if (key == "muted") return volumes_.muted ? "1" : "0";
        if (key == "auto_sync") return auto_sync_ ? std::to_string(static_cast<int>(std::lround(auto_sync_->offset_ms))) : "";
        return {};
    }

    bool on_action(Action a) override {
        if (a == Action::left || a == Action::right) {
            change(menu_.selected, a == Action::right ? 1 : -1);
            return true;
        }
        const MenuInput in = menu_.handle(a, ctx_);  // back pops: leaves without saving
        if (in != MenuInput::chosen) return in == MenuInput::used;
        switch (menu_.selected) {
            case kOffset: menu_.navigate(Action::down, ctx_); break;  // a value row: on to the next
            case kAutoSync: edit_.input_offset_ms = std::round(auto_sync_->offset_ms); break;
            case kReset: edit_.input_offset_ms = 0.0; break;
            case kBoard: edit_.board_rotated_180 = !edit_.board_rotated_180; break;
            case kLeg: edit_.dominant_leg = edit_.dominant_leg == store::Leg::left ? store::Leg::right : store::Leg::left; break;
            case kMusic:
            case kEffects: menu_.navigate(Action::down, ctx_); break;
            case kMute: change(kMute, volumes_.muted ? -1 : 1); return true;
            case kSave: save(); return true;
            case kCancel: ctx_.scenes.pop(); return true;
            default: break;
        }
        rebuild();
        return true;
    }

    void draw(Gfx& gfx, double) override {
        draw_backdrop(gfx, t_s_);
        draw_screen_title(gfx, "Settings: " + edit_.name, "Saved when you choose Save · Esc leaves them as they were");
        // Six rows show at a time (all ten ran past the window's bottom: Save and Cancel were
        // never seen); the list scrolls with the selection, ▲ ▼ say there is more.
        menu_.draw(gfx, 90, 162, 620, 6, t_s_);
        const SDL_FRect panel = gfx.drect(750, 150, 450, 430);  // clear of the board badge
        draw_panel(gfx, panel);
        switch (menu_.selected) {
            case kOffset:
            case kAutoSync:
            case kReset: draw_offset_help(gfx, panel); break;
            case kBoard: draw_board_help(gfx, panel); break;
            default: draw_summary(gfx, panel); break;
        }
        draw_hints(gfx, {"↑↓ choose", "←→ change", "Enter select", "Esc cancel"});
        draw_board_badge(gfx, ctx_);
    }

private:
    // ←→ on a value row: the offset in 5 ms steps, the two-way choices flip.
    void change(int row, int dir) {
        if (row == kOffset) {
            const double v = std::clamp(edit_.input_offset_ms + dir * kOffsetStep_ms, -kOffsetMax_ms, kOffsetMax_ms);
            if (v != edit_.input_offset_ms) ctx_.audio.play(Sound::menu_move);
            // Back onto the 5 ms grid after an auto-sync value such as +37.
            edit_.input_offset_ms = std::round(v / kOffsetStep_ms) * kOffsetStep_ms;
        } else if (row == kBoard) {
            edit_.board_rotated_180 = dir > 0;
            ctx_.audio.play(Sound::menu_move);
        } else if (row == kLeg) {
            edit_.dominant_leg = dir > 0 ? store::Leg::right : store::Leg::left;
            ctx_.audio.play(Sound::menu_move);
        } else if (row == kMusic || row == kEffects) {
            float& v = row == kMusic ? volumes_.music : volumes_.effects;
            v = std::clamp(std::round((v + dir * kVolumeStep) * 10.0f) / 10.0f, 0.0f, 1.0f);
            preview();
        } else if (row == kMute) {
            volumes_.muted = dir > 0;
            preview();
        }
        rebuild();
    }

    void rebuild() {
        const int keep = menu_.selected;
        menu_.items.assign(kRows, {});
        const double off = edit_.input_offset_ms;
        menu_.items[kOffset] = {"Input offset: " + signed_ms(off), offset_meaning(off), true, palette::accent, "◀ ▶"};
        if (auto_sync_) {
            const double s = std::round(auto_sync_->offset_ms);
            menu_.items[kAutoSync] = {"Use auto-sync: " + signed_ms(s),
                                      "measured in " + auto_sync_->level_title + ", " + store::local_day(auto_sync_->finished_unix_s),
                                      s != off, palette::good};
        } else {
            menu_.items[kAutoSync] = {"Auto-sync: nothing measured yet", "play a level with a beat, 8 steady reps", false,
                                      palette::good};
        }
        menu_.items[kReset] = {"Reset offset to 0", "judge steps as the board feels them", off != 0.0, palette::text_dim};
        menu_.items[kBoard] = {std::string("Board: ") + (edit_.board_rotated_180 ? "turned round (180°)" : "normal"),
                               edit_.board_rotated_180 ? "its front is behind your heels" : "its front is at your toes",
                               true, palette::left_leg, "◀ ▶"};
        menu_.items[kLeg] = {std::string("Stronger leg: ") + store::to_string(edit_.dominant_leg),
                             "the leg you stand strongest on", true,
                             edit_.dominant_leg == store::Leg::left ? palette::left_leg : palette::right_leg, "◀ ▶"};
        menu_.items[kMusic] = {"Music: " + percent(volumes_.music), "the music's volume", true, palette::accent, "◀ ▶"};
        menu_.items[kEffects] = {"Sound effects: " + percent(volumes_.effects), "the beat's calls, judgements, menus",
                                 true, palette::accent, "◀ ▶"};
        menu_.items[kMute] = {std::string("Mute: ") + (volumes_.muted ? "on (silent)" : "off"),
                              volumes_.muted ? "no sound at all" : "music and effects play", true, palette::text_dim,
                              "◀ ▶"};
        const bool changed = edit_.input_offset_ms != stored_.input_offset_ms ||
                             edit_.board_rotated_180 != stored_.board_rotated_180 ||
                             edit_.dominant_leg != stored_.dominant_leg || sound_changed();
        menu_.items[kSave] = {"Save", changed ? "keep these settings" : "nothing changed", ctx_.db != nullptr,
                              palette::action};
        menu_.items[kCancel] = {"Cancel", "leave without saving", true, palette::text_dim};
        menu_.selected = std::clamp(keep, 0, kRows - 1);
    }

    static std::string offset_meaning(double ms) {
        if (ms == 0.0) return "your steps are judged as the board feels them";
        const int n = static_cast<int>(std::lround(std::abs(ms)));
        // The offset is taken off every contact before judging: + judges steps earlier.
        return "your steps are judged " + std::to_string(n) + (ms > 0 ? " ms earlier" : " ms later");
    }

    bool sound_changed() const {
        return volumes_.music != stored_volumes_.music || volumes_.effects != stored_volumes_.effects ||
               volumes_.muted != stored_volumes_.muted;
    }

    // Heard at once; the sound in force comes back on leaving unless saved.
    void preview() {
        ctx_.audio.set_volumes(volumes_);
        ctx_.audio.play(Sound::menu_move);
    }

    void save() {
        if (!ctx_.db) return;
        try {
            store::update_player(*ctx_.db, edit_);
            if (sound_changed()) {
                store::set_sound_settings(*ctx_.db, edit_.id, {volumes_.music, volumes_.effects, volumes_.muted});
            }
        } catch (const std::exception& e) {
            ctx_.audio.play(Sound::miss);
            ctx_.toast(std::string("Not saved: ") + e.what());
            return;
        }
        // The player at the board plays with the new settings from the next level on.
        if (ctx_.player && ctx_.player->player.id == edit_.id) {
            PlayerProfile& p = *ctx_.player;
            if (p.player.board_rotated_180 != edit_.board_rotated_180) {
                // What this run's weigh-in measured was in the other frame: turning the
                // board round swaps diagonal sensors and mirrors the CoP.
                if (p.tare_kg) {
                    std::swap((*p.tare_kg)[0], (*p.tare_kg)[3]);
                    std::swap((*p.tare_kg)[1], (*p.tare_kg)[2]);
                }
                if (p.left_foot_x_mm) p.left_foot_x_mm = -*p.left_foot_x_mm;
                if (p.right_foot_x_mm) p.right_foot_x_mm = -*p.right_foot_x_mm;
            }
            const std::optional<double> weight = p.player.body_weight_kg;
            ctx_.player->player = edit_;
            ctx_.player->player.body_weight_kg = weight;
            ctx_.board.set_rotated_180(edit_.board_rotated_180);
            ctx_.volumes = volumes_;
        }
        ctx_.toast("Settings saved for " + edit_.name);
        ctx_.scenes.pop();
    }

    // The beat and a step on a time line: where the step lands before and after the offset.
    void draw_offset_help(Gfx& gfx, const SDL_FRect& p) {
        const float x0 = p.x + gfx.u(30), w = p.w - gfx.u(60);
        gfx.text("Input offset", x0, p.y + gfx.u(24), gfx.u(22), palette::text, Align::left, VAlign::top, FontStyle::bold);
        const char* lines[] = {"Boards and players are a little late or", "early on the beat. The offset is taken",
                               "off every step before it is judged.", "Always late? Use +. Always early? Use −."};
        float y = p.y + gfx.u(64);
        for (const char* l : lines) {
            gfx.text(l, x0, y, gfx.u(17), palette::text_dim);
            y += gfx.u(25);
        }
        // Time line: ±250 ms around a beat.
        const float ly = p.y + gfx.u(225), cx = x0 + w / 2, px_per_ms = w / 500.0f;
        gfx.fill_rect({x0, ly - gfx.u(1), w, gfx.u(2)}, palette::text_dim);
        gfx.fill_rect({cx - gfx.u(2), ly - gfx.u(40), gfx.u(4), gfx.u(80)}, palette::perfect);
        gfx.text("beat", cx, ly + gfx.u(44), small_print_px(gfx, 15), palette::perfect, Align::center, VAlign::top);
        // An example step felt 60 ms late, and where it is judged with this offset.
        constexpr float kFelt_ms = 60.0f;
        const float judged_ms = std::clamp(kFelt_ms - static_cast<float>(edit_.input_offset_ms), -250.0f, 250.0f);
        const float fx = cx + kFelt_ms * px_per_ms, jx = cx + judged_ms * px_per_ms;
        gfx.fill_circle(fx, ly, gfx.u(9), palette::text_dim);
        gfx.text("step felt", fx, ly + gfx.u(16), small_print_px(gfx, 14), palette::text_dim, Align::center);
        if (std::abs(jx - fx) > gfx.u(4)) gfx.line({fx, ly - gfx.u(20)}, {jx, ly - gfx.u(20)}, gfx.u(3), palette::accent);
        gfx.fill_circle(jx, ly - gfx.u(20), gfx.u(9), palette::accent);
        gfx.text("judged", jx, ly - gfx.u(34), small_print_px(gfx, 14), palette::accent, Align::center, VAlign::bottom);
        // Auto-sync.
        y = p.y + gfx.u(300);
        gfx.text("Auto-sync", x0, y, gfx.u(20), palette::text, Align::left, VAlign::top, FontStyle::bold);
        y += gfx.u(34);
        if (auto_sync_) {
            // The suggestion is the raw error (before any offset), so it is the offset to use.
            gfx.text("Auto-sync found your steps " + signed_ms(std::round(auto_sync_->offset_ms)) + " off", x0, y,
                     gfx.u(17), palette::text_dim);
            gfx.text("the beat: the median of 8 steady reps in a row", x0, y + gfx.u(25), gfx.u(17), palette::text_dim);
            gfx.text("Played with " + signed_ms(std::round(auto_sync_->played_offset_ms)) + " · pick Use auto-sync", x0,
                     y + gfx.u(50), gfx.u(17), palette::text_dim);
        } else {
            gfx.text("Play a level with a beat: after 8 steady", x0, y, gfx.u(17), palette::text_dim);
            gfx.text("reps in a row the game measures your", x0, y + gfx.u(25), gfx.u(17), palette::text_dim);
            gfx.text("timing and offers the offset here.", x0, y + gfx.u(50), gfx.u(17), palette::text_dim);
        }
    }

    // The board from above with the player's feet: where its front (the Wii
    // board's power button) is for each orientation.
    void draw_board_help(Gfx& gfx, const SDL_FRect& p) {
        const float x0 = p.x + gfx.u(30);
        gfx.text("Board orientation", x0, p.y + gfx.u(24), gfx.u(22), palette::text, Align::left, VAlign::top,
                 FontStyle::bold);
        gfx.text("Seen from above, you stand facing up:", x0, p.y + gfx.u(64), gfx.u(17), palette::text_dim);
        const SDL_FRect board = {p.x + p.w / 2 - gfx.u(150), p.y + gfx.u(110), gfx.u(300), gfx.u(160)};
        gfx.fill_round_rect(board, gfx.u(26), mix(palette::panel_light, palette::text, 0.25));
        gfx.fill_round_rect({board.x + gfx.u(8), board.y + gfx.u(8), board.w - gfx.u(16), board.h - gfx.u(16)},
                            gfx.u(20), mix(palette::panel_light, palette::text, 0.12));
        // The front edge with its button: at the toes, or behind the heels when turned round.
        const bool turned = edit_.board_rotated_180;
        const float edge_y = turned ? board.y + board.h - gfx.u(4) : board.y + gfx.u(4);
        gfx.fill_round_rect({board.x + gfx.u(40), edge_y - gfx.u(4), board.w - gfx.u(80), gfx.u(8)}, gfx.u(4),
                            palette::action);
        gfx.fill_circle(board.x + board.w - gfx.u(40), edge_y, gfx.u(9), palette::action);
        gfx.text("front", board.x + board.w / 2, turned ? board.y + board.h + gfx.u(12) : board.y - gfx.u(12),
                 gfx.u(16), palette::action, Align::center, turned ? VAlign::top : VAlign::bottom, FontStyle::bold);
        // Feet, toes up.
        for (int side = 0; side < 2; ++side) {
            const float fx = board.x + board.w / 2 + (side ? 1.0f : -1.0f) * gfx.u(62);
            const float fy = board.y + board.h / 2;
            const Color c = side ? palette::right_leg : palette::left_leg;
            gfx.fill_round_rect({fx - gfx.u(18), fy - gfx.u(42), gfx.u(36), gfx.u(84)}, gfx.u(18), c);
            gfx.text(side ? "R" : "L", fx, fy, gfx.u(20), palette::text_dark, Align::center, VAlign::middle,
                     FontStyle::bold);
        }
        const char* lines[] = {turned ? "Turned round: the front is behind you." : "Normal: the front is at your toes.",
                               "The game swaps the board's sensors to", "match, so leaning left is left, your left",
                               "foot is your left, in menus and in play."};
        for (int i = 0; i < 4; ++i) {
            gfx.text(lines[i], x0, p.y + gfx.u(312.0f + 25.0f * i), gfx.u(17), i == 0 ? palette::text : palette::text_dim);
        }
    }

    // Save / Cancel: what would change.
    void draw_summary(Gfx& gfx, const SDL_FRect& p) {
        const float x0 = p.x + gfx.u(30), x1 = p.x + p.w - gfx.u(30);
        gfx.text("Stored now → after Save", x0, p.y + gfx.u(24), gfx.u(22), palette::text, Align::left, VAlign::top,
                 FontStyle::bold);
        float y = p.y + gfx.u(80);
        auto row = [&](const char* label, const std::string& was, const std::string& now) {
            gfx.text(label, x0, y, gfx.u(17), palette::text_dim);
            gfx.text(was == now ? now : was + " → " + now, x1, y, gfx.u(17), was == now ? palette::text : palette::perfect,
                     Align::right, VAlign::top, FontStyle::bold);
            y += gfx.u(34);
        };
        row("Input offset", signed_ms(stored_.input_offset_ms), signed_ms(edit_.input_offset_ms));
        row("Board", stored_.board_rotated_180 ? "turned round" : "normal", edit_.board_rotated_180 ? "turned round" : "normal");
        row("Stronger leg", store::to_string(stored_.dominant_leg), store::to_string(edit_.dominant_leg));
        row("Music", percent(stored_volumes_.music), percent(volumes_.music));
        row("Effects", percent(stored_volumes_.effects), percent(volumes_.effects));
        row("Mute", stored_volumes_.muted ? "on" : "off", volumes_.muted ? "on" : "off");
        if (!ctx_.db) {
            gfx.text("No database: settings cannot be saved.", x0, y + gfx.u(20), gfx.u(17), palette::warning);
        }
    }

    AppContext& ctx_;
    store::Player stored_;  // as it is in the database
    store::Player edit_;    // as shown; written on Save
    Volumes stored_volumes_;  // the player's sound as stored (defaults if never set)
    Volumes volumes_;         // as shown and heard; written on Save
    std::optional<store::AutoSyncSuggestion> auto_sync_;
    Menu menu_;
    double t_s_ = 0.0;
};

}  // namespace

std::unique_ptr<Scene> make_player_settings_scene(AppContext& ctx, const store::Player& player) {
    return std::make_unique<PlayerSettingsScene>(ctx, player);
}

}  // namespace highstep::app
