#pragma once
// Sound output. The game talks to `Audio`; the OpenAL Soft implementation (the only
// file that includes AL/al.h) plays through the sound device, or renders into a
// caller's buffer through the ALC_SOFT_loopback extension (tests). With no sound
// device the game gets a silent Audio and a one-line notice to show the player.
#include <memory>
#include <span>
#include <string>

#include "highstep/app/sounds.h"

namespace highstep::app {

struct AudioSettings {
    float master_gain = 0.8f;   // 0..1
    int rate_hz = 48000;        // synthesis and (loopback) output rate
    bool enabled = true;        // false: silent without trying a device (e.g. --mute)
};

class Audio {
public:
    virtual ~Audio() = default;
    // Plays a sound now. pan: -1 far left .. 0 centre .. +1 far right (placed in
    // space, not just balanced, so headphones and surround both hear the side).
    virtual void play(Sound sound, float pan = 0.0f, float gain = 1.0f) = 0;
    virtual bool active() const = 0;               // false when silent
    virtual const std::string& status() const = 0; // "OpenAL Soft on <device>" or why silent
};

// Opens the default sound device. Never throws: with no device (or a broken one)
// it returns a silent Audio whose status() says why.
std::unique_ptr<Audio> open_audio(const AudioSettings& settings = {});

// The same mixer as open_audio, rendering into memory (ALC_SOFT_loopback).
class LoopbackAudio : public Audio {
public:
    // Renders the next `stereo.size() / 2` frames (interleaved left, right; float).
    virtual void render(std::span<float> stereo) = 0;
    virtual int rate_hz() const = 0;
};
// Throws std::runtime_error if OpenAL Soft's loopback extension is unavailable.
std::unique_ptr<LoopbackAudio> open_loopback_audio(const AudioSettings& settings = {});

}  // namespace highstep::app
