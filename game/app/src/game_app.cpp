#include "highstep/app/game_app.h"

#include <SDL.h>

#include <chrono>
#include <ctime>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "app_context.h"
#include "board_link.h"
#include "gfx.h"
#include "highstep/app/audio.h"
#include "highstep/app/music_follow.h"
#include "highstep/app/sound_file.h"
#include "highstep/app/soundtrack.h"
#include "highstep/app/fixed_step.h"
#include "highstep/app/image_file.h"
#include "highstep/app/scene_stack.h"
#include "highstep/core/level/level_file.h"
#include "highstep/hid/board.h"
#include "highstep/input/replay_source.h"
#include "highstep/paths/paths.h"
#include "highstep/store/players.h"
#include "highstep/store/sound_settings.h"
#include "highstep/store/storage_check.h"
#include "highstep/synth/simulated_board.h"
#include "input_map.h"
#include "scenes/scenes.h"
#include "script.h"
#include "sdl_hints.h"
#include "text.h"
#include "widgets.h"

namespace highstep::app {

std::filesystem::path game_assets_dir(const GameOptions& options) {
    return options.data_dir.empty() ? assets_dir_beside(options.levels_dir) : options.data_dir / "assets";
}

namespace {

// The icon from assets/images (a bad or missing file: said once, no icon).
void set_window_icon(SDL_Window* window, const std::filesystem::path& file) {
    try {
        Image icon = load_image_file(file);
        SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormatFrom(icon.rgba.data(), icon.width, icon.height, 32,
                                                                  icon.width * 4, SDL_PIXELFORMAT_RGBA8888);
        if (!surface) return;
        SDL_SetWindowIcon(window, surface);  // SDL keeps its own copy
        SDL_FreeSurface(surface);
    } catch (const ImageError& e) {
        std::fprintf(stderr, "highstep: %s (no window icon)\n", e.what());
    }
}

double thread_cpu_s() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double steady_now_s() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Frames faster than the simulation step are pointless and burn a shared CPU
// when the renderer has no vsync (the software renderer, Xvfb): the loop sleeps
// the rest. At one step per frame or more, every frame advances the session, so
// a sample is always acted on in the frame that polled it.
constexpr double kMinFrame_s = 1.0 / 120.0;

struct SdlSession {
    SdlSession() {
        set_sdl_hints_before_init();  // before the game controller (joystick) subsystem starts
        if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_GAMECONTROLLER | SDL_INIT_EVENTS) != 0) {
            throw std::runtime_error(std::string("cannot open the game window: ") + SDL_GetError() +
                                     " (is a display available? DISPLAY or WAYLAND_DISPLAY must be set)");
        }
        // With no display SDL may fall back to a driver that draws nowhere; a
        // player would see nothing, so say why instead (unless it was asked for,
        // as benchmarks do with SDL_VIDEODRIVER=offscreen).
        const char* driver = SDL_GetCurrentVideoDriver();
        const char* asked = SDL_getenv("SDL_VIDEODRIVER");
        const std::string d = driver ? driver : "";
        if ((d == "offscreen" || d == "dummy" || d == "evdev") && !(asked && *asked)) {
            SDL_Quit();
            throw std::runtime_error("cannot open the game window: no display found (DISPLAY or WAYLAND_DISPLAY is not set)");
        }
    }
    ~SdlSession() { SDL_Quit(); }
    SdlSession(const SdlSession&) = delete;
    SdlSession& operator=(const SdlSession&) = delete;
};

class GameApp final : public ScriptHost {
public:
    GameApp(const GameOptions& options, BoardChoice board, std::optional<Script> script,
            std::shared_ptr<double> virtual_wall);
    ~GameApp() override;
    int run();

