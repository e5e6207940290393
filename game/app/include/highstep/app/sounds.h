#pragma once
// Every sound the game makes, synthesised in code (no sample files to ship or
// license). Pure: each function returns mono float PCM in [-1, 1].
#include <vector>

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

const char* to_string(Sound sound);

// PCM for one sound at `rate_hz` samples per second.
std::vector<float> synthesize(Sound sound, int rate_hz);

// The click's length and pitch, exposed so tests can look for it in rendered audio.
inline constexpr double kClickLength_s = 0.035;

}  // namespace highstep::app
