#pragma once
// What the player hears for each of the session's sound cues: the metronome on
// the beat, the lead-leg call placed on that leg's side, judgements, set and
// result fanfares. One mapping, used by the play scene and the audio tests.
#include "highstep/app/audio.h"
#include "highstep/core/session/session.h"

namespace highstep::app {

struct CueSound {
    Sound sound = Sound::click;
    float pan = 0.0f;    // -1 left .. +1 right
    float gain = 1.0f;
};

CueSound sound_for(const core::SoundCue& cue);
inline void play_cue(Audio& audio, const core::SoundCue& cue) {
    const CueSound s = sound_for(cue);
    audio.play(s.sound, s.pan, s.gain);
}

}  // namespace highstep::app
