#pragma once
// A player's sound: music volume, effects volume, mute. Kept in the settings table
// under "player/<id>/..." keys (no schema change), removed with the player.
#include <cstdint>

#include "highstep/store/database.h"

namespace highstep::store {

struct SoundSettings {
    double music_volume = 0.7;    // 0..1
    double effects_volume = 1.0;  // 0..1: sound cues and menu sounds
    bool muted = false;
};

// The player's settings, or the defaults if none were stored.
SoundSettings sound_settings(Database& db, std::int64_t player_id);
// Stores them in one transaction. Throws StoreError for a volume outside 0..1.
void set_sound_settings(Database& db, std::int64_t player_id, const SoundSettings& settings);
// Removes them (delete_player() calls this).
void delete_sound_settings(Database& db, std::int64_t player_id);

}  // namespace highstep::store
