// Sound through the real OpenAL Soft mixer, rendered into memory with the
// ALC_SOFT_loopback extension: the metronome clicks of a real session fall on its
// beats, and the lead-leg call is placed on that leg's side. The effects come from
// assets/sounds/effects.sounds (tests/audio tests the file and each cue); these
// skip without a SoundFont.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <numeric>
#include <vector>

#include "highstep/app/audio.h"
#include "highstep/app/cue_sounds.h"
#include "highstep/app/sound_file.h"
#include "highstep/core/level/level_file.h"
#include "highstep/core/session/session.h"

using namespace highstep;
using namespace highstep::app;

namespace {

constexpr int kRate = 48000;
constexpr double kStep_s = 1.0 / 120.0;
constexpr int kFramesPerStep = kRate / 120;  // 400: steps and audio blocks line up exactly

// Start times (s) of sounds in a stereo buffer: where the level first rises above
// `threshold` after at least `quiet_s` below it.
std::vector<double> onsets(const std::vector<float>& stereo, float threshold, double quiet_s) {
    std::vector<double> out;
    const auto quiet_frames = static_cast<std::size_t>(quiet_s * kRate);
    std::size_t below = quiet_frames;
    for (std::size_t i = 0; i + 1 < stereo.size(); i += 2) {
        const float level = std::max(std::abs(stereo[i]), std::abs(stereo[i + 1]));
        if (level >= threshold) {
            if (below >= quiet_frames) out.push_back(static_cast<double>(i / 2) / kRate);
            below = 0;
        } else {
            ++below;
        }
    }
    return out;
}

double rms(const std::vector<float>& stereo, int channel) {
    double sum = 0.0;
    std::size_t n = 0;
    for (std::size_t i = static_cast<std::size_t>(channel); i < stereo.size(); i += 2, ++n) sum += stereo[i] * stereo[i];
    return n ? std::sqrt(sum / n) : 0.0;
}

std::unique_ptr<LoopbackAudio> open_or_fail() {
    if (find_soundfont().empty()) return nullptr;
    AudioSettings s;
    s.rate_hz = kRate;
    s.master_gain = 1.0f;
    s.effects = effects_file_in(std::filesystem::path(HIGHSTEP_SOURCE_DIR) / "assets");
    return open_loopback_audio(s);
}

}  // namespace

TEST(AudioLoopback, MetronomeClicksOfARealSessionFallOnItsBeats) {
    const core::Level level = core::load_level_file(std::filesystem::path(HIGHSTEP_SOURCE_DIR) / "levels" / "hill-1.json");
    ASSERT_GT(level.program.tempo_bpm, 0.0);
    auto audio = open_or_fail();
    if (!audio) GTEST_SKIP() << "no General MIDI SoundFont (install timgm6mb-soundfont)";
    core::Session session(level);
    std::vector<float> buffer;
    std::vector<double> beats_s;
    std::vector<float> block(2 * kFramesPerStep);
    const int steps = static_cast<int>(12.0 / kStep_s);
    for (int k = 0; k < steps; ++k) {
        // The game's order: advance the session to now, play its cues, and the
        // mixer renders the next slice of audio.
        session.advance_to(k * kStep_s);
        for (const core::SoundCue& cue : session.take_cues()) {
            if (cue.kind != core::CueKind::tick) continue;
            beats_s.push_back(cue.t_s);
            play_cue(*audio, cue);
        }
        audio->render(block);
        buffer.insert(buffer.end(), block.begin(), block.end());
    }
    const double period_s = 60.0 / level.program.tempo_bpm;
    ASSERT_GE(beats_s.size(), 10u) << "12 s at " << level.program.tempo_bpm << " bpm";
    for (std::size_t i = 1; i < beats_s.size(); ++i) EXPECT_NEAR(beats_s[i] - beats_s[i - 1], period_s, 1e-6);

    const std::vector<double> heard = onsets(buffer, 0.05f, 0.2);
    ASSERT_EQ(heard.size(), beats_s.size()) << "one click per beat, no more, no fewer";
    for (std::size_t i = 0; i < heard.size(); ++i) {
        // A cue is played at the first step at or after its beat: the click starts
        // at most one step (8.3 ms) late, never early.
        const double late_s = heard[i] - beats_s[i];
        EXPECT_GE(late_s, -0.001) << "click " << i;
        EXPECT_LE(late_s, kStep_s + 0.002) << "click " << i;
    }
}

TEST(AudioLoopback, TheLeadLegCallIsPlacedOnThatLegsSide) {
    auto audio = open_or_fail();
    if (!audio) GTEST_SKIP() << "no General MIDI SoundFont (install timgm6mb-soundfont)";
    for (core::Side side : {core::Side::left, core::Side::right}) {
        core::SoundCue cue;
        cue.kind = core::CueKind::lead_leg;
        cue.side = side;
        play_cue(*audio, cue);
        std::vector<float> buffer(2 * kRate / 2);  // half a second
        audio->render(buffer);
        const double left = rms(buffer, 0), right = rms(buffer, 1);
        ASSERT_GT(left + right, 0.01) << "the call is audible";
        if (side == core::Side::left) {
            EXPECT_GT(left, 2.0 * right);
        } else {
            EXPECT_GT(right, 2.0 * left);
        }
    }
}

TEST(AudioLoopback, SilenceWhenNothingPlays) {
    auto audio = open_or_fail();
    if (!audio) GTEST_SKIP() << "no General MIDI SoundFont (install timgm6mb-soundfont)";
    std::vector<float> buffer(2 * 4800);
    audio->render(buffer);
    EXPECT_LT(rms(buffer, 0) + rms(buffer, 1), 1e-6);
}

TEST(Audio, WithSoundOffTheGameIsSilentAndSaysSo) {
    AudioSettings s;
    s.enabled = false;
    auto audio = open_audio(s);
    EXPECT_FALSE(audio->active());
    EXPECT_NE(audio->status().find("off"), std::string::npos);
    audio->play(Sound::click);  // harmless
}
