// The effects' FluidSynth side (the music's is music_renderer.cpp). Each cue is
// rendered on its own from silence: every voice is cut before it starts, and there
// is no reverb or chorus whose tail would carry one cue into the next.
#include "highstep/app/sound_render.h"

#include <fluidsynth.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "fluid_quiet.h"

namespace highstep::app {

namespace {

constexpr int kBlock = 64;             // FluidSynth's block: a note starts on one
constexpr double kFadeOut_s = 0.005;   // the cut at `length` is faded, never a click

struct Event {
    long long block = 0;
    bool on = false;
    int channel = 0;
    int key = 0;
    int velocity = 0;
};

struct Fluid {
    fluid_settings_t* settings = nullptr;
    fluid_synth_t* synth = nullptr;
    ~Fluid() {
        if (synth) delete_fluid_synth(synth);
        if (settings) delete_fluid_settings(settings);
    }
};

std::vector<float> render_one(fluid_synth_t* synth, const SoundEffect& e, int rate_hz) {
    fluid_synth_all_sounds_off(synth, -1);
    const auto frames = static_cast<std::size_t>(std::llround(e.length_s * rate_hz));
    std::vector<Event> events;
    auto block_of = [&](double t_s) { return std::llround(t_s * rate_hz / kBlock); };
    for (const SoundNote& n : e.notes) {
        events.push_back({block_of(n.at_s), true, n.instrument, n.key, n.velocity});
        events.push_back({block_of(n.at_s + n.hold_s), false, n.instrument, n.key, 0});
    }
    // Offs before ons in the same block, so a repeated key is not cut by its own release.
    std::stable_sort(events.begin(), events.end(),
                     [](const Event& a, const Event& b) { return a.block != b.block ? a.block < b.block : !a.on && b.on; });
    std::vector<float> pcm(frames + kBlock, 0.0f);
    std::array<float, kBlock> left{}, right{};
    std::size_t next = 0;
    for (long long k = 0; static_cast<std::size_t>(k * kBlock) < frames; ++k) {
        for (; next < events.size() && events[next].block <= k; ++next) {
            const Event& ev = events[next];
            if (ev.on) fluid_synth_noteon(synth, ev.channel, ev.key, ev.velocity);
            else fluid_synth_noteoff(synth, ev.channel, ev.key);
        }
        fluid_synth_write_float(synth, kBlock, left.data(), 0, 1, right.data(), 0, 1);
        for (int i = 0; i < kBlock; ++i) {
            pcm[static_cast<std::size_t>(k * kBlock + i)] = 0.5f * (left[static_cast<std::size_t>(i)] + right[static_cast<std::size_t>(i)]);
        }
    }
    pcm.resize(frames);
    fluid_synth_all_sounds_off(synth, -1);
    return pcm;
}

}  // namespace

SoundBank render_sounds(const SoundEffects& effects, const std::filesystem::path& soundfont, int rate_hz) {
    quiet_fluid_logs();
    const std::string font = soundfont.string();
    Fluid f;
    f.settings = new_fluid_settings();
    if (!f.settings) throw SoundsError(font + ":0: FluidSynth could not start");
    fluid_settings_setnum(f.settings, "synth.sample-rate", rate_hz);
    fluid_settings_setint(f.settings, "synth.reverb.active", 0);
    fluid_settings_setint(f.settings, "synth.chorus.active", 0);
    fluid_settings_setint(f.settings, "synth.polyphony", 64);
    fluid_settings_setint(f.settings, "synth.cpu-cores", 1);
    fluid_settings_setint(f.settings, "synth.threadsafe-api", 0);
    f.synth = new_fluid_synth(f.settings);
    if (!f.synth) throw SoundsError(font + ":0: FluidSynth could not start");
    const int sfont_id = fluid_synth_sfload(f.synth, font.c_str(), 1);
    if (sfont_id == FLUID_FAILED) throw SoundsError(font + ":0: not a SoundFont FluidSynth can load");
    for (std::size_t ch = 0; ch < effects.instruments.size(); ++ch) {
        const SoundInstrument& in = effects.instruments[ch];
        const int channel = static_cast<int>(ch);
        fluid_synth_set_channel_type(f.synth, channel, in.bank == 128 ? CHANNEL_TYPE_DRUM : CHANNEL_TYPE_MELODIC);
        fluid_synth_program_select(f.synth, channel, static_cast<unsigned>(sfont_id), static_cast<unsigned>(in.bank),
                                   static_cast<unsigned>(in.program));
        fluid_synth_cc(f.synth, channel, 7, 127);  // full channel volume: the level is the sound's `peak`
        fluid_synth_cc(f.synth, channel, 91, 0);
        fluid_synth_cc(f.synth, channel, 93, 0);
    }
    SoundBank bank;
    for (int i = 0; i < kSoundCount; ++i) {
        const SoundEffect& e = effects.sounds[static_cast<std::size_t>(i)];
        std::vector<float> pcm = render_one(f.synth, e, rate_hz);
        float peak = 0.0f;
        for (float v : pcm) peak = std::max(peak, std::abs(v));
        if (peak < 1e-4f) {
            throw SoundsError(std::string(effects.source).append(":").append(std::to_string(e.line))
                                  .append(": sound '").append(to_string(static_cast<Sound>(i)))
                                  .append("' is silent with ").append(font).append(" (a key its instrument has no sound on?)"));
        }
        const auto fade = std::min(pcm.size(), static_cast<std::size_t>(kFadeOut_s * rate_hz));
        const float scale = static_cast<float>(e.peak) / peak;
        for (std::size_t k = 0; k < pcm.size(); ++k) {
            const std::size_t from_end = pcm.size() - 1 - k;
            const float ramp = from_end < fade ? static_cast<float>(from_end) / static_cast<float>(fade) : 1.0f;
            pcm[k] *= scale * ramp;
        }
        bank[static_cast<std::size_t>(i)] = std::move(pcm);
    }
    return bank;
}

}  // namespace highstep::app
