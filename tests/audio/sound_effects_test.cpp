// The effects as the player hears them: the project's effects file rendered by
// FluidSynth and played through the real OpenAL Soft mixer into memory
// (ALC_SOFT_loopback). Each cue is audible, short, and unlike every other; the
// same file gives the same samples; a missing or bad file gives silent effects
// with a reason, never a crash. Skips without a SoundFont.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <numbers>
#include <string>
#include <vector>

#include "highstep/app/audio.h"
#include "highstep/app/sound_file.h"
#include "highstep/app/sound_render.h"

using namespace highstep::app;
namespace fs = std::filesystem;

namespace {

constexpr int kRate = 48000;
const fs::path kEffects = effects_file_in(fs::path(HIGHSTEP_SOURCE_DIR) / "assets");

#define SKIP_WITHOUT_SOUNDFONT() \
    if (find_soundfont().empty()) GTEST_SKIP() << "no General MIDI SoundFont (install timgm6mb-soundfont)"

std::unique_ptr<LoopbackAudio> loopback(const fs::path& effects) {
    AudioSettings s;
    s.rate_hz = kRate;
    s.master_gain = 1.0f;
    s.music = false;
    s.effects = effects;
    return open_loopback_audio(s);
}

// One cue played alone, centred, rendered for 1.5 s: the left channel.
std::vector<float> hear(LoopbackAudio& audio, Sound sound) {
    audio.play(sound);
    std::vector<float> stereo(2 * kRate * 3 / 2);
    audio.render(stereo);
    std::vector<float> left(stereo.size() / 2);
    for (std::size_t i = 0; i < left.size(); ++i) left[i] = stereo[2 * i];
    return left;
}

double rms(const std::vector<float>& x) {
    double sum = 0.0;
    for (float v : x) sum += static_cast<double>(v) * v;
    return x.empty() ? 0.0 : std::sqrt(sum / static_cast<double>(x.size()));
}

// How long the cue is above a tenth of its peak (its audible length).
double audible_s(const std::vector<float>& x) {
    float peak = 0.0f;
    for (float v : x) peak = std::max(peak, std::abs(v));
    std::size_t last = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (std::abs(x[i]) >= 0.1f * peak) last = i;
    }
    return static_cast<double>(last) / kRate;
}

// Energy in 24 bands, a third of an octave each from 100 Hz, of the first 0.25 s
// (Goertzel at each band's centre and its neighbours), normalised to sum 1.
std::vector<double> band_profile(const std::vector<float>& x) {
    const std::size_t n = std::min<std::size_t>(x.size(), kRate / 4);
    std::vector<double> bands;
    for (int b = 0; b < 24; ++b) {
        double energy = 0.0;
        for (int k = -1; k <= 1; ++k) {
            const double f = 100.0 * std::pow(2.0, (b + k / 3.0) / 3.0);
            const double w = 2.0 * std::numbers::pi * f / kRate;
            double s1 = 0.0, s2 = 0.0;
            for (std::size_t i = 0; i < n; ++i) {
                const double s0 = x[i] + 2.0 * std::cos(w) * s1 - s2;
                s2 = s1;
                s1 = s0;
            }
            energy += s1 * s1 + s2 * s2 - 2.0 * std::cos(w) * s1 * s2;
        }
        bands.push_back(energy);
    }
    double total = 0.0;
    for (double e : bands) total += e;
    for (double& e : bands) e /= total > 0.0 ? total : 1.0;
    return bands;
}

double distance(const std::vector<double>& a, const std::vector<double>& b) {
    double d = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) d += std::abs(a[i] - b[i]);
    return d;  // 0 the same spectrum .. 2 nothing in common
}

}  // namespace

