#pragma once
// Plays a MusicTrack with FluidSynth and a General MIDI SoundFont into a stream of
// stereo float samples. The stream has a clock: its sample n sounds at session time
// `n / rate_hz + stream_offset_s` (set_stream_offset), so the music's beats are the
// beat grid the state names, at whatever tempo. Which section, which layers: from
// the latest MusicState, decided on each beat (layers on each bar line).
//
// Onsets are exact to FluidSynth's 64-sample block (±0.67 ms at 48 kHz): a note
// starts at the block boundary nearest its time. Not thread-safe: one thread
// renders (the music thread, or the caller of an offline render).
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>

#include "highstep/app/music_score.h"

namespace highstep::app {

// What the music should be doing now; the game sets it every frame.
struct MusicState {
    std::shared_ptr<const MusicTrack> track;  // null: silence
    bool running = false;        // false: notes released, no new ones (paused, board lost, finished)
    MusicSection section = MusicSection::menu;
    int combo = 0;
    double beat0_s = 0.0;        // session time of beat 0 (the judged grid's start_s)
    double bpm = 0.0;            // the judged grid's tempo; <= 0: free-running at the track's own tempo
    long count_in_end_beat = 0;  // the first beat of the first set (the count-in ends on it)
    float gain = 1.0f;           // music volume 0..1
};

// The SoundFont to use: $HIGHSTEP_SOUNDFONT, else FluidR3 (fluid-soundfont-gm), else
// TimGM6mb (timgm6mb-soundfont), else the system's default-GM.sf2. Empty if none.
std::filesystem::path find_soundfont();

class MusicRenderer {
public:
    // Loads the SoundFont. Throws MusicError if FluidSynth cannot use it.
    MusicRenderer(const std::filesystem::path& soundfont, int rate_hz);
    ~MusicRenderer();
    MusicRenderer(const MusicRenderer&) = delete;
    MusicRenderer& operator=(const MusicRenderer&) = delete;

    void set_state(const MusicState& state);
    // Session time of stream sample 0 (the live stream re-anchors it to the device).
    void set_stream_offset(double offset_s);
    double stream_offset_s() const;
    // The next `stereo.size() / 2` frames of the stream (interleaved left, right).
    void render(std::span<float> stereo);
    long long frames_rendered() const;  // stream position
    int rate_hz() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace highstep::app
