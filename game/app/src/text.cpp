#include "text.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>

namespace highstep::app {

namespace {
constexpr const char* kRegular = "DejaVuSans.ttf";
constexpr const char* kBold = "DejaVuSans-Bold.ttf";
constexpr const char* kMono = "DejaVuSansMono.ttf";
constexpr long long kEvictAfterFrames = 120;  // two seconds at 60 fps
constexpr std::size_t kMaxFonts = 48;         // window resizes create new sizes
}  // namespace

std::vector<std::filesystem::path> default_font_dirs(const std::filesystem::path& data_dir) {
    std::vector<std::filesystem::path> dirs;
    if (const char* env = std::getenv("HIGHSTEP_FONT_DIR"); env && *env) dirs.emplace_back(env);
    if (!data_dir.empty()) dirs.emplace_back(data_dir / "assets" / "fonts");
    dirs.emplace_back("/usr/share/fonts/truetype/dejavu");
    dirs.emplace_back("/usr/local/share/fonts/truetype/dejavu");
    return dirs;
}

std::vector<std::filesystem::path> default_fallback_fonts() {
    const char* candidates[] = {
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",     // fonts-droid-fallback: CJK
        "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf",    // fonts-symbola: emoji, symbols
    };
    std::vector<std::filesystem::path> found;
    std::error_code ec;
    for (const char* c : candidates) {
        if (std::filesystem::is_regular_file(c, ec)) found.emplace_back(c);
    }
    return found;
}

FontFiles find_fonts(const std::vector<std::filesystem::path>& dirs) {
    std::error_code ec;
    for (const auto& dir : dirs) {
        FontFiles f{dir / kRegular, dir / kBold, dir / kMono, default_fallback_fonts()};
        if (std::filesystem::is_regular_file(f.regular, ec) && std::filesystem::is_regular_file(f.bold, ec) &&
            std::filesystem::is_regular_file(f.mono, ec)) {
            return f;
        }
    }
    std::string searched;
    for (const auto& dir : dirs) searched += "\n  " + dir.string();
    throw FontError(std::string("the DejaVu fonts (") + kRegular + ", " + kBold + ", " + kMono +
                    ") were not found in any of:" + searched +
                    "\ninstall Debian's fonts-dejavu-core (scripts/install-deps.sh) or set HIGHSTEP_FONT_DIR");
}

TextRenderer::TextRenderer(SDL_Renderer* renderer, FontFiles files)
    : renderer_(renderer), files_(std::move(files)) {
    // TTF_Init is reference counted: each renderer holds one reference, released
    // by its TTF_Quit, so two renderers (tests, a second window) never pull the
    // library from under each other.
    if (TTF_Init() != 0) {
        throw FontError(std::string("SDL_ttf could not start: ") + TTF_GetError());
    }
    // Open one size now so a broken font file is reported at start, not mid-game.
    try {
        font(16, FontStyle::regular);
        font(16, FontStyle::bold);
        font(16, FontStyle::mono);
    } catch (...) {
        for (auto& [key, f] : fonts_) TTF_CloseFont(f);
        TTF_Quit();
        throw;
    }
}

TextRenderer::~TextRenderer() {
    for (auto& [key, entry] : cache_) SDL_DestroyTexture(entry.texture);
    for (auto& [key, f] : fonts_) TTF_CloseFont(f);
    for (auto& [key, f] : fallback_fonts_) TTF_CloseFont(f);
    TTF_Quit();
}

TTF_Font* TextRenderer::font(int size_px, FontStyle style) {
    const auto key = std::make_pair(static_cast<int>(style), size_px);
    if (auto it = fonts_.find(key); it != fonts_.end()) return it->second;
    if (fonts_.size() >= kMaxFonts) {
        // Sizes from an earlier window size; drop them all (they reopen on demand).
        for (auto& [k, entry] : cache_) SDL_DestroyTexture(entry.texture);
        cache_.clear();
        for (auto& [k, f] : fonts_) TTF_CloseFont(f);
        fonts_.clear();
        for (auto& [k, f] : fallback_fonts_) TTF_CloseFont(f);
        fallback_fonts_.clear();
    }
    const std::filesystem::path& path =
        style == FontStyle::bold ? files_.bold : style == FontStyle::mono ? files_.mono : files_.regular;
    TTF_Font* f = TTF_OpenFont(path.c_str(), size_px);
    if (!f) throw FontError("cannot open font " + path.string() + ": " + TTF_GetError());
    fonts_.emplace(key, f);
    return f;
}

TTF_Font* TextRenderer::fallback(std::size_t index, int size_px, FontStyle style) {
    const auto key = std::make_tuple(index, static_cast<int>(style), size_px);
    if (auto it = fallback_fonts_.find(key); it != fallback_fonts_.end()) return it->second;
    TTF_Font* f = TTF_OpenFont(files_.fallbacks[index].c_str(), size_px);
    // A fallback that cannot be opened draws nothing of its own: DejaVu's boxes stay.
    if (f && style == FontStyle::bold) TTF_SetFontStyle(f, TTF_STYLE_BOLD);
    fallback_fonts_.emplace(key, f);
    return f;
}

namespace {
// The next code point of UTF-8 `s` at `i` (advancing i); a broken byte reads as itself.
std::uint32_t next_code_point(std::string_view s, std::size_t& i) {
    const auto b = static_cast<unsigned char>(s[i++]);
    const int more = b < 0x80 ? 0 : (b & 0xE0) == 0xC0 ? 1 : (b & 0xF0) == 0xE0 ? 2 : (b & 0xF8) == 0xF0 ? 3 : 0;
    std::uint32_t cp = more == 0 ? b : more == 1 ? (b & 0x1Fu) : more == 2 ? (b & 0x0Fu) : (b & 0x07u);
    for (int k = 0; k < more && i < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3Fu);
    return cp;
}
}  // namespace

std::vector<TextRenderer::Run> TextRenderer::runs(std::string_view text, int size_px, FontStyle style) {
    TTF_Font* main = font(size_px, style);
    std::vector<Run> out;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t start = i;
        const std::uint32_t cp = next_code_point(text, i);
        TTF_Font* f = main;
        // ASCII and whatever DejaVu has stay in DejaVu.
        const bool joins = cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F);
        if (cp >= 0x80 && !joins && !TTF_GlyphIsProvided32(main, cp)) {
            for (std::size_t k = 0; k < files_.fallbacks.size(); ++k) {
                TTF_Font* fb = fallback(k, size_px, style);
                if (fb && TTF_GlyphIsProvided32(fb, cp)) {
                    f = fb;
                    break;
                }
            }
        }
        if (joins) continue;  // an emoji's presentation selector or joiner: no glyph of its own, never a box
        if (out.empty() || out.back().font != f) out.push_back({std::string(), f});
        out.back().text.append(text.substr(start, i - start));
    }
    return out;
}

