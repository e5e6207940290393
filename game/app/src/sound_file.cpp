// Reads the effects format (docs/sounds.md). Strict like the music format: an
// unknown word, a missing cue or one defined twice is an error naming its line.
#include "highstep/app/sound_file.h"

#include <algorithm>
#include <optional>

#include "asset_text.h"

namespace highstep::app {

namespace {

using asset_text::Line;

constexpr std::uintmax_t kMaxSoundsBytes = 64 * 1024;  // the file is a few kilobytes

class Parser {
public:
    Parser(std::string_view text, const std::string& source) : source_(source), lines_(asset_text::split_lines(text)) {}

    SoundEffects run() {
        out_.source = source_;
        if (lines_.empty()) fail(1, "empty file: an effects file starts with 'highstep-sounds 1'");
        header(lines_.front());
        for (std::size_t i = 1; i < lines_.size(); ++i) statement(lines_[i]);
        finish_sound();
        for (int i = 0; i < kSoundCount; ++i) {
            if (out_.sounds[static_cast<std::size_t>(i)].line == 0) {
                fail(lines_.back().number, std::string("no 'sound ") + to_string(static_cast<Sound>(i)) +
                                               "': every cue the game plays must be defined");
            }
        }
        return std::move(out_);
    }

private:
    [[noreturn]] void fail(int line, const std::string& message) const {
        throw SoundsError(std::string(source_).append(":").append(std::to_string(line)).append(": ").append(message));
    }

    void header(const Line& line) {
        const std::string expected = std::string("highstep-sounds ").append(std::to_string(kSoundsFormatVersion));
        if (line.words[0] != "highstep-sounds" || line.words.size() != 2) {
            fail(line.number, std::string("an effects file starts with '").append(expected).append("'"));
        }
        const auto version = asset_text::parse_int(line.words[1]);
        if (!version || *version != kSoundsFormatVersion) {
            fail(line.number, "format version '" + line.words[1] + "' is not supported (this HighStep reads '" +
                                  expected + "')");
        }
    }

    void statement(const Line& line) {
        const std::string& w = line.words[0];
        if (w == "instrument") {
            finish_sound();
            instrument(line);
        } else if (w == "sound") {
            finish_sound();
            sound(line);
        } else if (w == "at") {
            note(line);
        } else {
            fail(line.number, "unknown statement '" + w + "' (instrument, sound or at)");
        }
    }

    int int_in(int line, const std::string& what, const std::string& text, int lo, int hi) const {
        const auto v = asset_text::parse_int(text);
        if (!v || *v < lo || *v > hi) {
            fail(line, what + " '" + text + "' must be a whole number in " + std::to_string(lo) + ".." + std::to_string(hi));
        }
        return *v;
    }
    double seconds_in(int line, const std::string& what, const std::string& text, double lo, double hi,
                      bool lo_allowed) const {
        const auto v = asset_text::parse_number(text);
        if (!v || *v > hi || *v < lo || (!lo_allowed && *v == lo)) {
            fail(line, what + " '" + text + "' must be seconds in " + (lo_allowed ? "[" : "(") + format(lo) + ", " +
                           format(hi) + "]");
        }
        return *v;
    }
    static std::string format(double v) {
        std::string s = std::to_string(v);
        s.erase(s.find_last_not_of('0') + 1);
        if (s.back() == '.') s.pop_back();
        return s;
    }

    // `key value` pairs after the first `from` words; each key at most once.
    template <class Handle>
    void settings(const Line& line, std::size_t from, Handle&& handle) {
        std::vector<std::string> seen;
        for (std::size_t i = from; i < line.words.size(); i += 2) {
            const std::string& key = line.words[i];
            if (i + 1 >= line.words.size()) fail(line.number, "'" + key + "' needs a value");
            if (std::find(seen.begin(), seen.end(), key) != seen.end()) fail(line.number, "'" + key + "' is given twice");
            seen.push_back(key);
            handle(key, line.words[i + 1]);
        }
    }

    void instrument(const Line& line) {
        if (line.words.size() < 2) fail(line.number, "'instrument NAME program P [bank B]' expected");
        SoundInstrument in;
        in.name = line.words[1];
        if (instrument_index(in.name)) fail(line.number, "instrument '" + in.name + "' is defined twice");
        if (static_cast<int>(out_.instruments.size()) >= kMaxSoundInstruments) {
            fail(line.number, "more than " + std::to_string(kMaxSoundInstruments) + " instruments (one MIDI channel each)");
        }
        bool has_program = false;
        settings(line, 2, [&](const std::string& key, const std::string& value) {
            if (key == "program") {
                in.program = int_in(line.number, key, value, 0, 127);
                has_program = true;
            } else if (key == "bank") {
                in.bank = int_in(line.number, key, value, 0, 128);
            } else {
                fail(line.number, "unknown instrument setting '" + key + "' (program, bank)");
            }
        });
        if (!has_program) fail(line.number, "instrument '" + in.name + "' needs 'program' (General MIDI 0..127)");
        out_.instruments.push_back(in);
    }

