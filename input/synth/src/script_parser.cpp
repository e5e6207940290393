// The script text format (script.h): one action a line, positional values then
// key=value settings; every problem is reported as NAME:LINE: message.
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <istream>
#include <sstream>
#include <string_view>

#include "highstep/synth/script.h"

namespace highstep::synth {
namespace {

struct Keyword {
    std::string_view word;
    ActionKind kind;
};
constexpr Keyword kKeywords[] = {
    {"empty", ActionKind::empty},           {"step-on", ActionKind::step_on},
    {"stand", ActionKind::stand},           {"lean", ActionKind::lean},
    {"one-leg", ActionKind::one_leg},       {"knee-drive", ActionKind::knee_drive},
    {"step-off", ActionKind::step_off},     {"step-up", ActionKind::step_up},
    {"step-up-drop", ActionKind::step_up_drop}, {"step-up-knee", ActionKind::step_up_knee},
};

// Longest line we accept: a script line is a few words; anything longer is not a script.
constexpr std::size_t kMaxLineChars = 1000;
constexpr double kMaxSeconds = 3600.0;

class LineParser {
public:
    LineParser(const std::string& name, int line) : name_(name), line_(line) {}

    [[noreturn]] void fail(const std::string& message) const { throw ScriptError(name_, line_, message); }

    double number(const std::string& text, const char* what) const {
        const char* begin = text.c_str();
        char* end = nullptr;
        errno = 0;
        const double v = std::strtod(begin, &end);
        if (end == begin || *end != '\0' || errno == ERANGE || !std::isfinite(v)) {
            fail(std::string("'") + text + "' is not a number (" + what + ")");
        }
        return v;
    }

    double seconds(const std::string& text) const {
        const double s = number(text, "seconds");
        if (s < 0.0 || s > kMaxSeconds) fail("seconds must be in 0.." + std::to_string(int(kMaxSeconds)) + ", got " + text);
        return s;
    }

