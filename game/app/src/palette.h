#pragma once
// The game's colours in one place, so every screen looks like the same game.
// Night-blue background, teal accent, warm orange for action; left leg blue,
// right leg orange everywhere (load bars, cues, feet), judgements by colour.
#include <cstdint>

namespace highstep::app {

struct Color {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;
    constexpr Color with_alpha(std::uint8_t alpha) const { return {r, g, b, alpha}; }
};

// Linear blend: t = 0 gives a, t = 1 gives b.
constexpr Color mix(Color a, Color b, double t) {
    auto m = [t](std::uint8_t x, std::uint8_t y) {
        return static_cast<std::uint8_t>(x + (static_cast<double>(y) - x) * t + 0.5);
    };
    return {m(a.r, b.r), m(a.g, b.g), m(a.b, b.b), m(a.a, b.a)};
}

namespace palette {
inline constexpr Color background{16, 22, 40};
inline constexpr Color background_top{28, 40, 74};
inline constexpr Color panel{30, 40, 68};
inline constexpr Color panel_light{44, 58, 96};
inline constexpr Color panel_edge{72, 92, 140};
// The play screen's panels over the world: opaque, so the world never shows through
// the numbers, and a blended panel costs the software renderer several times a plain
// fill. The tint is what the old 88 % panel looked like over the sky.
inline constexpr Color hud_panel = mix(background, background_top, 0.2);
inline constexpr Color text{241, 245, 249};
inline constexpr Color text_dim{148, 163, 184};
inline constexpr Color text_dark{15, 23, 42};
inline constexpr Color accent{46, 196, 182};       // teal: selection, target zone
inline constexpr Color action{255, 159, 28};       // orange: call to action
inline constexpr Color left_leg{78, 168, 222};     // blue
inline constexpr Color right_leg{255, 159, 28};    // orange
inline constexpr Color perfect{255, 209, 102};     // gold
inline constexpr Color good{6, 214, 160};          // green
inline constexpr Color ok{131, 197, 255};          // light blue
inline constexpr Color miss{239, 71, 111};         // red
inline constexpr Color warning{255, 107, 107};
// World
inline constexpr Color sky_top{38, 70, 130};
inline constexpr Color sky_bottom{129, 178, 214};
inline constexpr Color sun{255, 220, 140};
inline constexpr Color hill{58, 125, 68};
inline constexpr Color hill_dark{38, 92, 50};
inline constexpr Color ledge{196, 164, 120};
inline constexpr Color track{181, 84, 60};
inline constexpr Color track_line{245, 240, 230};
inline constexpr Color stone{120, 130, 150};
inline constexpr Color wood{176, 120, 72};
inline constexpr Color runner{255, 159, 28};
inline constexpr Color rival{170, 170, 200};
inline constexpr Color skin{240, 200, 160};
}  // namespace palette

}  // namespace highstep::app
