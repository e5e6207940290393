#include "highstep/store/players.h"

#include <cctype>
#include <cmath>
#include <cstdlib>

#include "highstep/store/session_log.h"
#include "highstep/store/sound_settings.h"
#include "sql.h"
#include "text_checks.h"

namespace highstep::store {

const char* to_string(Leg leg) { return leg == Leg::left ? "left" : "right"; }

std::optional<Leg> parse_leg(std::string_view text) {
    std::string lower;
    for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == "left" || lower == "l") return Leg::left;
    if (lower == "right" || lower == "r") return Leg::right;
    return std::nullopt;
}

std::string validate_player_name(std::string_view name) {
    const std::string why = text::check_name(name, kMaxPlayerNameChars);
    return why.empty() ? why : "player name " + why;
}

namespace {

void check_player(const Player& player) {
    if (const std::string why = validate_player_name(player.name); !why.empty()) throw StoreError(why);
    // A rhythm game's offset beyond half a second is a misconfiguration, not a latency.
    if (!std::isfinite(player.input_offset_ms) || std::fabs(player.input_offset_ms) > 500.0) {
        throw StoreError("input offset must be between -500 and 500 ms");
    }
}

void check_name_free(Database& db, const Player& player) {
    sql::Statement taken(db, "SELECT id FROM players WHERE name = ?1 AND id != ?2");
    taken.bind(1, player.name).bind(2, player.id);
    if (taken.step()) throw StoreError("a player called '" + player.name + "' already exists");
}

Player read_player(const sql::Statement& row) {
    Player p;
    p.id = row.int64(0);
    p.name = row.text(1);
    p.dominant_leg = row.text(2) == "left" ? Leg::left : Leg::right;
    p.input_offset_ms = row.real(3);
    p.created_unix_s = row.int64(4);
    p.board_rotated_180 = row.int64(5) != 0;
    p.body_weight_kg = row.optional_real(6);
    return p;
}

// The latest weigh-in's weight comes with every player read.
constexpr const char* kSelectPlayer =
    "SELECT p.id, p.name, p.dominant_leg, p.input_offset_ms, p.created_unix_s, p.board_rotated_180, "
    "(SELECT w.body_weight_kg FROM weigh_ins w WHERE w.player_id = p.id ORDER BY w.t_unix_s DESC, w.id DESC LIMIT 1) "
    "FROM players p ";

}  // namespace

std::int64_t add_player(Database& db, const Player& player) {
    check_player(player);
    sql::Transaction tx(db);
    check_name_free(db, player);
    sql::Statement insert(db,
                          "INSERT INTO players (name, dominant_leg, input_offset_ms, created_unix_s, board_rotated_180) "
                          "VALUES (?1, ?2, ?3, ?4, ?5)");
    insert.bind(1, player.name)
        .bind(2, to_string(player.dominant_leg))
        .bind(3, player.input_offset_ms)
        .bind(4, player.created_unix_s ? player.created_unix_s : now_unix_s())
        .bind(5, player.board_rotated_180);
    insert.run();
    const std::int64_t id = sqlite3_last_insert_rowid(db.handle());
    tx.commit();
    return id;
}

std::optional<Player> get_player(Database& db, std::int64_t id) {
    sql::Statement q(db, std::string(kSelectPlayer) + "WHERE p.id = ?1");
    q.bind(1, id);
    if (!q.step()) return std::nullopt;
    return read_player(q);
}

std::optional<Player> find_player(Database& db, std::string_view name) {
    sql::Statement q(db, std::string(kSelectPlayer) + "WHERE p.name = ?1");  // name is COLLATE NOCASE
    q.bind(1, name);
    if (!q.step()) return std::nullopt;
    return read_player(q);
}

