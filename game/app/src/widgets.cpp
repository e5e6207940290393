#include "widgets.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "app_context.h"
#include "board_link.h"
#include "hud.h"

namespace highstep::app {

void draw_backdrop(Gfx& gfx, double t_s) {
    gfx.gradient_rect({0, 0, gfx.width(), gfx.height()}, palette::background_top, palette::background);
    // A few slow stars and two layers of rounded hills along the bottom.
    for (int i = 0; i < 40; ++i) {
        const float x = std::fmod(static_cast<float>(i) * 197.3f, 1280.0f);
        const float y = std::fmod(static_cast<float>(i) * 83.7f, 330.0f);
        const double tw = 0.5 + 0.5 * std::sin(t_s * 1.3 + i * 1.7);
        gfx.fill_circle(gfx.dx(x), gfx.dy(y), gfx.u(1.2f + (i % 3) * 0.6f),
                        palette::text.with_alpha(static_cast<std::uint8_t>(60 + 100 * tw)));
    }
    const Color far = mix(palette::background, palette::hill_dark, 0.35);
    const Color near = mix(palette::background, palette::hill_dark, 0.6);
    for (int i = -1; i < 6; ++i) {
        gfx.fill_circle(gfx.dx(i * 300.0f + 120.0f), gfx.dy(900.0f), gfx.u(330.0f), far);
    }
    for (int i = -1; i < 6; ++i) {
        gfx.fill_circle(gfx.dx(i * 260.0f), gfx.dy(1010.0f), gfx.u(360.0f), near);
    }
    // Cover the letterbox edges of very wide or tall windows with the same colours.
    gfx.fill_rect({0, gfx.dy(720), gfx.width(), gfx.height() - gfx.dy(720)}, near);
}

float small_print_px(const Gfx& gfx, float design_px) { return std::max(gfx.u(design_px), kSmallPrintMinPx); }

float fit_size(Gfx& gfx, const std::string& text, float size_px, float max_w, FontStyle style) {
    const float w = gfx.measure(text, size_px, style).x;
    return w <= max_w ? size_px : std::max(size_px * 0.6f, size_px * max_w / w);
}

RowLabel fit_row_label(Gfx& gfx, const std::string& label, float size_px, float value_w_px, float row_w_px,
                       float gap_px) {
    const float room = std::max(0.0f, row_w_px - value_w_px - gap_px);
    float size = fit_size(gfx, label, size_px, room);
    // Fonts come in whole pixels: a fitted size may round up past the room.
    while (size > 0.6f * size_px && gfx.measure(label, size).x > room) size -= 0.5f;
    // A note in brackets goes before the label gets much smaller or cut ("Steadiness (100
    // = rock still)" at 800x600 with "not measured" beside it).
    const auto note = label.find(" (");
    if ((size < 0.8f * size_px || gfx.measure(label, size).x > room) && note != std::string::npos && note > 0) {
        return fit_row_label(gfx, label.substr(0, note), size_px, value_w_px, row_w_px, gap_px);
    }
    return {elide(gfx, label, size, room), size};
}

void draw_screen_title(Gfx& gfx, const std::string& title, const std::string& subtitle) {
    // A long player name in "NAME's plan for today" shrinks, then is cut, inside the window.
    const float room = std::min(gfx.u(1200), gfx.width() - gfx.u(40));  // a portrait layout's larger scale
    const float size = fit_size(gfx, title, gfx.u(46), room, FontStyle::bold);
    gfx.text(elide(gfx, title, size, room, FontStyle::bold), gfx.dx(640), gfx.dy(48) + (gfx.u(46) - size) / 2, size,
             palette::text, Align::center, VAlign::top, FontStyle::bold);
    if (!subtitle.empty()) {
        const float sub = fit_size(gfx, subtitle, gfx.u(20), room, FontStyle::regular);
        gfx.text(elide(gfx, subtitle, sub, room), gfx.dx(640), gfx.dy(108), sub, palette::text_dim, Align::center);
    }
}

PortraitLayout::PortraitLayout(Gfx& gfx, float head_h, float head_w, std::vector<std::vector<SDL_FRect>> rows,
                               float bottom_h)
    : gfx_(gfx), saved_unit_(gfx.unit()), rows_(std::move(rows)) {
    constexpr float kMargin = 20.0f, kGap = 20.0f;  // design units: the window's sides, between panels
    float wide = head_w, tall = head_h + bottom_h;
    for (const auto& row : rows_) {
        float w = -kGap, h = 0;
        for (const SDL_FRect& r : row) {
            w += r.w + kGap;
            h = std::max(h, r.h);
        }
        wide = std::max(wide, w);
        tall += h + kGap;
    }
    wide += 2 * kMargin;
    const float unit = std::min(gfx.width() / wide, gfx.height() / tall);
    // Worth a layout of its own only when it draws the screen clearly larger.
    if (gfx.height() <= gfx.width() || unit < gfx.window_unit() * 1.1f) return;
    active_ = true;
    gfx.set_unit(unit);
    // The height left over, shared between the gaps under the heading, the rows and
    // the bottom's free band: the panels spread down the window.
    gap_px_ = gfx.u(kGap);
    const float spare = gfx.height() - tall * unit;
    const float share = spare / static_cast<float>(rows_.size() + 1);
    float y = gfx.u(head_h) + share;
    for (const auto& row : rows_) {
        row_y_px_.push_back(y);
        float h = 0;
        for (const SDL_FRect& r : row) h = std::max(h, r.h);
        y += gfx.u(h + kGap) + share;
    }
}

PortraitLayout::~PortraitLayout() {
    gfx_.place_design_back();
    gfx_.set_unit(saved_unit_);
}

void PortraitLayout::head() {
    if (active_) gfx_.place_design(640, 0, gfx_.width() / 2, 0);
}

SDL_FRect PortraitLayout::slot(std::size_t row, std::size_t col) const {
    const SDL_FRect& r = rows_.at(row).at(col);
    if (!active_) return gfx_.drect(r.x, r.y, r.w, r.h);
    float row_w = -gap_px_, x = 0;
    for (std::size_t i = 0; i < rows_[row].size(); ++i) {
        if (i == col) x = row_w + gap_px_;
        row_w += gfx_.u(rows_[row][i].w) + gap_px_;
    }
    return {(gfx_.width() - row_w) / 2 + x, row_y_px_[row], gfx_.u(r.w), gfx_.u(r.h)};
}

void PortraitLayout::place(std::size_t row, std::size_t col) {
    if (!active_) return;
    const SDL_FRect s = slot(row, col);
    const SDL_FRect& r = rows_.at(row).at(col);
    gfx_.place_design(r.x, r.y, s.x, s.y);
}

namespace {
std::string hints_line(const std::vector<std::string>& hints, const char* gap) {
    std::string line;
    for (const auto& h : hints) {
        if (!line.empty()) line += gap;
        line += h;
    }
    return line;
}

void hints_text(Gfx& gfx, const std::string& line, const SDL_FRect& r, float size_px) {
    const float room = r.w - gfx.u(20);
    const float size = fit_size(gfx, line, size_px, room);  // narrow: smaller, then cut
    gfx.text(elide(gfx, line, size, room), r.x + r.w / 2, r.y + r.h / 2, size, palette::text_dim, Align::center,
             VAlign::middle);
}
}  // namespace

void draw_hints(Gfx& gfx, const std::vector<std::string>& hints) {
    // At the window's bottom edge (in a tall window the design box ends mid-screen).
    const float bar_y = gfx.height() - gfx.u(40);
    const SDL_FRect bar{0, bar_y, gfx.width(), gfx.height() - bar_y};
    gfx.fill_rect(bar, palette::background.with_alpha(200));
    hints_text(gfx, hints_line(hints, "     "), bar, gfx.u(18));
}

void draw_hints_in(Gfx& gfx, const std::vector<std::string>& hints, const SDL_FRect& rect_px) {
    hints_text(gfx, hints_line(hints, "   "), rect_px, gfx.u(16));
}

std::vector<std::string> wrap_words(Gfx& gfx, const std::string& text, float size_px, float max_w, FontStyle style) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t space = text.find(' ', at);
        const std::string word = text.substr(at, space == std::string::npos ? std::string::npos : space - at);
        at = space == std::string::npos ? text.size() : space + 1;
        if (word.empty()) continue;
        std::string longer = line.empty() ? word : line;
        if (!line.empty()) longer.append(" ").append(word);
        if (!line.empty() && gfx.measure(longer, size_px, style).x > max_w) {
            lines.push_back(line);
            line = word;
        } else {
            line = longer;
        }
    }
    if (!line.empty()) lines.push_back(line);
    return lines;
}