TEST(SoundEffects, EveryCueIsAudibleShortAndUnlikeTheOthers) {
    SKIP_WITHOUT_SOUNDFONT();
    auto audio = loopback(kEffects);
    ASSERT_TRUE(audio->has_effects()) << audio->effects_status();
    std::vector<std::vector<double>> profiles;
    for (int i = 0; i < kSoundCount; ++i) {
        const Sound s = static_cast<Sound>(i);
        SCOPED_TRACE(to_string(s));
        const std::vector<float> left = hear(*audio, s);
        EXPECT_GT(rms(std::vector<float>(left.begin(), left.begin() + kRate / 10)), 0.01) << "audible at once";
        EXPECT_LT(audible_s(left), 1.3) << "short";
        // Silent after its length: the next cue starts from quiet.
        EXPECT_LT(rms(std::vector<float>(left.end() - kRate / 10, left.end())), 1e-4);
        profiles.push_back(band_profile(left));
        const auto& p = profiles.back();
        std::printf("%-15s loudest band %ld (%.0f Hz), rms %.3f, audible %.2f s\n", to_string(s),
                    std::max_element(p.begin(), p.end()) - p.begin(),
                    100.0 * std::pow(2.0, static_cast<double>(std::max_element(p.begin(), p.end()) - p.begin()) / 3.0),
                    rms(std::vector<float>(left.begin(), left.begin() + kRate / 4)), audible_s(left));
    }
    for (int i = 0; i < kSoundCount; ++i) {
        for (int j = i + 1; j < kSoundCount; ++j) {
            EXPECT_GT(distance(profiles[static_cast<std::size_t>(i)], profiles[static_cast<std::size_t>(j)]), 0.3)
                << to_string(static_cast<Sound>(i)) << " and " << to_string(static_cast<Sound>(j)) << " sound alike";
        }
    }
}

TEST(SoundEffects, TheJudgementsStepDownInPitchFromPerfectToMiss) {
    SKIP_WITHOUT_SOUNDFONT();
    auto audio = loopback(kEffects);
    ASSERT_TRUE(audio->has_effects()) << audio->effects_status();
    // The band holding most energy: Perfect > Great (good) > Good (ok) > Miss.
    auto loudest_band = [&](Sound s) {
        const std::vector<double> p = band_profile(hear(*audio, s));
        return std::max_element(p.begin(), p.end()) - p.begin();
    };
    const auto perfect = loudest_band(Sound::perfect), great = loudest_band(Sound::good),
               good = loudest_band(Sound::ok), miss = loudest_band(Sound::miss);
    EXPECT_GT(perfect, good);
    EXPECT_GE(great, good);
    EXPECT_GT(good, miss + 6) << "a Miss is low: two octaves below";
}

TEST(SoundEffects, TheSameFileRendersTheSameSamples) {
    SKIP_WITHOUT_SOUNDFONT();
    const SoundEffects fx = load_sounds_file(kEffects);
    const SoundBank a = render_sounds(fx, find_soundfont(), kRate);
    const SoundBank b = render_sounds(fx, find_soundfont(), kRate);
    EXPECT_TRUE(a == b);
    // And through the mixer: two loopback devices, the same cues, the same output.
    auto one = loopback(kEffects), two = loopback(kEffects);
    for (Sound s : {Sound::perfect, Sound::miss, Sound::level_complete}) EXPECT_TRUE(hear(*one, s) == hear(*two, s)) << to_string(s);
}

TEST(SoundEffects, AMissingOrBadFileGivesSilentEffectsAndSaysWhy) {
    SKIP_WITHOUT_SOUNDFONT();
    const fs::path dir = fs::temp_directory_path() / ("highstep-fx-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
    fs::create_directories(dir);
    const fs::path bad = dir / "effects.sounds";
    std::ofstream(bad) << "highstep-sounds 1\ninstrument kit bank 128 program 0\nsound click length 9\n";
    for (const fs::path& file : {dir / "missing.sounds", bad}) {
        SCOPED_TRACE(file.string());
        auto audio = loopback(file);
        EXPECT_TRUE(audio->active()) << "the device still plays (music)";
        EXPECT_FALSE(audio->has_effects());
        EXPECT_NE(audio->effects_status().find(file.string() + ":"), std::string::npos) << audio->effects_status();
        EXPECT_LT(rms(hear(*audio, Sound::perfect)), 1e-6) << "silent, no crash";
    }
    EXPECT_NE(loopback(bad)->effects_status().find(":3: length '9'"), std::string::npos);
    fs::remove_all(dir);
}
