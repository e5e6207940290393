// The effects file (assets/sounds/effects.sounds, docs/sounds.md): the project's
// own file defines every cue; bad files are errors naming the file and line.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "highstep/app/sound_file.h"

using namespace highstep::app;

namespace {

const std::filesystem::path kAssets = std::filesystem::path(HIGHSTEP_SOURCE_DIR) / "assets";

// A valid file: two instruments, every cue one note.
std::string good_file() {
    std::string s = "highstep-sounds 1\ninstrument kit bank 128 program 0\ninstrument bells program 14\n";
    for (int i = 0; i < kSoundCount; ++i) {
        s.append("sound ").append(to_string(static_cast<Sound>(i))).append(" length 0.2\n  at 0 bells C6\n");
    }
    return s;
}

std::string error_of(const std::string& text) {
    try {
        parse_sounds(text, "fx.sounds");
    } catch (const SoundsError& e) {
        return e.what();
    }
    return "(no error)";
}

// The good file with its line `n` (1-based) replaced.
std::string with_line(int n, const std::string& replacement) {
    const std::string text = good_file();
    std::size_t start = 0;
    for (int i = 1; i < n; ++i) start = text.find('\n', start) + 1;
    const std::size_t end = text.find('\n', start);
    return text.substr(0, start) + replacement + text.substr(end);
}

}  // namespace

TEST(SoundFile, TheProjectsFileDefinesEveryCue) {
    const SoundEffects fx = load_sounds_file(effects_file_in(kAssets));
    for (int i = 0; i < kSoundCount; ++i) {
        const SoundEffect& e = fx.sounds[static_cast<std::size_t>(i)];
        SCOPED_TRACE(to_string(static_cast<Sound>(i)));
        EXPECT_GT(e.line, 1);
        ASSERT_FALSE(e.notes.empty());
        EXPECT_LE(e.length_s, 1.5) << "a cue is short";
        for (const SoundNote& n : e.notes) EXPECT_LT(n.at_s, e.length_s);
    }
}

TEST(SoundFile, ReadsNotesKeysAndSettings) {
    std::string text = with_line(7, "  at 0.1 kit 76 velocity 120 hold 0.05\n  at 0 bells F#5");
    const std::string line6 = "sound click_accent length 0.2";
    text.replace(text.find(line6), line6.size(), "sound click_accent length 0.5 peak 0.9  # comment");
    const SoundEffects fx = parse_sounds(text, "fx.sounds");
    const SoundEffect& e = fx[Sound::click_accent];
    EXPECT_DOUBLE_EQ(e.length_s, 0.5);
    EXPECT_DOUBLE_EQ(e.peak, 0.9);
    ASSERT_EQ(e.notes.size(), 2u);
    // By onset; F#5 is MIDI 78, held to the end when no hold is given.
    EXPECT_EQ(e.notes[0].key, 78);
    EXPECT_DOUBLE_EQ(e.notes[0].hold_s, 0.5);
    EXPECT_EQ(e.notes[0].instrument, 1);
    EXPECT_EQ(e.notes[1].key, 76);
    EXPECT_EQ(e.notes[1].velocity, 120);
    EXPECT_DOUBLE_EQ(e.notes[1].hold_s, 0.05);
    EXPECT_EQ(fx.instruments[0].bank, 128);
}

TEST(SoundFile, BadFilesNameFileAndLine) {
    struct Case {
        std::string text;
        std::string expected;  // the start of the message
    };
    const Case cases[] = {
        {"", "fx.sounds:1: empty file"},
        {"highstep-music 1\n", "fx.sounds:1: an effects file starts with 'highstep-sounds 1'"},
        {with_line(1, "highstep-sounds 2"), "fx.sounds:1: format version '2' is not supported"},
        {with_line(2, "instrument kit bank 129 program 0"), "fx.sounds:2: bank '129' must be a whole number in 0..128"},
        {with_line(3, "instrument bells"), "fx.sounds:3: instrument 'bells' needs 'program'"},
        {with_line(3, "instrument kit program 1"), "fx.sounds:3: instrument 'kit' is defined twice"},
        {with_line(3, "instrument bells program 14 volume 3"), "fx.sounds:3: unknown instrument setting 'volume'"},
        {with_line(4, "sound clack length 0.2"), "fx.sounds:4: unknown sound 'clack'"},
        {with_line(4, "sound click length 3"), "fx.sounds:4: length '3' must be seconds in (0, 2]"},
        {with_line(4, "sound click length 0"), "fx.sounds:4: length '0' must be seconds in (0, 2]"},
        {with_line(4, "sound click peak 0.5"), "fx.sounds:4: sound 'click' needs 'length'"},
        {with_line(4, "sound click length 0.2 peak 1.5"), "fx.sounds:4: peak '1.5' must be in (0, 1]"},
        {with_line(4, "sound click length 0.2 length 0.3"), "fx.sounds:4: 'length' is given twice"},
        {with_line(5, "  at 0 drum C6"), "fx.sounds:5: no instrument 'drum'"},
        {with_line(5, "  at 0 bells H6"), "fx.sounds:5: 'H6' is not a key"},
        {with_line(5, "  at 0 bells C2147483647"), "fx.sounds:5: 'C2147483647' is not a key"},
        {with_line(5, "  at 0.2 bells C6"), "fx.sounds:5: a note at 0.2 s starts after the sound's end"},
        {with_line(5, "  at -1 bells C6"), "fx.sounds:5: at '-1' must be seconds in [0, 0.2]"},
        {with_line(5, "  at 0 bells C6 velocity 0"), "fx.sounds:5: velocity '0' must be a whole number in 1..127"},
        {with_line(5, "  at 0 bells C6 hold"), "fx.sounds:5: 'hold' needs a value"},
        {with_line(5, "  at 0 bells C6 loud 3"), "fx.sounds:5: unknown note setting 'loud'"},
        {with_line(5, "  at 0 bells"), "fx.sounds:5: 'at SECONDS INSTRUMENT KEY"},
        {with_line(5, "  play 0 bells C6"), "fx.sounds:5: unknown statement 'play'"},
        {with_line(5, ""), "fx.sounds:4: sound 'click' has no notes"},
        {with_line(6, "sound click length 0.2"), "fx.sounds:6: sound 'click' is defined twice (first on line 4)"},
        {with_line(4, "  at 0 bells C6"), "fx.sounds:4: 'at' belongs under a 'sound'"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.text.substr(0, 80));
        const std::string e = error_of(c.text);
        EXPECT_EQ(e.substr(0, c.expected.size()), c.expected) << e;
    }
    EXPECT_NE(error_of(with_line(6, "#")).find("no 'sound click_accent'"), std::string::npos);
}

TEST(SoundFile, AMissingFileIsAnErrorNamingIt) {
    try {
        load_sounds_file("/nonexistent/effects.sounds");
        FAIL() << "no error";
    } catch (const SoundsError& e) {
        EXPECT_EQ(std::string(e.what()), "/nonexistent/effects.sounds:0: no such file");
    }
}
