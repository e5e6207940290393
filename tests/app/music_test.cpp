// The music: the track files in assets/music read (and bad ones are errors naming
// file and line), and `highstep play --audio-out` renders a session's soundtrack with
// the real FluidSynth and OpenAL Soft loopback: onsets on the judged beat grid within
// 2 ms over a 10-minute session, music between the beats in sets and in rests,
// the same samples every time. Tests that need a SoundFont skip without one.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "highstep/app/music_renderer.h"
#include "wav_read.h"
#include "highstep/app/music_score.h"
#include "highstep/core/level/level_file.h"
#include "highstep/core/session/session.h"
#include "highstep/input/recording.h"

using namespace highstep;
using namespace highstep::app;
namespace fs = std::filesystem;
using highstep::app::testing::read_wav;
using highstep::app::testing::Wav;

namespace {

const fs::path kSource = HIGHSTEP_SOURCE_DIR;
const fs::path kData = HIGHSTEP_TEST_DATA_DIR;

std::string music_error(const std::string& text) {
    try {
        parse_music(text, "t.music");
    } catch (const MusicError& e) {
        return e.what();
    }
    return "(no error)";
}

constexpr const char* kGood =
    "highstep-music 1\n"
    "id t\n"
    "for hill_climb\n"
    "instrument drums channel 9 bank 128 program 0\n"
    "part beat drums step 1/2\n"
    "  36 42 36 42 36 42 36 F#2:60\n"
    "section count_in\n"
    "  layer 0 beat\n"
    "section set\n"
    "  layer 0 beat\n"
    "section rest\n"
    "  layer 0 beat\n";

int run(const std::string& cmd) { return std::system((cmd + " >/dev/null").c_str()); }

bool have_soundfont() { return !find_soundfont().empty(); }

// A recording made by `highstep synth` from a script.
fs::path synth_recording(const std::string& name, const std::string& script, const std::string& extra = "") {
    const fs::path dir = fs::temp_directory_path() / "highstep-music-test";
    fs::create_directories(dir);
    const fs::path script_file = dir / (name + ".txt");
    std::ofstream(script_file) << script;
    const fs::path csv = dir / (name + ".csv");
    EXPECT_EQ(run(std::string(HIGHSTEP_BINARY) + " synth '" + csv.string() + "' --script '" + script_file.string() +
                  "' " + extra),
              0);
    return csv;
}

fs::path render(const std::string& name, const std::string& args) {
    const fs::path wav = fs::temp_directory_path() / "highstep-music-test" / (name + ".wav");
    EXPECT_EQ(run(std::string(HIGHSTEP_BINARY) + " play --headless " + args + " --audio-out '" + wav.string() + "'"), 0);
    return wav;
}

// The judged grid of a session on this recording, from the session itself.
core::BeatGrid judged_grid(const core::Level& level, const fs::path& csv) {
    const Recording r = read_recording(csv);
    core::Session session(level);
    session.push_sample(r.samples.front());
    session.advance_to(r.samples.front().t_s);
    return session.beat_grid();
}

// Where the level first rises to `threshold` after `quiet_s` below it (seconds).
std::vector<double> onsets(const std::vector<float>& x, int rate, float threshold, double quiet_s) {
    std::vector<double> out;
    const auto quiet = static_cast<std::size_t>(quiet_s * rate);
    std::size_t below = quiet;
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (std::abs(x[i]) >= threshold) {
            if (below >= quiet) out.push_back(static_cast<double>(i) / rate);
            below = 0;
        } else {
            ++below;
        }
    }
    return out;
}

double rms(const std::vector<float>& x, int rate, double from_s, double to_s) {
    const auto a = static_cast<std::size_t>(std::max(0.0, from_s) * rate);
    const auto b = std::min(x.size(), static_cast<std::size_t>(to_s * rate));
    double sum = 0.0;
    for (std::size_t i = a; i < b; ++i) sum += static_cast<double>(x[i]) * x[i];
    return b > a ? std::sqrt(sum / static_cast<double>(b - a)) : 0.0;
}

}  // namespace

// ------------------------------------------------------------ the format

