// Challenge files out and in. The import treats the file as hostile: it is
// size-checked before reading, nesting-checked before parsing, every field is
// type- and range-checked with the line it came from, embedded recordings are
// parsed as recordings, and the database changes only if all of it is good.
#include "highstep/store/challenge_file.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <sstream>

#include "challenge_entries.h"
#include "highstep/input/recording.h"
#include "highstep/store/session_log.h"
#include "json_locate.h"
#include "sql.h"
#include "text_checks.h"

namespace highstep::store {

using nlohmann::json;

std::string export_challenge_json(Database& db, std::int64_t challenge_id) {
    const std::optional<Challenge> c = get_challenge(db, challenge_id);
    if (!c) throw StoreError("no challenge with id " + std::to_string(challenge_id));
    json doc;
    doc["format_version"] = kChallengeFileVersion;
    doc["kind"] = "highstep-challenge";
    doc["exported_by"] = household_name(db);
    doc["challenge"] = {{"uid", c->uid},
                        {"name", c->name},
                        {"levels", c->level_ids},
                        {"rules",
                         {{"mode", to_string(c->rules.mode)},
                          {"attempts_per_level", c->rules.attempts_per_level},
                          {"weigh_in_each_turn", c->rules.weigh_in_each_turn}}},
                        {"starts", c->starts_day},
                        {"ends", c->ends_day},
                        {"household", c->household},
                        {"created_unix_s", c->created_unix_s}};
    // Every result travels; only each player's best run per level carries its
    // recording (the ghost), which keeps files small.
    std::map<std::string, bool> ghost_sent;  // player \x1f household \x1f level
    json entries = json::array();
    for (const ChallengeEntry& e : challenge_entries(db, challenge_id)) {  // best first
        json j = {{"uid", e.uid},
                  {"player", e.player_name},
                  {"household", e.household},
                  {"level", e.level_id},
                  {"score", e.score},
                  {"grade", e.grade},
                  {"stability_mean_velocity_mm_s", e.stability_mean_velocity_mm_s},
                  {"reps", e.reps},
                  {"finished_unix_s", e.finished_unix_s}};
        bool& sent = ghost_sent[e.player_name + '\x1f' + e.household + '\x1f' + e.level_id];
        if (!sent && !e.recording_csv.empty()) {
            j["recording_csv"] = e.recording_csv;
            sent = true;
        }
        entries.push_back(std::move(j));
    }
    doc["entries"] = std::move(entries);
    return doc.dump(2) + "\n";
}

void export_challenge_file(Database& db, std::int64_t challenge_id, const std::filesystem::path& out) {
    const std::string text = export_challenge_json(db, challenge_id);
    // Write to a temporary name and rename, so a full disk never leaves half a file.
    const std::filesystem::path tmp = out.string() + ".part";
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        if (!f) throw StoreError(out.string() + ": cannot write");
        f << text;
        f.flush();
        if (!f) throw StoreError(out.string() + ": write failed (disk full?)");
    }
    std::error_code ec;
    std::filesystem::rename(tmp, out, ec);
    if (ec) {
        std::filesystem::remove(tmp, ec);
        throw StoreError(out.string() + ": cannot write: " + ec.message());
    }
}

namespace {

constexpr int kMaxDepth = 16;  // the format nests 4 deep; anything deeper is not ours

// Rejects a document that nests deeper than kMaxDepth before the parser sees it.
bool nesting_ok(std::string_view text) {
    int depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
            continue;
        }
        if (c == '"') in_string = true;
        else if (c == '{' || c == '[') {
            if (++depth > kMaxDepth) return false;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return true;
}

// Reads fields of the untrusted document; every failure names file, line and field.
class Reader {
public:
    Reader(std::string_view text, std::string_view source) : text_(text), source_(source) {}

    [[noreturn]] void fail(const JsonPath& path, const std::string& message) const {
        throw ChallengeFileError(std::string(source_) + ":" + std::to_string(json_line_of(text_, path)) + ": " +
                                 json_path_string(path) + ": " + message);
    }

