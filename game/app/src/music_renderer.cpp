// The one file that talks to FluidSynth. The composition is ours (music_score.h);
// FluidSynth and a General MIDI SoundFont only turn its notes into sound.
//
// Timing: FluidSynth renders in blocks of 64 samples and a note-on takes effect at
// the next block it renders. So this file always asks it for exactly one block and
// sends each note at the block boundary nearest its session time: an onset is never
// off by more than half a block, and never drifts (times come from the beat grid,
// not from adding up block lengths).
#include "highstep/app/music_renderer.h"

#include <fluidsynth.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <map>
#include <vector>

#include "fluid_quiet.h"

namespace highstep::app {

namespace {

constexpr int kBlock = 64;            // FluidSynth's internal block (FLUID_BUFSIZE)
constexpr double kSynthGain = 1.0;    // master gain inside FluidSynth: the music sits under the cues (peaks ~0.3)

struct NoteEvent {
    bool on = false;
    int channel = 0;
    int key = 0;
    int velocity = 0;
};

long long floor_mod(long long a, long long m) { return ((a % m) + m) % m; }

}  // namespace

std::filesystem::path find_soundfont() {
    if (const char* env = std::getenv("HIGHSTEP_SOUNDFONT"); env && *env) return env;
    const std::filesystem::path dir = "/usr/share/sounds/sf2";
    for (const char* name : {"FluidR3_GM.sf2", "TimGM6mb.sf2", "default-GM.sf2"}) {
        std::error_code ec;
        if (std::filesystem::is_regular_file(dir / name, ec)) return dir / name;
    }
    return {};
}

struct MusicRenderer::Impl {
    int rate_hz;
    fluid_settings_t* settings = nullptr;
    fluid_synth_t* synth = nullptr;
    int sfont_id = -1;

    MusicState state;
    double offset_s = 0.0;
    long long next_block = 0;
    std::array<float, 2 * kBlock> block{};
    int block_used = kBlock;  // frames of `block` already handed out

    // What is playing.
    std::shared_ptr<const MusicTrack> track;
    std::optional<long long> next_beat;  // the next beat to schedule
    long long last_beat = -1;            // the last beat scheduled: never sent twice
    double grid_beat0_s = 0.0, grid_bpm = 0.0;
    std::optional<double> free_beat0_s;  // a free-running track's beat 0 (menus)
    std::optional<MusicSection> section;
    long long anchor_beat = 0;           // beat the section's parts start from
    std::vector<int> active_parts;
    std::multimap<double, NoteEvent> events;  // by session time
    bool sounding = false;

    Impl(const std::filesystem::path& soundfont, int rate) : rate_hz(rate) {
        quiet_fluid_logs();
        settings = new_fluid_settings();
        if (!settings) throw MusicError(soundfont.string() + ":0: FluidSynth could not start");
        fluid_settings_setnum(settings, "synth.sample-rate", rate);
        fluid_settings_setnum(settings, "synth.gain", kSynthGain);
        fluid_settings_setint(settings, "synth.reverb.active", 1);
        fluid_settings_setint(settings, "synth.chorus.active", 0);
        fluid_settings_setint(settings, "synth.polyphony", 96);
        fluid_settings_setint(settings, "synth.cpu-cores", 1);
        fluid_settings_setint(settings, "synth.threadsafe-api", 0);  // one thread renders
        synth = new_fluid_synth(settings);
        if (!synth) {
            delete_fluid_settings(settings);
            throw MusicError(soundfont.string() + ":0: FluidSynth could not start");
        }
        fluid_synth_set_reverb_group_roomsize(synth, -1, 0.55);
        fluid_synth_set_reverb_group_damp(synth, -1, 0.4);
        fluid_synth_set_reverb_group_width(synth, -1, 0.9);
        fluid_synth_set_reverb_group_level(synth, -1, 0.6);
        sfont_id = fluid_synth_sfload(synth, soundfont.string().c_str(), 1);
        if (sfont_id == FLUID_FAILED) {
            delete_fluid_synth(synth);
            delete_fluid_settings(settings);
            throw MusicError(soundfont.string() + ":0: not a SoundFont FluidSynth can load");
        }
    }
    ~Impl() {
        delete_fluid_synth(synth);
        delete_fluid_settings(settings);
    }