    Side side(const std::string& text) const {
        if (text == "left") return Side::left;
        if (text == "right") return Side::right;
        fail("expected left or right, got '" + text + "'");
    }

private:
    const std::string& name_;
    int line_;
};

ActionKind keyword(const LineParser& p, const std::string& word) {
    for (const Keyword& k : kKeywords) {
        if (k.word == word) return k.kind;
    }
    p.fail("unknown action '" + word + "' (expected empty, step-on, stand, lean, one-leg, knee-drive, "
           "step-off, step-up, step-up-drop or step-up-knee)");
}

// Which positional values an action takes: sides and seconds.
struct Shape {
    int sides_required, sides_optional;
    int seconds_required, seconds_optional;
};

Shape shape_of(ActionKind kind) {
    switch (kind) {
        case ActionKind::empty: return {0, 0, 1, 0};
        case ActionKind::step_on: return {0, 1, 0, 0};
        case ActionKind::stand: return {0, 0, 1, 0};
        case ActionKind::lean: return {0, 0, 0, 0};  // handled separately: X Y S
        case ActionKind::one_leg: return {1, 0, 0, 1};
        case ActionKind::knee_drive: return {1, 0, 0, 1};
        case ActionKind::step_off: return {0, 1, 0, 0};
        case ActionKind::step_up: return {1, 0, 0, 0};
        case ActionKind::step_up_drop: return {1, 0, 0, 0};
        case ActionKind::step_up_knee: return {1, 0, 0, 1};
    }
    return {0, 0, 0, 0};
}

void apply_setting(const LineParser& p, Action& a, const std::string& key, const std::string& value) {
    const bool is_step_up = a.kind == ActionKind::step_up || a.kind == ActionKind::step_up_drop ||
                            a.kind == ActionKind::step_up_knee;
    if (key == "peak") {
        if (!is_step_up && a.kind != ActionKind::knee_drive) p.fail("peak= applies to knee-drive and step-ups");
        const double v = p.number(value, "peak, × body weight");
        if (v < 1.0 || v > 2.0) p.fail("peak must be in 1.0..2.0 × body weight, got " + value);
        a.peak_bw = v;
    } else if (key == "lowering") {
        if (!is_step_up) p.fail("lowering= applies to step-ups");
        const double v = p.seconds(value);
        if (v < 0.1 || v > 10.0) p.fail("lowering must be in 0.1..10 s, got " + value);
        a.lowering_s = v;
    } else if (key == "hold") {
        if (a.kind != ActionKind::knee_drive && a.kind != ActionKind::step_up_knee && a.kind != ActionKind::one_leg) {
            p.fail("hold= applies to one-leg, knee-drive and step-up-knee");
        }
        a.seconds = p.seconds(value);
    } else if (key == "share") {
        if (a.kind != ActionKind::step_on && a.kind != ActionKind::stand) p.fail("share= applies to step-on and stand");
        const double v = p.number(value, "right-foot share");
        if (v < 0.3 || v > 0.7) p.fail("share must be in 0.3..0.7, got " + value);
        a.right_share = v;
    } else {
        p.fail("unknown setting '" + key + "' (expected peak, lowering, hold or share)");
    }
}

Action parse_line(const LineParser& p, std::vector<std::string> words, int line) {
    Action a;
    a.line = line;
    a.kind = keyword(p, words[0]);
    std::vector<std::string> positional;
    std::vector<std::pair<std::string, std::string>> settings;
    for (std::size_t i = 1; i < words.size(); ++i) {
        const auto eq = words[i].find('=');
        if (eq == std::string::npos) {
            if (!settings.empty()) p.fail("'" + words[i] + "' after a key=value setting");
            positional.push_back(words[i]);
        } else {
            settings.emplace_back(words[i].substr(0, eq), words[i].substr(eq + 1));
        }
    }
    if (a.kind == ActionKind::lean) {
        if (positional.size() != 3) p.fail("lean takes X_MM Y_MM SECONDS");
        a.x_mm = p.number(positional[0], "lean x, mm");
        a.y_mm = p.number(positional[1], "lean y, mm");
        if (std::abs(a.x_mm) > 200.0 || std::abs(a.y_mm) > 110.0) {
            p.fail("lean target is off the board (|x| <= 200 mm, |y| <= 110 mm)");
        }
        a.seconds = p.seconds(positional[2]);
    } else {
        const Shape s = shape_of(a.kind);
        const std::size_t min_n = static_cast<std::size_t>(s.sides_required + s.seconds_required);
        const std::size_t max_n = min_n + static_cast<std::size_t>(s.sides_optional + s.seconds_optional);
        if (positional.size() < min_n || positional.size() > max_n) {
            p.fail(std::string(to_string(a.kind)) + " takes " +
                   (s.sides_required ? "left|right " : s.sides_optional ? "[left|right] " : "") +
                   (s.seconds_required ? "SECONDS" : s.seconds_optional ? "[SECONDS]" : "") +
                   (max_n == 0 ? "no values" : ""));
        }
        std::size_t i = 0;
        if (s.sides_required || (s.sides_optional && i < positional.size())) a.side = p.side(positional[i++]);
        if (i < positional.size()) a.seconds = p.seconds(positional[i++]);
    }
    for (const auto& [key, value] : settings) apply_setting(p, a, key, value);
    return a;
}

}  // namespace

ScriptError::ScriptError(const std::string& name, int line, const std::string& message)
    : std::runtime_error(name + ":" + std::to_string(line) + ": " + message), line_(line) {}

const char* to_string(ActionKind kind) {
    for (const Keyword& k : kKeywords) {
        if (k.kind == kind) return k.word.data();
    }
    return "unknown";
}

Script parse_script(std::istream& in, const std::string& name) {
    Script script;
    script.name = name;
    std::string text;
    int line = 0;
    while (std::getline(in, text)) {
        ++line;
        const LineParser p(name, line);
        if (text.size() > kMaxLineChars) p.fail("line too long (not a script?)");
        for (char c : text) {
            const auto u = static_cast<unsigned char>(c);
            if (u == 0 || (u < 0x20 && c != '\t' && c != '\r')) p.fail("binary data (not a script?)");
        }
        const auto hash = text.find('#');
        if (hash != std::string::npos) text.erase(hash);
        std::istringstream words_in(text);
        std::vector<std::string> words;
        for (std::string w; words_in >> w;) words.push_back(w);
        if (words.empty()) continue;
        script.actions.push_back(parse_line(p, std::move(words), line));
    }
    if (in.bad()) throw ScriptError(name, line, "read error");
    if (script.actions.empty()) throw ScriptError(name, line, "no actions in the script");
    return script;
}

Script load_script(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) throw ScriptError(path.string(), 0, "cannot open the script");
    return parse_script(in, path.string());
}

}  // namespace highstep::synth
