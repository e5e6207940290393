#pragma once
// Turns the effects file's notes (sound_file.h) into sound with FluidSynth and the
// same General MIDI SoundFont as the music: one mono buffer per cue, made once when
// the audio opens. Dry (no reverb or chorus) and rendered from silence each, so a
// cue is short, and the same whatever was rendered before it.
#include <array>
#include <filesystem>
#include <vector>

#include "highstep/app/sound_file.h"

namespace highstep::app {

using SoundBank = std::array<std::vector<float>, kSoundCount>;  // mono PCM in [-1, 1], by Sound

// Throws SoundsError ("soundfont:0: ...") if FluidSynth cannot load the SoundFont,
// or ("effects:line: ...") if a sound renders silent (e.g. a key the kit has no drum on).
SoundBank render_sounds(const SoundEffects& effects, const std::filesystem::path& soundfont, int rate_hz);

}  // namespace highstep::app
