#pragma once
// `highstep play --audio-out`: a headless session played exactly as run_headless()
// plays it, with everything the player would hear rendered through OpenAL Soft's
// loopback device: the level's music on the judged beat grid and every sound cue
// at its session time. Output frame n is n / rate_hz seconds on the recording's clock.
// Deterministic: the same recording gives the same samples.
#include <cstdint>
#include <filesystem>
#include <fstream>
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
    std::filesystem::path effects;            // the effects file; empty or bad: no cues (effects_status says)
    double tail_s = 3.0;                      // rendered after the session ends (the fanfare)
};

struct Soundtrack {
    core::SessionResult result;   // identical to run_headless() on the same input
    std::string music_status;     // which SoundFont, or why there was no music
    bool has_effects = false;     // the cues were heard
    std::string effects_status;   // why not
};

// Writes the soundtrack to `wav` as it is rendered (a long session never sits in
// memory whole). Throws std::runtime_error if the file cannot be written.
Soundtrack play_with_soundtrack(const core::Level& level, const std::vector<BoardSample>& samples,
                                const core::SessionSettings& settings, const SoundtrackOptions& options,
                                const std::filesystem::path& wav);

// A 16-bit PCM stereo WAV (what sox and every player read), written as it comes.
class WavWriter {
public:
    WavWriter(const std::filesystem::path& path, int rate_hz);  // throws std::runtime_error
    void write(const std::vector<float>& stereo);               // interleaved left, right
    void close();                                               // sizes in the header; throws on failure
private:
    std::filesystem::path path_;
    std::ofstream file_;
    std::uint32_t data_bytes_ = 0;
    int rate_hz_;
};

}  // namespace highstep::app
