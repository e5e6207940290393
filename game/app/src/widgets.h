#pragma once
// The pieces every menu screen is built from, so all screens share one look:
// the backdrop, a screen title, a vertical menu, panels, the key-hint footer and
// toasts. Positions are in design units (1280x720), scaled by Gfx.
#include <string>
#include <vector>

#include "gfx.h"
#include "highstep/app/actions.h"

namespace highstep::app {

struct AppContext;

// Night-sky gradient with soft hills: the backdrop of every menu.
void draw_backdrop(Gfx& gfx, double t_s);
// Big title and a smaller subtitle at the top of a screen.
void draw_screen_title(Gfx& gfx, const std::string& title, const std::string& subtitle = {});
// Bottom line of key hints, e.g. {"↑↓ choose", "Enter start", "Esc back"}.
void draw_hints(Gfx& gfx, const std::vector<std::string>& hints);
// The same keys as one line centred in `rect_px` (a modal panel's foot), smaller to fit.
void draw_hints_in(Gfx& gfx, const std::vector<std::string>& hints, const SDL_FRect& rect_px);
// A rounded panel with a thin edge.
void draw_panel(Gfx& gfx, const SDL_FRect& rect_px, Color fill = palette::panel);
// Where toasts go: in menus above the key hints; on the title above its logo (its menu
// and player line fill the window down to the key hints); while playing between the
// HUD's top panels.
enum class ToastArea { menu, title, play };
// Toasts (AppContext::toast) fading out: the newest two, where `area` says.
void draw_toasts(Gfx& gfx, AppContext& ctx, ToastArea area = ToastArea::menu);
// "Lean or press to choose" reminder with a live CoP dot, for board-driven menus.
void draw_board_badge(Gfx& gfx, AppContext& ctx);
// `size_px`, or smaller (down to 60 %) so that `text` fits `max_w` pixels.
float fit_size(Gfx& gfx, const std::string& text, float size_px, float max_w, FontStyle style = FontStyle::regular);
// Small print (a menu's details, a chart's ranges): the design size, but never below
// kSmallPrintMinPx. At 800x600 the 16:9 design is 0.625 px per unit and a 13-unit
// line was 8 px tall; the places that use this have room for the larger text.
inline constexpr float kSmallPrintMinPx = 10.0f;
float small_print_px(const Gfx& gfx, float design_px);
// A row's label on the left with its value right-aligned at the row's end: the label
// shrinks (down to 60 %, then is cut with "…") to end `gap_px` before the value; a note
// in brackets is left out rather than shrink below 80 %. The results' "Steadiness (100 =
// rock still)" ran under its "not measured".
struct RowLabel {
    std::string text;
    float size_px = 0.0f;
};
RowLabel fit_row_label(Gfx& gfx, const std::string& label, float size_px, float value_w_px, float row_w_px,
                       float gap_px);
// `text` cut with "…" to fit `max_w` pixels (whole UTF-8 characters).
std::string elide(Gfx& gfx, const std::string& text, float size_px, float max_w, FontStyle style = FontStyle::regular);
// `text` cut into lines at spaces so each fits max_w (a word longer than that is a
// line of its own, to be elided by the caller).
std::vector<std::string> wrap_words(Gfx& gfx, const std::string& text, float size_px, float max_w,
                                    FontStyle style = FontStyle::regular);
// The way on from a screen that needs a player when none is chosen (plan, progress).
void draw_choose_player_button(Gfx& gfx);

// A screen of panels laid out for 1280x720, in a portrait window: its heading (the
// design's top `head_h` units, centred) at the window's top, then rows of its panels
// (each row's panels side by side, centred), one row under the other, at the largest
// scale at which all of it fits across and down, the height left over spread between
// the rows. In a window where that is no larger than the 16:9 design's own scale
// (landscape, near square), nothing changes. The scene draws each panel with its own
// design coordinates after place(row, col) (the heading after head()); the window's
// scale and place come back when the layout goes.
class PortraitLayout {
public:
    // `head_w`: the design width the heading needs; `bottom_h`: design units kept free
    // at the bottom (the key hints, the board badge).
    PortraitLayout(Gfx& gfx, float head_h, float head_w, std::vector<std::vector<SDL_FRect>> rows,
                   float bottom_h = 56.0f);
    ~PortraitLayout();
    PortraitLayout(const PortraitLayout&) = delete;
    PortraitLayout& operator=(const PortraitLayout&) = delete;
    bool active() const { return active_; }
    void head();
    void place(std::size_t row, std::size_t col);
    // Where panel (row, col) is drawn, in pixels (its design rect where not active).
    SDL_FRect slot(std::size_t row, std::size_t col) const;

private:
    Gfx& gfx_;
    float saved_unit_;
    bool active_ = false;
    std::vector<std::vector<SDL_FRect>> rows_;
    std::vector<float> row_y_px_;
    float gap_px_ = 0;
};

struct MenuItem {
    std::string label;
    std::string detail;        // smaller text under the label (may be empty)
    bool enabled = true;
    Color tag_color = palette::accent;  // the bar at the item's left edge
    std::string side = {};     // small text at the right edge, shown while selected ("Settings ▶")
};

// What Menu::handle made of an action.
enum class MenuInput {
    unused,  // not a menu action: the scene may use it (←→, pause, ...)
    used,    // moved the selection, or backed out (the scene was popped)
    chosen,  // confirm on an enabled item: act on items[selected]
};

// A vertical list with a selection. Scrolls when the items do not fit.
class Menu {
public:
    std::vector<MenuItem> items;
    int selected = 0;
    float row_h = 74.0f;  // design units from one item's top to the next (the title packs seven)

    // Moves the selection on up/down (wrapping, skipping disabled items); true if
    // the action was used.
    bool navigate(Action action, AppContext& ctx);
    // What every menu screen does with an action: up/down move, back pops the scene,
    // confirm on an enabled item plays the confirm sound and returns `chosen`.
    // Screens that do something else on back (quit, resume) check it first.
    MenuInput handle(Action action, AppContext& ctx);
    // Draws at (x, y) design units, `w` wide, at most `visible` rows.
    void draw(Gfx& gfx, float x, float y, float w, int visible, double t_s) const;
    bool valid() const { return selected >= 0 && selected < static_cast<int>(items.size()); }
};

}  // namespace highstep::app
