#include "text.h"

#include <cmath>
#include <cstdlib>

namespace highstep::app {

namespace {
constexpr const char* kRegular = "DejaVuSans.ttf";
constexpr const char* kBold = "DejaVuSans-Bold.ttf";
constexpr const char* kMono = "DejaVuSansMono.ttf";
constexpr long long kEvictAfterFrames = 120;  // two seconds at 60 fps
constexpr std::size_t kMaxFonts = 48;         // window resizes create new sizes
}  // namespace

std::vector<std::filesystem::path> default_font_dirs() {
    std::vector<std::filesystem::path> dirs;
    if (const char* env = std::getenv("HIGHSTEP_FONT_DIR"); env && *env) dirs.emplace_back(env);
#ifdef HIGHSTEP_SOURCE_DIR
    dirs.emplace_back(std::filesystem::path(HIGHSTEP_SOURCE_DIR) / "assets" / "fonts");
#endif
    dirs.emplace_back("/usr/share/fonts/truetype/dejavu");
    dirs.emplace_back("/usr/local/share/fonts/truetype/dejavu");
    return dirs;
}

FontFiles find_fonts(const std::vector<std::filesystem::path>& dirs) {
    std::error_code ec;
    for (const auto& dir : dirs) {
        FontFiles f{dir / kRegular, dir / kBold, dir / kMono};
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
    }
    const std::filesystem::path& path =
        style == FontStyle::bold ? files_.bold : style == FontStyle::mono ? files_.mono : files_.regular;
    TTF_Font* f = TTF_OpenFont(path.c_str(), size_px);
    if (!f) throw FontError("cannot open font " + path.string() + ": " + TTF_GetError());
    fonts_.emplace(key, f);
    return f;
}

TextRenderer::Entry* TextRenderer::lookup(std::string_view text, int size_px, FontStyle style, Color color) {
    const std::uint32_t rgb = (std::uint32_t{color.r} << 16) | (std::uint32_t{color.g} << 8) | color.b;
    Key key{std::string(text), size_px, static_cast<int>(style), rgb};
    if (auto it = cache_.find(key); it != cache_.end()) {
        it->second.last_used_frame = frame_;
        return &it->second;
    }
    const std::string s(text);
    SDL_Surface* surface = TTF_RenderUTF8_Blended(font(size_px, style), s.c_str(), {color.r, color.g, color.b, 255});
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
    TTF_SizeUTF8(font(size, style), std::string(text).c_str(), &w, &h);
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