SDL_Surface* TextRenderer::render(std::string_view text, int size_px, FontStyle style, SDL_Color color) {
    std::vector<Run> parts = runs(text, size_px, style);
    if (parts.size() == 1) return TTF_RenderUTF8_Blended(parts[0].font, parts[0].text.c_str(), color);
    // Runs side by side on their baselines.
    int w = 0, ascent = 0, descent = 0;
    std::vector<SDL_Surface*> pieces;
    for (const Run& r : parts) {
        SDL_Surface* piece = TTF_RenderUTF8_Blended(r.font, r.text.c_str(), color);
        pieces.push_back(piece);
        if (!piece) continue;
        w += piece->w;
        ascent = std::max(ascent, TTF_FontAscent(r.font));
        descent = std::max(descent, piece->h - TTF_FontAscent(r.font));
    }
    SDL_Surface* out = w > 0 ? SDL_CreateRGBSurfaceWithFormat(0, w, ascent + descent, 32, SDL_PIXELFORMAT_ARGB8888) : nullptr;
    int x = 0;
    for (std::size_t k = 0; k < pieces.size(); ++k) {
        SDL_Surface* piece = pieces[k];
        if (!piece) continue;
        if (out) {
            SDL_SetSurfaceBlendMode(piece, SDL_BLENDMODE_NONE);
            SDL_Rect dst{x, ascent - TTF_FontAscent(parts[k].font), piece->w, piece->h};
            SDL_BlitSurface(piece, nullptr, out, &dst);
        }
        x += piece->w;
        SDL_FreeSurface(piece);
    }
    return out;
}

