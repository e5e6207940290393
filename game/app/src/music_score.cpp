// Reads the music format (docs/music.md): one statement a line, so every error
// can name its line. Strict: an unknown word is an error, never a silent default.
#include "highstep/app/music_score.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "asset_text.h"

namespace highstep::app {

namespace {

using asset_text::Line;
using asset_text::parse_int;
using asset_text::parse_key;
using asset_text::parse_number;
using asset_text::split_lines;

constexpr std::uintmax_t kMaxMusicBytes = 256 * 1024;  // a track is a few kilobytes
constexpr double kMinTempo_bpm = 40.0;
constexpr double kMaxTempo_bpm = 180.0;

class Reader {
public:
    Reader(const std::string& source) : source_(source) {}
    [[noreturn]] void fail(int line, const std::string& message) const {
        throw MusicError(source_ + ":" + std::to_string(line) + ": " + message);
    }
    const std::string& source() const { return source_; }

private:
    std::string source_;
};

// "1", "1/2", "1/3", "0.25": a step's length in beats.
std::optional<double> parse_fraction(std::string_view s) {
    const std::size_t slash = s.find('/');
    if (slash == std::string_view::npos) return parse_number(s);
    const auto a = parse_int(s.substr(0, slash));
    const auto b = parse_int(s.substr(slash + 1));
    if (!a || !b || *a <= 0 || *b <= 0) return std::nullopt;
    return static_cast<double>(*a) / *b;
}

const std::vector<std::string>& known_uses() {
    static const std::vector<std::string> uses = {"hill_climb", "sprint_start", "balance_tower", "menu"};
    return uses;
}

std::optional<MusicSection> parse_section(std::string_view s) {
    for (int i = 0; i < kMusicSectionCount; ++i) {
        if (s == to_string(static_cast<MusicSection>(i))) return static_cast<MusicSection>(i);
    }
    return std::nullopt;
}

// The integer value of `key VALUE` pairs in words[from..].
std::map<std::string, std::pair<std::string, int>> pairs(const Reader& r, const Line& line, std::size_t from) {
    std::map<std::string, std::pair<std::string, int>> out;
    for (std::size_t i = from; i < line.words.size(); i += 2) {
        if (i + 1 >= line.words.size()) r.fail(line.number, "'" + line.words[i] + "' needs a value");
        out[line.words[i]] = {line.words[i + 1], line.number};
    }
    return out;
}

int int_in(const Reader& r, int line, const std::string& what, const std::string& text, int lo, int hi) {
    const auto v = parse_int(text);
    if (!v || *v < lo || *v > hi) {
        r.fail(line, what + " '" + text + "' must be a whole number in " + std::to_string(lo) + ".." + std::to_string(hi));
    }
    return *v;
}

// The index of the item called `name` (instruments, parts), if there is one.
template <class T>
std::optional<int> index_of(const std::vector<T>& items, std::string_view name) {
    const auto it = std::find_if(items.begin(), items.end(), [&](const T& item) { return item.name == name; });
    if (it == items.end()) return std::nullopt;
    return static_cast<int>(it - items.begin());
}

class Parser {
public:
    Parser(std::string_view text, const std::string& source) : r_(source), lines_(split_lines(text)) {}

    MusicTrack run() {
        track_.source = r_.source();
        if (lines_.empty()) r_.fail(1, "empty file: a music file starts with 'highstep-music 1'");
        header(lines_.front());
        for (std::size_t i = 1; i < lines_.size(); ++i) statement(lines_[i]);
        finish_part();
        check();
        return std::move(track_);
    }

private:
    void header(const Line& line) {
        if (line.words[0] != "highstep-music" || line.words.size() != 2) {
            r_.fail(line.number, "a music file starts with 'highstep-music " + std::to_string(kMusicFormatVersion) + "'");
        }
        const auto version = parse_int(line.words[1]);
        if (!version || *version != kMusicFormatVersion) {
            r_.fail(line.number, "format version '" + line.words[1] + "' is not supported (this HighStep reads version " +
                                     std::to_string(kMusicFormatVersion) + ")");
        }
    }

    void expect_words(const Line& line, std::size_t n) {
        if (line.words.size() != n) {
            r_.fail(line.number, "'" + line.words[0] + "' takes " + std::to_string(n - 1) + " value" + (n == 2 ? "" : "s"));
        }
    }

