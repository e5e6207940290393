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
                                const core::SessionSettings& settings, const SoundtrackOptions& options,
                                const std::filesystem::path& wav) {
    WavWriter writer(wav, options.rate_hz);
    std::vector<float> pcm;  // rendered, not yet written
    AudioSettings audio_settings;
    audio_settings.rate_hz = options.rate_hz;  // master gain as in the game: what the player hears
    audio_settings.music = options.track != nullptr;
    audio_settings.soundfont = options.soundfont;
    audio_settings.effects = options.effects;
    auto audio = open_loopback_audio(audio_settings);
    audio->set_volumes(options.volumes);
    SessionMusic music(audio->has_music() ? options.track : nullptr);
    const bool with_music = music.track() && !options.volumes.muted && options.volumes.music > 0.0f;

    Soundtrack out;
    out.music_status = audio->music_status();
    out.has_effects = audio->has_effects();
    out.effects_status = audio->effects_status();
    // The same calls in the same order as core::run_headless().
    core::Session session(level, settings);
    for (const BoardSample& s : samples) {
        session.push_sample(s);
        session.advance_to(s.t_s);
        emit(session, *audio, music, with_music, pcm);
        if (pcm.size() >= 1 << 16) {
            writer.write(pcm);
            pcm.clear();
        }
    }
    if (!samples.empty()) session.advance_to(samples.back().t_s + settings.step_s);
    session.finish();
    emit(session, *audio, music, with_music, pcm);
    audio->render_until(session.hud().t_s + options.tail_s, pcm);
    writer.write(pcm);
    writer.close();
    out.result = session.result();
    return out;
}

WavWriter::WavWriter(const std::filesystem::path& path, int rate_hz)
    : path_(path), file_(path, std::ios::binary), rate_hz_(rate_hz) {
    if (!file_) throw std::runtime_error(path.string() + ": cannot open for writing");
    file_.write("RIFF", 4);
    put_u32(file_, 36);  // sizes are filled in by close()
    file_.write("WAVEfmt ", 8);
    put_u32(file_, 16);
    put_u16(file_, 1);  // PCM
    put_u16(file_, 2);  // stereo
    put_u32(file_, static_cast<std::uint32_t>(rate_hz_));
    put_u32(file_, static_cast<std::uint32_t>(rate_hz_) * 4);
    put_u16(file_, 4);
    put_u16(file_, 16);
    file_.write("data", 4);
    put_u32(file_, 0);
}

void WavWriter::write(const std::vector<float>& stereo) {
    std::vector<char> bytes(stereo.size() * 2);
    for (std::size_t i = 0; i < stereo.size(); ++i) {
        const auto v = static_cast<std::int16_t>(std::lround(std::clamp(stereo[i], -1.0f, 1.0f) * 32767.0f));
        bytes[2 * i] = static_cast<char>(v & 0xff);
        bytes[2 * i + 1] = static_cast<char>((v >> 8) & 0xff);
    }
    file_.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    data_bytes_ += static_cast<std::uint32_t>(bytes.size());
}

void WavWriter::close() {
    file_.seekp(4);
    put_u32(file_, 36 + data_bytes_);
    file_.seekp(40);
    put_u32(file_, data_bytes_);
    file_.close();
    if (!file_) throw std::runtime_error(path_.string() + ": write failed");
}

}  // namespace highstep::app