    // ScriptHost
    double now_s() const override { return ctx_->now_s; }
    std::string scene_id() const override { return std::string(scenes_.top_id()); }
    std::string probe(const std::string& key) const override {
        if (key == "board_samples") return std::to_string(board_->total_samples());
        return scenes_.top() ? scenes_.top()->probe(key) : std::string{};
    }
    void inject(const SDL_Event& event) override {
        SDL_Event copy = event;
        SDL_PushEvent(&copy);
    }
    void request_screenshot(const std::filesystem::path& path) override { screenshot_ = path; }
    void resize(int w, int h) override { SDL_SetWindowSize(window_, w, h); }

private:
    double wall_now_s();
    void pump_events(std::vector<Action>& actions);
    double event_wall_s(Uint32 timestamp_ms);  // an SDL event's time on the wall clock
    void toggle_fullscreen();
    void save_screenshot(const std::filesystem::path& path);
    InputMode input_mode() const;
    void report_frame(double frame_start, double game_now);
    void follow_player_sound();

    GameOptions options_;
    std::optional<Script> script_;
    SDL_Window* window_ = nullptr;
    SDL_Renderer* renderer_ = nullptr;
    std::unique_ptr<TextRenderer> text_;
    std::unique_ptr<Gfx> gfx_;
    std::unique_ptr<Audio> audio_;
    LoopbackAudio* recording_ = nullptr;   // --audio-out: audio_, rendered into wav_ each frame
    std::unique_ptr<WavWriter> wav_;
    std::vector<float> wav_pcm_;
    std::unique_ptr<BoardLink> board_;
    std::unique_ptr<store::Database> db_;
    SceneStack scenes_;
    std::unique_ptr<AppContext> ctx_;
    InputMapper input_;
    FixedStepClock clock_;
    std::shared_ptr<double> virtual_wall_s_;  // the clock under --fixed-frame
    std::optional<std::filesystem::path> screenshot_;
    int windowed_w_ = 0, windowed_h_ = 0;  // the window's size before full screen
    bool text_input_on_ = false;
    bool quit_ = false;
    int exit_code_ = 0;
    long long frame_index_ = 0;
    std::int64_t sound_player_id_ = 0;  // whose sound settings are in force (0: the defaults)
    double frame_cpu_start_ = 0.0;
};