    void statement(const Line& line) {
        const std::string& w = line.words[0];
        if (w != "layer") section_.reset();
        if (w == "id") {
            expect_words(line, 2);
            track_.id = line.words[1];
        } else if (w == "title") {
            if (line.rest_after_first.empty()) r_.fail(line.number, "'title' needs a title");
            track_.title = line.rest_after_first;
        } else if (w == "for") {
            if (line.words.size() < 2) r_.fail(line.number, "'for' names level types and/or menu");
            for (std::size_t i = 1; i < line.words.size(); ++i) {
                const auto& uses = known_uses();
                if (std::find(uses.begin(), uses.end(), line.words[i]) == uses.end()) {
                    r_.fail(line.number, "unknown use '" + line.words[i] +
                                             "' (hill_climb, sprint_start, balance_tower or menu)");
                }
                track_.used_for.push_back(line.words[i]);
            }
            for_line_ = line.number;
        } else if (w == "tempo") {
            expect_words(line, 2);
            const auto bpm = parse_number(line.words[1]);
            if (!bpm || *bpm < kMinTempo_bpm || *bpm > kMaxTempo_bpm) {
                r_.fail(line.number, "tempo '" + line.words[1] + "' must be 40..180 bpm");
            }
            track_.tempo_bpm = *bpm;
        } else if (w == "meter") {
            expect_words(line, 2);
            if (!track_.parts.empty() || part_) r_.fail(line.number, "'meter' comes before the parts");
            track_.beats_per_bar = int_in(r_, line.number, "meter", line.words[1], 2, 12);
        } else if (w == "instrument") {
            instrument(line);
        } else if (w == "part") {
            finish_part();
            part(line);
        } else if (w == "section") {
            finish_part();
            expect_words(line, 2);
            const auto s = parse_section(line.words[1]);
            if (!s) r_.fail(line.number, "unknown section '" + line.words[1] + "' (count_in, set, rest or menu)");
            if (!track_.section(*s).empty()) r_.fail(line.number, "section '" + line.words[1] + "' is given twice");
            section_ = *s;
            section_line_[static_cast<std::size_t>(*s)] = line.number;
        } else if (w == "layer") {
            layer(line);
        } else if (part_) {
            steps(line);
        } else {
            r_.fail(line.number, "unknown statement '" + w + "'");
        }
    }

    void instrument(const Line& line) {
        if (line.words.size() < 2) r_.fail(line.number, "'instrument' needs a name");
        MusicInstrument in;
        in.name = line.words[1];
        if (index_of(track_.instruments, in.name)) r_.fail(line.number, "instrument '" + in.name + "' is defined twice");
        bool has_channel = false, has_program = false;
        for (const auto& [key, value] : pairs(r_, line, 2)) {
            const auto& [text, n] = value;
            if (key == "channel") { in.channel = int_in(r_, n, key, text, 0, 15); has_channel = true; }
            else if (key == "program") { in.program = int_in(r_, n, key, text, 0, 127); has_program = true; }
            else if (key == "bank") in.bank = int_in(r_, n, key, text, 0, 128);
            else if (key == "volume") in.volume = int_in(r_, n, key, text, 0, 127);
            else if (key == "pan") in.pan = int_in(r_, n, key, text, 0, 127);
            else if (key == "reverb") in.reverb = int_in(r_, n, key, text, 0, 127);
            else r_.fail(n, "unknown instrument setting '" + key + "' (channel, program, bank, volume, pan, reverb)");
        }
        if (!has_channel || !has_program) r_.fail(line.number, "an instrument needs 'channel' and 'program'");
        track_.instruments.push_back(in);
    }

    void part(const Line& line) {
        if (line.words.size() < 3) r_.fail(line.number, "'part NAME INSTRUMENT step N' expected");
        MusicPart p;
        p.name = line.words[1];
        if (index_of(track_.parts, p.name)) r_.fail(line.number, "part '" + p.name + "' is defined twice");
        const auto instrument = index_of(track_.instruments, line.words[2]);
        if (!instrument) r_.fail(line.number, "no instrument '" + line.words[2] + "' (define it first)");
        p.instrument = *instrument;
        step_beats_ = 0.0;
        velocity_ = 100;
        for (const auto& [key, value] : pairs(r_, line, 3)) {
            const auto& [text, n] = value;
            if (key == "step") {
                const auto f = parse_fraction(text);
                if (!f || *f <= 0.0 || *f > 4.0) r_.fail(n, "step '" + text + "' must be a length in beats such as 1, 1/2 or 1/4");
                step_beats_ = *f;
            } else if (key == "velocity") {
                velocity_ = int_in(r_, n, key, text, 1, 127);
            } else {
                r_.fail(n, "unknown part setting '" + key + "' (step, velocity)");
            }
        }
        if (step_beats_ <= 0.0) r_.fail(line.number, "a part needs 'step' (its step length in beats)");
        part_ = std::move(p);
        part_line_ = line.number;
        step_index_ = 0;
        held_.clear();
    }

    // One line of steps: '.' silence, '-' holds the notes before, '|' a bar line
    // (ignored), else notes joined by '+', each with an optional ':velocity'.
    void steps(const Line& line) {
        for (const std::string& token : line.words) {
            if (token == "|") continue;
            if (token == "-") {
                for (std::size_t i : held_) part_->notes[i].length_beats += step_beats_;
            } else if (token == ".") {
                held_.clear();
            } else {
                held_.clear();
                std::string_view notes = token;
                while (!notes.empty()) {
                    const std::size_t plus = notes.find('+');
                    std::string_view one = notes.substr(0, plus);
                    int velocity = velocity_;
                    if (const std::size_t colon = one.find(':'); colon != std::string_view::npos) {
                        velocity = int_in(r_, line.number, "velocity", std::string(one.substr(colon + 1)), 1, 127);
                        one = one.substr(0, colon);
                    }
                    const auto key = parse_key(one);
                    if (!key) {
                        r_.fail(line.number, "'" + std::string(one) +
                                                 "' is not a step: a note (C4, F#2, Bb1, 36), '.' (silence) or '-' (hold)");
                    }
                    held_.push_back(part_->notes.size());
                    part_->notes.push_back({step_index_ * step_beats_, step_beats_, *key, velocity});
                    notes = plus == std::string_view::npos ? std::string_view() : notes.substr(plus + 1);
                }
            }
            ++step_index_;
        }
    }