TEST(MusicScore, ReadsNotesHoldsChordsAndVelocities) {
    const MusicTrack t = parse_music(kGood, "t.music");
    ASSERT_EQ(t.parts.size(), 1u);
    EXPECT_DOUBLE_EQ(t.parts[0].length_beats, 4.0);
    ASSERT_EQ(t.parts[0].notes.size(), 8u);
    EXPECT_EQ(t.parts[0].notes[7].key, 42) << "F#2 is key 42 (a '#' inside a word is a sharp, not a comment)";
    EXPECT_EQ(t.parts[0].notes[7].velocity, 60);
    EXPECT_DOUBLE_EQ(t.parts[0].notes[7].beat, 3.5);
    const MusicTrack held = parse_music(
        "highstep-music 1\nid h\nfor menu\ninstrument p channel 0 program 0\n"
        "part a p step 1\n  C4+E4 - - .\nsection menu\n  layer 0 a\n", "h.music");
    ASSERT_EQ(held.parts[0].notes.size(), 2u);
    EXPECT_EQ(held.parts[0].notes[0].key, 60);
    EXPECT_EQ(held.parts[0].notes[1].key, 64);
    EXPECT_DOUBLE_EQ(held.parts[0].notes[0].length_beats, 3.0) << "'-' holds the chord";
}

TEST(MusicScore, BadFilesNameTheFileAndLine) {
    EXPECT_EQ(music_error("highstep-music 2\n"), "t.music:1: format version '2' is not supported (this HighStep reads version 1)");
    EXPECT_EQ(music_error("id x\n"), "t.music:1: a music file starts with 'highstep-music 1'");
    std::string bad_note = kGood;
    bad_note.replace(bad_note.find("F#2:60"), 6, "H2");
    EXPECT_EQ(music_error(bad_note).rfind("t.music:6: 'H2' is not a step", 0), 0u) << music_error(bad_note);
    std::string short_part = kGood;
    short_part.replace(short_part.find(" F#2:60"), 7, "");
    EXPECT_EQ(music_error(short_part).rfind("t.music:5: part 'beat' is 7 steps", 0), 0u) << music_error(short_part);
    std::string no_rest = kGood;
    no_rest.erase(no_rest.find("section rest"));
    EXPECT_EQ(music_error(no_rest), "t.music:3: a track for hill_climb needs 'section rest'");
    std::string typo = kGood;
    typo.replace(typo.find("layer 0 beat\nsection set"), 12, "layer 0 bet");
    EXPECT_EQ(music_error(typo), "t.music:8: no part 'bet' (define it first)");
    std::string tempo = kGood;
    tempo.insert(tempo.find("instrument"), "tempo 300\n");
    EXPECT_EQ(music_error(tempo), "t.music:4: tempo '300' must be 40..180 bpm");
    EXPECT_EQ(load_music_library(kData / "no-such-folder").tracks.size(), 0u);
}

TEST(MusicAssets, EveryTrackReadsAndEveryLevelTypeAndTheMenusHaveOne) {
    const MusicLibrary library = load_music_library(kSource / "assets" / "music");
    EXPECT_TRUE(library.errors.empty()) << library.errors.front();
    for (const char* use : {"hill_climb", "sprint_start", "balance_tower", "menu"}) {
        const MusicTrack* t = library.track_for(use);
        ASSERT_NE(t, nullptr) << use;
        EXPECT_FALSE(t->title.empty());
        if (std::string(use) != "menu") {
            // Layers join as the combo grows: a set has more than one.
            EXPECT_GE(t->section(MusicSection::set).size(), 2u) << use;
        }
    }
    EXPECT_EQ(assets_dir_beside(kSource / "levels"), kSource / "assets");
    EXPECT_EQ(assets_dir_beside(kSource / "levels/"), kSource / "assets");
}

// ------------------------------------------------------------ the soundtrack