GameApp::GameApp(const GameOptions& options, BoardChoice board, std::optional<Script> script,
                 std::shared_ptr<double> virtual_wall)
    : options_(options), script_(std::move(script)), virtual_wall_s_(std::move(virtual_wall)),
      windowed_w_(options.width), windowed_h_(options.height) {
    Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    if (options.fullscreen) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    window_ = SDL_CreateWindow("HighStep", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, options.width,
                               options.height, flags);
    if (!window_) throw std::runtime_error(std::string("cannot create the game window: ") + SDL_GetError());
    SDL_SetWindowMinimumSize(window_, 640, 360);
    set_window_icon(window_, game_assets_dir(options) / "images" / "icon.image");
    if (options.software_renderer) {
        // Present the software frame straight to the window (XShm), not through a
        // GL texture: under Xvfb that GL is llvmpipe and costs more than drawing.
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    } else {
        renderer_ = SDL_CreateRenderer(window_, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    }
    if (!renderer_) renderer_ = SDL_CreateRenderer(window_, -1, SDL_RENDERER_SOFTWARE);
    if (!renderer_) {
        SDL_DestroyWindow(window_);
        throw std::runtime_error(std::string("cannot create a renderer: ") + SDL_GetError());
    }
    try {
        text_ = std::make_unique<TextRenderer>(renderer_, find_fonts(default_font_dirs(options.data_dir)));
    } catch (...) {
        SDL_DestroyRenderer(renderer_);
        SDL_DestroyWindow(window_);
        throw;
    }
    gfx_ = std::make_unique<Gfx>(renderer_, *text_);

    AudioSettings audio_settings;
    audio_settings.enabled = !options.mute;
    audio_settings.effects = effects_file_in(game_assets_dir(options));
    if (options.audio_out) {
        // Everything the game plays, rendered in step with the game clock into a WAV
        // (the same mixer through ALC_SOFT_loopback) instead of a sound device.
        auto loopback = open_loopback_audio(audio_settings);
        wav_ = std::make_unique<WavWriter>(*options.audio_out, loopback->rate_hz());
        recording_ = loopback.get();
        audio_ = std::move(loopback);
    } else {
        audio_ = open_audio(audio_settings);
    }
    // Said once: on stderr now and on screen as a toast.
    if (!audio_->active()) std::fprintf(stderr, "highstep: %s\n", audio_->status().c_str());
    if (audio_->active() && !audio_->has_effects()) std::fprintf(stderr, "highstep: %s\n", audio_->effects_status().c_str());

    board_ = std::make_unique<BoardLink>(std::move(board.source), board.sim);
    ctx_ = std::make_unique<AppContext>(scenes_, *audio_, *board_);
    if (!audio_->active()) ctx_->toast(audio_->status());
    else if (!audio_->has_effects()) ctx_->toast(audio_->effects_status());
    ctx_->music = load_music_library(game_assets_dir(options) / "music");
    for (const auto& problem : ctx_->music.errors) std::fprintf(stderr, "highstep: %s\n", problem.c_str());
    if (audio_->active() && !audio_->has_music()) std::fprintf(stderr, "highstep: %s\n", audio_->music_status().c_str());
    ctx_->menu_track = shared_track(ctx_->music, "menu");
    audio_->set_volumes(ctx_->volumes);
    audio_->set_music(music_for_menu(ctx_->menu_track));
    if (!board.notice.empty()) ctx_->toast(board.notice);

    try {
        const std::filesystem::path db_path = options.db ? *options.db : store::default_database_path();
        db_ = std::make_unique<store::Database>(db_path);
        ctx_->db = db_.get();
        // A read-only file, a full disk or another program's lock: said now, on the
        // title screen, not at the first rep of a level.
        ctx_->storage = store::check_storage(*db_);
    } catch (const store::StoreError& e) {
        ctx_->db_problem = e.what();
        ctx_->storage = store::storage_problem_of(e);
    }
    if (!ctx_->storage.ok()) std::fprintf(stderr, "highstep: %s\n", ctx_->storage.sentence().c_str());

    core::LevelDirectory levels = core::load_level_directory(options.levels_dir);
    for (const auto& problem : levels.errors) std::fprintf(stderr, "highstep: %s\n", problem.c_str());
    if (levels.levels.empty()) {
        std::fprintf(stderr, "highstep: no levels found in %s\n", options.levels_dir.string().c_str());
    }
    ctx_->levels = std::move(levels.levels);
    ctx_->level_problems = std::move(levels.errors);

    if (options.player && ctx_->db) {
        auto found = store::find_player(*ctx_->db, *options.player);
        if (!found) {
            store::Player p;
            p.name = *options.player;
            p.id = store::add_player(*ctx_->db, p);
            found = store::get_player(*ctx_->db, p.id);
        }
        if (found) {
            PlayerProfile profile;
            profile.player = *found;
            profile.body_weight_kg = found->body_weight_kg.value_or(0.0);
            ctx_->player = profile;
            board_->set_rotated_180(found->board_rotated_180);  // menus and the weigh-in in the player's frame
        }
    } else if (options.player) {
        PlayerProfile profile;
        profile.player.name = *options.player;
        ctx_->player = profile;
    } else if (ctx_->db) {
        // The game opens on whoever played last.
        try {
            if (auto last = store::last_player(*ctx_->db)) choose_player(*ctx_, *last);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "highstep: %s (no player chosen)\n", e.what());
        }
    }

    register_extra_scenes(*ctx_);
    scenes_.reset(make_title_scene(*ctx_));
    scenes_.apply_pending();
}

GameApp::~GameApp() {
    // Scenes first: they may still write their session to the database or play a sound.
    scenes_.reset(nullptr);
    scenes_.apply_pending();
    ctx_.reset();
    board_.reset();
    audio_.reset();
    gfx_.reset();
    text_.reset();
    if (renderer_) SDL_DestroyRenderer(renderer_);
    if (window_) SDL_DestroyWindow(window_);
}

