#pragma once
// Players of a household and their weigh-in history.
//
// Index
//   Leg, to_string/parse_leg   dominant leg
//   Player                     one player and their settings
//   WeighIn                    one weigh-in (body weight, learned foot positions)
//   validate_player_name       "" if a name is acceptable, else why not
//   add/get/find/list/update/delete_player, add_weigh_in, weigh_ins
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "highstep/store/database.h"

namespace highstep::store {

enum class Leg { left, right };
const char* to_string(Leg leg);                      // "left" / "right"
std::optional<Leg> parse_leg(std::string_view text); // "left"/"right"/"l"/"r"

struct Player {
    std::int64_t id = 0;              // 0 until stored
    std::string name;                 // 1..40 characters, unique (case-insensitive), no control characters
    Leg dominant_leg = Leg::right;
    double input_offset_ms = 0.0;     // added to every foot contact before judging (+ = player is late)
    bool board_rotated_180 = false;   // board placed the other way round in this player's home
    std::int64_t created_unix_s = 0;  // when the player was added (0: now)
    std::optional<double> body_weight_kg;  // latest weigh-in; read-only here (use add_weigh_in)
};

struct WeighIn {
    std::int64_t id = 0;
    std::int64_t player_id = 0;
    std::int64_t t_unix_s = 0;               // wall-clock time of the weigh-in (0: now)
    double body_weight_kg = 0.0;             // 20..250
    std::optional<double> left_foot_x_mm;    // CoP x of the left foot alone (signal settings)
    std::optional<double> right_foot_x_mm;   // CoP x of the right foot alone
};

inline constexpr std::size_t kMaxPlayerNameChars = 40;

// "" when `name` can be a player name, else a sentence saying why not.
std::string validate_player_name(std::string_view name);

// Adds a player; returns the new id. Throws StoreError for a bad or taken name.
std::int64_t add_player(Database& db, const Player& player);
std::optional<Player> get_player(Database& db, std::int64_t id);
std::optional<Player> find_player(Database& db, std::string_view name);  // case-insensitive
std::vector<Player> list_players(Database& db);                           // by name
// The player who last chose themselves at the game (the game opens on them next
// time); none when never set or that player was deleted.
void set_last_player(Database& db, std::int64_t id);
std::optional<Player> last_player(Database& db);
// Updates name, dominant leg, input offset and orientation of player.id.
void update_player(Database& db, const Player& player);
// Deletes a player with their weigh-ins, sessions and scores (challenge entries keep the name).
void delete_player(Database& db, std::int64_t id);

std::int64_t add_weigh_in(Database& db, const WeighIn& weigh_in);
std::vector<WeighIn> weigh_ins(Database& db, std::int64_t player_id);  // oldest first

}  // namespace highstep::store
