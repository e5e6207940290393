#pragma once
// Text with SDL2_ttf and the DejaVu fonts. Fonts are looked up at run time
// (HIGHSTEP_FONT_DIR, the data folder's assets/fonts, Debian's fonts-dejavu-core); a
// missing font is a clear error naming the places searched. Rendered strings are
// cached as textures and evicted when unused for a few frames, so a HUD that draws
// the same labels every frame costs one texture copy per label.
#include <SDL.h>
#include <SDL_ttf.h>

#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "palette.h"

namespace highstep::app {

class FontError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class FontStyle { regular, bold, mono };
enum class Align { left, center, right };
enum class VAlign { top, middle, bottom };

struct FontFiles {
    std::filesystem::path regular;
    std::filesystem::path bold;
    std::filesystem::path mono;
    // Fonts for characters DejaVu lacks (日本, 🙂), tried in order; may be empty
    // (such characters are then drawn as DejaVu's boxes).
    std::vector<std::filesystem::path> fallbacks;
};

// Finds DejaVuSans.ttf, DejaVuSans-Bold.ttf and DejaVuSansMono.ttf in `dirs` (first
// folder that has all three). Throws FontError listing the folders searched.
FontFiles find_fonts(const std::vector<std::filesystem::path>& dirs);
// The folders searched by default, in order; `data_dir` is the game's data
// folder (paths::find_data_dir), skipped when empty.
std::vector<std::filesystem::path> default_font_dirs(const std::filesystem::path& data_dir = {});
// Debian's fallback fonts that are installed (scripts/debian-packages.txt lists
// fonts-droid-fallback for Chinese, Japanese and Korean, fonts-symbola for emoji).
std::vector<std::filesystem::path> default_fallback_fonts();

class TextRenderer {
public:
    TextRenderer(SDL_Renderer* renderer, FontFiles files);
    ~TextRenderer();
    TextRenderer(const TextRenderer&) = delete;
    TextRenderer& operator=(const TextRenderer&) = delete;

    // Draws `text` (UTF-8, one line) with its anchor at (x, y); returns its size.
    SDL_FPoint draw(std::string_view text, float x, float y, float size_px, Color color,
                    Align align = Align::left, VAlign valign = VAlign::top,
                    FontStyle style = FontStyle::regular);
    // The same, rendered at size_px and drawn `zoom` times as large: for text that
    // grows or shrinks in an animation, which would otherwise render a new texture
    // (and open a new font size) every frame.
    SDL_FPoint draw_zoomed(std::string_view text, float x, float y, float size_px, float zoom, Color color,
                           Align align, VAlign valign, FontStyle style);
    SDL_FPoint measure(std::string_view text, float size_px, FontStyle style = FontStyle::regular);
    // Called once per frame: textures unused for a while are freed.
    void end_frame();
    std::size_t cached_textures() const { return cache_.size(); }

private:
    struct Entry {
        SDL_Texture* texture = nullptr;
        int w = 0, h = 0;
        long long last_used_frame = 0;
    };
    // Alpha is applied when drawing, not baked in, so a fading text reuses one texture.
    using Key = std::tuple<std::string, int, int, std::uint32_t>;  // text, size, style, rgb
    TTF_Font* font(int size_px, FontStyle style);
    TTF_Font* fallback(std::size_t index, int size_px, FontStyle style);
    // The text cut into runs that one font draws: DejaVu where it has the glyph,
    // else the first fallback that has it.
    struct Run {
        std::string text;
        TTF_Font* font;
    };
    std::vector<Run> runs(std::string_view text, int size_px, FontStyle style);
    SDL_Surface* render(std::string_view text, int size_px, FontStyle style, SDL_Color color);
    Entry* lookup(std::string_view text, int size_px, FontStyle style, Color color);

    SDL_Renderer* renderer_;
    FontFiles files_;
    std::map<std::pair<int, int>, TTF_Font*> fonts_;  // (style, size) -> font
    std::map<std::tuple<std::size_t, int, int>, TTF_Font*> fallback_fonts_;  // (index, style, size) -> font
    std::map<Key, Entry> cache_;
    long long frame_ = 0;
};

}  // namespace highstep::app