std::string elide(Gfx& gfx, const std::string& text, float size_px, float max_w, FontStyle style) {
    if (gfx.measure(text, size_px, style).x <= max_w) return text;
    std::string cut = text;
    while (!cut.empty()) {
        // Drop one UTF-8 character.
        while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80) cut.pop_back();
        if (!cut.empty()) cut.pop_back();
        if (gfx.measure(cut + "…", size_px, style).x <= max_w) return cut + "…";
    }
    return "…";
}

void draw_choose_player_button(Gfx& gfx) {
    const SDL_FRect r = gfx.drect(440, 320, 400, 70);
    gfx.fill_round_rect(r, gfx.u(14), palette::action);
    gfx.text("Enter: choose a player", r.x + r.w / 2, r.y + r.h / 2, gfx.u(26), palette::text_dark, Align::center,
             VAlign::middle, FontStyle::bold);
}

void draw_panel(Gfx& gfx, const SDL_FRect& r, Color fill) {
    const float edge = std::max(1.0f, gfx.u(2));
    gfx.fill_round_rect(r, gfx.u(14), palette::panel_edge.with_alpha(160));
    gfx.fill_round_rect({r.x + edge, r.y + edge, r.w - 2 * edge, r.h - 2 * edge}, gfx.u(13), fill);
}

