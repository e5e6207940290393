// Disconnect storm: one play session on a fake Wii Balance Board (behind HIDAPI's
// C API, tests/fake_hidapi) read by the real BoardReader thread and queue, fed a
// golden recording in real time, while the board is pulled out and put back at
// random (seeded): short and long losses, mid-rep, during the count-in (while
// the session still learns the body weight), during the rest, and coming back on
// another hidraw node. Every rep goes to the database through the
// BackgroundRecorder the game uses, as the play screen posts it.
//
// Checks: no crash; the session pauses (board_lost cue) and resumes (board_back)
// exactly once per loss; the reader counts one reconnect per loss; every rep the
// session scored, before and after every loss, is in the database exactly once; the
// session scores the reps an unbroken run does, but for those whose foot landed as
// the board went (and what that costs the other leg).
//
// HIGHSTEP_DISCONNECT_STORM=N losses (default 12 over the first 45 s of the
// recording, what CI affords; 100 runs the whole recording, as reported in
// docs/hardening.md), HIGHSTEP_DISCONNECT_STORM_SEED (default 16).
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <random>
#include <thread>

#include "fake_boards.h"
#include "highstep/core/level/level_file.h"
#include "highstep/core/session/session.h"
#include "highstep/input/recording.h"
#include "highstep/store/background_recorder.h"
#include "highstep/store/players.h"

