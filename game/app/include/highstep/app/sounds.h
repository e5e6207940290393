#pragma once
// Every sound effect the game makes, by name. What each one sounds like is not
// here: assets/sounds/effects.sounds defines it (sound_file.h, docs/sounds.md) and
// FluidSynth renders it (sound_render.h).
#include <optional>
#include <string_view>

namespace highstep::app {

enum class Sound {
    click,           // metronome beat
    click_accent,    // first beat of a bar / of a rep
    cue_lead,        // "this leg leads": placed left or right in space by the player
    perfect,         // judgement pop-ups
    good,
    ok,
    miss,
    set_complete,    // a set is done, rest begins
    rest_over,       // rest countdown reached zero
    level_complete,  // results fanfare
    level_failed,    // results, below the pass mark
    menu_move,       // selection moved
    menu_confirm,    // selection confirmed
    board_lost,      // board disconnected
};
inline constexpr int kSoundCount = 14;

const char* to_string(Sound sound);            // the name the effects file uses
std::optional<Sound> sound_named(std::string_view name);

}  // namespace highstep::app
