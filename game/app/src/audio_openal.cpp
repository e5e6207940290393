// The one file that includes the OpenAL headers (STYLE.md: only the audio file
// sees AL/al.h). Mono buffers, one per Sound, rendered once from the effects file
// (sound_render.h); a small pool of sources so overlapping sounds (a click under a
// judgement) both play; one streaming source for the music (audio_music_stream.h).
#include <AL/al.h>
#include <AL/alc.h>
#include <AL/alext.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <optional>
#include <stdexcept>
#include <vector>

#include "audio_music_stream.h"
#include "highstep/app/audio.h"
#include "highstep/app/sound_render.h"

namespace highstep::app {

namespace {

constexpr int kSources = 16;

class SilentAudio final : public Audio {
public:
    explicit SilentAudio(std::string why) : status_(std::move(why)) {}
    void play(Sound, float, float) override {}
    bool active() const override { return false; }
    const std::string& status() const override { return status_; }
    void set_volumes(const Volumes&) override {}
    void set_music(const MusicState&) override {}
    bool has_music() const override { return false; }
    const std::string& music_status() const override { return status_; }
private:
    std::string status_;
};

// Everything after a device is open: context, buffers, sources, play().
class Mixer {
public:
    // `sounds`: the effects' PCM, or none (the effects are then silent).
    Mixer(ALCdevice* device, const ALCint* attributes, const AudioSettings& settings, const SoundBank* sounds)
        : device_(device), has_sounds_(sounds != nullptr) {
        context_ = alcCreateContext(device_, attributes);
        if (!context_ || alcMakeContextCurrent(context_) != ALC_TRUE) {
            if (context_) alcDestroyContext(context_);
            context_ = nullptr;
            throw std::runtime_error("OpenAL could not create a context");
        }
        alListenerf(AL_GAIN, settings.master_gain);
        alGenBuffers(kSoundCount, buffers_.data());
        for (int i = 0; sounds && i < kSoundCount; ++i) {
            const std::vector<float>& pcm = (*sounds)[static_cast<std::size_t>(i)];
            std::vector<ALshort> s16(pcm.size());
            for (std::size_t k = 0; k < pcm.size(); ++k) {
                s16[k] = static_cast<ALshort>(std::lround(std::clamp(pcm[k], -1.0f, 1.0f) * 32767.0f));
            }
            alBufferData(buffers_[static_cast<std::size_t>(i)], AL_FORMAT_MONO16, s16.data(),
                         static_cast<ALsizei>(s16.size() * sizeof(ALshort)), settings.rate_hz);
        }
        alGenSources(kSources, sources_.data());
        for (ALuint s : sources_) alSourcei(s, AL_SOURCE_RELATIVE, AL_TRUE);
        if (alGetError() != AL_NO_ERROR) {
            release();
            throw std::runtime_error("OpenAL could not create buffers and sources");
        }
    }
    ~Mixer() { release(); }
    Mixer(const Mixer&) = delete;
    Mixer& operator=(const Mixer&) = delete;

    bool has_sounds() const { return has_sounds_; }
    void set_effects_gain(float gain) { effects_gain_ = std::clamp(gain, 0.0f, 1.0f); }
    void set_listener_gain(float gain) {
        alcMakeContextCurrent(context_);
        alListenerf(AL_GAIN, gain);
    }