double GameApp::wall_now_s() {
    if (options_.fixed_frame_s) return *virtual_wall_s_;
    return steady_now_s();
}

InputMode GameApp::input_mode() const {
    const Scene* top = scenes_.top();
    if (!top) return InputMode::menu;
    if (top->wants_text()) return InputMode::text;
    return top->wants_board_nav() ? InputMode::menu : InputMode::board;
}

void GameApp::toggle_fullscreen() {
    const bool full = (SDL_GetWindowFlags(window_) & SDL_WINDOW_FULLSCREEN_DESKTOP) != 0;
    if (!full) SDL_GetWindowSize(window_, &windowed_w_, &windowed_h_);
    SDL_SetWindowFullscreen(window_, full ? 0 : SDL_WINDOW_FULLSCREEN_DESKTOP);
    // Back to the window's own size: without a window manager X11 leaves it
    // screen-sized, and a player expects the window they had.
    if (full) SDL_SetWindowSize(window_, windowed_w_, windowed_h_);
}

void GameApp::pump_events(std::vector<Action>& actions) {
    const InputMode mode = input_mode();
    SDL_Event e;
    while (SDL_PollEvent(&e)) {
        if (e.type == SDL_QUIT) {
            quit_ = true;
            continue;
        }
        if (e.type == SDL_KEYDOWN && !e.key.repeat) {
            const SDL_Keycode k = e.key.keysym.sym;
            if (k == SDLK_F11 || ((k == SDLK_RETURN || k == SDLK_KP_ENTER) && (e.key.keysym.mod & KMOD_ALT))) {
                toggle_fullscreen();
                continue;
            }
        }
        if (e.type == SDL_TEXTINPUT && mode == InputMode::text) {
            scenes_.dispatch_text(e.text.text);
            continue;
        }
        const synth::SimControls before = input_.controls();
        input_.handle(e, mode, actions);
        // The simulated board moves at the key's own time, not the next frame's: a key
        // pressed on the beat is judged on the beat (docs/app.md, "Fair timing").
        if (board_->sim() && !(input_.controls() == before)) {
            board_->sim()->set_controls(input_.controls(), event_wall_s(e.common.timestamp));
        }
    }
}

double GameApp::event_wall_s(Uint32 timestamp_ms) {
    // Under --fixed-frame the clock is virtual: an event belongs to the frame that reads it.
    if (options_.fixed_frame_s) return *virtual_wall_s_;
    // SDL stamps events in milliseconds of its own monotonic clock; the age since then
    // (wrapping like the stamp) carries it onto the game's wall clock.
    const Uint32 age_ms = static_cast<Uint32>(SDL_GetTicks()) - timestamp_ms;
    return steady_now_s() - std::min(1.0, static_cast<double>(age_ms) / 1000.0);
}

void GameApp::save_screenshot(const std::filesystem::path& path) {
    int w = 0, h = 0;
    SDL_GetRendererOutputSize(renderer_, &w, &h);
    SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!surface) return;
    if (SDL_RenderReadPixels(renderer_, nullptr, SDL_PIXELFORMAT_ARGB8888, surface->pixels, surface->pitch) == 0) {
        if (path.has_parent_path()) {
            std::error_code ec;
            std::filesystem::create_directories(path.parent_path(), ec);
        }
        if (SDL_SaveBMP(surface, path.c_str()) != 0) {
            std::fprintf(stderr, "highstep: cannot save screenshot %s: %s\n", path.c_str(), SDL_GetError());
        }
    }
    SDL_FreeSurface(surface);
}

