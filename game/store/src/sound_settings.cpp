#include "highstep/store/sound_settings.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

#include "sql.h"

namespace highstep::store {

namespace {

std::string key(std::int64_t player_id, const char* name) {
    return "player/" + std::to_string(player_id) + "/" + name;
}

// A stored number, or `fallback` if absent or unreadable (a hand-edited file).
double stored(Database& db, const std::string& k, double fallback) {
    sql::Statement get(db, "SELECT value FROM settings WHERE key = ?1");
    get.bind(1, k);
    if (!get.step()) return fallback;
    const std::string text = get.text(0);
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    return end != text.c_str() && *end == '\0' && std::isfinite(v) ? v : fallback;
}

void put(Database& db, const std::string& k, double value) {
    sql::Statement p(db,
                     "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    p.bind(1, k).bind(2, std::to_string(value));
    p.run();
}

}  // namespace

SoundSettings sound_settings(Database& db, std::int64_t player_id) {
    SoundSettings s;
    s.music_volume = std::clamp(stored(db, key(player_id, "music_volume"), s.music_volume), 0.0, 1.0);
    s.effects_volume = std::clamp(stored(db, key(player_id, "effects_volume"), s.effects_volume), 0.0, 1.0);
    s.muted = stored(db, key(player_id, "muted"), 0.0) != 0.0;
    return s;
}

void set_sound_settings(Database& db, std::int64_t player_id, const SoundSettings& s) {
    for (double v : {s.music_volume, s.effects_volume}) {
        if (!std::isfinite(v) || v < 0.0 || v > 1.0) throw StoreError("a volume must be between 0 and 1");
    }
    sql::Transaction tx(db);
    put(db, key(player_id, "music_volume"), s.music_volume);
    put(db, key(player_id, "effects_volume"), s.effects_volume);
    put(db, key(player_id, "muted"), s.muted ? 1.0 : 0.0);
    tx.commit();
}

void delete_sound_settings(Database& db, std::int64_t player_id) {
    sql::Statement del(db, "DELETE FROM settings WHERE key LIKE ?1");
    del.bind(1, "player/" + std::to_string(player_id) + "/%");
    del.run();
}

}  // namespace highstep::store