    const json& member(const json& obj, const JsonPath& path, const char* key, json::value_t type,
                       const char* type_name) const {
        JsonPath at = path;
        at.emplace_back(std::string(key));
        const auto it = obj.find(key);
        if (it == obj.end()) fail(path, std::string("missing \"") + key + "\"");
        const bool ok = type == json::value_t::number_integer
                            ? it->is_number_integer()
                            : type == json::value_t::number_float ? it->is_number() : it->type() == type;
        if (!ok) fail(at, std::string("must be ") + type_name);
        return *it;
    }

    std::string string(const json& obj, const JsonPath& path, const char* key) const {
        return member(obj, path, key, json::value_t::string, "a string").get<std::string>();
    }

    std::int64_t integer(const json& obj, const JsonPath& path, const char* key, std::int64_t lo,
                         std::int64_t hi) const {
        const json& v = member(obj, path, key, json::value_t::number_integer, "a whole number");
        JsonPath at = path;
        at.emplace_back(std::string(key));
        // An unsigned value above INT64_MAX must not wrap into range.
        if (v.is_number_unsigned() && v.get<std::uint64_t>() > static_cast<std::uint64_t>(hi)) {
            fail(at, "must be " + std::to_string(lo) + " to " + std::to_string(hi));
        }
        const std::int64_t n = v.get<std::int64_t>();
        if (n < lo || n > hi) fail(at, "must be " + std::to_string(lo) + " to " + std::to_string(hi));
        return n;
    }

    double number(const json& obj, const JsonPath& path, const char* key, double lo, double hi) const {
        const json& v = member(obj, path, key, json::value_t::number_float, "a number");
        const double d = v.get<double>();
        if (!(d >= lo && d <= hi)) {
            JsonPath at = path;
            at.emplace_back(std::string(key));
            char buf[96];
            std::snprintf(buf, sizeof buf, "must be %g to %g", lo, hi);
            fail(at, buf);
        }
        return d;
    }

    // A string field that must pass `check` ("" = fine, else the reason).
    template <typename Check>
    std::string checked(const json& obj, const JsonPath& path, const char* key, Check check) const {
        std::string value = string(obj, path, key);
        if (const std::string why = check(value); !why.empty()) {
            JsonPath at = path;
            at.emplace_back(std::string(key));
            fail(at, why);
        }
        return value;
    }

private:
    std::string_view text_;
    std::string_view source_;
};

std::string name_check(std::string_view v, std::size_t max) {
    const std::string why = text::check_name(v, max);
    return why.empty() ? why : "name " + why;
}

struct ParsedFile {
    Challenge challenge;
    std::vector<ChallengeEntry> entries;
};

ParsedFile parse_file(std::string_view text, std::string_view source, const ChallengeFileLimits& limits) {
    if (!nesting_ok(text)) {
        throw ChallengeFileError(std::string(source) + ": nested more than " + std::to_string(kMaxDepth) +
                                 " levels deep; not a challenge file");
    }
    json doc;
    try {
        doc = json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
        const std::size_t at = std::min<std::size_t>(e.byte == 0 ? 0 : e.byte - 1, text.size());
        const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<long>(at), '\n');
        throw ChallengeFileError(std::string(source) + ":" + std::to_string(line) + ": not valid JSON (" +
                                 e.what() + ")");
    } catch (const json::exception& e) {
        // e.g. a number too large for a double: the parser gives no position.
        throw ChallengeFileError(std::string(source) + ": not valid JSON (" + e.what() + ")");
    }
    const Reader r(text, source);
    if (!doc.is_object()) r.fail({}, "a challenge file is a JSON object");
    const std::int64_t version = r.integer(doc, {}, "format_version", 0, 1000000);
    if (version != kChallengeFileVersion) {
        r.fail({std::string("format_version")}, "version " + std::to_string(version) + " is not supported (this HighStep reads " +
                                                    std::to_string(kChallengeFileVersion) + ")");
    }
    if (r.string(doc, {}, "kind") != "highstep-challenge") r.fail({std::string("kind")}, "must be \"highstep-challenge\"");

