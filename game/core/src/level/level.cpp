// Level parsing and validation. Every problem names the source and the field,
// e.g. "levels/hill-1.json: program.sets must be 1–10, got 0".
#include "highstep/core/level/level.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <set>
#include <type_traits>
#include <sstream>

namespace highstep::core {

using nlohmann::json;

const char* to_string(LevelType type) {
    switch (type) {
        case LevelType::hill_climb: return "hill_climb";
        case LevelType::sprint_start: return "sprint_start";
        case LevelType::balance_tower: return "balance_tower";
    }
    return "hill_climb";
}

const char* to_string(Exercise exercise) {
    switch (exercise) {
        case Exercise::step_up: return "step_up";
        case Exercise::step_up_knee_drive: return "step_up_knee_drive";
        case Exercise::knee_drive: return "knee_drive";
        case Exercise::balance_two_feet: return "balance_two_feet";
        case Exercise::balance_one_foot: return "balance_one_foot";
    }
    return "step_up";
}

const char* to_string(LeadOrder order) {
    switch (order) {
        case LeadOrder::alternate: return "alternate";
        case LeadOrder::left_first: return "left_first";
        case LeadOrder::right_first: return "right_first";
    }
    return "alternate";
}

int Level::reps_per_set() const {
    return exercise == Exercise::balance_two_feet ? program.reps_per_leg : 2 * program.reps_per_leg;
}

LevelError::LevelError(const std::string& source, const std::string& message)
    : std::runtime_error(source + ": " + message), source_(source) {}

namespace {

std::string number_text(double v) {
    std::ostringstream out;
    out << v;
    return out.str();
}

// Reads one JSON object strictly: known keys only, typed, in range.
class ObjectReader {
public:
    ObjectReader(const json& object, std::string path, const std::string& source)
        : object_(object), path_(std::move(path)), source_(source) {
        if (!object_.is_object()) fail(path_.empty() ? "the level must be a JSON object" : path_ + " must be an object");
    }

    [[noreturn]] void fail(const std::string& message) const { throw LevelError(source_, message); }

    std::string field(const char* key) const { return path_.empty() ? key : path_ + "." + key; }

    const json* find(const char* key) {
        seen_.insert(key);
        auto it = object_.find(key);
        return it == object_.end() ? nullptr : &*it;
    }

    double number(const char* key, double lo, double hi, std::optional<double> fallback) {
        const json* v = find(key);
        if (!v) {
            if (fallback) return *fallback;
            fail(field(key) + " is missing");
        }
        if (!v->is_number()) fail(field(key) + " must be a number, got " + v->dump());
        const double d = v->get<double>();
        if (!std::isfinite(d) || d < lo || d > hi) {
            fail(field(key) + " must be " + number_text(lo) + "–" + number_text(hi) + ", got " + v->dump());
        }
        return d;
    }

    int integer(const char* key, int lo, int hi, std::optional<int> fallback) {
        const json* v = find(key);
        if (!v) {
            if (fallback) return *fallback;
            fail(field(key) + " is missing");
        }
        if (!v->is_number_integer()) fail(field(key) + " must be a whole number, got " + v->dump());
        const auto i = v->get<long long>();
        if (i < lo || i > hi) {
            fail(field(key) + " must be " + std::to_string(lo) + "–" + std::to_string(hi) + ", got " + v->dump());
        }
        return static_cast<int>(i);
    }

    std::string text(const char* key, std::size_t min_len, std::size_t max_len, std::optional<std::string> fallback) {
        const json* v = find(key);
        if (!v) {
            if (fallback) return *fallback;
            fail(field(key) + " is missing");
        }
        if (!v->is_string()) fail(field(key) + " must be a string, got " + v->dump());
        std::string s = v->get<std::string>();
        if (s.size() < min_len || s.size() > max_len) {
            fail(field(key) + " must be " + std::to_string(min_len) + "–" + std::to_string(max_len) +
                 " characters long, got " + std::to_string(s.size()));
        }
        for (unsigned char c : s) {
            if (c < 0x20 || c == 0x7f) fail(field(key) + " must not contain control characters");
        }
        return s;
    }