// A 10-minute session at an odd tempo (97 bpm): every onset of the music (a wood
// block on each beat of the test track) is within 2 ms of the judged grid, from the
// first beat to the last, and the error does not grow (no drift).
TEST(Soundtrack, MusicOnsetsSitOnTheJudgedBeatGridForTenMinutes) {
    if (!have_soundfont()) GTEST_SKIP() << "no General MIDI SoundFont (install timgm6mb-soundfont)";
    const fs::path csv = synth_recording("empty600", "empty 600\n", "--rate-hz 40");
    const fs::path level_file = kData / "music" / "long-hill.json";
    const fs::path wav = render("long", "--level '" + level_file.string() + "' --replay '" + csv.string() +
                                            "' --music '" + (kData / "music" / "beat-check.music").string() +
                                            "' --effects-volume 0");
    const Wav w = read_wav(wav);
    ASSERT_EQ(w.rate_hz, 48000);
    ASSERT_GT(w.left.size(), 600u * 48000u);
    const core::BeatGrid grid = judged_grid(core::load_level_file(level_file), csv);
    ASSERT_NEAR(grid.bpm, 97.0, 1e-9);
    const std::vector<double> heard = onsets(w.left, w.rate_hz, 0.05f, 0.2);
    const double end_s = read_recording(csv).samples.back().t_s;
    ASSERT_GT(end_s, 600.0);
    const long beats = grid.beat_index(end_s) + 1;
    ASSERT_EQ(static_cast<long>(heard.size()), beats) << "one onset per beat, from beat 0 to the end";
    double first_minute = 0.0, last_minute = 0.0;
    int n_first = 0, n_last = 0;
    for (std::size_t i = 0; i < heard.size(); ++i) {
        const double beat_s = grid.start_s + static_cast<double>(i) * grid.period_s();
        const double error_ms = (heard[i] - beat_s) * 1000.0;
        ASSERT_NEAR(error_ms, 0.0, 2.0) << "beat " << i << " at " << beat_s << " s";
        if (beat_s < 60.0) first_minute += error_ms, ++n_first;
        if (beat_s > end_s - 60.0) last_minute += error_ms, ++n_last;
    }
    EXPECT_NEAR(first_minute / n_first, last_minute / n_last, 0.5) << "mean error in the first and last minute";
    // Music between the beats: the held chord sounds halfway between every two beats.
    for (long b = 10; b + 1 < beats; b += 37) {
        const double mid = grid.start_s + (static_cast<double>(b) + 0.5) * grid.period_s();
        EXPECT_GT(rms(w.left, w.rate_hz, mid - 0.05, mid + 0.05), 0.001) << "between beats " << b << " and " << b + 1;
    }
}

// Hill 1 played by the synthetic board (two sets, a rest between): the level's own
// track plays in the sets and in the rest, between the beats too, calmer in the rest.
TEST(Soundtrack, TheLevelsTrackPlaysInSetsAndRestsAndIsCalmerInTheRest) {
    if (!have_soundfont()) GTEST_SKIP() << "no General MIDI SoundFont (install timgm6mb-soundfont)";
    // Two sets of 12 step-ups with 40 s off the board between them (a rep would end
    // the rest). The very first counts too: done before the body weight is known, it is
    // judged again once it is (docs/signal.md).
    std::string script = "empty 1\n";
    for (int i = 0; i < 24; ++i) {
        script += std::string("step-up ") + (i % 2 ? "right" : "left") + " lowering=1.0\nempty 1.5\n";
        if (i == 11) script += "empty 40\n";
    }
    script += "empty 2\n";
    const fs::path csv = synth_recording("hill", script, "--seed 3");
    const fs::path wav = render("hill", "--level hill-1 --replay '" + csv.string() + "' --effects-volume 0");
    const Wav w = read_wav(wav);
    ASSERT_GT(w.left.size(), 0u);
    // Which phase each moment is in, from the same session.
    const core::Level level = core::load_level_file(kSource / "levels" / "hill-1.json");
    const Recording r = read_recording(csv);
    core::Session session(level);
    std::vector<std::pair<double, core::Phase>> phases;
    for (const BoardSample& s : r.samples) {
        session.push_sample(s);
        session.advance_to(s.t_s);
        phases.emplace_back(s.t_s, session.hud().phase);
    }
    const core::BeatGrid grid = session.beat_grid();
    double set_energy = 0.0, rest_energy = 0.0;
    int set_n = 0, rest_n = 0;
    for (long b = 0; b < grid.beat_index(r.samples.back().t_s); ++b) {
        const double mid = grid.start_s + (static_cast<double>(b) + 0.5) * grid.period_s();
        auto at = std::lower_bound(phases.begin(), phases.end(), std::make_pair(mid, core::Phase::count_in),
                                   [](const auto& a, const auto& b2) { return a.first < b2.first; });
        if (at == phases.end()) break;
        const double level_between = rms(w.left, w.rate_hz, mid - 0.1, mid + 0.1);
        if (at->second == core::Phase::active) {
            EXPECT_GT(level_between, 0.002) << "set, between beats " << b << " and " << b + 1;
            set_energy += rms(w.left, w.rate_hz, mid - 0.5 * grid.period_s(), mid + 0.5 * grid.period_s());
            ++set_n;
        } else if (at->second == core::Phase::rest) {
            EXPECT_GT(level_between, 0.001) << "rest, between beats " << b << " and " << b + 1;
            rest_energy += rms(w.left, w.rate_hz, mid - 0.5 * grid.period_s(), mid + 0.5 * grid.period_s());
            ++rest_n;
        }
    }
    ASSERT_GT(set_n, 20);
    ASSERT_GT(rest_n, 20) << "the level has a rest";
    EXPECT_LT(rest_energy / rest_n, 0.8 * set_energy / set_n) << "the rest is calmer than the sets";
}