    ParsedFile out;
    Challenge& c = out.challenge;
    const JsonPath cp{std::string("challenge")};
    const json& cj = r.member(doc, {}, "challenge", json::value_t::object, "an object");
    c.uid = r.checked(cj, cp, "uid", [](std::string_view v) {
        return text::is_uid(v) ? std::string() : std::string("must be 32 lower-case hex digits");
    });
    c.name = r.checked(cj, cp, "name", [](std::string_view v) { return name_check(v, 60); });
    c.household = r.checked(cj, cp, "household", [](std::string_view v) { return name_check(v, 40); });
    c.starts_day = r.checked(cj, cp, "starts", [](std::string_view v) {
        return text::is_day(v) ? std::string() : std::string("must be a date YYYY-MM-DD");
    });
    c.ends_day = r.checked(cj, cp, "ends", [](std::string_view v) {
        return text::is_day(v) ? std::string() : std::string("must be a date YYYY-MM-DD");
    });
    c.created_unix_s = r.integer(cj, cp, "created_unix_s", 946684800, 32503680000);
    const json& levels = r.member(cj, cp, "levels", json::value_t::array, "an array of level ids");
    JsonPath lp = cp;
    lp.emplace_back(std::string("levels"));
    if (levels.empty() || levels.size() > 20) r.fail(lp, "must list 1 to 20 levels");
    for (std::size_t i = 0; i < levels.size(); ++i) {
        JsonPath at = lp;
        at.emplace_back(i);
        if (!levels[i].is_string() || !text::is_level_id(levels[i].get<std::string>())) {
            r.fail(at, "must be a level id (1 to 40 of a-z, 0-9, _ and -)");
        }
        c.level_ids.push_back(levels[i].get<std::string>());
    }
    JsonPath rp = cp;
    rp.emplace_back(std::string("rules"));
    const json& rules = r.member(cj, cp, "rules", json::value_t::object, "an object");
    const std::string mode = r.checked(rules, rp, "mode", [](std::string_view v) {
        return parse_challenge_mode(v) ? std::string() : std::string("must be \"hot_seat\" or \"anytime\"");
    });
    c.rules.mode = *parse_challenge_mode(mode);
    c.rules.attempts_per_level = static_cast<int>(r.integer(rules, rp, "attempts_per_level", 0, 100));
    c.rules.weigh_in_each_turn = r.member(rules, rp, "weigh_in_each_turn", json::value_t::boolean, "true or false").get<bool>();
    if (const std::string why = validate_challenge(c); !why.empty()) r.fail(cp, why);

