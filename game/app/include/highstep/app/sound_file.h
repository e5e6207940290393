#pragma once
// The game's sound effects as the project defines them: assets/sounds/effects.sounds,
// a line-based text format (docs/sounds.md). Each cue the game plays (sounds.h) is
// one `sound` with its notes: which General MIDI instrument (a program, or a key of
// the percussion kit), which key, how hard, when and how long. FluidSynth renders
// them (sound_render.h); nothing here knows a synthesiser.
//
// Index
//   SoundsError                          "path:line: what is wrong"
//   SoundInstrument, SoundNote, SoundEffect, SoundEffects
//   parse_sounds(), load_sounds_file()
#include <array>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "highstep/app/sounds.h"

namespace highstep::app {

inline constexpr int kSoundsFormatVersion = 1;
inline constexpr double kMaxSoundLength_s = 2.0;  // a cue is short: it must not cover the music
inline constexpr int kMaxSoundInstruments = 16;   // one MIDI channel each

// A bad effects file: the message starts with "path:line: ".
class SoundsError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct SoundInstrument {
    std::string name;
    int bank = 0;      // SoundFont bank; 128 is the percussion kits (keys are drums)
    int program = 0;   // General MIDI program 0..127 (a kit's number with bank 128)
};

struct SoundNote {
    double at_s = 0.0;     // onset, seconds from the start of the sound
    double hold_s = 0.0;   // key held this long (the instrument's release follows)
    int instrument = 0;    // index into SoundEffects::instruments
    int key = 60;          // MIDI key (60 = C4); a drum with a kit
    int velocity = 100;    // 1..127
};

struct SoundEffect {
    double length_s = 0.0;   // rendered this long, the last 5 ms faded out
    double peak = 0.7;       // scaled so its loudest sample is this (0..1]
    std::vector<SoundNote> notes;  // by onset; notes at the same time are layers
    int line = 0;            // where it is defined (errors while rendering)
};

struct SoundEffects {
    std::string source;      // the file it came from
    std::vector<SoundInstrument> instruments;
    std::array<SoundEffect, kSoundCount> sounds;  // by Sound: every cue is defined

    const SoundEffect& operator[](Sound s) const { return sounds[static_cast<std::size_t>(s)]; }
};

// Parses a whole file. `source` names the text in errors. Throws SoundsError.
SoundEffects parse_sounds(std::string_view text, const std::string& source);
SoundEffects load_sounds_file(const std::filesystem::path& path);

// assets/sounds/effects.sounds under an assets folder.
std::filesystem::path effects_file_in(const std::filesystem::path& assets_dir);

}  // namespace highstep::app