void draw_toasts(Gfx& gfx, AppContext& ctx, ToastArea area) {
    constexpr double kShow_s = 4.0;
    constexpr std::size_t kShown = 2;  // the newest two; older ones wait their turn out
    std::erase_if(ctx.toasts, [&](const AppContext::Toast& t) { return ctx.now_s - t.shown_at_s > kShow_s; });
    // Menus keep their titles at the top: toasts sit above the key hints there, at the
    // window's bottom edge. In play they go between the HUD's top panels, in the room
    // there is (they ran over the panels), or in a portrait window above its bottom panels.
    std::optional<HudScale> hud_scale;  // in play, at the HUD's scale
    if (area == ToastArea::play) hud_scale.emplace(gfx);
    // In menus they grow up from above the key hints, never over the heading, and
    // keep clear of the board badge's corner (draw_board_badge: 150 units from the
    // right edge), so a toast is at most the width between it and its mirror. On the
    // title, down from the window's top, never into the logo (its figure's head at 52).
    const float menu_w = std::min(gfx.u(1180), gfx.width() - 2 * gfx.u(158));
    const ToastPlace place = area == ToastArea::menu    ? ToastPlace{gfx.height() - gfx.u(720 - 628), -1, menu_w, gfx.dy(140)}
                             : area == ToastArea::title ? ToastPlace{gfx.u(8), 1, menu_w, gfx.dy(50)}
                                                        : play_toast_place(gfx);
    // Stacking down from the first box's top edge, or up from its bottom edge.
    float edge = place.step_sign > 0 ? place.y_px : place.y_px + gfx.u(38);
    const std::size_t first = ctx.toasts.size() > kShown ? ctx.toasts.size() - kShown : 0;
    for (std::size_t i = ctx.toasts.size(); i-- > first;) {
        const auto& t = ctx.toasts[i];
        const double age = ctx.now_s - t.shown_at_s;
        const double fade = std::clamp((kShow_s - age) / 0.6, 0.0, 1.0);
        const float room = place.max_w_px - gfx.u(36);
        // Too long for one line in the room there is: two lines, cut at the space
        // nearest the middle, rather than small print or a cut sentence.
        std::vector<std::string> lines{t.text};
        if (gfx.measure(t.text, gfx.u(19)).x > room) {
            std::size_t cut = std::string::npos;
            for (std::size_t k = t.text.find(' '); k != std::string::npos; k = t.text.find(' ', k + 1)) {
                const auto off = [&](std::size_t c) { return c > t.text.size() / 2 ? c - t.text.size() / 2 : t.text.size() / 2 - c; };
                if (cut == std::string::npos || off(k) < off(cut)) cut = k;
            }
            if (cut != std::string::npos) lines = {t.text.substr(0, cut), t.text.substr(cut + 1)};
        }
        float size_px = gfx.u(19), text_w = 0;
        for (const auto& line : lines) size_px = std::min(size_px, fit_size(gfx, line, gfx.u(19), room));
        for (auto& line : lines) {
            line = elide(gfx, line, size_px, room);
            text_w = std::max(text_w, gfx.measure(line, size_px).x);
        }
        const float line_h = gfx.u(24), h = gfx.u(38) + line_h * static_cast<float>(lines.size() - 1);
        const float top = place.step_sign > 0 ? edge : edge - h;
        // The newest always shows; an older one that would reach the label (or the
        // heading) waits its turn.
        const bool past = place.step_sign > 0 ? top + h > place.limit_px : top < place.limit_px;
        if (past && i + 1 < ctx.toasts.size()) break;
        const SDL_FRect r{gfx.width() / 2 - text_w / 2 - gfx.u(18), top, text_w + gfx.u(36), h};
        gfx.fill_round_rect(r, gfx.u(19), palette::panel_light.with_alpha(static_cast<std::uint8_t>(235 * fade)));
        for (std::size_t k = 0; k < lines.size(); ++k) {
            gfx.text(lines[k], gfx.width() / 2, r.y + gfx.u(19) + line_h * static_cast<float>(k), size_px,
                     palette::text.with_alpha(static_cast<std::uint8_t>(255 * fade)), Align::center, VAlign::middle);
        }
        edge += place.step_sign * (h + gfx.u(8));
    }
}