TEST(Soundtrack, IsTheSameEveryTimeAndDoesNotChangeTheResult) {
    if (!have_soundfont()) GTEST_SKIP() << "no General MIDI SoundFont (install timgm6mb-soundfont)";
    std::string script = "empty 1\n";
    for (int i = 0; i < 6; ++i) script += std::string("step-up ") + (i % 2 ? "right" : "left") + "\nempty 1.5\n";
    const fs::path csv = synth_recording("short", script, "--seed 5");
    const fs::path dir = fs::temp_directory_path() / "highstep-music-test";
    auto result_of = [&](const std::string& extra) {
        const fs::path out = dir / "result.json";
        EXPECT_EQ(std::system((std::string(HIGHSTEP_BINARY) + " play --headless --level sprint-1 --replay '" + csv.string() +
                               "' " + extra + " > '" + out.string() + "'").c_str()),
                  0);
        std::ifstream f(out);
        return std::string((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    };
    const std::string plain = result_of("");
    const std::string a = result_of("--audio-out '" + (dir / "a.wav").string() + "'");
    result_of("--audio-out '" + (dir / "b.wav").string() + "'");
    EXPECT_EQ(plain, a) << "--audio-out plays the same session";
    const Wav wa = read_wav(dir / "a.wav"), wb = read_wav(dir / "b.wav");
    ASSERT_GT(wa.left.size(), 48000u);
    EXPECT_TRUE(wa.left == wb.left && wa.right == wb.right) << "the same samples every time";
    EXPECT_GT(rms(wa.left, wa.rate_hz, 0.0, 1e9), 0.005) << "something is heard";
}

TEST(Soundtrack, ABadTrackIsAnErrorNamingFileAndLine) {
    const fs::path dir = fs::temp_directory_path() / "highstep-music-test";
    fs::create_directories(dir);
    std::ofstream(dir / "bad.music") << "highstep-music 1\nid bad\nfor hill_climb\nwobble\n";
    const fs::path csv = synth_recording("tiny", "empty 2\n");
    const fs::path err = dir / "err.txt";
    const int status = std::system((std::string(HIGHSTEP_BINARY) + " play --headless --level hill-1 --replay '" +
                                    csv.string() + "' --audio-out '" + (dir / "x.wav").string() +
                                    "' --music '" + (dir / "bad.music").string() + "' 2> '" + err.string() + "'")
                                       .c_str());
    EXPECT_NE(status, 0);
    std::ifstream f(err);
    const std::string text((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    EXPECT_NE(text.find("bad.music:4: unknown statement 'wobble'"), std::string::npos) << text;
}