void GameApp::report_frame(double frame_start, double game_now) {
    FrameReport r;
    r.index = frame_index_++;
    const double now = steady_now_s();
    r.work_s = now - frame_start;
    r.cpu_s = thread_cpu_s() - frame_cpu_start_;
    // Under --fixed-frame the game clock does not see the real time spent.
    r.present_game_s = game_now + (options_.fixed_frame_s ? 0.0 : now - frame_start);
    r.scene = std::string(scenes_.top_id());
    for (const BoardSample& s : board_->samples()) r.sample_t_s.push_back(s.t_s);
    r.reps = scenes_.top() ? scenes_.top()->probe("reps") : std::string{};
    r.judgements = scenes_.top() ? scenes_.top()->probe("judgements") : std::string{};
    options_.observer->on_frame(r);
}

// A new player at the board brings their own music and effects volumes.
void GameApp::follow_player_sound() {
    const std::int64_t id = ctx_->player ? ctx_->player->player.id : 0;
    if (id == sound_player_id_) return;
    sound_player_id_ = id;
    Volumes v;
    if (id != 0 && ctx_->db) {
        try {
            const store::SoundSettings s = store::sound_settings(*ctx_->db, id);
            v = {static_cast<float>(s.music_volume), static_cast<float>(s.effects_volume), s.muted};
        } catch (const std::exception& e) {
            std::fprintf(stderr, "highstep: %s (default sound settings)\n", e.what());
        }
    }
    ctx_->volumes = v;
    audio_->set_volumes(v);
}

int GameApp::run() {
    double last_wall = wall_now_s();
    // The game clock is the wall clock minus the stalls the loop dropped, measured
    // from the start: game = wall - origin - dropped.
    const double origin = last_wall;
    std::vector<Action> actions;
    double fps_shown = 0.0, fps_acc_s = 0.0;
    int fps_frames = 0;
    while (!quit_ && !ctx_->quit_requested) {
        const double frame_start = steady_now_s();
        frame_cpu_start_ = thread_cpu_s();
        const double wall = wall_now_s();
        const int steps = clock_.advance(wall - last_wall);
        last_wall = wall;
        const double game_now = clock_.sim_time_s() + clock_.alpha() * clock_.step_s();
        ctx_->now_s = game_now;
        ctx_->wall_s = wall;
        follow_player_sound();
        if (recording_) {
            // Up to now: what the scenes play in this frame starts at this frame's time.
            recording_->render_until(game_now, wav_pcm_);
            wav_->write(wav_pcm_);
            wav_pcm_.clear();
        }

        if (script_) {
            if (auto code = script_->run_frame(*this)) {
                exit_code_ = *code;
                break;
            }
        }
        actions.clear();
        pump_events(actions);
        input_.update(game_now, input_mode(), actions);
        if (board_->sim()) {
            const bool lift = scenes_.top() && scenes_.top()->foot_off_is_a_lift();
            board_->sim()->set_controls(lift ? lift_instead_of_step_off(input_.controls()) : input_.controls());
        }
        std::vector<Action> nav;
        board_->poll(wall, -(origin + clock_.dropped_s()), nav);
        if (scenes_.top() && scenes_.top()->wants_board_nav()) actions.insert(actions.end(), nav.begin(), nav.end());
        for (Action a : actions) scenes_.dispatch(a);

        // Text input only while a scene wants it (on-screen keyboards, IME).
        const bool want_text = input_mode() == InputMode::text;
        if (want_text != text_input_on_) {
            want_text ? SDL_StartTextInput() : SDL_StopTextInput();
            text_input_on_ = want_text;
        }

        scenes_.frame(game_now);
        const double first_step_end = clock_.sim_time_s() - (steps - 1) * clock_.step_s();
        for (int i = 0; i < steps; ++i) {
            ctx_->step_end_s = first_step_end + i * clock_.step_s();
            scenes_.step(clock_.step_s());
        }

        gfx_->begin_frame();
        // Every full-screen scene paints the whole window (backdrop or sky), so the
        // frame is not cleared first: a clear is a full-screen fill the software
        // renderer would pay for on every frame.
        if (!scenes_.top()) gfx_->clear(palette::background);
        scenes_.draw(*gfx_, clock_.alpha());
        const std::string_view top_id = scenes_.top_id();
        draw_toasts(*gfx_, *ctx_,
                    top_id == "play" || top_id == "pause" ? ToastArea::play
                    : top_id == "title"                   ? ToastArea::title
                                                          : ToastArea::menu);
        if (options_.show_fps) {
            // The previous frames' times, measured after present (renderers batch
            // their drawing until then).
            char buf[64];
            std::snprintf(buf, sizeof buf, "frame %.2f ms", fps_shown);
            // On a dark pill, inside the window (a top-aligned line at y 8 lost its ascenders).
            const SDL_FPoint size = gfx_->measure(buf, 14, FontStyle::mono);
            gfx_->fill_round_rect({4, 4, size.x + 12, size.y + 8}, 6, palette::background.with_alpha(200));
            gfx_->text(buf, 10, 8, 14, palette::text, Align::left, VAlign::top, FontStyle::mono);
        }
        if (screenshot_) {
            save_screenshot(*screenshot_);
            screenshot_.reset();
        }
        SDL_RenderPresent(renderer_);
        if (options_.observer) report_frame(frame_start, game_now);
        if (options_.show_fps) {
            fps_acc_s += steady_now_s() - frame_start;
            if (++fps_frames == 30) {
                fps_shown = fps_acc_s / fps_frames * 1000.0;
                fps_acc_s = 0.0;
                fps_frames = 0;
            }
        }
        text_->end_frame();
        scenes_.apply_pending();
        if (scenes_.empty()) break;

        if (options_.fixed_frame_s) {
            *virtual_wall_s_ += *options_.fixed_frame_s;
        } else {
            const double spent = steady_now_s() - frame_start;
            if (spent < kMinFrame_s) SDL_Delay(static_cast<Uint32>((kMinFrame_s - spent) * 1000.0));
        }
    }
    if (wav_) wav_->close();
    return exit_code_;
}

}  // namespace

