// bench_frame: how fast the game draws and how quickly it acts on the board.
//
// Runs the real game (GameApp, the real scenes, SDL's software renderer at
// 1280x720) on a recording played as the board in real time, drives it from the
// title into a level with its --script hook, and measures every frame of the
// play scene:
//   frame time     wall time from the frame's start to after present
//   latency        from the arrival stamp of the sample that completes a rep to
//                  the present of the frame whose HUD shows the rep; also in
//                  frames (0 = acted on in the same frame that took the sample,
//                  i.e. the first frame after it arrived)
//   contact        from the arrival stamp of the sample that makes a judged moment
//                  known (a step-up's contact, a knee drive's foot-off) to the present
//                  of the frame that shows and sounds its judgement
// The sample that completes each rep is found by replaying the recording
// through a headless core::Session one sample at a time, exactly as the play
// scene feeds it (advanced one step past each sample).
//
//   SDL_VIDEODRIVER=offscreen ALSOFT_DRIVERS=null bench_frame [--level ID] [--replay FILE.csv] [--reps N]
//                                                             [--frames-csv OUT.csv]
// --frames-csv writes every play-scene frame (index, wall and CPU ms, reps shown,
// samples taken, CLOCK_MONOTONIC at its end) to look at where the slow frames fall;
// `perf record -k CLOCK_MONOTONIC` stamps its samples on the same clock.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include <unistd.h>

#include "highstep/app/game_app.h"
#include "highstep/core/level/level_file.h"
#include "highstep/core/session/session.h"
#include "highstep/input/recording.h"

namespace fs = std::filesystem;
using namespace highstep;

namespace {

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0.0;
    std::sort(v.begin(), v.end());
    const double idx = p / 100.0 * static_cast<double>(v.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(idx));
    const auto hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (v[hi] - v[lo]) * (idx - static_cast<double>(lo));
}

// Index of the sample after which each rep is counted, in a headless session fed
// the way the play scene feeds it.
// The session starts at sample `first` (the first one the play scene took).
struct Triggers {
    std::vector<std::size_t> reps;        // the sample after which rep k is counted
    std::vector<std::size_t> judgements;  // the sample after which judgement k is shown and heard
};

Triggers triggers_of(const core::Level& level, const std::vector<BoardSample>& samples, std::size_t first) {
    core::Session session(level);
    const double step_s = core::SessionSettings{}.step_s;
    Triggers out;
    int reps = 0;
    for (std::size_t i = first; i < samples.size(); ++i) {
        session.push_sample(samples[i]);
        session.advance_to(samples[i].t_s + step_s);
        while (session.hud().reps_done_total > reps) {
            ++reps;
            out.reps.push_back(i);
        }
        for (const core::SoundCue& c : session.take_cues()) {
            if (c.kind == core::CueKind::judgement) out.judgements.push_back(i);
        }
    }
    return out;
}

class Recorder final : public app::FrameObserver {
public:
    struct Frame {
        long long index;
        double work_s;
        double cpu_s;
        double present_s;
        std::size_t samples_before;  // samples polled before this frame
        std::size_t samples_after;
        int reps;
        int judgements;
        bool play;
        long long mono_ns = 0;
    };
    std::vector<Frame> frames;
    std::vector<double> arrivals_s;  // every sample's arrival stamp, in polling order

    void on_frame(const app::FrameReport& r) override {
        Frame f{r.index, r.work_s, r.cpu_s, r.present_game_s, arrivals_s.size(), 0, 0, 0, r.scene == "play"};
        f.mono_ns = std::chrono::steady_clock::now().time_since_epoch().count();
        arrivals_s.insert(arrivals_s.end(), r.sample_t_s.begin(), r.sample_t_s.end());
        f.samples_after = arrivals_s.size();
        f.reps = r.reps.empty() ? 0 : std::atoi(r.reps.c_str());
        f.judgements = r.judgements.empty() ? 0 : std::atoi(r.judgements.c_str());
        frames.push_back(f);
    }
};

}  // namespace

