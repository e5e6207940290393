#pragma once
// The play screen's heads-up display, drawn from the session's HudState alone
// (issue 5 item 3): the board seen from above with the CoP dot and the target
// zone, left/right load bars, reps and sets, the rest countdown, the visual
// metronome, judgement pop-ups, the stability meter, combo, holds, and the
// "Reconnect your board" pause. Also the board picture the weigh-in uses.
#include <optional>
#include <string>
#include <string_view>

#include "gfx.h"
#include "highstep/core/level/level.h"
#include "highstep/core/session/session.h"

namespace highstep::app {

struct BoardPicture {
    bool cop_valid = false;
    double cop_x_mm = 0.0;          // + player's right
    double cop_y_mm = 0.0;          // + player's front
    std::optional<double> target_x_mm;  // target zone centre (none: no zone)
    double target_y_mm = 0.0;
    double target_radius_mm = 40.0;
    double left_kg = 0.0;
    double right_kg = 0.0;
    double body_weight_kg = 0.0;    // scales the load bars (0: scale to the larger load)
    // Footprints to highlight: the weigh-in asks for one foot, play shows the stance.
    bool highlight_left = false;
    bool highlight_right = false;
    // Footprints the screen asks the player to stand on (a ring round the pad), when
    // the highlight shows where the weight is (the board check).
    bool ask_left = false;
    bool ask_right = false;
};

// The live part of a picture from anything with the SignalFrame's fields
// (core::SignalFrame, core::HudState).
template <typename Live>
BoardPicture board_picture_of(const Live& s) {
    BoardPicture b;
    b.cop_valid = s.cop_valid;
    b.cop_x_mm = s.cop_x_mm;
    b.cop_y_mm = s.cop_y_mm;
    b.left_kg = s.left_kg;
    b.right_kg = s.right_kg;
    b.body_weight_kg = s.body_weight_kg;
    return b;
}

// The board from above in `r` (pixels), load bars at its sides.
void draw_board_picture(Gfx& gfx, const SDL_FRect& r, const BoardPicture& board, double t_s);

struct HudExtras {
    std::string level_title;
    bool simulated_board = false;   // show the simulated board's key help
    bool show_key_help = true;
    double anim_s = 0.0;            // wall-ish time for animations that run while paused
    // The count-in's panel starts no higher than this (pixels): the coach's line sits
    // under the level's label and the count-in moves down out of its way.
    float count_in_min_top_px = 0.0f;
};

// The play screen's scale. In a portrait window (taller than wide) the 16:9 design,
// fitted to the width, left the HUD tiny (0.55 of its size at 700x1100) with empty sky
// above and below: there the HUD is scaled so its two top panels fill the width, and
// the metronome panel stands above the bottom corners' panels instead of between them.
bool hud_stacked(const Gfx& gfx);
float hud_unit(const Gfx& gfx);
// Draws with the HUD's scale while it lives (the HUD, the level's label, the coach line).
class HudScale {
public:
    explicit HudScale(Gfx& gfx) : gfx_(gfx), saved_(gfx.unit()) { gfx.set_unit(hud_unit(gfx)); }
    ~HudScale() { gfx_.set_unit(saved_); }
    HudScale(const HudScale&) = delete;
    HudScale& operator=(const HudScale&) = delete;

private:
    Gfx& gfx_;
    float saved_;
};
// Where the play screen's toasts start (pixels from the top) and which way they stack:
// the top centre between the top panels, or in a portrait window above the stacked
// metronome panel, growing upwards. `max_w_px` is the room they have across,
// `limit_px` how far they may reach (down to the level's label, or up to under the
// coach's line): a toast that would pass it waits until the ones shown have gone.
struct ToastPlace {
    float y_px = 0;
    float step_sign = 1;  // +1 down, -1 up
    float max_w_px = 0;
    float limit_px = 0;
};
ToastPlace play_toast_place(Gfx& gfx);

void draw_hud(Gfx& gfx, const core::HudState& hud, const core::Level& level, const HudExtras& extras);
// Adds covers (see Gfx) for what draw_hud paints opaque: its panels, or the whole
// window while the board is lost. Draw the world after this and drop the covers
// before draw_hud.
void cover_hud(Gfx& gfx, const core::HudState& hud, const HudExtras& extras);
// The "Reconnect your board" panel over a dimmed window: the play pause, and the
// board check while the board is out. `what_waits` says what happens to the screen
// meanwhile, `way_out` how to leave it without the board.
void draw_board_lost_notice(Gfx& gfx, double anim_s, std::string_view what_waits, std::string_view way_out);

// Judgement words as the player sees them, and their colours.
const char* judgement_word(core::Judgement judgement);
Color judgement_color(core::Judgement judgement);

}  // namespace highstep::app
