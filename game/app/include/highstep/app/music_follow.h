#pragma once
// What the music should play for a play session at this moment: the level's track,
// on the session's judged beat grid, in the section of the program's phase, with
// the combo that decides the layers. One function for the window and for
// `highstep play --audio-out`, so both hear the same music.
#include <memory>
#include <optional>
#include <string_view>

#include "highstep/app/music_renderer.h"
#include "highstep/core/session/session.h"

namespace highstep::app {

class SessionMusic {
public:
    explicit SessionMusic(std::shared_ptr<const MusicTrack> track) : track_(std::move(track)) {}
    // `held`: the game is paused by the player (the session is not being advanced).
    MusicState state(const core::Session& session, bool held = false);
    const std::shared_ptr<const MusicTrack>& track() const { return track_; }

private:
    std::shared_ptr<const MusicTrack> track_;
    std::optional<double> own_beat0_s_;  // a level with no beat: the grid the music made up
};

// The menu track, free-running at its own tempo.
MusicState music_for_menu(std::shared_ptr<const MusicTrack> track);

// The track for a level type ("hill_climb", ...) or "menu" from `library`, shared.
std::shared_ptr<const MusicTrack> shared_track(const MusicLibrary& library, std::string_view use);

}  // namespace highstep::app
