// The menu track is really played: the real program under Xvfb, its sound written
// by `--audio-out` in step with the game clock (the same OpenAL mixer, rendered
// through ALC_SOFT_loopback). With test tracks told apart by pitch (a menu A4, a
// Hill Climb C6, tests/data/music), the title and the menus sound the menu's
// track, and the level's track takes over when a level starts.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <numbers>
#include <vector>

#include "highstep/app/music_renderer.h"
#include "screen_fixture.h"
#include "wav_read.h"

using namespace highstep::app::testing;

namespace {

// Amplitude of the `freq_hz` component over [from_s, to_s): the mean over 100 ms
// windows (Goertzel), whose 10 Hz wide bins keep a SoundFont's slightly sharp or
// vibrato note (the flute's A4 sounds near 445 Hz) in the bin.
double tone(const Wav& w, double freq_hz, double from_s, double to_s) {
    const auto window = static_cast<std::size_t>(w.rate_hz / 10);
    const double c = 2.0 * std::cos(2.0 * std::numbers::pi * freq_hz / w.rate_hz);
    double sum = 0.0;
    int windows = 0;
    const auto end = std::min(w.left.size(), static_cast<std::size_t>(to_s * w.rate_hz));
    for (auto a = static_cast<std::size_t>(from_s * w.rate_hz); a + window <= end; a += window, ++windows) {
        double s1 = 0.0, s2 = 0.0;
        for (std::size_t i = a; i < a + window; ++i) {
            const double s0 = w.left[i] + c * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        sum += 2.0 * std::sqrt(std::max(0.0, s1 * s1 + s2 * s2 - c * s1 * s2)) / static_cast<double>(window);
    }
    return windows ? sum / windows : 0.0;
}

constexpr double kMenuA4_hz = 440.0;
constexpr double kHillC6_hz = 1046.5;

}  // namespace

TEST_F(ScreenTest, TheMenusPlayTheMenuTrackAndALevelItsOwn) {
    if (highstep::app::find_soundfont().empty()) GTEST_SKIP() << "no General MIDI SoundFont";
    // A data folder whose assets/music holds only the two test tracks (no effects
    // file: the effects are silent, so only the music is heard).
    const fs::path data = dir_ / "data";
    fs::create_directories(data / "assets" / "music");
    fs::create_directory_symlink(fs::path(HIGHSTEP_SOURCE_DIR) / "levels", data / "levels");
    for (const char* f : {"menu-tone.music", "hill-tone.music"}) {
        fs::copy_file(fs::path(HIGHSTEP_TEST_DATA_DIR) / "music" / f, data / "assets" / "music" / f);
    }
    const fs::path replay = fs::path(HIGHSTEP_TEST_DATA_DIR) / "golden" / "hill-1-full-program.csv";
    const fs::path wav = dir_ / "game.wav";
    // Title 3 s, the weigh-in, level select 2 s, then Hill Climb 1 for 6 s.
    const std::string script = R"(
wait 3
key Return
wait_scene weigh_in
key Return
wait_scene levels
wait 2
key Return
wait_scene play
wait 6
quit
)";
    // The data folder given: its assets are the ones used, wherever the levels are.
    ASSERT_EQ(run(script, "--player Tester --replay '" + replay.string() + "' --data-dir '" + data.string() +
                              "' --audio-out '" + wav.string() + "'"),
              0)
        << err_;
    EXPECT_NE(err_.find("sound effects: off"), std::string::npos) << "one notice for the missing effects file: " << err_;
    const Wav w = read_wav(wav);
    ASSERT_EQ(w.rate_hz, 48000);
    const double length_s = static_cast<double>(w.left.size()) / w.rate_hz;
    ASSERT_GT(length_s, 10.0);
    // The title: the menu's A4 from the first second, no C6.
    const double title_a4 = tone(w, kMenuA4_hz, 0.5, 2.5), title_c6 = tone(w, kHillC6_hz, 0.5, 2.5);
    EXPECT_GT(title_a4, 0.01) << "the menu track plays on the title screen";
    EXPECT_GT(title_a4, 10.0 * title_c6);
    // The level's last 3 s: its C6, and the menu's A4 is gone.
    const double play_a4 = tone(w, kMenuA4_hz, length_s - 3.0, length_s - 0.1),
                 play_c6 = tone(w, kHillC6_hz, length_s - 3.0, length_s - 0.1);
    EXPECT_GT(play_c6, 0.01) << "the level's track plays";
    EXPECT_GT(play_c6, 10.0 * play_a4) << "the menu track gave way";
}