    template <typename Enum, std::size_t N>
    Enum choice(const char* key, const std::pair<const char*, Enum> (&options)[N],
                std::type_identity_t<std::optional<Enum>> fallback) {
        const json* v = find(key);
        std::string allowed;
        for (const auto& o : options) allowed += std::string(allowed.empty() ? "" : ", ") + o.first;
        if (!v) {
            if (fallback) return *fallback;
            fail(field(key) + " is missing (one of " + allowed + ")");
        }
        if (v->is_string()) {
            for (const auto& o : options) {
                if (*v == o.first) return o.second;
            }
        }
        fail(field(key) + " must be one of " + allowed + ", got " + v->dump());
    }

    // Optional sub-object; null when absent.
    const json* object(const char* key) {
        const json* v = find(key);
        if (v && !v->is_object()) fail(field(key) + " must be an object, got " + v->dump());
        return v;
    }

    // After reading: any key not asked for is a typo or from a newer format.
    void no_unknown_keys() const {
        for (auto it = object_.begin(); it != object_.end(); ++it) {
            if (!seen_.count(it.key())) fail(field(it.key().c_str()) + " is not a known setting");
        }
    }

private:
    const json& object_;
    std::string path_;
    const std::string& source_;
    std::set<std::string> seen_;
};

constexpr std::pair<const char*, LevelType> kTypes[] = {
    {"hill_climb", LevelType::hill_climb},
    {"sprint_start", LevelType::sprint_start},
    {"balance_tower", LevelType::balance_tower},
};
constexpr std::pair<const char*, Exercise> kExercises[] = {
    {"step_up", Exercise::step_up},
    {"step_up_knee_drive", Exercise::step_up_knee_drive},
    {"knee_drive", Exercise::knee_drive},
    {"balance_two_feet", Exercise::balance_two_feet},
    {"balance_one_foot", Exercise::balance_one_foot},
};
constexpr std::pair<const char*, LeadOrder> kLeadOrders[] = {
    {"alternate", LeadOrder::alternate},
    {"left_first", LeadOrder::left_first},
    {"right_first", LeadOrder::right_first},
};

bool exercise_fits(LevelType type, Exercise exercise) {
    switch (type) {
        case LevelType::hill_climb:
            return exercise == Exercise::step_up || exercise == Exercise::step_up_knee_drive;
        case LevelType::sprint_start: return exercise == Exercise::knee_drive;
        case LevelType::balance_tower:
            return exercise == Exercise::balance_two_feet || exercise == Exercise::balance_one_foot;
    }
    return false;
}

bool is_level_id(const std::string& id) {
    for (char c : id) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    }
    return !id.empty() && id.front() != '-' && id.back() != '-';
}


StabilityReference read_reference(const json* node, const std::string& path, const std::string& source,
                                  StabilityReference ref) {
    if (!node) return ref;
    ObjectReader r(*node, path, source);
    ref.good_velocity_mm_s = r.number("good_velocity_mm_s", 0.1, 1000, ref.good_velocity_mm_s);
    ref.poor_velocity_mm_s = r.number("poor_velocity_mm_s", 0.1, 5000, ref.poor_velocity_mm_s);
    ref.good_rms_mm = r.number("good_rms_mm", 0.1, 500, ref.good_rms_mm);
    ref.poor_rms_mm = r.number("poor_rms_mm", 0.1, 1000, ref.poor_rms_mm);
    ref.good_ellipse_mm2 = r.number("good_ellipse_mm2", 1, 1e6, ref.good_ellipse_mm2);
    ref.poor_ellipse_mm2 = r.number("poor_ellipse_mm2", 1, 1e7, ref.poor_ellipse_mm2);
    r.no_unknown_keys();
    if (ref.poor_velocity_mm_s <= ref.good_velocity_mm_s) r.fail(path + ".poor_velocity_mm_s must be above good_velocity_mm_s");
    if (ref.poor_rms_mm <= ref.good_rms_mm) r.fail(path + ".poor_rms_mm must be above good_rms_mm");
    if (ref.poor_ellipse_mm2 <= ref.good_ellipse_mm2) r.fail(path + ".poor_ellipse_mm2 must be above good_ellipse_mm2");
    return ref;
}

}  // namespace