    void sound(const Line& line) {
        if (line.words.size() < 2) fail(line.number, "'sound NAME length S [peak P]' expected");
        const auto s = sound_named(line.words[1]);
        if (!s) {
            std::string known;
            for (int i = 0; i < kSoundCount; ++i) known.append(i ? ", " : "").append(to_string(static_cast<Sound>(i)));
            fail(line.number, "unknown sound '" + line.words[1] + "' (the game's cues: " + known + ")");
        }
        SoundEffect& e = out_.sounds[static_cast<std::size_t>(*s)];
        if (e.line != 0) fail(line.number, "sound '" + line.words[1] + "' is defined twice (first on line " +
                                               std::to_string(e.line) + ")");
        e.line = line.number;
        bool has_length = false;
        settings(line, 2, [&](const std::string& key, const std::string& value) {
            if (key == "length") {
                e.length_s = seconds_in(line.number, key, value, 0.0, kMaxSoundLength_s, false);
                has_length = true;
            } else if (key == "peak") {
                const auto p = asset_text::parse_number(value);
                if (!p || *p <= 0.0 || *p > 1.0) fail(line.number, "peak '" + value + "' must be in (0, 1]");
                e.peak = *p;
            } else {
                fail(line.number, "unknown sound setting '" + key + "' (length, peak)");
            }
        });
        if (!has_length) fail(line.number, "sound '" + line.words[1] + "' needs 'length' (seconds)");
        current_ = *s;
    }

    // at SECONDS INSTRUMENT KEY [velocity V] [hold S]
    void note(const Line& line) {
        if (!current_) fail(line.number, "'at' belongs under a 'sound'");
        SoundEffect& e = out_.sounds[static_cast<std::size_t>(*current_)];
        if (line.words.size() < 4) fail(line.number, "'at SECONDS INSTRUMENT KEY [velocity V] [hold S]' expected");
        SoundNote n;
        n.at_s = seconds_in(line.number, "at", line.words[1], 0.0, e.length_s, true);
        if (n.at_s >= e.length_s) fail(line.number, "a note at " + line.words[1] + " s starts after the sound's end");
        const auto in = instrument_index(line.words[2]);
        if (!in) fail(line.number, "no instrument '" + line.words[2] + "' (define it first)");
        n.instrument = *in;
        const auto key = asset_text::parse_key(line.words[3]);
        if (!key) fail(line.number, "'" + line.words[3] + "' is not a key: a note (C4, F#5, Bb3) or a number 0..127");
        n.key = *key;
        n.hold_s = e.length_s - n.at_s;  // held to the end unless it says
        settings(line, 4, [&](const std::string& k, const std::string& value) {
            if (k == "velocity") n.velocity = int_in(line.number, k, value, 1, 127);
            else if (k == "hold") n.hold_s = seconds_in(line.number, k, value, 0.0, kMaxSoundLength_s, false);
            else fail(line.number, "unknown note setting '" + k + "' (velocity, hold)");
        });
        e.notes.push_back(n);
    }

    void finish_sound() {
        if (!current_) return;
        SoundEffect& e = out_.sounds[static_cast<std::size_t>(*current_)];
        if (e.notes.empty()) fail(e.line, std::string("sound '") + to_string(*current_) + "' has no notes ('at ...' lines)");
        std::stable_sort(e.notes.begin(), e.notes.end(), [](const SoundNote& a, const SoundNote& b) { return a.at_s < b.at_s; });
        current_.reset();
    }

    std::optional<int> instrument_index(std::string_view name) const {
        for (std::size_t i = 0; i < out_.instruments.size(); ++i) {
            if (out_.instruments[i].name == name) return static_cast<int>(i);
        }
        return std::nullopt;
    }

    std::string source_;
    std::vector<Line> lines_;
    SoundEffects out_;
    std::optional<Sound> current_;
};

}  // namespace

SoundEffects parse_sounds(std::string_view text, const std::string& source) { return Parser(text, source).run(); }

SoundEffects load_sounds_file(const std::filesystem::path& path) {
    std::string error;
    const auto text = asset_text::read_file(path, kMaxSoundsBytes, error);
    if (!text) throw SoundsError(error);
    return parse_sounds(*text, path.string());
}

std::filesystem::path effects_file_in(const std::filesystem::path& assets_dir) {
    return assets_dir / "sounds" / "effects.sounds";
}

}  // namespace highstep::app