    const json& entries = r.member(doc, {}, "entries", json::value_t::array, "an array");
    if (entries.size() > limits.max_entries) {
        r.fail({std::string("entries")}, "has " + std::to_string(entries.size()) + " entries, more than the " +
                                             std::to_string(limits.max_entries) + " allowed");
    }
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const JsonPath ep{std::string("entries"), i};
        const json& ej = entries[i];
        if (!ej.is_object()) r.fail(ep, "must be an object");
        ChallengeEntry e;
        e.uid = r.checked(ej, ep, "uid", [](std::string_view v) {
            return text::is_uid(v) ? std::string() : std::string("must be 32 lower-case hex digits");
        });
        e.player_name = r.checked(ej, ep, "player", [](std::string_view v) { return name_check(v, 40); });
        e.household = r.checked(ej, ep, "household", [](std::string_view v) { return name_check(v, 40); });
        e.level_id = r.checked(ej, ep, "level", [&](std::string_view v) {
            return std::find(c.level_ids.begin(), c.level_ids.end(), v) != c.level_ids.end()
                       ? std::string()
                       : std::string("is not one of the challenge's levels");
        });
        e.score = r.number(ej, ep, "score", 0.0, limits.max_score);
        e.grade = r.checked(ej, ep, "grade", [](std::string_view v) {
            return text::is_grade(v) ? std::string() : std::string("must be up to 3 of A-Z, + and -");
        });
        e.stability_mean_velocity_mm_s = r.number(ej, ep, "stability_mean_velocity_mm_s", 0.0, 10000.0);
        e.reps = static_cast<int>(r.integer(ej, ep, "reps", 0, 10000));
        e.finished_unix_s = r.integer(ej, ep, "finished_unix_s", 946684800, 32503680000);
        if (ej.contains("recording_csv")) {
            JsonPath at = ep;
            at.emplace_back(std::string("recording_csv"));
            const std::string csv = r.string(ej, ep, "recording_csv");
            if (csv.size() > limits.max_recording_bytes) {
                r.fail(at, "recording is larger than " + std::to_string(limits.max_recording_bytes / 1024) + " KiB");
            }
            // Parsed as a recording so a ghost can never crash the game later.
            try {
                std::istringstream in(csv);
                (void)read_recording(in, "recording");
            } catch (const std::exception& err) {
                r.fail(at, std::string("is not a valid recording: ") + err.what());
            }
            e.recording_csv = csv;
        }
        if (const std::string why = validate_entry(e); !why.empty()) r.fail(ep, why);
        out.entries.push_back(std::move(e));
    }
    return out;
}

}  // namespace

ImportReport import_challenge_json(Database& db, std::string_view text, std::string_view source_name,
                                   const ChallengeFileLimits& limits) {
    if (text.size() > limits.max_file_bytes) {
        throw ChallengeFileError(std::string(source_name) + ": " + std::to_string(text.size()) +
                                 " bytes is more than a challenge file may have (" +
                                 std::to_string(limits.max_file_bytes) + ")");
    }
    ParsedFile parsed = parse_file(text, source_name, limits);
    ImportReport report;
    sql::Transaction tx(db);  // all or nothing
    sql::Statement existing(db, "SELECT id FROM challenges WHERE uid = ?1");
    existing.bind(1, parsed.challenge.uid);
    if (existing.step()) {
        report.challenge_id = existing.int64(0);
        // The local definition stays; entries must still fit it.
        const std::optional<Challenge> local = get_challenge(db, report.challenge_id);
        for (const ChallengeEntry& e : parsed.entries) {
            if (std::find(local->level_ids.begin(), local->level_ids.end(), e.level_id) == local->level_ids.end()) {
                throw ChallengeFileError(std::string(source_name) + ": level '" + e.level_id +
                                         "' is not part of the challenge as it is stored here");
            }
        }
    } else {
        report.challenge_id = insert_challenge(db, parsed.challenge);
        report.challenge_created = true;
    }
    for (ChallengeEntry& e : parsed.entries) {
        e.challenge_id = report.challenge_id;
        bool added = false;
        insert_challenge_entry(db, e, &added);
        (added ? report.entries_added : report.entries_already_here)++;
    }
    tx.commit();
    return report;
}

ImportReport import_challenge_file(Database& db, const std::filesystem::path& path, const ChallengeFileLimits& limits) {
    const std::string name = path.string();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) throw ChallengeFileError(name + ": not a file");
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    if (ec) throw ChallengeFileError(name + ": cannot read: " + ec.message());
    if (size > limits.max_file_bytes) {
        throw ChallengeFileError(name + ": " + std::to_string(size / (1024 * 1024)) +
                                 " MiB is more than a challenge file may have (" +
                                 std::to_string(limits.max_file_bytes / (1024 * 1024)) + " MiB); not imported");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ChallengeFileError(name + ": cannot open");
    // Read at most one byte past the limit: the file may grow after the size check.
    std::string text(static_cast<std::size_t>(limits.max_file_bytes) + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    return import_challenge_json(db, text, name, limits);
}

}  // namespace highstep::store
