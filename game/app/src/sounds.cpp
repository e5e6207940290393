#include "highstep/app/sounds.h"

namespace highstep::app {

const char* to_string(Sound sound) {
    switch (sound) {
        case Sound::click: return "click";
        case Sound::click_accent: return "click_accent";
        case Sound::cue_lead: return "cue_lead";
        case Sound::perfect: return "perfect";
        case Sound::good: return "good";
        case Sound::ok: return "ok";
        case Sound::miss: return "miss";
        case Sound::set_complete: return "set_complete";
        case Sound::rest_over: return "rest_over";
        case Sound::level_complete: return "level_complete";
        case Sound::level_failed: return "level_failed";
        case Sound::menu_move: return "menu_move";
        case Sound::menu_confirm: return "menu_confirm";
        case Sound::board_lost: return "board_lost";
    }
    return "?";
}

std::optional<Sound> sound_named(std::string_view name) {
    for (int i = 0; i < kSoundCount; ++i) {
        if (name == to_string(static_cast<Sound>(i))) return static_cast<Sound>(i);
    }
    return std::nullopt;
}

}  // namespace highstep::app
