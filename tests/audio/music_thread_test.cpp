// The live music stream's own thread (audio_music_stream.h) with the game thread
// busy beside it, as in the window: the music state changing every frame (menu,
// count-in, set, rest, paused), the clock synced, volumes changed, effects played,
// and the audio closed while the thread runs. On OpenAL Soft's null device (no
// sound card needed). scripts/test.sh also runs this under ThreadSanitizer, which
// is what finds a data race between the two threads.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <memory>
#include <thread>

#include "highstep/app/audio.h"
#include "highstep/app/music_score.h"
#include "highstep/app/sound_file.h"

using namespace highstep::app;
namespace fs = std::filesystem;

namespace {

const fs::path kAssets = fs::path(HIGHSTEP_SOURCE_DIR) / "assets";

double steady_s() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::unique_ptr<Audio> device_audio(bool effects = true) {
    AudioSettings s;
    if (effects) s.effects = effects_file_in(kAssets);
    return open_audio(s);
}

}  // namespace

TEST(MusicThread, TheGameThreadDrivesTheStreamWhileItsThreadRenders) {
    if (find_soundfont().empty()) GTEST_SKIP() << "no General MIDI SoundFont (install timgm6mb-soundfont)";
    auto audio = device_audio();
    if (!audio->active()) GTEST_SKIP() << audio->status();
    ASSERT_TRUE(audio->has_music()) << audio->music_status();
    auto menu = std::make_shared<const MusicTrack>(load_music_file(kAssets / "music" / "front-porch.music"));
    auto level = std::make_shared<const MusicTrack>(load_music_file(kAssets / "music" / "ridge-line.music"));

    // ~1.2 s of 120 frames a second; the session's clock starts with the level.
    const double start = steady_s();
    double session_s = 0.0;
    int frame = 0;
    for (double now = start; now - start < 1.2; now = steady_s(), ++frame) {
        MusicState m;
        if (frame < 20) {
            m.track = menu;
            m.running = true;
        } else {
            m.track = level;
            m.running = frame % 50 < 40;  // paused every so often: the clock is measured afresh
            m.bpm = 120.0;
            m.beat0_s = 0.5;
            m.count_in_end_beat = 4;
            m.combo = frame / 10;
            m.section = frame < 60 ? MusicSection::count_in : frame < 100 ? MusicSection::set : MusicSection::rest;
            if (m.running) session_s += 1.0 / 120.0;
        }
        audio->set_music(m);
        audio->sync_music(session_s, now);
        if (frame % 15 == 0) audio->play(Sound::click, 0.0f, 0.5f);
        if (frame % 40 == 0) audio->set_volumes({0.5f + 0.01f * static_cast<float>(frame % 7), 0.8f, false});
        const double latency = audio->output_latency_s();
        ASSERT_TRUE(std::isfinite(latency) && latency >= 0.0) << latency;
        std::this_thread::sleep_for(std::chrono::microseconds(8333));
    }
    EXPECT_GT(frame, 20) << "the level's part ran";
    audio.reset();  // stops and joins the music thread while it has work queued
}

TEST(MusicThread, OpeningAndClosingAtOnceIsSafe) {
    if (find_soundfont().empty()) GTEST_SKIP() << "no General MIDI SoundFont (install timgm6mb-soundfont)";
    for (int i = 0; i < 3; ++i) {
        auto audio = device_audio(false);  // the music thread only (rendering the effects is slow under TSan)
        if (!audio->active()) GTEST_SKIP() << audio->status();
        MusicState m;
        m.track = std::make_shared<const MusicTrack>(load_music_file(kAssets / "music" / "front-porch.music"));
        m.running = true;
        audio->set_music(m);
    }
}