void draw_board_badge(Gfx& gfx, AppContext& ctx) {
    // Bottom-right: a small board with the live CoP, so the player sees the board works;
    // at the window's corner, above the key hints, whatever the window's shape.
    const SDL_FRect r{gfx.width() - gfx.u(150), gfx.height() - gfx.u(120), gfx.u(130), gfx.u(72)};
    gfx.fill_round_rect(r, gfx.u(10), palette::panel_light);
    const SDL_FRect top = {r.x + gfx.u(8), r.y + gfx.u(8), r.w - gfx.u(16), r.h - gfx.u(16)};
    gfx.fill_round_rect(top, gfx.u(8), mix(palette::panel_light, palette::text, 0.15));
    const core::SignalFrame& f = ctx.board.frame();
    if (f.cop_valid) {
        const float cx = top.x + top.w / 2 + static_cast<float>(f.cop_x_mm / 216.5) * top.w / 2;
        const float cy = top.y + top.h / 2 - static_cast<float>(f.cop_y_mm / 119.0) * top.h / 2;
        gfx.fill_circle(std::clamp(cx, top.x, top.x + top.w), std::clamp(cy, top.y, top.y + top.h), gfx.u(5),
                        palette::action);
    }
    gfx.text(ctx.board.state() == SourceState::lost ? "board lost" : "lean / step", r.x + r.w / 2, r.y - gfx.u(4),
             small_print_px(gfx, 14), palette::text_dim, Align::center, VAlign::bottom);
}

bool Menu::navigate(Action action, AppContext& ctx) {
    if (items.empty()) return false;
    const int n = static_cast<int>(items.size());
    int step = 0;
    if (action == Action::up) step = -1;
    if (action == Action::down) step = 1;
    if (step == 0) return false;
    // Skip disabled items; give up after one full turn.
    int s = selected;
    for (int i = 0; i < n; ++i) {
        s = (s + step + n) % n;
        if (items[static_cast<std::size_t>(s)].enabled) break;
    }
    if (s != selected) ctx.audio.play(Sound::menu_move);
    selected = s;
    return true;
}

