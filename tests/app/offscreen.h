#pragma once
// Drawing without a window: SDL's software renderer on a memory surface, with the
// real fonts, so tests can draw scenes and the HUD and read the pixels back.
#include <SDL.h>

#include <memory>
#include <stdexcept>

#include "gfx.h"
#include "text.h"

namespace highstep::app::testing {

class Offscreen {
public:
    Offscreen(int w = 1280, int h = 720) {
        surface_ = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
        if (!surface_) throw std::runtime_error(SDL_GetError());
        renderer_ = SDL_CreateSoftwareRenderer(surface_);
        if (!renderer_) throw std::runtime_error(SDL_GetError());
        text_ = std::make_unique<TextRenderer>(renderer_, find_fonts(default_font_dirs()));
        gfx_ = std::make_unique<Gfx>(renderer_, *text_);
        gfx_->begin_frame();
    }
    ~Offscreen() {
        gfx_.reset();
        text_.reset();
        SDL_DestroyRenderer(renderer_);
        SDL_FreeSurface(surface_);
    }
    Offscreen(const Offscreen&) = delete;
    Offscreen& operator=(const Offscreen&) = delete;

    Gfx& gfx() { return *gfx_; }
    void present() { SDL_RenderPresent(renderer_); }
    // Pixel (x, y) as 0xRRGGBB.
    std::uint32_t pixel(int x, int y) const {
        const auto* row = static_cast<const std::uint8_t*>(surface_->pixels) + y * surface_->pitch;
        return reinterpret_cast<const std::uint32_t*>(row)[x] & 0xFFFFFFu;
    }
    SDL_Surface* surface() const { return surface_; }

private:
    SDL_Surface* surface_ = nullptr;
    SDL_Renderer* renderer_ = nullptr;
    std::unique_ptr<TextRenderer> text_;
    std::unique_ptr<Gfx> gfx_;
};

}  // namespace highstep::app::testing