namespace highstep::hid::test {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double now_s() { return std::chrono::duration<double>(Clock::now().time_since_epoch()).count(); }

constexpr const char* kSerial = "00:24:44:DC:0B:25";

// Raw counts for kilograms under round_calibration(): 100 counts a kg above each
// sensor's zero (1000, 2000, 3000, 4000 for TR, BR, TL, BL).
std::array<std::uint16_t, 4> raw_of(const BoardSample& s) {
    auto raw = [](float kg, int zero) {
        return static_cast<std::uint16_t>(std::clamp(zero + static_cast<int>(std::lround(kg * 100.0f)), 0, 65535));
    };
    return {raw(s.tr, 1000), raw(s.br, 2000), raw(s.tl, 3000), raw(s.bl, 4000)};
}

// The player on the board: sends the recording's samples in real time to
// whichever board is plugged in; while it is out, the recording waits (the player
// stands and waits for the board), so nothing of the exercise is skipped.
class Feet {
public:
    Feet(const std::vector<BoardSample>& samples, double play_s) : samples_(samples), play_s_(play_s) {}
    ~Feet() { stop(); }
    void start(std::shared_ptr<fake_hid::FakeWiiBoard> board) {
        board_ = std::move(board);
        thread_ = std::thread([this] { run(); });
    }
    void stop() {
        stop_ = true;
        if (thread_.joinable()) thread_.join();
    }
    // Pulls the board out / puts a new one in (the same board on a new node).
    void unplug(const std::string& path) {
        std::lock_guard lock(mutex_);
        board_.reset();
        fake_hid::unplug(path);
    }
    void plug(std::shared_ptr<fake_hid::FakeWiiBoard> board) {
        std::lock_guard lock(mutex_);
        board_ = std::move(board);
    }
    double recording_s() const { return played_s_.load(); }  // recording time sent so far
    bool done() const { return done_.load(); }

private:
    void run() {
        const double t0 = samples_.front().t_s;
        double last = now_s();
        double clock = 0.0;
        std::size_t next = 0;
        while (!stop_ && next < samples_.size() && samples_[next].t_s - t0 <= play_s_) {
            const double now = now_s();
            {
                std::lock_guard lock(mutex_);
                if (board_) {
                    clock += now - last;
                    while (next < samples_.size() && samples_[next].t_s - t0 <= clock) {
                        board_->send_data(raw_of(samples_[next]));
                        ++next;
                    }
                }
            }
            last = now;
            played_s_ = clock;
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        done_ = true;
    }

    const std::vector<BoardSample>& samples_;
    double play_s_;
    std::mutex mutex_;
    std::shared_ptr<fake_hid::FakeWiiBoard> board_;
    std::thread thread_;
    std::atomic<bool> stop_{false}, done_{false};
    std::atomic<double> played_s_{0.0};
};

struct Loss {
    double at_recording_s = 0.0;  // when, on the recording's clock
    double down_s = 0.0;          // how long the board stays out
    bool new_node = false;        // comes back on another hidraw path
};

std::string moment_of(const core::HudState& h) {
    if (h.body_weight_kg <= 0.0 && h.stance != core::Stance::off) return "weigh-in (body weight being learned)";
    if (h.phase == core::Phase::count_in) return "count-in";
    if (h.phase == core::Phase::rest) return "rest";
    if (h.phase == core::Phase::active && h.stance != core::Stance::both && h.stance != core::Stance::off) return "mid-rep";
    return "between reps";
}

TEST(DisconnectStorm, EveryLossPausesAndResumesAndEveryRepIsStoredOnce) {
    FakeSystemGuard guard;
    const char* n_env = std::getenv("HIGHSTEP_DISCONNECT_STORM");
    const char* seed_env = std::getenv("HIGHSTEP_DISCONNECT_STORM_SEED");
    const int losses = n_env && *n_env ? std::atoi(n_env) : 12;
    std::mt19937 rng(seed_env && *seed_env ? static_cast<unsigned>(std::atoi(seed_env)) : 16u);

    const Recording recording =
        read_recording(fs::path(HIGHSTEP_TEST_DATA_DIR) / "golden" / "hill-1-full-program.csv");
    const core::Level level = core::load_level_file(fs::path(HIGHSTEP_SOURCE_DIR) / "levels" / "hill-1.json");
    const double whole_s = recording.samples.back().t_s - recording.samples.front().t_s;
    const double play_s = losses >= 100 ? whole_s : 45.0;

    // Losses at random moments of the recording (never in the last 2 s, so each
    // is followed by play), 60 % short (0.1-0.4 s), 40 % long (1.2-3 s).
    std::vector<Loss> plan(static_cast<std::size_t>(losses));
    std::uniform_real_distribution<double> at(0.3, play_s - 2.0), u(0.0, 1.0);
    for (Loss& l : plan) {
        l.at_recording_s = at(rng);
        l.down_s = u(rng) < 0.6 ? 0.1 + 0.3 * u(rng) : 1.2 + 1.8 * u(rng);
        l.new_node = u(rng) < 0.5;
    }
    // Two losses placed where chance rarely puts them: before the player is on the
    // board (count-in), and while the session learns the body weight from the
    // first seconds of standing (the recording's player steps on at 5.7 s).
    if (plan.size() >= 2) {
        plan[0].at_recording_s = 0.5 + 2.5 * u(rng);
        plan[1].at_recording_s = 6.0 + 1.5 * u(rng);
    }
    std::sort(plan.begin(), plan.end(), [](const Loss& a, const Loss& b) { return a.at_recording_s < b.at_recording_s; });

    const fs::path dir = fs::temp_directory_path() / ("highstep-disconnect-storm-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::int64_t player_id = 0;
    {
        store::Database db(dir / "storm.db");
        store::Player p;
        p.name = "Storm";
        player_id = store::add_player(db, p);
    }

    std::string path = "fake/hidraw0";
    int node = 0;
    auto board = plug_board(path, round_calibration(), L"00:24:44:DC:0B:25");
    BoardReaderSettings settings = quick_settings();
    auto reader = BoardReader::open(wii_candidate(path, kSerial), settings);

    core::Session session(level);
    store::BackgroundRecorder log(dir / "storm.db", store::session_start(level, player_id));
    Feet feet(recording.samples, play_s);
    feet.start(board);

    std::map<std::string, int> moments;
    int lost_cues = 0, back_cues = 0, logged = 0, done_losses = 0;
    std::vector<int> reps_at_loss;
    std::vector<double> loss_recording_s;  // where in the recording each loss came
    std::size_t next = 0;
    bool down = false;
    double back_at = 0.0;
    const double end_by = now_s() + play_s + 6.0 * static_cast<double>(losses) + 60.0;
    double quiet_since = 0.0;
    while (now_s() < end_by) {
        const double now = now_s();
        // As the play screen: the board's state, then the samples read, then the steps.
        session.set_board_connected(reader->state() != SourceState::lost);
        while (auto s = reader->poll()) session.push_sample(*s);
        session.advance_to(now);
        for (const core::SoundCue& c : session.take_cues()) {
            lost_cues += c.kind == core::CueKind::board_lost;
            back_cues += c.kind == core::CueKind::board_back;
        }
        if (session.hud().reps_done_total != logged) {
            logged = session.hud().reps_done_total;
            log.post(session.result());
        }
        if (!down && next < plan.size() && feet.recording_s() >= plan[next].at_recording_s &&
            reader->state() == SourceState::running && !session.hud().paused_board_lost) {
            ++moments[moment_of(session.hud())];
            reps_at_loss.push_back(logged);
            loss_recording_s.push_back(feet.recording_s());
            feet.unplug(path);
            down = true;
            back_at = now + plan[next].down_s;
        } else if (down && now >= back_at && session.hud().paused_board_lost) {
            if (plan[next].new_node) path = "fake/hidraw" + std::to_string(++node);
            feet.plug(plug_board(path, round_calibration(), L"00:24:44:DC:0B:25"));
            down = false;
            ++next;
            ++done_losses;
        }
        if (feet.done() && !down) {
            // The last samples are in; stop before the silence (1 s) reads as a lost board.
            if (quiet_since == 0.0) quiet_since = now;
            if (now - quiet_since > 0.4 && !session.hud().paused_board_lost) break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(8));
    }
    feet.stop();
    session.finish();
    const core::SessionResult result = session.result();
    const store::FinishOutcome outcome = log.finish_on_caller().finish(result);
    const BoardStatus status = reader->status();
    reader.reset();

    EXPECT_EQ(done_losses, losses) << "the storm did not finish in time";
    EXPECT_EQ(lost_cues, losses) << "one pause per loss";
    EXPECT_EQ(back_cues, losses) << "one resume per loss";
    EXPECT_EQ(status.reconnects, static_cast<std::uint64_t>(losses));

    // The database holds each scored rep once, set by set, in order.
    int db_reps = 0;
    std::map<int, std::vector<int>> by_set;
    {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open((dir / "storm.db").c_str(), &db), SQLITE_OK);
        sqlite3_stmt* st = nullptr;
        ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT set_index, rep_index FROM reps WHERE session_id = ? ORDER BY id", -1, &st,
                                     nullptr),
                  SQLITE_OK);
        sqlite3_bind_int64(st, 1, outcome.session_id);
        while (sqlite3_step(st) == SQLITE_ROW) {
            by_set[sqlite3_column_int(st, 0)].push_back(sqlite3_column_int(st, 1));
            ++db_reps;
        }
        sqlite3_finalize(st);
        sqlite3_close(db);
    }
    int scored = 0;
    for (const core::SetResult& s : result.sets) scored += static_cast<int>(s.reps.size());
    EXPECT_EQ(db_reps, scored);
    EXPECT_EQ(scored, result.reps);
    for (const auto& [set, reps] : by_set) {
        for (std::size_t i = 0; i < reps.size(); ++i) EXPECT_EQ(reps[i], static_cast<int>(i)) << "set " << set;
    }
    // Reps kept coming after the losses.
    int losses_followed_by_reps = 0;
    for (int at : reps_at_loss) losses_followed_by_reps += result.reps > at;
    EXPECT_GT(result.reps, reps_at_loss.empty() ? 0 : reps_at_loss.front());

