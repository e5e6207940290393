#pragma once
// Sound output. The game talks to `Audio`; the OpenAL Soft implementation (the only
// file that includes AL/al.h) plays through the sound device, or renders into a
// caller's buffer through the ALC_SOFT_loopback extension (tests, --audio-out). With
// no sound device the game gets a silent Audio and a one-line notice to show the player.
//
// The effects (sounds.h) are defined in assets/sounds/effects.sounds and rendered
// once, when the audio opens, with FluidSynth and the SoundFont the music uses
// (sound_render.h). A missing or bad file, or no SoundFont: the effects are silent
// and effects_status() says why (one notice), the music still plays.
//
// Music (music_renderer.h) is one more OpenAL source, a stream: FluidSynth renders
// it on the audio's own thread (live) or in step with render() (loopback), so the
// game thread never synthesises. Its clock is the session's: sync_music() tells the
// live stream what session time it is, and the stream shifts itself so that the
// music the player *hears* now (after the device's reported latency) is the music
// of now. Loopback: its sample n is n / rate seconds on the session's clock, unless
// sync_music() says otherwise (the window's --audio-out, where a session starts
// after the title and stops for pauses: the stream is re-anchored to it).
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "highstep/app/music_renderer.h"
#include "highstep/app/sounds.h"

namespace highstep::app {

struct AudioSettings {
    float master_gain = 0.8f;   // 0..1
    int rate_hz = 48000;        // synthesis and (loopback) output rate
    bool enabled = true;        // false: silent without trying a device (e.g. --mute)
    bool music = true;          // false: no FluidSynth, no music stream
    std::filesystem::path soundfont;  // empty: find_soundfont()
    std::filesystem::path effects;    // the effects file (effects_file_in(assets)); empty: no effects
};

// A player's sound settings (stored with the player).
struct Volumes {
    float music = 0.7f;         // 0..1
    float effects = 1.0f;       // 0..1: cues and menu sounds
    bool muted = false;         // everything silent
};

class Audio {
public:
    virtual ~Audio() = default;
    // Plays a sound now. pan: -1 far left .. 0 centre .. +1 far right (placed in
    // space, not just balanced, so headphones and surround both hear the side).
    virtual void play(Sound sound, float pan = 0.0f, float gain = 1.0f) = 0;
    virtual bool active() const = 0;               // false when silent
    virtual const std::string& status() const = 0; // "OpenAL Soft on <device>" or why silent

    virtual void set_volumes(const Volumes& volumes) = 0;
    // What the music should play (latest wins; acted on at the next beat).
    virtual void set_music(const MusicState& state) = 0;
    // Live output: at steady-clock time `steady_s` the session's clock read
    // `session_s`. Ignored by loopback and silent audio.
    virtual void sync_music(double session_s, double steady_s) { (void)session_s; (void)steady_s; }
    // True when music can play (a SoundFont was found and loaded).
    virtual bool has_music() const = 0;
    virtual const std::string& music_status() const = 0;  // why not, or which SoundFont
    // True when the effects file was read and rendered; else effects_status() says why.
    virtual bool has_effects() const { return false; }
    virtual const std::string& effects_status() const { return status(); }
    // The output latency the device reports (AL_SOFT_source_latency), seconds; 0 if unknown.
    virtual double output_latency_s() const { return 0.0; }
};

// Opens the default sound device. Never throws: with no device (or a broken one)
// it returns a silent Audio whose status() says why.
std::unique_ptr<Audio> open_audio(const AudioSettings& settings = {});

// The same mixer as open_audio, rendering into memory (ALC_SOFT_loopback).
class LoopbackAudio : public Audio {
public:
    // Renders the next `stereo.size() / 2` frames (interleaved left, right; float).
    // Frame n of everything rendered so far is n / rate_hz() s on the session's clock.
    virtual void render(std::span<float> stereo) = 0;
    // Renders up to session time t_s (a cue then plays exactly there).
    virtual void render_until(double t_s, std::vector<float>& out) = 0;
    virtual long long frames_rendered() const = 0;
    virtual int rate_hz() const = 0;
};
// Throws std::runtime_error if OpenAL Soft's loopback extension is unavailable.
std::unique_ptr<LoopbackAudio> open_loopback_audio(const AudioSettings& settings = {});

}  // namespace highstep::app
