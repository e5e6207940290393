#include "highstep/app/music_follow.h"

#include <cmath>

namespace highstep::app {

MusicState SessionMusic::state(const core::Session& session, bool held) {
    MusicState m;
    m.track = track_;
    if (!m.track) return m;
    const core::HudState& hud = session.hud();
    const core::Level& level = session.level();
    const bool started = hud.phase != core::Phase::count_in || hud.count_in_remaining_s > 0.0;
    m.running = started && !held && !hud.paused_board_lost && hud.phase != core::Phase::finished;
    switch (hud.phase) {
        case core::Phase::count_in: m.section = MusicSection::count_in; break;
        case core::Phase::active: m.section = MusicSection::set; break;
        case core::Phase::rest: m.section = MusicSection::rest; break;
        case core::Phase::finished: m.section = MusicSection::rest; break;
    }
    m.combo = hud.combo;
    const double count_in_s = level.program.count_in_s;
    const core::BeatGrid& grid = session.beat_grid();
    if (grid.active() && level.has_beat()) {
        // The judged grid itself: the music's beat is the beat reps are judged on.
        m.beat0_s = grid.start_s;
        m.bpm = grid.bpm;
    } else {
        // No judged beat (a balance level): the track's own tempo, laid out as the
        // session lays out a beat, so the count-in still ends on a beat.
        m.bpm = m.track->tempo_bpm;
        if (!own_beat0_s_ && started) {
            const double start_s = hud.t_s - (count_in_s - hud.count_in_remaining_s);
            const double period = 60.0 / m.bpm;
            own_beat0_s_ = start_s + count_in_s - std::floor(count_in_s / period + 1e-9) * period;
        }
        m.beat0_s = own_beat0_s_.value_or(0.0);
    }
    const double period = 60.0 / m.bpm;
    m.count_in_end_beat = static_cast<long>(std::floor(count_in_s / period + 1e-9));
    return m;
}

MusicState music_for_menu(std::shared_ptr<const MusicTrack> track) {
    MusicState m;
    m.running = track != nullptr;
    m.track = std::move(track);
    m.section = MusicSection::menu;
    return m;
}

std::shared_ptr<const MusicTrack> shared_track(const MusicLibrary& library, std::string_view use) {
    const MusicTrack* t = library.track_for(use);
    return t ? std::make_shared<const MusicTrack>(*t) : nullptr;
}

}  // namespace highstep::app