TextRenderer::Entry* TextRenderer::lookup(std::string_view text, int size_px, FontStyle style, Color color) {
    const std::uint32_t rgb = (std::uint32_t{color.r} << 16) | (std::uint32_t{color.g} << 8) | color.b;
    Key key{std::string(text), size_px, static_cast<int>(style), rgb};
    if (auto it = cache_.find(key); it != cache_.end()) {
        it->second.last_used_frame = frame_;
        return &it->second;
    }
    const std::string s(text);
    SDL_Surface* surface = render(s, size_px, style, {color.r, color.g, color.b, 255});
    if (!surface) return nullptr;  // e.g. a string of only unprintable characters
    SDL_Texture* texture = SDL_CreateTextureFromSurface(renderer_, surface);
    Entry entry{texture, surface->w, surface->h, frame_};
    SDL_FreeSurface(surface);
    if (!texture) return nullptr;
    SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND);
    return &cache_.emplace(std::move(key), entry).first->second;
}

SDL_FPoint TextRenderer::measure(std::string_view text, float size_px, FontStyle style) {
    if (text.empty()) return {0, 0};
    const int size = std::max(6, static_cast<int>(std::lround(size_px)));
    int w = 0, h = 0;
    for (const Run& r : runs(text, size, style)) {
        int rw = 0, rh = 0;
        TTF_SizeUTF8(r.font, r.text.c_str(), &rw, &rh);
        w += rw;
        h = std::max(h, rh);
    }
    return {static_cast<float>(w), static_cast<float>(h)};
}

SDL_FPoint TextRenderer::draw(std::string_view text, float x, float y, float size_px, Color color, Align align,
                              VAlign valign, FontStyle style) {
    return draw_zoomed(text, x, y, size_px, 1.0f, color, align, valign, style);
}

SDL_FPoint TextRenderer::draw_zoomed(std::string_view text, float x, float y, float size_px, float zoom, Color color,
                                     Align align, VAlign valign, FontStyle style) {
    if (text.empty() || color.a == 0 || !(zoom > 0.0f)) return {0, 0};
    const int size = std::max(6, static_cast<int>(std::lround(size_px)));
    Entry* e = lookup(text, size, style, color);
    if (!e) return {0, 0};
    const float w = e->w * zoom, h = e->h * zoom;
    float left = x, top = y;
    if (align == Align::center) left -= w / 2.0f;
    if (align == Align::right) left -= w;
    if (valign == VAlign::middle) top -= h / 2.0f;
    if (valign == VAlign::bottom) top -= h;
    const SDL_FRect dst{std::round(left), std::round(top), std::round(w), std::round(h)};
    SDL_SetTextureAlphaMod(e->texture, color.a);
    SDL_RenderCopyF(renderer_, e->texture, nullptr, &dst);
    return {w, h};
}

void TextRenderer::end_frame() {
    ++frame_;
    for (auto it = cache_.begin(); it != cache_.end();) {
        if (frame_ - it->second.last_used_frame > kEvictAfterFrames) {
            SDL_DestroyTexture(it->second.texture);
            it = cache_.erase(it);
        } else {
            ++it;
        }
    }
}

}  // namespace highstep::app
