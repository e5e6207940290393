#pragma once
// The game's scenes in-process, without a window: a real AppContext (scene stack,
// silent audio, a board link, a real SQLite database in a scratch folder unique to
// this process) and a loop that does what GameApp::run does each frame except
// drawing. Tests drive scenes with Actions (or through the real InputMapper) and
// read the database the game wrote.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "app_context.h"
#include "board_link.h"
#include "highstep/app/audio.h"
#include "highstep/app/fixed_step.h"
#include "highstep/app/scene_stack.h"
#include "highstep/store/database.h"
#include "highstep/synth/simulated_board.h"

namespace highstep::app::testing {

class ScratchDir {
public:
    ScratchDir() {
        static int counter = 0;
        path_ = std::filesystem::temp_directory_path() /
                ("highstep-app-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~ScratchDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

inline std::unique_ptr<Audio> silent_audio() {
    AudioSettings s;
    s.enabled = false;
    return open_audio(s);
}

class AppHarness {
public:
    // Makes the board from the harness's wall clock (a replay paces itself by it).
    using SourceMaker = std::function<std::unique_ptr<SampleSource>(std::function<double()> wall_clock)>;

    // `make_source` gives the board; none gives the simulated board (sim() drives it).
    explicit AppHarness(const SourceMaker& make_source = {})
        : initial_(make_board(make_source, wall_)),
          db_(std::make_unique<store::Database>(dir_.path() / "highstep.db")),
          audio_(silent_audio()),
          board_(std::move(initial_.source), initial_.sim),
          ctx_(scenes_, *audio_, board_) {
        ctx_.db = db_.get();
    }
    ~AppHarness() {
        scenes_.reset(nullptr);
        scenes_.apply_pending();
    }

    AppContext& ctx() { return ctx_; }
    SceneStack& scenes() { return scenes_; }
    store::Database& db() { return *db_; }
    BoardLink& board() { return board_; }
    synth::SimulatedBoard* sim() { return initial_.sim; }
    const std::filesystem::path& dir() const { return dir_.path(); }
    std::string top() const { return std::string(scenes_.top_id()); }
    std::string probe(const std::string& key) const { return scenes_.top() ? scenes_.top()->probe(key) : std::string{}; }

    // A new player in the database, chosen at the board (ctx().player).
    store::Player choose_new_player(const std::string& name) {
        store::Player p;
        p.name = name;
        p.id = store::add_player(*db_, p);
        ctx_.player = PlayerProfile{};
        ctx_.player->player = p;
        return p;
    }

    void open(std::unique_ptr<Scene> scene) {
        scenes_.push(std::move(scene));
        scenes_.apply_pending();
    }
    // One action to the top scene; queued scene changes applied (as between frames).
    void act(Action a) {
        scenes_.dispatch(a);
        scenes_.apply_pending();
    }
    void act(Action a, int times) {
        for (int i = 0; i < times; ++i) act(a);
    }

    // One frame of `frame_s` on the game clock: board polled (board-menu actions go to
    // scenes that want them, plus `extra`), the top scene's frame and fixed steps.
    void frame(double frame_s = 1.0 / 60.0, const std::vector<Action>& extra = {}) {
        *wall_ += frame_s;
        const int steps = clock_.advance(frame_s);
        const double now = clock_.sim_time_s() + clock_.alpha() * clock_.step_s();
        ctx_.now_s = now;
        std::vector<Action> actions = extra;
        std::vector<Action> nav;
        // Samples restamped onto the game clock, which started at 0 when the wall read kWallStart_s.
        board_.poll(*wall_, -kWallStart_s, nav);
        if (scenes_.top() && scenes_.top()->wants_board_nav()) actions.insert(actions.end(), nav.begin(), nav.end());
        for (Action a : actions) scenes_.dispatch(a);
        scenes_.frame(now);
        const double first_step_end = clock_.sim_time_s() - (steps - 1) * clock_.step_s();
        for (int i = 0; i < steps; ++i) {
            ctx_.step_end_s = first_step_end + i * clock_.step_s();
            scenes_.step(clock_.step_s());
        }
        scenes_.apply_pending();
    }
    // Frames until `done` or `max_s` of game time; true if done.
    bool run_until(const std::function<bool()>& done, double max_s) {
        for (double t = 0; t < max_s; t += 1.0 / 60.0) {
            if (done()) return true;
            frame();
        }
        return done();
    }
private:
    struct Board {
        std::unique_ptr<SampleSource> source;
        synth::SimulatedBoard* sim = nullptr;
    };
    static Board make_board(const SourceMaker& make_source, const std::shared_ptr<double>& wall) {
        Board b;
        if (make_source) {
            b.source = make_source([wall] { return *wall; });
        } else {
            auto sim = std::make_unique<synth::SimulatedBoard>();
            b.sim = sim.get();
            b.source = std::move(sim);
        }
        return b;
    }

    // A monotonic wall clock that is not near 0, as a real one; moved by frame().
    static constexpr double kWallStart_s = 1000.0;
    std::shared_ptr<double> wall_ = std::make_shared<double>(kWallStart_s);
    Board initial_;
    ScratchDir dir_;
    std::unique_ptr<store::Database> db_;
    std::unique_ptr<Audio> audio_;
    BoardLink board_;
    SceneStack scenes_;
    AppContext ctx_;
    FixedStepClock clock_;
};

}  // namespace highstep::app::testing