    void play(Sound sound, float pan, float gain) {
        if (!has_sounds_ || effects_gain_ <= 0.0f) return;
        alcMakeContextCurrent(context_);
        // A free source, else the one that has played longest (oldest sound is cut).
        ALuint chosen = sources_[next_];
        for (ALuint s : sources_) {
            ALint state = 0;
            alGetSourcei(s, AL_SOURCE_STATE, &state);
            if (state != AL_PLAYING) { chosen = s; break; }
        }
        next_ = (next_ + 1) % kSources;
        alSourceStop(chosen);
        alSourcei(chosen, AL_BUFFER, static_cast<ALint>(buffers_[static_cast<std::size_t>(sound)]));
        // Place the sound on a half circle in front of the listener: pan -1 is hard left.
        const float p = std::clamp(pan, -1.0f, 1.0f);
        alSource3f(chosen, AL_POSITION, p, 0.0f, -std::sqrt(1.0f - p * p));
        alSourcef(chosen, AL_GAIN, std::clamp(gain, 0.0f, 1.0f) * effects_gain_);
        alSourcePlay(chosen);
    }

private:
    void release() {
        if (!context_) return;
        alcMakeContextCurrent(context_);
        alDeleteSources(kSources, sources_.data());
        alDeleteBuffers(kSoundCount, buffers_.data());
        alcMakeContextCurrent(nullptr);
        alcDestroyContext(context_);
        context_ = nullptr;
    }
    ALCdevice* device_;
    ALCcontext* context_ = nullptr;
    std::array<ALuint, kSoundCount> buffers_{};
    std::array<ALuint, kSources> sources_{};
    int next_ = 0;
    bool has_sounds_ = false;
    float effects_gain_ = 1.0f;
};

// Volumes shared by the device and the loopback output.
class VolumeControl {
public:
    void apply(const Volumes& v, Mixer& mixer, float master_gain) {
        volumes_ = v;
        mixer.set_effects_gain(v.muted ? 0.0f : v.effects);
        mixer.set_listener_gain(v.muted ? 0.0f : master_gain);
    }
    MusicState with_volume(MusicState state) const {
        state.gain = volumes_.muted ? 0.0f : std::clamp(volumes_.music, 0.0f, 1.0f);
        return state;
    }
private:
    Volumes volumes_;
};

std::filesystem::path soundfont_of(const AudioSettings& settings) {
    return settings.soundfont.empty() ? find_soundfont() : settings.soundfont;
}
constexpr const char* kNoSoundFont = "no General MIDI SoundFont found (install timgm6mb-soundfont)";

// The effects rendered from their file, or why there are none (the game then
// plays without them: a missing or bad file is never a crash).
std::optional<SoundBank> open_effects(const AudioSettings& settings, std::string& status) {
    if (settings.effects.empty()) {
        status = "sound effects: off";
        return std::nullopt;
    }
    const std::filesystem::path font = soundfont_of(settings);
    if (font.empty()) {
        status = std::string("sound effects: ").append(kNoSoundFont);
        return std::nullopt;
    }
    try {
        SoundBank bank = render_sounds(load_sounds_file(settings.effects), font, settings.rate_hz);
        status = std::string("sound effects: ").append(settings.effects.string());
        return bank;
    } catch (const SoundsError& e) {
        status = std::string("sound effects: off: ").append(e.what());
        return std::nullopt;
    }
}

// The music renderer, or why there is none (no SoundFont, FluidSynth failed).
std::unique_ptr<MusicRenderer> open_music(const AudioSettings& settings, std::string& status) {
    if (!settings.music) {
        status = "music: off";
        return nullptr;
    }
    const std::filesystem::path font = soundfont_of(settings);
    if (font.empty()) {
        status = std::string("music: ").append(kNoSoundFont);
        return nullptr;
    }
    try {
        auto renderer = std::make_unique<MusicRenderer>(font, settings.rate_hz);
        status = "music: FluidSynth with " + font.string();
        return renderer;
    } catch (const MusicError& e) {
        status = std::string("music: ") + e.what();
        return nullptr;
    }
}

class DeviceAudio final : public Audio {
public:
    DeviceAudio(ALCdevice* device, const AudioSettings& settings) : device_(device), settings_(settings) {
        const ALCint attributes[] = {ALC_FREQUENCY, settings.rate_hz, 0};
        const std::optional<SoundBank> sounds = open_effects(settings, effects_status_);
        try {
            mixer_ = std::make_unique<Mixer>(device_, attributes, settings, sounds ? &*sounds : nullptr);
        } catch (...) {
            alcCloseDevice(device_);
            throw;
        }
        const ALCchar* name = alcGetString(device_, ALC_ALL_DEVICES_SPECIFIER);
        if (!name) name = alcGetString(device_, ALC_DEVICE_SPECIFIER);
        status_ = std::string("sound: OpenAL Soft on ") + (name ? name : "the default device");
        if (auto renderer = open_music(settings, music_status_)) {
            try {
                music_ = std::make_unique<LiveMusicStream>(std::move(renderer), settings.rate_hz);
            } catch (const std::exception& e) {
                music_status_ = std::string("music: ") + e.what();
            }
        }
    }
    ~DeviceAudio() override {
        music_.reset();  // its thread stops before the context goes
        mixer_.reset();
        alcCloseDevice(device_);
    }
    void play(Sound sound, float pan, float gain) override { mixer_->play(sound, pan, gain); }
    bool active() const override { return true; }
    const std::string& status() const override { return status_; }
    void set_volumes(const Volumes& v) override { volumes_.apply(v, *mixer_, settings_.master_gain); }
    void set_music(const MusicState& state) override {
        if (music_) music_->set_state(volumes_.with_volume(state));
    }
    void sync_music(double session_s, double steady_s) override {
        if (music_) music_->sync(session_s, steady_s);
    }
    bool has_music() const override { return music_ != nullptr; }
    const std::string& music_status() const override { return music_status_; }
    bool has_effects() const override { return mixer_->has_sounds(); }
    const std::string& effects_status() const override { return effects_status_; }
    double output_latency_s() const override { return music_ ? music_->latency_s() : 0.0; }
private:
    ALCdevice* device_;
    AudioSettings settings_;
    std::unique_ptr<Mixer> mixer_;
    std::unique_ptr<LiveMusicStream> music_;
    VolumeControl volumes_;
    std::string status_;
    std::string music_status_;
    std::string effects_status_;
};

class LoopbackAudioImpl final : public LoopbackAudio {
public:
    explicit LoopbackAudioImpl(const AudioSettings& settings) : rate_hz_(settings.rate_hz) {
        if (alcIsExtensionPresent(nullptr, "ALC_SOFT_loopback") != ALC_TRUE) {
            throw std::runtime_error("OpenAL has no ALC_SOFT_loopback extension");
        }
        auto open = reinterpret_cast<LPALCLOOPBACKOPENDEVICESOFT>(alcGetProcAddress(nullptr, "alcLoopbackOpenDeviceSOFT"));
        render_ = reinterpret_cast<LPALCRENDERSAMPLESSOFT>(alcGetProcAddress(nullptr, "alcRenderSamplesSOFT"));
        if (!open || !render_) throw std::runtime_error("OpenAL loopback functions not found");
        device_ = open(nullptr);
        if (!device_) throw std::runtime_error("OpenAL could not open a loopback device");
        const ALCint attributes[] = {ALC_FORMAT_CHANNELS_SOFT, ALC_STEREO_SOFT, ALC_FORMAT_TYPE_SOFT, ALC_FLOAT_SOFT,
                                     ALC_FREQUENCY, rate_hz_, 0};
        const std::optional<SoundBank> sounds = open_effects(settings, effects_status_);
        try {
            mixer_ = std::make_unique<Mixer>(device_, attributes, settings, sounds ? &*sounds : nullptr);
            if (auto renderer = open_music(settings, music_status_)) {
                music_ = std::make_unique<SteppedMusicStream>(std::move(renderer), settings.rate_hz);
            }
        } catch (...) {
            music_.reset();
            mixer_.reset();
            alcCloseDevice(device_);
            throw;
        }
        status_ = "sound: OpenAL Soft loopback";
        master_gain_ = settings.master_gain;
    }
    ~LoopbackAudioImpl() override {
        music_.reset();
        mixer_.reset();
        alcCloseDevice(device_);
    }
    void play(Sound sound, float pan, float gain) override { mixer_->play(sound, pan, gain); }
    bool active() const override { return true; }
    const std::string& status() const override { return status_; }
    void set_volumes(const Volumes& v) override { volumes_.apply(v, *mixer_, master_gain_); }
    void set_music(const MusicState& state) override {
        if (music_) music_->set_state(volumes_.with_volume(state));
    }
    bool has_music() const override { return music_ != nullptr; }
    const std::string& music_status() const override { return music_status_; }
    bool has_effects() const override { return mixer_->has_sounds(); }
    const std::string& effects_status() const override { return effects_status_; }
    void sync_music(double session_s, double) override {
        // The frames rendered so far are the output's clock: frame n is n / rate s.
        if (music_) music_->follow(session_s - static_cast<double>(rendered_) / rate_hz_);
    }
    void render(std::span<float> stereo) override {
        const auto frames = static_cast<long long>(stereo.size() / 2);
        // The music stream is fed ahead of the mix, and starts with frame 0: its
        // sample n is mixed into output frame n.
        if (music_) music_->feed_until(rendered_ + frames);
        render_(device_, stereo.data(), static_cast<ALCsizei>(frames));
        rendered_ += frames;
    }
    void render_until(double t_s, std::vector<float>& out) override {
        const long long target = std::llround(t_s * rate_hz_);
        if (target <= rendered_) return;
        const std::size_t at = out.size();
        out.resize(at + static_cast<std::size_t>(2 * (target - rendered_)));
        render(std::span<float>(out).subspan(at));
    }
    long long frames_rendered() const override { return rendered_; }
    int rate_hz() const override { return rate_hz_; }
private:
    int rate_hz_;
    float master_gain_ = 1.0f;
    ALCdevice* device_ = nullptr;
    LPALCRENDERSAMPLESSOFT render_ = nullptr;
    std::unique_ptr<Mixer> mixer_;
    std::unique_ptr<SteppedMusicStream> music_;
    VolumeControl volumes_;
    long long rendered_ = 0;
    std::string status_;
    std::string music_status_;
    std::string effects_status_;
};

}  // namespace

std::unique_ptr<Audio> open_audio(const AudioSettings& settings) {
    if (!settings.enabled) return std::make_unique<SilentAudio>("sound: off (--mute)");
    ALCdevice* device = alcOpenDevice(nullptr);
    if (!device) return std::make_unique<SilentAudio>("sound: no sound device found, playing silently");
    try {
        return std::make_unique<DeviceAudio>(device, settings);
    } catch (const std::exception& e) {
        return std::make_unique<SilentAudio>(std::string("sound: ") + e.what() + ", playing silently");
    }
}

std::unique_ptr<LoopbackAudio> open_loopback_audio(const AudioSettings& settings) {
    return std::make_unique<LoopbackAudioImpl>(settings);
}

}  // namespace highstep::app