    double frame_time_s(long long frame) const { return static_cast<double>(frame) / rate_hz + offset_s; }
    long long boundary_of(double t_s) const { return std::llround((t_s - offset_s) * rate_hz / kBlock); }

    void release_all() {
        for (int ch = 0; ch < 16; ++ch) fluid_synth_all_notes_off(synth, ch);
        events.clear();
        sounding = false;
    }

    void set_up(const MusicTrack& t) {
        release_all();
        for (const MusicInstrument& in : t.instruments) {
            // Bank 128 holds the percussion kits: any channel can play one.
            fluid_synth_set_channel_type(synth, in.channel, in.bank == 128 ? CHANNEL_TYPE_DRUM : CHANNEL_TYPE_MELODIC);
            fluid_synth_program_select(synth, in.channel, static_cast<unsigned>(sfont_id), static_cast<unsigned>(in.bank),
                                       static_cast<unsigned>(in.program));
            fluid_synth_cc(synth, in.channel, 7, in.volume);
            fluid_synth_cc(synth, in.channel, 10, in.pan);
            fluid_synth_cc(synth, in.channel, 91, in.reverb);
            fluid_synth_cc(synth, in.channel, 93, 0);
        }
    }

    double period_s() const { return 60.0 / (state.bpm > 0.0 ? state.bpm : track->tempo_bpm); }
    double beat_time_s(long long beat) const {
        const double beat0 = state.bpm > 0.0 ? state.beat0_s : free_beat0_s.value_or(0.0);
        return beat0 + static_cast<double>(beat) * period_s();
    }

    void refresh_layers() {
        active_parts.clear();
        for (const MusicLayer& layer : track->section(*section)) {
            if (state.combo < layer.from_combo) continue;
            active_parts.insert(active_parts.end(), layer.parts.begin(), layer.parts.end());
        }
    }

    void schedule_beat(long long beat) {
        if (beat < 0 || beat <= last_beat) return;  // no beats before beat 0; none twice
        last_beat = beat;
        const int meter = track->beats_per_bar;
        // The count-in's end is known in advance: its last beat is the set's first,
        // even when the state that says so has not arrived yet.
        const MusicSection wanted = state.section == MusicSection::count_in && beat >= state.count_in_end_beat
                                        ? MusicSection::set
                                        : state.section;
        if (section != wanted) {
            section = wanted;
            // The count-in's bars end where the first set starts; other sections
            // start their parts on the beat they begin.
            anchor_beat = wanted == MusicSection::count_in ? state.count_in_end_beat : beat;
            refresh_layers();
        } else if (floor_mod(beat - anchor_beat, meter) == 0) {
            refresh_layers();  // layers join (or leave) on a bar line
        }
        const double period = period_s();
        const double t_beat = beat_time_s(beat);
        for (int index : active_parts) {
            const MusicPart& part = track->parts[static_cast<std::size_t>(index)];
            const long long length = std::max(1LL, std::llround(part.length_beats));
            const auto pos = static_cast<double>(floor_mod(beat - anchor_beat, length));
            const int channel = track->instruments[static_cast<std::size_t>(part.instrument)].channel;
            for (const MusicNote& n : part.notes) {
                if (n.beat < pos - 1e-9 || n.beat >= pos + 1.0 - 1e-9) continue;
                const double on_s = t_beat + (n.beat - pos) * period;
                events.emplace(on_s, NoteEvent{true, channel, n.key, n.velocity});
                events.emplace(on_s + n.length_beats * period, NoteEvent{false, channel, n.key, 0});
            }
        }
    }

