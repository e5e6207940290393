// bench_store: what storing and reading a player's history costs. The figures
// that matter to a player: a rep's transaction (the game writes one every few
// seconds) and the queries behind the results and progress screens.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "highstep/store/challenge.h"
#include "highstep/store/challenge_file.h"
#include "highstep/store/progress.h"
#include "highstep/store/scores.h"
#include "highstep/store/session_log.h"

namespace {

using namespace highstep::store;

// A database in a fresh temporary folder, removed at the end.
struct TempDb {
    std::filesystem::path dir;
    Database db;
    explicit TempDb(bool durable = true) : dir(make_dir()), db(dir / "bench.db", settings(durable)) {}
    ~TempDb() {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
    static std::filesystem::path make_dir() {
        std::string tmpl = (std::filesystem::temp_directory_path() / "highstep-bench-XXXXXX").string();
        if (!mkdtemp(tmpl.data())) std::abort();
        return tmpl;
    }
    static DatabaseSettings settings(bool durable) {
        DatabaseSettings s;
        s.durable_commits = durable;
        return s;
    }
};

RepRecord rep(int i) {
    RepRecord r;
    r.set_index = i / 1000;
    r.rep_index = i % 1000;
    r.judgement = Judgement::great;
    r.steady = true;
    return r;
}

// History of `sessions` finished hill-1 sessions of 24 reps for two players.
void fill(Database& db, int sessions) {
    for (const char* name : {"Ada", "Bob"}) {
        Player p;
        p.name = name;
        const auto id = add_player(db, p);
        for (int s = 0; s < sessions; ++s) {
            SessionStart st;
            st.player_id = id;
            st.level_id = "hill-1";
            st.started_unix_s = 1767261600 + s * 86400;
            SessionLog log(db, st);
            SessionResult r;
            r.score = 1000 + (s * 37) % 500;
            r.stability_mean_velocity_mm_s = 10 + s % 7;
            r.finished_unix_s = st.started_unix_s + 300;
            log.finish(r);
        }
    }
}

void BM_AddRep(benchmark::State& state) {
    TempDb t(state.range(0) != 0);
    Player p;
    p.name = "Ada";
    SessionStart st;
    st.player_id = add_player(t.db, p);
    st.level_id = "hill-1";
    SessionLog log(t.db, st);
    int i = 0;
    for (auto _ : state) log.add_rep(rep(i++));
    state.SetLabel(state.range(0) ? "synchronous=FULL (default)" : "synchronous=NORMAL");
}
BENCHMARK(BM_AddRep)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_TopScores(benchmark::State& state) {
    TempDb t;
    fill(t.db, static_cast<int>(state.range(0)));
    for (auto _ : state) benchmark::DoNotOptimize(top_scores(t.db, "hill-1"));
    state.SetLabel("sessions per player");
}
BENCHMARK(BM_TopScores)->Arg(50)->Arg(500)->Unit(benchmark::kMicrosecond);

void BM_Progress(benchmark::State& state) {
    TempDb t;
    fill(t.db, static_cast<int>(state.range(0)));
    for (auto _ : state) benchmark::DoNotOptimize(progress(t.db, 1));
    state.SetLabel("sessions per player");
}
BENCHMARK(BM_Progress)->Arg(50)->Arg(500)->Unit(benchmark::kMicrosecond);

void BM_ImportChallenge(benchmark::State& state) {
    TempDb home;
    Challenge c;
    c.name = "Cup";
    c.level_ids = {"hill-1"};
    c.starts_day = "2026-01-01";
    c.ends_day = "2026-12-31";
    const auto id = create_challenge(home.db, c);
    for (int i = 0; i < state.range(0); ++i) {
        ChallengeEntry e;
        e.challenge_id = id;
        e.player_name = "Player " + std::to_string(i % 20);
        e.household = "home";
        e.level_id = "hill-1";
        e.score = 1000 + i;
        e.finished_unix_s = 1767261600 + i;
        add_challenge_entry(home.db, e);
    }
    const std::string text = export_challenge_json(home.db, id);
    for (auto _ : state) {
        state.PauseTiming();
        TempDb away;
        state.ResumeTiming();
        benchmark::DoNotOptimize(import_challenge_json(away.db, text, "bench.json"));
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
    state.SetLabel("entries, validated and imported in one transaction");
}
BENCHMARK(BM_ImportChallenge)->Arg(1000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