void set_last_player(Database& db, std::int64_t id) {
    sql::Statement put(db,
                       "INSERT INTO settings (key, value) VALUES ('last_player_id', ?1) "
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    put.bind(1, std::to_string(id));
    put.run();
}

std::optional<Player> last_player(Database& db) {
    sql::Statement q(db, "SELECT value FROM settings WHERE key = 'last_player_id'");
    if (!q.step()) return std::nullopt;
    const std::string value = q.text(0);
    char* end = nullptr;
    const long long id = std::strtoll(value.c_str(), &end, 10);
    if (value.empty() || *end != '\0') return std::nullopt;  // a damaged value: as if none
    return get_player(db, id);
}

std::vector<Player> list_players(Database& db) {
    sql::Statement q(db, std::string(kSelectPlayer) + "ORDER BY p.name, p.id");
    std::vector<Player> players;
    while (q.step()) players.push_back(read_player(q));
    return players;
}

void update_player(Database& db, const Player& player) {
    check_player(player);
    sql::Transaction tx(db);
    check_name_free(db, player);
    sql::Statement update(db,
                          "UPDATE players SET name = ?2, dominant_leg = ?3, input_offset_ms = ?4, "
                          "board_rotated_180 = ?5 WHERE id = ?1");
    update.bind(1, player.id)
        .bind(2, player.name)
        .bind(3, to_string(player.dominant_leg))
        .bind(4, player.input_offset_ms)
        .bind(5, player.board_rotated_180);
    update.run();
    if (sqlite3_changes(db.handle()) == 0) throw StoreError("no player with id " + std::to_string(player.id));
    tx.commit();
}

void delete_player(Database& db, std::int64_t id) {
    sql::Transaction tx(db);
    sql::Statement del(db, "DELETE FROM players WHERE id = ?1");
    del.bind(1, id);
    del.run();
    if (sqlite3_changes(db.handle()) == 0) throw StoreError("no player with id " + std::to_string(id));
    delete_sound_settings(db, id);
    tx.commit();
}

std::int64_t add_weigh_in(Database& db, const WeighIn& w) {
    if (!std::isfinite(w.body_weight_kg) || w.body_weight_kg < 20.0 || w.body_weight_kg > 250.0) {
        throw StoreError("body weight must be between 20 and 250 kg");
    }
    for (const auto& x : {w.left_foot_x_mm, w.right_foot_x_mm}) {
        if (x && (!std::isfinite(*x) || std::fabs(*x) > 300.0)) {
            throw StoreError("foot position must be within 300 mm of the board centre");
        }
    }
    sql::Transaction tx(db);
    sql::Statement insert(db,
                          "INSERT INTO weigh_ins (player_id, t_unix_s, body_weight_kg, left_foot_x_mm, right_foot_x_mm) "
                          "VALUES (?1, ?2, ?3, ?4, ?5)");
    insert.bind(1, w.player_id)
        .bind(2, w.t_unix_s ? w.t_unix_s : now_unix_s())
        .bind(3, w.body_weight_kg)
        .bind(4, w.left_foot_x_mm)
        .bind(5, w.right_foot_x_mm);
    insert.run();
    const std::int64_t id = sqlite3_last_insert_rowid(db.handle());
    tx.commit();
    return id;
}

std::vector<WeighIn> weigh_ins(Database& db, std::int64_t player_id) {
    sql::Statement q(db,
                     "SELECT id, player_id, t_unix_s, body_weight_kg, left_foot_x_mm, right_foot_x_mm "
                     "FROM weigh_ins WHERE player_id = ?1 ORDER BY t_unix_s, id");
    q.bind(1, player_id);
    std::vector<WeighIn> out;
    while (q.step()) {
        WeighIn w;
        w.id = q.int64(0);
        w.player_id = q.int64(1);
        w.t_unix_s = q.int64(2);
        w.body_weight_kg = q.real(3);
        w.left_foot_x_mm = q.optional_real(4);
        w.right_foot_x_mm = q.optional_real(5);
        out.push_back(w);
    }
    return out;
}

}  // namespace highstep::store