    void schedule_up_to(long long block_index) {
        const double t0 = frame_time_s(block_index * kBlock);
        if (state.bpm <= 0.0 && !free_beat0_s) free_beat0_s = t0;
        if (!next_beat) {
            // After a start, a pause or a jump: the first beat not yet behind us.
            const double first = std::ceil((t0 - beat_time_s(0)) / period_s() - 0.5 * kBlock / rate_hz / period_s());
            next_beat = static_cast<long long>(first);
            while (*next_beat > 0 && boundary_of(beat_time_s(*next_beat - 1)) >= block_index) --*next_beat;
            while (boundary_of(beat_time_s(*next_beat)) < block_index) ++*next_beat;
        }
        while (boundary_of(beat_time_s(*next_beat)) <= block_index) schedule_beat((*next_beat)++);
    }

    void apply_events_up_to(long long block_index) {
        // Note-offs first, so a note that ends where the same key starts again is
        // not cut by its own release.
        std::vector<NoteEvent> ons;
        auto it = events.begin();
        for (; it != events.end() && boundary_of(it->first) <= block_index; ++it) {
            const NoteEvent& e = it->second;
            if (e.on) ons.push_back(e);
            else fluid_synth_noteoff(synth, e.channel, e.key);
        }
        events.erase(events.begin(), it);
        for (const NoteEvent& e : ons) fluid_synth_noteon(synth, e.channel, e.key, e.velocity);
    }

    void produce_block() {
        const long long k = next_block++;
        if (!state.track || !state.running) {
            // Held, not forgotten: the section and its bars go on where they were.
            if (sounding) release_all();
            next_beat.reset();
        } else {
            if (state.track != track) {
                track = state.track;
                set_up(*track);
                next_beat.reset();
                section.reset();
                free_beat0_s.reset();
                last_beat = -1;
            }
            if (state.bpm > 0.0 && (state.beat0_s != grid_beat0_s || state.bpm != grid_bpm)) {
                grid_beat0_s = state.beat0_s;
                grid_bpm = state.bpm;
                next_beat.reset();
                section.reset();
                last_beat = -1;
            }
            schedule_up_to(k);
            sounding = true;
        }
        apply_events_up_to(k);
        std::array<float, kBlock> left{}, right{};
        fluid_synth_write_float(synth, kBlock, left.data(), 0, 1, right.data(), 0, 1);
        const float gain = std::clamp(state.gain, 0.0f, 1.0f);
        for (int i = 0; i < kBlock; ++i) {
            block[static_cast<std::size_t>(2 * i)] = left[static_cast<std::size_t>(i)] * gain;
            block[static_cast<std::size_t>(2 * i + 1)] = right[static_cast<std::size_t>(i)] * gain;
        }
        block_used = 0;
    }
};

MusicRenderer::MusicRenderer(const std::filesystem::path& soundfont, int rate_hz)
    : impl_(std::make_unique<Impl>(soundfont, rate_hz)) {}
MusicRenderer::~MusicRenderer() = default;

void MusicRenderer::set_state(const MusicState& state) { impl_->state = state; }

void MusicRenderer::set_stream_offset(double offset_s) {
    Impl& m = *impl_;
    if (offset_s == m.offset_s) return;
    // Beats already sent stay sent (last_beat); the next one is found again on the new clock.
    m.offset_s = offset_s;
    m.next_beat.reset();
}

double MusicRenderer::stream_offset_s() const { return impl_->offset_s; }

void MusicRenderer::render(std::span<float> stereo) {
    Impl& m = *impl_;
    std::size_t done = 0;
    while (done < stereo.size()) {
        if (m.block_used == kBlock) m.produce_block();
        const std::size_t take = std::min(stereo.size() - done, static_cast<std::size_t>(2 * (kBlock - m.block_used)));
        std::copy_n(m.block.begin() + 2 * m.block_used, take, stereo.begin() + static_cast<std::ptrdiff_t>(done));
        m.block_used += static_cast<int>(take / 2);
        done += take;
    }
}

long long MusicRenderer::frames_rendered() const {
    return impl_->next_block * kBlock - (kBlock - impl_->block_used);
}

int MusicRenderer::rate_hz() const { return impl_->rate_hz; }

}  // namespace highstep::app