    void finish_part() {
        if (!part_) return;
        const double beats = step_index_ * step_beats_;
        const double bars = beats / track_.beats_per_bar;
        if (step_index_ == 0 || std::fabs(bars - std::round(bars)) > 1e-6) {
            r_.fail(part_line_, "part '" + part_->name + "' is " + std::to_string(step_index_) + " steps (" +
                                    std::to_string(beats) + " beats); a part is whole bars of " +
                                    std::to_string(track_.beats_per_bar) + " beats");
        }
        part_->length_beats = std::round(bars) * track_.beats_per_bar;
        track_.parts.push_back(std::move(*part_));
        part_.reset();
    }

    void layer(const Line& line) {
        if (!section_) r_.fail(line.number, "'layer' belongs under a 'section'");
        if (line.words.size() < 3) r_.fail(line.number, "'layer COMBO PART...' expected");
        MusicLayer l;
        l.from_combo = int_in(r_, line.number, "combo", line.words[1], 0, 1000);
        for (std::size_t i = 2; i < line.words.size(); ++i) {
            const auto part = index_of(track_.parts, line.words[i]);
            if (!part) r_.fail(line.number, "no part '" + line.words[i] + "' (define it first)");
            l.parts.push_back(*part);
        }
        track_.sections[static_cast<std::size_t>(*section_)].push_back(l);
    }

    void check() {
        const int last = lines_.back().number;
        if (track_.id.empty()) r_.fail(last, "the track has no 'id'");
        if (track_.used_for.empty()) r_.fail(last, "the track has no 'for' line (which level types or menu it plays for)");
        auto require = [&](MusicSection s, const std::string& use) {
            const auto& layers = track_.section(s);
            const bool from_zero = std::any_of(layers.begin(), layers.end(), [](const MusicLayer& l) { return l.from_combo == 0; });
            if (layers.empty()) r_.fail(for_line_, std::string("a track for ") + use + " needs 'section " + to_string(s) + "'");
            if (!from_zero) {
                r_.fail(section_line_[static_cast<std::size_t>(s)],
                        std::string("section ") + to_string(s) + " needs a 'layer 0' (what plays before any combo)");
            }
        };
        for (const std::string& use : track_.used_for) {
            if (use == "menu") {
                require(MusicSection::menu, use);
            } else {
                require(MusicSection::count_in, use);
                require(MusicSection::set, use);
                require(MusicSection::rest, use);
            }
        }
    }

    Reader r_;
    std::vector<Line> lines_;
    MusicTrack track_;
    std::optional<MusicPart> part_;
    int part_line_ = 0;
    int for_line_ = 0;
    std::array<int, kMusicSectionCount> section_line_{};
    double step_beats_ = 0.0;
    int velocity_ = 100;
    int step_index_ = 0;
    std::vector<std::size_t> held_;  // notes a '-' lengthens
    std::optional<MusicSection> section_;
};

}  // namespace

const char* to_string(MusicSection section) {
    switch (section) {
        case MusicSection::count_in: return "count_in";
        case MusicSection::set: return "set";
        case MusicSection::rest: return "rest";
        case MusicSection::menu: return "menu";
    }
    return "set";
}

bool MusicTrack::is_for(std::string_view use) const {
    return std::find(used_for.begin(), used_for.end(), use) != used_for.end();
}

MusicTrack parse_music(std::string_view text, const std::string& source) { return Parser(text, source).run(); }

MusicTrack load_music_file(const std::filesystem::path& path) {
    std::string error;
    const auto text = asset_text::read_file(path, kMaxMusicBytes, error);
    if (!text) throw MusicError(error);
    return parse_music(*text, path.string());
}

MusicLibrary load_music_library(const std::filesystem::path& dir) {
    MusicLibrary out;
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->path().extension() == ".music") files.push_back(it->path());
    }
    if (ec) {
        out.errors.push_back(dir.string() + ": cannot list music: " + ec.message());
        return out;
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        try {
            out.tracks.push_back(load_music_file(file));
        } catch (const MusicError& e) {
            out.errors.push_back(e.what());
        }
    }
    return out;
}

const MusicTrack* MusicLibrary::track_for(std::string_view use) const {
    for (const MusicTrack& t : tracks) {
        if (t.is_for(use)) return &t;
    }
    return nullptr;
}

std::filesystem::path assets_dir_beside(const std::filesystem::path& levels_dir) {
    std::filesystem::path levels = levels_dir.lexically_normal();
    if (!levels.has_filename()) levels = levels.parent_path();  // "levels/" names the same folder
    return levels.parent_path() / "assets";
}

}  // namespace highstep::app