MenuInput Menu::handle(Action action, AppContext& ctx) {
    if (navigate(action, ctx)) return MenuInput::used;
    if (action == Action::back) {
        ctx.scenes.pop();
        return MenuInput::used;
    }
    if (action != Action::confirm || !valid() || !items[static_cast<std::size_t>(selected)].enabled) {
        return MenuInput::unused;
    }
    ctx.audio.play(Sound::menu_confirm);
    return MenuInput::chosen;
}

void Menu::draw(Gfx& gfx, float x, float y, float w, int visible, double t_s) const {
    const int n = static_cast<int>(items.size());
    const float row = row_h;
    int first = 0;
    if (n > visible) first = std::clamp(selected - visible / 2, 0, n - visible);
    for (int i = first; i < std::min(n, first + visible); ++i) {
        const MenuItem& it = items[static_cast<std::size_t>(i)];
        const float ry = y + (i - first) * row;
        const bool sel = i == selected;
        const SDL_FRect r = gfx.drect(x, ry, w, row - 10);
        if (sel) {
            const double pulse = 0.5 + 0.5 * std::sin(t_s * 4.0);
            gfx.fill_round_rect({r.x - gfx.u(3), r.y - gfx.u(3), r.w + gfx.u(6), r.h + gfx.u(6)}, gfx.u(14),
                                palette::accent.with_alpha(static_cast<std::uint8_t>(120 + 100 * pulse)));
        }
        gfx.fill_round_rect(r, gfx.u(12), sel ? palette::panel_light : palette::panel);
        gfx.fill_round_rect({r.x, r.y, gfx.u(8), r.h}, gfx.u(4), it.enabled ? it.tag_color : palette::text_dim);
        const Color tc = it.enabled ? palette::text : palette::text_dim;
        // The label ends before the side text ("Settings ▶") instead of under it.
        float label_room = r.w - gfx.u(46);
        if (sel && !it.side.empty()) label_room -= gfx.measure(it.side, gfx.u(17), FontStyle::bold).x + gfx.u(16);
        // Packed rows (the title's seven) get smaller type, so label and detail never meet;
        // a label without a detail there ("Quit") is as large as the others', not larger.
        const bool packed = row < 70.0f;
        if (it.detail.empty()) {
            const float label_px = gfx.u(packed ? 20.0f : 26.0f);
            gfx.text(elide(gfx, it.label, label_px, label_room, FontStyle::bold), r.x + gfx.u(28), r.y + r.h / 2,
                     label_px, tc, Align::left, VAlign::middle, FontStyle::bold);
        } else {
            const float label_px = gfx.u(packed ? 20.0f : 24.0f), detail_px = gfx.u(packed ? 13.5f : 16.0f);
            const float inset = gfx.u(packed ? 5.0f : 8.0f);
            gfx.text(elide(gfx, it.label, label_px, label_room, FontStyle::bold), r.x + gfx.u(28), r.y + inset,
                     label_px, tc, Align::left, VAlign::top, FontStyle::bold);
            gfx.text(elide(gfx, it.detail, detail_px, r.w - gfx.u(46), FontStyle::regular), r.x + gfx.u(28),
                     r.y + r.h - inset, detail_px, palette::text_dim, Align::left, VAlign::bottom);
        }
        if (sel && !it.side.empty()) {
            gfx.text(it.side, r.x + r.w - gfx.u(18), r.y + r.h / 2, gfx.u(17), palette::accent, Align::right,
                     VAlign::middle, FontStyle::bold);
        }
    }
    if (first > 0) gfx.text("▲", gfx.dx(x + w / 2), gfx.dy(y - 12), gfx.u(18), palette::text_dim, Align::center, VAlign::bottom);
    if (first + visible < n) {
        gfx.text("▼", gfx.dx(x + w / 2), gfx.dy(y + visible * row - 6), gfx.u(18), palette::text_dim, Align::center);
    }
}

}  // namespace highstep::app
