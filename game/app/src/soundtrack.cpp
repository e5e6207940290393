#include "highstep/app/soundtrack.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <stdexcept>

#include "highstep/app/cue_sounds.h"
#include "highstep/app/music_follow.h"

namespace highstep::app {

namespace {

// Renders up to each cue's time, plays it there, then up to the session's time
// with the music following the session's state.
void emit(core::Session& session, LoopbackAudio& audio, SessionMusic& music, bool with_music, std::vector<float>& out) {
    for (const core::SoundCue& cue : session.take_cues()) {
        audio.render_until(cue.t_s, out);
        // With music the music's beat is the metronome (as in the window).
        if (with_music && cue.kind == core::CueKind::tick) continue;
        play_cue(audio, cue);
    }
    audio.set_music(music.state(session));
    audio.render_until(session.hud().t_s, out);
}

void put_u32(std::ofstream& f, std::uint32_t v) {
    const char b[4] = {static_cast<char>(v & 0xff), static_cast<char>((v >> 8) & 0xff),
                       static_cast<char>((v >> 16) & 0xff), static_cast<char>((v >> 24) & 0xff)};
    f.write(b, 4);
}
void put_u16(std::ofstream& f, std::uint16_t v) {
    const char b[2] = {static_cast<char>(v & 0xff), static_cast<char>((v >> 8) & 0xff)};
    f.write(b, 2);
}

}  // namespace

Soundtrack play_with_soundtrack(const core::Level& level, const std::vector<BoardSample>& samples,
                                const core::SessionSettings& settings, const SoundtrackOptions& options) {
    AudioSettings audio_settings;
    audio_settings.rate_hz = options.rate_hz;  // master gain as in the game: what the player hears
    audio_settings.music = options.track != nullptr;
    audio_settings.soundfont = options.soundfont;
    auto audio = open_loopback_audio(audio_settings);
    audio->set_volumes(options.volumes);
    SessionMusic music(audio->has_music() ? options.track : nullptr);
    const bool with_music = music.track() && !options.volumes.muted && options.volumes.music > 0.0f;

    Soundtrack out;
    out.rate_hz = options.rate_hz;
    out.music_status = audio->music_status();
    // The same calls in the same order as core::run_headless().
    core::Session session(level, settings);
    for (const BoardSample& s : samples) {
        session.push_sample(s);
        session.advance_to(s.t_s);
        emit(session, *audio, music, with_music, out.stereo);
    }
    if (!samples.empty()) session.advance_to(samples.back().t_s + settings.step_s);
    session.finish();
    emit(session, *audio, music, with_music, out.stereo);
    audio->render_until(session.hud().t_s + options.tail_s, out.stereo);
    out.result = session.result();
    return out;
}

void write_wav(const std::filesystem::path& path, const std::vector<float>& stereo, int rate_hz) {
    std::ofstream f(path, std::ios::binary);
    if (!f) throw std::runtime_error(path.string() + ": cannot open for writing");
    const auto data_bytes = static_cast<std::uint32_t>(stereo.size() * 2);
    f.write("RIFF", 4);
    put_u32(f, 36 + data_bytes);
    f.write("WAVEfmt ", 8);
    put_u32(f, 16);
    put_u16(f, 1);  // PCM
    put_u16(f, 2);  // stereo
    put_u32(f, static_cast<std::uint32_t>(rate_hz));
    put_u32(f, static_cast<std::uint32_t>(rate_hz) * 4);
    put_u16(f, 4);
    put_u16(f, 16);
    f.write("data", 4);
    put_u32(f, data_bytes);
    std::vector<char> bytes(stereo.size() * 2);
    for (std::size_t i = 0; i < stereo.size(); ++i) {
        const auto v = static_cast<std::int16_t>(std::lround(std::clamp(stereo[i], -1.0f, 1.0f) * 32767.0f));
        bytes[2 * i] = static_cast<char>(v & 0xff);
        bytes[2 * i + 1] = static_cast<char>((v >> 8) & 0xff);
    }
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!f) throw std::runtime_error(path.string() + ": write failed");
}

}  // namespace highstep::app
