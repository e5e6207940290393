// The one file that includes the OpenAL headers (STYLE.md: only the audio file
// sees AL/al.h). Mono buffers, one per Sound, built once from sounds.cpp; a small
// pool of sources so overlapping sounds (a click under a judgement) both play.
#include <AL/al.h>
#include <AL/alc.h>
#include <AL/alext.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <vector>

#include "highstep/app/audio.h"

namespace highstep::app {

namespace {

constexpr int kSources = 16;

class SilentAudio final : public Audio {
public:
    explicit SilentAudio(std::string why) : status_(std::move(why)) {}
    void play(Sound, float, float) override {}
    bool active() const override { return false; }
    const std::string& status() const override { return status_; }
private:
    std::string status_;
};

// Everything after a device is open: context, buffers, sources, play().
class Mixer {
public:
    Mixer(ALCdevice* device, const ALCint* attributes, const AudioSettings& settings) : device_(device) {
        context_ = alcCreateContext(device_, attributes);
        if (!context_ || alcMakeContextCurrent(context_) != ALC_TRUE) {
            if (context_) alcDestroyContext(context_);
            context_ = nullptr;
            throw std::runtime_error("OpenAL could not create a context");
        }
        alListenerf(AL_GAIN, settings.master_gain);
        alGenBuffers(kSoundCount, buffers_.data());
        for (int i = 0; i < kSoundCount; ++i) {
            const std::vector<float> pcm = synthesize(static_cast<Sound>(i), settings.rate_hz);
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

    void play(Sound sound, float pan, float gain) {
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
        alSourcef(chosen, AL_GAIN, std::clamp(gain, 0.0f, 1.0f));
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
};

class DeviceAudio final : public Audio {
public:
    DeviceAudio(ALCdevice* device, const AudioSettings& settings) : device_(device) {
        const ALCint attributes[] = {ALC_FREQUENCY, settings.rate_hz, 0};
        try {
            mixer_ = std::make_unique<Mixer>(device_, attributes, settings);
        } catch (...) {
            alcCloseDevice(device_);
            throw;
        }
        const ALCchar* name = alcGetString(device_, ALC_ALL_DEVICES_SPECIFIER);
        if (!name) name = alcGetString(device_, ALC_DEVICE_SPECIFIER);
        status_ = std::string("sound: OpenAL Soft on ") + (name ? name : "the default device");
    }
    ~DeviceAudio() override {
        mixer_.reset();
        alcCloseDevice(device_);
    }
    void play(Sound sound, float pan, float gain) override { mixer_->play(sound, pan, gain); }
    bool active() const override { return true; }
    const std::string& status() const override { return status_; }
private:
    ALCdevice* device_;
    std::unique_ptr<Mixer> mixer_;
    std::string status_;
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
        try {
            mixer_ = std::make_unique<Mixer>(device_, attributes, settings);
        } catch (...) {
            alcCloseDevice(device_);
            throw;
        }
        status_ = "sound: OpenAL Soft loopback";
    }
    ~LoopbackAudioImpl() override {
        mixer_.reset();
        alcCloseDevice(device_);
    }
    void play(Sound sound, float pan, float gain) override { mixer_->play(sound, pan, gain); }
    bool active() const override { return true; }
    const std::string& status() const override { return status_; }
    void render(std::span<float> stereo) override {
        render_(device_, stereo.data(), static_cast<ALCsizei>(stereo.size() / 2));
    }
    int rate_hz() const override { return rate_hz_; }
private:
    int rate_hz_;
    ALCdevice* device_ = nullptr;
    LPALCRENDERSAMPLESSOFT render_ = nullptr;
    std::unique_ptr<Mixer> mixer_;
    std::string status_;
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