Level parse_level(std::string_view json_text, const std::string& source) {
    json doc;
    try {
        doc = json::parse(json_text.begin(), json_text.end());
    } catch (const json::parse_error& e) {
        // nlohmann's message carries "at line L, column C"; keep it, drop its prefix.
        std::string what = e.what();
        const auto pos = what.find("parse error");
        throw LevelError(source, "not valid JSON: " + (pos == std::string::npos ? what : what.substr(pos)));
    } catch (const json::exception& e) {
        // A number too large for a double (out_of_range.406) is not a parse_error; it
        // escaped parse_level() and ended the program (found with fuzz_level).
        throw LevelError(source, std::string("not valid JSON: ") + e.what());
    }
    ObjectReader top(doc, "", source);
    Level level;
    level.format_version = top.integer("format_version", 1, 1000000, std::nullopt);
    if (level.format_version != kLevelFormatVersion) {
        top.fail("format_version " + std::to_string(level.format_version) + " is not supported (this game reads " +
                 std::to_string(kLevelFormatVersion) + ")");
    }
    level.id = top.text("id", 1, 40, std::nullopt);
    if (!is_level_id(level.id)) top.fail("id must use only a-z, 0-9 and '-', got \"" + level.id + "\"");
    level.title = top.text("title", 1, 60, std::nullopt);
    level.description = top.text("description", 0, 400, std::string());
    level.type = top.choice("type", kTypes, std::nullopt);
    level.difficulty = top.integer("difficulty", 1, 10, 1);
    level.exercise = top.choice("exercise", kExercises, std::nullopt);
    if (!exercise_fits(level.type, level.exercise)) {
        top.fail(std::string("exercise ") + to_string(level.exercise) + " does not fit a " + to_string(level.type) +
                 " level");
    }

    // program
    {
        const json* p = top.object("program");
        if (!p) top.fail("program is missing");
        ObjectReader r(*p, "program", source);
        Program& g = level.program;
        g.sets = r.integer("sets", 1, 10, std::nullopt);
        g.reps_per_leg = r.integer("reps_per_leg", 1, 30, std::nullopt);
        g.rest_s = r.number("rest_s", 0, 600, g.rest_s);
        g.tempo_bpm = r.number("tempo_bpm", 0, 200, std::nullopt);
        g.count_in_s = r.number("count_in_s", 0, 30, g.count_in_s);
        g.lead_order = r.choice("lead_order", kLeadOrders, g.lead_order);
        g.hold_target_s = r.number("hold_target_s", 0, 120, 0.0);
        r.no_unknown_keys();
        const bool needs_beat = level.type != LevelType::balance_tower;
        if (needs_beat && g.tempo_bpm < 10.0) {
            r.fail("program.tempo_bpm must be 10–200 for a " + std::string(to_string(level.type)) + " level, got " +
                   number_text(g.tempo_bpm));
        }
        if (!needs_beat && g.tempo_bpm > 0.0 && g.tempo_bpm < 10.0) {
            r.fail("program.tempo_bpm must be 0 (no beat) or 10–200, got " + number_text(g.tempo_bpm));
        }
        const bool needs_hold = level.exercise != Exercise::step_up;
        if (needs_hold && g.hold_target_s <= 0.0) {
            r.fail("program.hold_target_s must be above 0 for " + std::string(to_string(level.exercise)));
        }
    }

    // world
    if (const json* w = top.object("world")) {
        ObjectReader r(*w, "world", source);
        auto& hill = level.world.hill;
        auto& sprint = level.world.sprint;
        auto& tower = level.world.tower;
        // Only the keys of the level's own world are allowed: others would be ignored.
        switch (level.type) {
            case LevelType::hill_climb:
                hill.ledge_height_m = r.number("ledge_height_m", 0.1, 1.5, hill.ledge_height_m);
                hill.ledge_width_m = r.number("ledge_width_m", 0.6, 5.0, hill.ledge_width_m);
                break;
            case LevelType::sprint_start:
                // The track's length follows the program now (core/world.h): a
                // length of its own put the line halfway through set 2.
                if (r.find("track_length_m")) {
                    r.fail("world.track_length_m is no longer used: the track is as long as the whole program "
                           "(remove it)");
                }
                sprint.ghost_m_per_rep = r.number("ghost_m_per_rep", 0.5, 50, sprint.ghost_m_per_rep);
                sprint.burst_m_s = r.number("burst_m_s", 1, 30, sprint.burst_m_s);
                break;
            case LevelType::balance_tower:
                tower.blocks = r.integer("blocks", 0, 20, tower.blocks);
                tower.balls = r.integer("balls", 0, 10, tower.balls);
                tower.platform_width_m = r.number("platform_width_m", 1, 12, tower.platform_width_m);
                tower.tilt_deg_per_mm = r.number("tilt_deg_per_mm", 0.01, 5, tower.tilt_deg_per_mm);
                tower.max_tilt_deg = r.number("max_tilt_deg", 1, 45, tower.max_tilt_deg);
                if (tower.blocks + tower.balls == 0) r.fail("world needs at least one block or ball on the tower");
                break;
        }
        r.no_unknown_keys();
    }

    // scoring
    ScoringParams& s = level.scoring;
    if (const json* sc = top.object("scoring")) {
        ObjectReader r(*sc, "scoring", source);
        s.windows.perfect_ms = r.number("perfect_ms", 1, 1000, s.windows.perfect_ms);
        s.windows.great_ms = r.number("great_ms", 1, 1000, s.windows.great_ms);
        s.windows.good_ms = r.number("good_ms", 1, 1000, s.windows.good_ms);
        s.quality.lowering_target_s = r.number("lowering_target_s", 0.1, 10, s.quality.lowering_target_s);
        s.quality.lowering_drop_s = r.number("lowering_drop_s", 0, 10, s.quality.lowering_drop_s);
        s.quality.peak_target_bw = r.number("peak_target_bw", 1.01, 3, s.quality.peak_target_bw);
        s.two_feet = read_reference(r.object("two_feet"), "scoring.two_feet", source, s.two_feet);
        s.one_foot = read_reference(r.object("one_foot"), "scoring.one_foot", source, s.one_foot);
        r.no_unknown_keys();
        if (!(s.windows.perfect_ms < s.windows.great_ms && s.windows.great_ms < s.windows.good_ms)) {
            r.fail("scoring windows must grow: perfect_ms < great_ms < good_ms, got " + number_text(s.windows.perfect_ms) +
                   ", " + number_text(s.windows.great_ms) + ", " + number_text(s.windows.good_ms));
        }
        if (s.quality.lowering_drop_s >= s.quality.lowering_target_s) {
            r.fail("scoring.lowering_drop_s must be below lowering_target_s");
        }
    }
    if (level.has_beat()) {
        // A window wider than half a beat would judge a contact against two beats at once.
        const double half_beat_ms = 30000.0 / level.program.tempo_bpm;
        if (s.windows.good_ms >= half_beat_ms) {
            top.fail("scoring.good_ms must be below half a beat at " + number_text(level.program.tempo_bpm) +
                     " bpm (" + number_text(half_beat_ms) + " ms), got " + number_text(s.windows.good_ms));
        }
    }
    s.quality.hold_target_s = level.program.hold_target_s;
    top.no_unknown_keys();
    return level;
}

}  // namespace highstep::core