BoardChoice choose_board(const GameOptions& options, std::function<double()> now_s) {
    BoardChoice choice;
    if (options.replay) {
        auto recording = std::make_shared<const Recording>(read_recording(*options.replay));
        choice.source = std::make_unique<ReplaySource>(recording, ReplaySource::Pacing::real_time, std::move(now_s));
        choice.notice = "Board: replaying " + options.replay->filename().string();
        return choice;
    }
    if (!options.simulated) {
        std::vector<hid::GenericBoardMap> maps;
        std::vector<std::string> problems;
        try {
            for (const auto& file : hid::board_map_files(paths::board_map_dir(paths::this_process_env()))) {
                try {
                    maps.push_back(hid::load_board_map(file));
                } catch (const std::exception& e) {
                    problems.push_back(e.what());
                }
            }
        } catch (const std::exception& e) {
            problems.push_back(e.what());
        }
        if (auto reader = hid::open_first_board(maps, {}, &problems)) {
            choice.notice = "Board: " + reader->describe();
            choice.source = std::move(reader);
            return choice;
        }
        for (const auto& p : problems) std::fprintf(stderr, "highstep: %s\n", p.c_str());
        choice.notice = "No board found: playing with the simulated board";
    }
    auto sim = std::make_unique<synth::SimulatedBoard>();
    choice.sim = sim.get();
    choice.source = std::move(sim);
    return choice;
}

int run_game_window(const GameOptions& options) {
    std::optional<Script> script;
    if (options.script) script = Script::load(*options.script);  // refuse a bad script before the window opens
    // One clock for the loop and a replay's pacing: with --fixed-frame it is a
    // virtual clock that moves exactly one frame per frame, so test runs are exact.
    auto virtual_wall = std::make_shared<double>(steady_now_s());
    std::function<double()> clock = steady_now_s;
    if (options.fixed_frame_s) clock = [virtual_wall] { return *virtual_wall; };
    BoardChoice board = choose_board(options, clock);  // a bad replay file is reported before any window
    SdlSession sdl;
    GameApp app(options, std::move(board), std::move(script), virtual_wall);
    return app.run();
}

}  // namespace highstep::app
