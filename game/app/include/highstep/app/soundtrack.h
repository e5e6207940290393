#pragma once
// `highstep play --audio-out`: a headless session played exactly as run_headless()
// plays it, with everything the player would hear rendered through OpenAL Soft's
// loopback device: the level's music on the judged beat grid and every sound cue
// at its session time. Output frame n is n / rate_hz seconds on the recording's clock.
// Deterministic: the same recording gives the same samples.
#include <filesystem>
#include <string>
#include <vector>

#include "highstep/app/audio.h"
#include "highstep/core/session/session.h"

namespace highstep::app {

struct SoundtrackOptions {
    int rate_hz = 48000;
    Volumes volumes;
    std::shared_ptr<const MusicTrack> track;  // null: no music (the metronome clicks instead)
    std::filesystem::path soundfont;          // empty: find_soundfont()
    double tail_s = 3.0;                      // rendered after the session ends (the fanfare)
};

struct Soundtrack {
    core::SessionResult result;   // identical to run_headless() on the same input
    std::vector<float> stereo;    // interleaved left, right
    int rate_hz = 48000;
    std::string music_status;     // which SoundFont, or why there was no music
};

Soundtrack play_with_soundtrack(const core::Level& level, const std::vector<BoardSample>& samples,
                                const core::SessionSettings& settings, const SoundtrackOptions& options);

// 16-bit PCM stereo WAV (what sox and every player read). Throws std::runtime_error.
void write_wav(const std::filesystem::path& path, const std::vector<float>& stereo, int rate_hz);

}  // namespace highstep::app
