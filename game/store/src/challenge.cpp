#include "highstep/store/challenge.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <random>

#include "challenge_entries.h"
#include "highstep/store/session_log.h"
#include "sql.h"
#include "text_checks.h"

namespace highstep::store {

const char* to_string(ChallengeMode mode) { return mode == ChallengeMode::hot_seat ? "hot_seat" : "anytime"; }

std::optional<ChallengeMode> parse_challenge_mode(std::string_view text) {
    if (text == "hot_seat" || text == "hot-seat" || text == "hotseat") return ChallengeMode::hot_seat;
    if (text == "anytime") return ChallengeMode::anytime;
    return std::nullopt;
}

std::string make_uid() {
    // Uniqueness across households, not secrecy: random_device seeds a 64-bit
    // generator that fills 128 bits.
    std::random_device rd;
    std::mt19937_64 gen((static_cast<std::uint64_t>(rd()) << 32) ^ rd() ^ static_cast<std::uint64_t>(now_unix_s()));
    static constexpr char kHex[] = "0123456789abcdef";
    std::string uid;
    for (int half = 0; half < 2; ++half) {
        std::uint64_t v = gen();
        for (int i = 0; i < 16; ++i, v >>= 4) uid += kHex[v & 0xF];
    }
    return uid;
}

std::string household_name(Database& db) {
    sql::Statement get(db, "SELECT value FROM settings WHERE key = 'household_name'");
    if (get.step()) return get.text(0);
    const std::string name = "home-" + make_uid().substr(0, 6);
    // INSERT OR IGNORE: a concurrent first call keeps whichever name won.
    sql::Statement put(db, "INSERT OR IGNORE INTO settings (key, value) VALUES ('household_name', ?1)");
    put.bind(1, name);
    put.run();
    sql::Statement again(db, "SELECT value FROM settings WHERE key = 'household_name'");
    again.step();
    return again.text(0);
}

void set_household_name(Database& db, std::string_view name) {
    if (std::string why = text::check_name(name, 40); !why.empty()) throw StoreError("household name " + why);
    sql::Transaction tx(db);
    const std::string old = household_name(db);
    sql::Statement put(db,
                       "INSERT INTO settings (key, value) VALUES ('household_name', ?1) "
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    put.bind(1, name);
    put.run();
    sql::Statement entries(db, "UPDATE challenge_entries SET household = ?1 WHERE household = ?2 AND session_id IS NOT NULL");
    entries.bind(1, name).bind(2, old);
    entries.run();
    sql::Statement challenges(db, "UPDATE challenges SET household = ?1 WHERE household = ?2");
    challenges.bind(1, name).bind(2, old);
    challenges.run();
    tx.commit();
}

std::string validate_challenge(const Challenge& c) {
    if (!c.uid.empty() && !text::is_uid(c.uid)) return "challenge uid must be 32 hex digits";
    if (std::string why = text::check_name(c.name, 60); !why.empty()) return "challenge name " + why;
    if (std::string why = text::check_name(c.household, 40); !c.household.empty() && !why.empty()) {
        return "household name " + why;  // empty: this database's household, filled in on create
    }
    if (c.level_ids.empty() || c.level_ids.size() > 20) return "a challenge needs 1 to 20 levels";
    for (std::size_t i = 0; i < c.level_ids.size(); ++i) {
        if (!text::is_level_id(c.level_ids[i])) return "'" + c.level_ids[i] + "' is not a level id";
        if (std::find(c.level_ids.begin(), c.level_ids.begin() + static_cast<long>(i), c.level_ids[i]) !=
            c.level_ids.begin() + static_cast<long>(i)) {
            return "level '" + c.level_ids[i] + "' is listed twice";
        }
    }
    if (!text::is_day(c.starts_day)) return "start date '" + c.starts_day + "' is not a date (YYYY-MM-DD)";
    if (!text::is_day(c.ends_day)) return "end date '" + c.ends_day + "' is not a date (YYYY-MM-DD)";
    if (c.ends_day < c.starts_day) return "the challenge ends before it starts";
    if (c.rules.attempts_per_level < 0 || c.rules.attempts_per_level > 100) return "attempts per level must be 0 to 100";
    return "";
}

std::string validate_entry(const ChallengeEntry& e) {
    if (!e.uid.empty() && !text::is_uid(e.uid)) return "entry uid must be 32 hex digits";
    if (std::string why = text::check_name(e.player_name, kMaxPlayerNameChars); !why.empty()) return "player name " + why;
    if (std::string why = text::check_name(e.household, 40); !why.empty()) return "household name " + why;
    if (!text::is_level_id(e.level_id)) return "'" + e.level_id + "' is not a level id";
    if (!std::isfinite(e.score) || e.score < 0 || e.score > 1.0e6) return "score must be 0 to 1000000";
    if (!text::is_grade(e.grade)) return "grade must be up to 3 letters A-Z, + or -";
    if (!std::isfinite(e.stability_mean_velocity_mm_s) || e.stability_mean_velocity_mm_s < 0 ||
        e.stability_mean_velocity_mm_s > 10000) {
        return "stability must be 0 to 10000 mm/s";
    }
    if (e.reps < 0 || e.reps > 10000) return "reps must be 0 to 10000";
    // 2000-01-01 .. 3000-01-01: anything else is a broken clock or a forged file.
    if (e.finished_unix_s < 946684800 || e.finished_unix_s > 32503680000) return "finish time is not a plausible date";
    return "";
}

std::int64_t insert_challenge_entry(Database& db, const ChallengeEntry& e, bool* added) {
    if (std::string why = validate_entry(e); !why.empty()) throw StoreError(why);
    const std::string uid = e.uid.empty() ? make_uid() : e.uid;
    sql::Statement existing(db, "SELECT id FROM challenge_entries WHERE uid = ?1");
    existing.bind(1, uid);
    if (existing.step()) {
        if (added) *added = false;
        return existing.int64(0);
    }
    sql::Statement level(db, "SELECT 1 FROM challenge_levels WHERE challenge_id = ?1 AND level_id = ?2");
    level.bind(1, e.challenge_id).bind(2, e.level_id);
    if (!level.step()) throw StoreError("level '" + e.level_id + "' is not part of this challenge");
    sql::Statement insert(db,
                          "INSERT INTO challenge_entries (uid, challenge_id, player_name, household, level_id, score, "
                          "grade, stability_mean_velocity_mm_s, reps, finished_unix_s, session_id, recording_csv) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
    insert.bind(1, uid)
        .bind(2, e.challenge_id)
        .bind(3, e.player_name)
        .bind(4, e.household)
        .bind(5, e.level_id)
        .bind(6, e.score)
        .bind(7, e.grade)
        .bind(8, e.stability_mean_velocity_mm_s)
        .bind(9, e.reps)
        .bind(10, e.finished_unix_s)
        .bind(11, e.session_id)
        .bind(12, e.recording_csv);
    insert.run();
    if (added) *added = true;
    return sqlite3_last_insert_rowid(db.handle());
}

namespace {

// The challenge's levels in their order (the caller's transaction).
void insert_challenge_levels(Database& db, std::int64_t id, const std::vector<std::string>& level_ids) {
    sql::Statement level(db, "INSERT INTO challenge_levels (challenge_id, position, level_id) VALUES (?1, ?2, ?3)");
    for (std::size_t i = 0; i < level_ids.size(); ++i) {
        level.bind(1, id).bind(2, static_cast<std::int64_t>(i)).bind(3, level_ids[i]);
        level.run();
    }
}

}  // namespace

std::int64_t insert_challenge(Database& db, const Challenge& in) {
    Challenge c = in;
    if (c.household.empty()) c.household = household_name(db);
    if (std::string why = validate_challenge(c); !why.empty()) throw StoreError(why);
    sql::Statement insert(db,
                          "INSERT INTO challenges (uid, name, mode, attempts_per_level, weigh_in_each_turn, "
                          "starts_day, ends_day, household, created_unix_s) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    insert.bind(1, c.uid.empty() ? make_uid() : c.uid)
        .bind(2, c.name)
        .bind(3, to_string(c.rules.mode))
        .bind(4, c.rules.attempts_per_level)
        .bind(5, c.rules.weigh_in_each_turn)
        .bind(6, c.starts_day)
        .bind(7, c.ends_day)
        .bind(8, c.household)
        .bind(9, c.created_unix_s ? c.created_unix_s : now_unix_s());
    insert.run();
    const std::int64_t id = sqlite3_last_insert_rowid(db.handle());
    insert_challenge_levels(db, id, c.level_ids);
    return id;
}

std::int64_t create_challenge(Database& db, const Challenge& c) {
    sql::Transaction tx(db);
    if (!c.uid.empty()) {
        sql::Statement taken(db, "SELECT 1 FROM challenges WHERE uid = ?1");
        taken.bind(1, c.uid);
        if (taken.step()) throw StoreError("a challenge with uid " + c.uid + " already exists");
    }
    const std::int64_t id = insert_challenge(db, c);
    tx.commit();
    return id;
}

void update_challenge(Database& db, const Challenge& in) {
    sql::Transaction tx(db);
    const std::optional<Challenge> stored = get_challenge(db, in.id);
    if (!stored) throw StoreError("there is no challenge with id " + std::to_string(in.id));
    if (stored->household != household_name(db)) {
        throw StoreError("challenge \"" + stored->name + "\" was made by " + stored->household +
                         ": only they can change it");
    }
    Challenge c = in;
    c.uid = stored->uid;
    c.household = stored->household;
    c.created_unix_s = stored->created_unix_s;
    if (std::string why = validate_challenge(c); !why.empty()) throw StoreError(why);
    sql::Statement update(db,
                          "UPDATE challenges SET name = ?1, mode = ?2, attempts_per_level = ?3, weigh_in_each_turn = ?4, "
                          "starts_day = ?5, ends_day = ?6 WHERE id = ?7");
    update.bind(1, c.name)
        .bind(2, to_string(c.rules.mode))
        .bind(3, c.rules.attempts_per_level)
        .bind(4, c.rules.weigh_in_each_turn)
        .bind(5, c.starts_day)
        .bind(6, c.ends_day)
        .bind(7, c.id);
    update.run();
    sql::Statement clear(db, "DELETE FROM challenge_levels WHERE challenge_id = ?1");
    clear.bind(1, c.id);
    clear.run();
    insert_challenge_levels(db, c.id, c.level_ids);
    tx.commit();
}

bool delete_challenge(Database& db, std::int64_t id) {
    // The levels and entries go with it (ON DELETE CASCADE); its sessions are
    // kept with challenge_id set to NULL (ON DELETE SET NULL).
    sql::Transaction tx(db);
    sql::Statement del(db, "DELETE FROM challenges WHERE id = ?1");
    del.bind(1, id);
    del.run();
    const bool deleted = sqlite3_changes(db.handle()) > 0;
    tx.commit();
    return deleted;
}

namespace {

constexpr const char* kSelectChallenge =
    "SELECT id, uid, name, mode, attempts_per_level, weigh_in_each_turn, starts_day, ends_day, household, "
    "created_unix_s FROM challenges ";

Challenge read_challenge(Database& db, const sql::Statement& q) {
    Challenge c;
    c.id = q.int64(0);
    c.uid = q.text(1);
    c.name = q.text(2);
    c.rules.mode = parse_challenge_mode(q.text(3)).value_or(ChallengeMode::anytime);
    c.rules.attempts_per_level = q.int32(4);
    c.rules.weigh_in_each_turn = q.int64(5) != 0;
    c.starts_day = q.text(6);
    c.ends_day = q.text(7);
    c.household = q.text(8);
    c.created_unix_s = q.int64(9);
    sql::Statement levels(db, "SELECT level_id FROM challenge_levels WHERE challenge_id = ?1 ORDER BY position");
    levels.bind(1, c.id);
    while (levels.step()) c.level_ids.push_back(levels.text(0));
    return c;
}

}  // namespace

std::vector<Challenge> list_challenges(Database& db) {
    sql::Statement q(db, std::string(kSelectChallenge) + "ORDER BY created_unix_s DESC, id DESC");
    std::vector<Challenge> out;
    while (q.step()) out.push_back(read_challenge(db, q));
    return out;
}

std::optional<Challenge> get_challenge(Database& db, std::int64_t id) {
    sql::Statement q(db, std::string(kSelectChallenge) + "WHERE id = ?1");
    q.bind(1, id);
    if (!q.step()) return std::nullopt;
    return read_challenge(db, q);
}

bool challenge_open_on(const Challenge& challenge, std::string_view day) {
    return day >= challenge.starts_day && day <= challenge.ends_day;
}

std::string check_challenge_level(const Challenge& challenge, std::string_view level_id) {
    if (std::find(challenge.level_ids.begin(), challenge.level_ids.end(), level_id) != challenge.level_ids.end()) {
        return {};
    }
    return "level '" + std::string(level_id) + "' is not part of the challenge '" + challenge.name + "'";
}

std::optional<Challenge> find_challenge(Database& db, std::string_view name_or_uid) {
    {
        sql::Statement q(db, std::string(kSelectChallenge) + "WHERE name = ?1 ORDER BY created_unix_s DESC, id DESC");
        q.bind(1, name_or_uid);
        if (q.step()) return read_challenge(db, q);
    }
    if (name_or_uid.size() < 6 || name_or_uid.size() > 32) return std::nullopt;
    for (char c : name_or_uid) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return std::nullopt;
    }
    // A prefix match (hex digits only, so no LIKE wildcards can sneak in).
    sql::Statement q(db, std::string(kSelectChallenge) + "WHERE substr(uid, 1, length(?1)) = ?1 LIMIT 2");
    q.bind(1, name_or_uid);
    if (!q.step()) return std::nullopt;
    Challenge c = read_challenge(db, q);
    if (q.step()) return std::nullopt;  // ambiguous
    return c;
}

std::int64_t add_challenge_entry(Database& db, const ChallengeEntry& entry) {
    sql::Transaction tx(db);
    const std::int64_t id = insert_challenge_entry(db, entry);
    tx.commit();
    return id;
}

std::vector<ChallengeEntry> challenge_entries(Database& db, std::int64_t challenge_id) {
    sql::Statement q(db,
                     "SELECT id, uid, challenge_id, player_name, household, level_id, score, grade, "
                     "stability_mean_velocity_mm_s, reps, finished_unix_s, session_id, recording_csv "
                     "FROM challenge_entries WHERE challenge_id = ?1 "
                     "ORDER BY score DESC, stability_mean_velocity_mm_s ASC, finished_unix_s ASC, id ASC");
    q.bind(1, challenge_id);
    std::vector<ChallengeEntry> out;
    while (q.step()) {
        ChallengeEntry e;
        e.id = q.int64(0);
        e.uid = q.text(1);
        e.challenge_id = q.int64(2);
        e.player_name = q.text(3);
        e.household = q.text(4);
        e.level_id = q.text(5);
        e.score = q.real(6);
        e.grade = q.text(7);
        e.stability_mean_velocity_mm_s = q.real(8);
        e.reps = q.int32(9);
        e.finished_unix_s = q.int64(10);
        e.session_id = q.optional_int64(11);
        e.recording_csv = q.text(12);
        out.push_back(std::move(e));
    }
    return out;
}

std::vector<LeaderboardRow> leaderboard(Database& db, std::int64_t challenge_id) {
    const std::optional<Challenge> challenge = get_challenge(db, challenge_id);
    if (!challenge) throw StoreError("no challenge with id " + std::to_string(challenge_id));
    std::vector<ChallengeEntry> entries = challenge_entries(db, challenge_id);
    // Attempts count in the order they were played: a player cannot retry until
    // lucky when the rules allow N attempts.
    std::stable_sort(entries.begin(), entries.end(), [](const ChallengeEntry& a, const ChallengeEntry& b) {
        return a.finished_unix_s != b.finished_unix_s ? a.finished_unix_s < b.finished_unix_s : a.id < b.id;
    });
    struct Key {
        std::string name, household;
        bool operator<(const Key& o) const { return name != o.name ? name < o.name : household < o.household; }
    };
    std::map<Key, std::map<std::string, int>> attempts;                    // per level
    std::map<Key, std::map<std::string, const ChallengeEntry*>> best;     // per level
    for (const ChallengeEntry& e : entries) {
        const std::string day = local_day(e.finished_unix_s);
        if (day < challenge->starts_day || day > challenge->ends_day) continue;  // outside the dates
        // A level taken out of the challenge (update_challenge): its runs are kept, not counted.
        if (std::find(challenge->level_ids.begin(), challenge->level_ids.end(), e.level_id) ==
            challenge->level_ids.end()) {
            continue;
        }
        const Key key{e.player_name, e.household};
        int& n = attempts[key][e.level_id];
        if (challenge->rules.attempts_per_level > 0 && n >= challenge->rules.attempts_per_level) continue;
        ++n;
        const ChallengeEntry*& b = best[key][e.level_id];
        if (!b || e.score > b->score ||
            (e.score == b->score && e.stability_mean_velocity_mm_s < b->stability_mean_velocity_mm_s)) {
            b = &e;
        }
    }
    std::vector<LeaderboardRow> rows;
    for (const auto& [key, levels] : best) {
        LeaderboardRow row;
        row.player_name = key.name;
        row.household = key.household;
        double stability_sum = 0.0;
        for (const std::string& level : challenge->level_ids) {
            const auto it = levels.find(level);
            if (it == levels.end()) {
                row.level_best.push_back(std::nullopt);
                continue;
            }
            row.level_best.push_back(it->second->score);
            row.total_score += it->second->score;
            stability_sum += it->second->stability_mean_velocity_mm_s;
            ++row.levels_played;
        }
        row.mean_stability_mm_s = row.levels_played ? stability_sum / row.levels_played : 0.0;
        rows.push_back(std::move(row));
    }
    std::sort(rows.begin(), rows.end(), [](const LeaderboardRow& a, const LeaderboardRow& b) {
        if (a.total_score != b.total_score) return a.total_score > b.total_score;
        if (a.mean_stability_mm_s != b.mean_stability_mm_s) return a.mean_stability_mm_s < b.mean_stability_mm_s;
        return a.player_name != b.player_name ? a.player_name < b.player_name : a.household < b.household;
    });
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const bool tied = i > 0 && rows[i].total_score == rows[i - 1].total_score &&
                          rows[i].mean_stability_mm_s == rows[i - 1].mean_stability_mm_s;
        rows[i].rank = tied ? rows[i - 1].rank : static_cast<int>(i) + 1;
    }
    return rows;
}

std::optional<ChallengeEntry> ghost_entry(Database& db, std::int64_t challenge_id, std::string_view level_id) {
    for (ChallengeEntry& e : challenge_entries(db, challenge_id)) {  // best first
        if (e.level_id == level_id && !e.recording_csv.empty()) return std::move(e);
    }
    return std::nullopt;
}

}  // namespace highstep::store