    // The same stretch of the recording with no loss, played headless: what the
    // session scores when the board never drops out.
    std::vector<BoardSample> unbroken;
    for (const BoardSample& s : recording.samples) {
        if (s.t_s - recording.samples.front().t_s <= play_s) unbroken.push_back(s);
    }
    const core::SessionResult unbroken_result = core::run_headless(level, unbroken);
    const int unbroken_reps = unbroken_result.reps;
    // Every rep counts after a loss, the one it cut in two included (the player waits
    // for the board), except a rep whose foot landed as the board went: the landing
    // fell between the last sample before the loss and the first after it, unseen, and
    // that rep is not judged (docs/session.md, "Board lost"); with alternating legs it
    // may cost one more at the end of its set (the other leg's rep is then one too many).
    int landings_cut = 0;
    for (const core::SetResult& set : unbroken_result.sets) {
        for (const core::RepScore& r : set.reps) {
            const double contact_s = r.input.t_s - recording.samples.front().t_s;
            landings_cut += std::any_of(loss_recording_s.begin(), loss_recording_s.end(), [&](double at_s) {
                return at_s >= contact_s - 0.05 && at_s <= contact_s + 0.15;
            });
        }
    }
    EXPECT_GE(scored, unbroken_reps - 2 * landings_cut);

    std::string where;
    for (const auto& [m, n] : moments) where += " " + m + ": " + std::to_string(n) + ";";
    int new_nodes = 0, longs = 0;
    for (const Loss& l : plan) {
        new_nodes += l.new_node;
        longs += l.down_s >= 1.0;
    }
    std::printf("[disconnect storm] %d losses (%d long, %d short, %d back on a new node) over %.0f s of recording;%s "
                "%d reps scored and stored once each, %d with no loss, %d whose foot landed as the board went (%d of the losses had reps "
                "after them); "
                "dropped %llu, ignored %llu\n",
                losses, longs, losses - longs, new_nodes, play_s, where.c_str(), scored, unbroken_reps, landings_cut, losses_followed_by_reps,
                static_cast<unsigned long long>(status.dropped), static_cast<unsigned long long>(status.ignored_reports));
    fs::remove_all(dir);
}

}  // namespace
}  // namespace highstep::hid::test
