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
// A rounded panel with a thin edge.
void draw_panel(Gfx& gfx, const SDL_FRect& rect_px, Color fill = palette::panel);
// Toasts (AppContext::toast) fading out: the newest two, above the key hints (or
// at the top centre while playing, `at_bottom` false).
void draw_toasts(Gfx& gfx, AppContext& ctx, bool at_bottom = true);
// "Lean or press to choose" reminder with a live CoP dot, for board-driven menus.
void draw_board_badge(Gfx& gfx, AppContext& ctx);
// `size_px`, or smaller (down to 60 %) so that `text` fits `max_w` pixels.
float fit_size(Gfx& gfx, const std::string& text, float size_px, float max_w, FontStyle style = FontStyle::regular);
// `text` cut with "…" to fit `max_w` pixels (whole UTF-8 characters).
std::string elide(Gfx& gfx, const std::string& text, float size_px, float max_w, FontStyle style = FontStyle::regular);
// `text` cut into lines at spaces so each fits max_w (a word longer than that is a
// line of its own, to be elided by the caller).
std::vector<std::string> wrap_words(Gfx& gfx, const std::string& text, float size_px, float max_w,
                                    FontStyle style = FontStyle::regular);
// The way on from a screen that needs a player when none is chosen (plan, progress).
void draw_choose_player_button(Gfx& gfx);

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
