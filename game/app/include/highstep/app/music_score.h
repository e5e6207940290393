#pragma once
// The music HighStep plays, as composed for it: tracks in assets/music/*.music, a
// line-based text format (format and reasoning in docs/music.md). A track names its
// instruments (General MIDI programs), its parts (loops of steps, in beats, so any
// tempo plays them) and its sections (count-in, set, rest, menu), each a stack of
// layers that join as the combo grows. Nothing here knows a synthesiser or a clock.
//
// Index
//   MusicError                      "path:line: what is wrong"
//   MusicSection                    count_in, set, rest, menu
//   MusicInstrument, MusicNote, MusicPart, MusicLayer, MusicTrack
//   parse_music(), load_music_file(), load_music_library()
#include <array>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace highstep::app {

inline constexpr int kMusicFormatVersion = 1;

// A bad music file: the message starts with "path:line: ".
class MusicError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class MusicSection { count_in, set, rest, menu };
inline constexpr int kMusicSectionCount = 4;
const char* to_string(MusicSection section);

struct MusicInstrument {
    std::string name;
    int channel = 0;   // MIDI channel 0..15; 9 is General MIDI percussion
    int bank = 0;      // SoundFont bank (128 = percussion kits)
    int program = 0;   // General MIDI program 0..127
    int volume = 100;  // channel volume (CC 7), 0..127
    int pan = 64;      // CC 10: 0 left, 64 centre, 127 right
    int reverb = 40;   // reverb send (CC 91), 0..127
};

struct MusicNote {
    double beat = 0.0;          // onset, beats from the start of the part
    double length_beats = 0.0;  // how long the key is held
    int key = 60;               // MIDI key (60 = C4)
    int velocity = 100;         // 1..127
};

struct MusicPart {
    std::string name;
    int instrument = 0;         // index into MusicTrack::instruments
    double length_beats = 0.0;  // the loop's length: whole bars
    std::vector<MusicNote> notes;  // by onset
};

struct MusicLayer {
    int from_combo = 0;         // plays while the combo is at least this
    std::vector<int> parts;     // indices into MusicTrack::parts
};

struct MusicTrack {
    std::string source;         // the file it came from
    std::string id;
    std::string title;
    std::vector<std::string> used_for;  // level types ("hill_climb", ...) and/or "menu"
    double tempo_bpm = 90.0;    // its own tempo: menus and levels that have no beat
    int beats_per_bar = 4;
    std::vector<MusicInstrument> instruments;
    std::vector<MusicPart> parts;
    std::array<std::vector<MusicLayer>, kMusicSectionCount> sections;  // by MusicSection

    const std::vector<MusicLayer>& section(MusicSection s) const { return sections[static_cast<std::size_t>(s)]; }
    bool is_for(std::string_view use) const;
};

// Parses one track. `source` names the text in errors. Throws MusicError.
MusicTrack parse_music(std::string_view text, const std::string& source);
MusicTrack load_music_file(const std::filesystem::path& path);

// Every *.music file of a folder; a bad file is an error line, the rest still load.
struct MusicLibrary {
    std::vector<MusicTrack> tracks;
    std::vector<std::string> errors;
    // The first track (by file name) made for `use` ("menu", "hill_climb", ...), or null.
    const MusicTrack* track_for(std::string_view use) const;
};
MusicLibrary load_music_library(const std::filesystem::path& dir);

// assets/ sits beside the levels/ folder (in the source tree and when installed).
std::filesystem::path assets_dir_beside(const std::filesystem::path& levels_dir);

}  // namespace highstep::app