int main(int argc, char** argv) {
    std::string level_id = "hill-1";
    fs::path replay = fs::path(HIGHSTEP_TEST_DATA_DIR) / "golden" / "hill-1-full-program.csv";
    int reps_wanted = 12;
    std::optional<fs::path> frames_csv;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--level") level_id = argv[i + 1];
        else if (a == "--replay") replay = argv[i + 1];
        else if (a == "--reps") reps_wanted = std::atoi(argv[i + 1]);
        else if (a == "--frames-csv") frames_csv = argv[i + 1];
        else {
            std::fprintf(stderr, "usage: bench_frame [--level ID] [--replay FILE.csv] [--reps N] [--frames-csv OUT.csv]\n");
            return 2;
        }
    }
    try {
        const fs::path levels_dir = fs::path(HIGHSTEP_SOURCE_DIR) / "levels";
        const core::Level level = core::load_level_file(levels_dir / (level_id + ".json"));
        const Recording rec = read_recording(replay);
        if (triggers_of(level, rec.samples, 0).reps.empty()) {
            std::fprintf(stderr, "bench_frame: the recording gives no reps on %s\n", level_id.c_str());
            return 1;
        }

        const fs::path dir = fs::temp_directory_path() / ("highstep-bench-" + std::to_string(::getpid()));
        fs::create_directories(dir);
        // Title → (player given) board check, skipped → level select, the level's tab → play.
        int tab = level.type == core::LevelType::hill_climb ? 0 : level.type == core::LevelType::sprint_start ? 1 : 2;
        int row = 0;
        {
            core::LevelDirectory all = core::load_level_directory(levels_dir);
            std::vector<const core::Level*> same;
            for (const auto& l : all.levels) if (l.type == level.type) same.push_back(&l);
            std::stable_sort(same.begin(), same.end(), [](auto* a, auto* b) { return a->difficulty < b->difficulty; });
            for (std::size_t k = 0; k < same.size(); ++k) if (same[k]->id == level.id) row = static_cast<int>(k);
        }
        std::ofstream script(dir / "script.txt");
        script << "key Return\nwait_scene weigh_in\nkey Return\nwait_scene levels\n";
        for (int k = 0; k < tab; ++k) script << "key Right\n";
        for (int k = 0; k < row; ++k) script << "key Down\n";
        script << "key Return\nwait_scene play\nwait_probe reps >= " << reps_wanted << " 600\nwait 0.5\nquit\n";
        script.close();

        Recorder recorder;
        app::GameOptions o;
        o.replay = replay;
        o.script = dir / "script.txt";
        o.db = dir / "bench.db";
        o.levels_dir = levels_dir;
        o.player = "Bench";
        o.software_renderer = true;
        o.mute = std::getenv("ALSOFT_DRIVERS") == nullptr;  // sound only where a (null) driver was chosen
        o.width = 1280;
        o.height = 720;
        o.observer = &recorder;
        const int code = app::run_game_window(o);
        fs::remove_all(dir);
        if (code != 0) {
            std::fprintf(stderr, "bench_frame: the game run failed (exit %d)\n", code);
            return 1;
        }

        // Frame time over the play scene.
        std::vector<double> frame_ms, cpu_ms;
        for (const auto& f : recorder.frames) {
            if (!f.play) continue;
            frame_ms.push_back(f.work_s * 1000.0);
            cpu_ms.push_back(f.cpu_s * 1000.0);
        }
        if (frames_csv) {
            std::ofstream out(*frames_csv);
            out << "frame,work_ms,cpu_ms,reps,samples,end_mono_ns\n";
            for (const auto& f : recorder.frames) {
                if (!f.play) continue;
                out << f.index << ',' << f.work_s * 1000.0 << ',' << f.cpu_s * 1000.0 << ',' << f.reps << ','
                    << f.samples_after - f.samples_before << ',' << f.mono_ns << '\n';
            }
            if (!out) {
                std::fprintf(stderr, "bench_frame: could not write %s\n", frames_csv->c_str());
                return 1;
            }
        }
        // Latency per rep: find the frame whose HUD first shows rep i and the
        // frame that polled its trigger sample. The replay is polled from its first
        // sample, so the game's sample index is the recording's; the play scene's
        // session began with the first sample of the first play frame.
        std::size_t play_first_sample = 0;
        for (const auto& f : recorder.frames) if (f.play) { play_first_sample = f.samples_before; break; }
        const Triggers triggers = triggers_of(level, rec.samples, play_first_sample);
        // From the arrival of trigger sample k to the present of the first frame whose count
        // (reps or judgements) reaches k.
        auto latencies = [&](const std::vector<std::size_t>& trig, auto count_of, std::vector<double>& ms,
                             std::vector<double>& frames) {
            int seen = 0;
            for (const auto& f : recorder.frames) {
                if (!f.play) continue;
                while (seen < count_of(f) && seen < static_cast<int>(trig.size())) {
                    const std::size_t game_index = trig[static_cast<std::size_t>(seen)];
                    ++seen;
                    if (game_index >= recorder.arrivals_s.size()) continue;
                    const auto arrival_frame = std::find_if(recorder.frames.begin(), recorder.frames.end(),
                                                            [&](const auto& g) { return g.samples_after > game_index; });
                    ms.push_back((f.present_s - recorder.arrivals_s[game_index]) * 1000.0);
                    frames.push_back(static_cast<double>(f.index - arrival_frame->index));
                }
            }
        };
        std::vector<double> latency_ms, latency_frames, contact_ms, contact_frames;
        latencies(triggers.reps, [](const Recorder::Frame& f) { return f.reps; }, latency_ms, latency_frames);
        latencies(triggers.judgements, [](const Recorder::Frame& f) { return f.judgements; }, contact_ms, contact_frames);
        std::printf("bench_frame: level %s, replay %s, %zu play frames, %zu reps\n", level.id.c_str(),
                    replay.filename().c_str(), frame_ms.size(), latency_ms.size());
        std::printf("  frame time      median %.2f ms   p99 %.2f ms   max %.2f ms\n", percentile(frame_ms, 50),
                    percentile(frame_ms, 99), percentile(frame_ms, 100));
        std::printf("  frame CPU time  median %.2f ms   p99 %.2f ms   (the game thread alone; wall time above includes waiting for a shared CPU)\n",
                    percentile(cpu_ms, 50), percentile(cpu_ms, 99));
        std::printf("  input->action   median %.2f ms   p99 %.2f ms   (frames after the sample's frame: median %.0f, max %.0f)\n",
                    percentile(latency_ms, 50), percentile(latency_ms, 99), percentile(latency_frames, 50),
                    percentile(latency_frames, 100));
        std::printf("  contact->judgement median %.2f ms   p99 %.2f ms   max %.2f ms   (%zu judgements; frames after the sample's frame: median %.0f, max %.0f)\n",
                    percentile(contact_ms, 50), percentile(contact_ms, 99), percentile(contact_ms, 100), contact_ms.size(),
                    percentile(contact_frames, 50), percentile(contact_frames, 100));
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_frame: %s\n", e.what());
        return 1;
    }
}
