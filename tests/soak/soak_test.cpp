// Soak: sessions played back to back in one process the way the game window
// plays them (a core::Session fed a recording's samples frame by frame, each rep
// posted to a BackgroundRecorder with its own connection and thread, the result
// finished on the caller, then the reads the results and level screens make on
// the game's long-lived connection), while resident memory, open file
// descriptors and threads are watched. After a warm-up (caches filling) none may
// grow: memory by less than 1 MB, descriptors and threads not at all.
//
// HIGHSTEP_SOAK_PLAY_S sets how much play is compressed (default 1800 s, half an
// hour, what CI affords; the 8-hour run in bench/README.md is 28800).
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "highstep/core/level/level_file.h"
#include "highstep/core/session/session.h"
#include "highstep/input/recording.h"
#include "highstep/store/background_recorder.h"
#include "highstep/store/players.h"
#include "highstep/store/progress.h"
#include "highstep/store/scores.h"
#include "process_usage.h"

namespace highstep::soak {
namespace {

namespace fs = std::filesystem;

struct Game {
    std::string level;
    std::string recording;
};

// One session as PlayScene plays it: 60 frames a second of game time.
double play_one(const core::Level& level, const std::vector<BoardSample>& samples, store::Database& game_db,
                std::int64_t player_id) {
    core::Session session(level);
    store::BackgroundRecorder log(game_db.path(), store::session_start(level, player_id));
    constexpr double kFrame_s = 1.0 / 60.0;
    std::size_t next = 0;
    int logged = 0;
    double t = samples.front().t_s;
    while (next < samples.size()) {
        t += kFrame_s;
        while (next < samples.size() && samples[next].t_s <= t) session.push_sample(samples[next++]);
        session.advance_to(t);
        (void)session.take_cues();
        if (session.hud().reps_done_total != logged) {
            logged = session.hud().reps_done_total;
            log.post(session.result());
        }
    }
    session.finish();
    const core::SessionResult result = session.result();
    log.finish_on_caller().finish(result);
    // The results screen and the level list read the game's own connection.
    (void)store::top_scores(game_db, level.id);
    (void)store::progress(game_db, player_id, level.id);
    return samples.back().t_s - samples.front().t_s;
}

TEST(Soak, SessionsBackToBackDoNotGrowMemoryFilesOrThreads) {
    const char* env = std::getenv("HIGHSTEP_SOAK_PLAY_S");
    const double play_target_s = env && *env ? std::atof(env) : 1800.0;
    const fs::path dir = fs::temp_directory_path() / ("highstep-soak-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);

    const fs::path golden = fs::path(HIGHSTEP_TEST_DATA_DIR) / "golden";
    const std::vector<Game> games = {{"hill-1", "hill-1-full-program"},
                                     {"sprint-1", "sprint-1-full-program"},
                                     {"tower-1", "tower-1-steady"},
                                     {"tower-3", "tower-3-one-foot"},
                                     {"hill-3", "hill-3-left-set-partial"}};
    std::vector<core::Level> levels;
    std::vector<Recording> recordings;
    for (const Game& g : games) {
        levels.push_back(core::load_level_file(fs::path(HIGHSTEP_SOURCE_DIR) / "levels" / (g.level + ".json")));
        recordings.push_back(read_recording(golden / (g.recording + ".csv")));
    }

    store::Database game_db(dir / "soak.db");
    store::Player p;
    p.name = "Soak";
    const std::int64_t player = store::add_player(game_db, p);

    // Warm-up: one round of every level (SQLite's page caches, the allocator's
    // pools, the levels' first worlds).
    double played_s = 0.0;
    for (std::size_t i = 0; i < games.size(); ++i) played_s += play_one(levels[i], recordings[i].samples, game_db, player);
    const ProcessUsage start = process_usage();
    ProcessUsage peak = start;
    int sessions = 0;
    for (std::size_t i = 0; played_s < play_target_s; i = (i + 1) % games.size(), ++sessions) {
        played_s += play_one(levels[i], recordings[i].samples, game_db, player);
        const ProcessUsage now = process_usage();
        peak.rss_kb = std::max(peak.rss_kb, now.rss_kb);
        peak.fds = std::max(peak.fds, now.fds);
        peak.threads = std::max(peak.threads, now.threads);
    }
    const ProcessUsage end = process_usage();
    std::printf("[soak] %d sessions after the warm-up, %.0f s of play in all: VmRSS %ld -> %ld kB (peak %ld), "
                "fds %d -> %d (peak %d), threads %d -> %d (peak %d)\n",
                sessions, played_s, start.rss_kb, end.rss_kb, peak.rss_kb, start.fds, end.fds, peak.fds, start.threads,
                end.threads, peak.threads);
    RecordProperty("rss_growth_kb", static_cast<int>(end.rss_kb - start.rss_kb));
    EXPECT_LT(end.rss_kb - start.rss_kb, 1024) << "resident memory grew by 1 MB or more";
    EXPECT_EQ(end.fds, start.fds);
    EXPECT_EQ(end.threads, start.threads);
    EXPECT_EQ(game_db.integrity_check(), "ok");
    fs::remove_all(dir);
}

}  // namespace
}  // namespace highstep::soak
