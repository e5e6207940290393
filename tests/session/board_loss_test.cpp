// A board lost and found again in the middle of a session (docs/session.md, "Board
// lost"): golden recordings played frame by frame, as the play screen does, with the
// board pulled out at chosen moments. Two players: one who waits for the board (the
// recording stops while it is out, as in the disconnect storm, tests/hid), and one who
// goes on moving (what the board would have shown meanwhile is lost).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <optional>
#include <string>

#include "highstep/core/level/level_file.h"
#include "highstep/core/session/session.h"
#include "highstep/input/recording.h"

using namespace highstep;
using namespace highstep::core;
namespace fs = std::filesystem;

namespace {

struct Loss {
    double at_s = 0.0;     // recording time of the last sample the board sends before it goes
    double down_s = 0.0;   // how long it is out (board time)
    bool waits = true;     // the player waits (the recording stops) or goes on (samples lost)
};

struct LiveRun {
    SessionResult result;
    std::vector<BoardSample> recorded;  // what the play screen records: game time
    int lost_cues = 0;
    int back_cues = 0;
    int taken_back = 0;
};

const fs::path kGolden = fs::path(HIGHSTEP_TEST_DATA_DIR) / "golden";

Recording golden(const std::string& name) { return read_recording(kGolden / (name + ".csv")); }
Level level_of(const Recording& rec) {
    return load_level_file(fs::path(HIGHSTEP_SOURCE_DIR) / "levels" / (rec.meta("level") + ".json"));
}

// The play screen's loop at 60 frames a second: the board's state, the samples it read,
// then the steps. The loss is noticed `notice_s` after the board's last sample (the
// reader sees an unplugged board at its next read; a silent one after 1 s).
LiveRun play_live(const Level& level, const std::vector<BoardSample>& rec, std::vector<Loss> losses,
                  double notice_s = 0.03) {
    std::sort(losses.begin(), losses.end(), [](const Loss& a, const Loss& b) { return a.at_s < b.at_s; });
    Session s(level);
    LiveRun run;
    double offset_s = 0.0;  // board time − recording time
    std::size_t i = 0, next = 0;
    double board_s = rec.front().t_s;
    bool connected = true;
    double back_at_s = 0.0;
    while (i < rec.size()) {
        board_s += 1.0 / 60.0;
        if (connected && next < losses.size() && board_s - offset_s >= losses[next].at_s + notice_s) {
            connected = false;
            back_at_s = board_s + losses[next].down_s;
        }
        if (!connected && board_s >= back_at_s) {
            connected = true;
            const Loss& l = losses[next++];
            if (l.waits) {
                offset_s = board_s - l.at_s;  // the recording goes on from where it stopped
            } else {
                while (i < rec.size() && rec[i].t_s + offset_s < board_s) ++i;  // never seen
            }
        }
        s.set_board_connected(connected);
        const double sent_until_s = next < losses.size() ? losses[next].at_s : rec.back().t_s;
        while (i < rec.size() && rec[i].t_s + offset_s <= board_s && rec[i].t_s <= sent_until_s) {
            BoardSample b = rec[i++];
            b.t_s += offset_s;
            s.push_sample(b);
            b.t_s -= s.board_lost_s();  // recorded on the session's clock, as the play screen does
            run.recorded.push_back(b);
        }
        s.advance_to(board_s);
        for (const SoundCue& c : s.take_cues()) {
            run.lost_cues += c.kind == CueKind::board_lost;
            run.back_cues += c.kind == CueKind::board_back;
            run.taken_back += c.kind == CueKind::taken_back;
        }
    }
    s.advance_to(board_s + 0.1);
    s.finish();
    run.result = s.result();
    return run;
}

std::vector<RepScore> reps_of(const SessionResult& r) {
    std::vector<RepScore> out;
    for (const SetResult& set : r.sets) out.insert(out.end(), set.reps.begin(), set.reps.end());
    return out;
}

// Each rep of the unbroken run is in the broken one, once, on the same leg. The player
// who waits comes back a little late against the beat (the session's clock ran on until
// the loss was noticed, up to notice_s and a frame: the metronome resumes where it
// stopped, a real player follows it); with `max_late_ms` each rep's timing may be that
// much later, its judgement one window worse for it, and the rest of its score the same.
void expect_same_reps(const SessionResult& unbroken, const SessionResult& broken,
                      std::optional<double> max_late_ms = 50.0) {
    const auto want = reps_of(unbroken), got = reps_of(broken);
    ASSERT_EQ(got.size(), want.size());
    for (std::size_t k = 0; k < want.size(); ++k) {
        EXPECT_EQ(got[k].input.side, want[k].input.side) << "rep " << k;
        ASSERT_EQ(got[k].input.timing.has_value(), want[k].input.timing.has_value()) << "rep " << k;
        if (!max_late_ms) continue;
        if (!want[k].input.timing) {
            EXPECT_NEAR(got[k].points, want[k].points, 30) << "rep " << k;
            continue;
        }
        const TimingResult& a = *want[k].input.timing;
        const TimingResult& b = *got[k].input.timing;
        EXPECT_GE(b.raw_error_ms, a.raw_error_ms - 1.0) << "rep " << k;
        EXPECT_LE(b.raw_error_ms, a.raw_error_ms + *max_late_ms) << "rep " << k;
        EXPECT_LE(std::abs(static_cast<int>(b.judgement) - static_cast<int>(a.judgement)), 1) << "rep " << k;
        const double judged = want[k].timing_value - got[k].timing_value;  // what the later timing cost
        EXPECT_NEAR(got[k].points, want[k].points, 30 + 400 * std::abs(judged)) << "rep " << k;
    }
}

}  // namespace

// The player who waits: the board comes back where it left off, so every rep, the one
// the loss cut in two included, is judged whole, as in an unbroken run.
TEST(BoardLoss, MidRepThePlayerWaitsAndEveryRepCounts) {
    const Recording rec = golden("hill-1-full-program");
    const Level level = level_of(rec);
    const LiveRun unbroken = play_live(level, rec.samples, {});
    ASSERT_EQ(unbroken.result.reps, 24);
    // 21.8 s: at the top of the 4th step-up (contact 20.8 s); 1.5 s into the 12th
    // (contact 60.7 s), the set's last; during the 16th's lowering (140.7 s).
    for (const Loss& loss : {Loss{21.8, 2.5}, Loss{62.2, 3.0}, Loss{142.6, 1.2}, Loss{21.0, 0.2}}) {
        SCOPED_TRACE(loss.at_s);
        const LiveRun run = play_live(level, rec.samples, {loss});
        EXPECT_EQ(run.lost_cues, 1);
        EXPECT_EQ(run.back_cues, 1);
        EXPECT_EQ(run.taken_back, 0);
        expect_same_reps(unbroken.result, run.result);
        EXPECT_TRUE(run.result.completed);
    }
}

TEST(BoardLoss, BetweenRepsAndDuringTheRestEveryRepCounts) {
    const Recording rec = golden("hill-1-full-program");
    const Level level = level_of(rec);
    const LiveRun unbroken = play_live(level, rec.samples, {});
    // 23.6 s: off the board between two reps (the next contact at 25.7 s); 90 s: the 60 s rest between the sets.
    for (const bool waits : {true, false}) {
        for (const Loss& loss : {Loss{23.6, 1.5, waits}, Loss{24.2, 0.3, waits}, Loss{90.0, 3.0, waits}}) {
            SCOPED_TRACE(std::to_string(loss.at_s) + (waits ? " waits" : " goes on"));
            const LiveRun run = play_live(level, rec.samples, {loss});
            EXPECT_EQ(run.lost_cues, 1);
            EXPECT_EQ(run.back_cues, 1);
            EXPECT_EQ(run.result.reps, 24);
            if (waits) expect_same_reps(unbroken.result, run.result);
        }
    }
}

// Holds: a knee drive's (Sprint Start), a step-up's knee drive at the top (hill-3) and
// a balance hold (Balance Tower). The hold goes on where it stopped.
TEST(BoardLoss, DuringAHoldThePlayerWaitsAndEveryRepCounts) {
    struct Case {
        const char* name;
        Loss loss;
    };
    // sprint-1: 0.9 s into the first knee drive (6.0 s); hill-3: at the top of the first
    // step-up, holding the knee drive; tower-1: 4.4 s into the first 10 s hold.
    for (const Case& c : {Case{"sprint-1-full-program", {6.9, 2.0}}, Case{"hill-3-left-set-partial", {7.6, 2.5}},
                          Case{"tower-1-steady", {7.0, 2.5}}}) {
        SCOPED_TRACE(c.name);
        const Recording rec = golden(c.name);
        const Level level = level_of(rec);
        const LiveRun unbroken = play_live(level, rec.samples, {});
        const LiveRun run = play_live(level, rec.samples, {c.loss});
        EXPECT_EQ(run.lost_cues, 1);
        EXPECT_EQ(run.back_cues, 1);
        expect_same_reps(unbroken.result, run.result);
    }
}

// The disconnect storm's density (a loss every 2 s or so, short and long) on the whole
// program: every rep counts once, and the same losses give the same result.
TEST(BoardLoss, ManyLossesEveryRepCountsOnceAndTheResultIsDeterministic) {
    const Recording rec = golden("hill-1-full-program");
    const Level level = level_of(rec);
    const LiveRun unbroken = play_live(level, rec.samples, {});
    std::vector<Loss> losses;
    unsigned x = 16;  // a fixed LCG: the same moments on every machine
    auto next = [&] {
        x = x * 1103515245u + 12345u;
        return static_cast<double>((x >> 8) % 10000u) / 10000.0;
    };
    for (double at = 3.0; at < 182.0; at += 1.2 + 1.4 * next()) losses.push_back({at, next() < 0.6 ? 0.1 + 0.3 * next() : 1.2 + 1.8 * next()});
    ASSERT_GE(losses.size(), 80u);
    const LiveRun run = play_live(level, rec.samples, losses);
    EXPECT_EQ(run.lost_cues, static_cast<int>(losses.size()));
    EXPECT_EQ(run.back_cues, static_cast<int>(losses.size()));
    expect_same_reps(unbroken.result, run.result, std::nullopt);  // late by up to 50 ms a loss: see above
    EXPECT_EQ(to_json(play_live(level, rec.samples, losses).result), to_json(run.result));
}

// The play screen records the run on the session's clock; replayed, the recording gives
// what the live session gave (the recogniser saw the same samples at the same times).
TEST(BoardLoss, TheRecordedRunReplaysToTheLiveResult) {
    for (const char* name : {"hill-1-full-program", "sprint-1-full-program"}) {
        SCOPED_TRACE(name);
        const Recording rec = golden(name);
        const Level level = level_of(rec);
        const LiveRun run = play_live(level, rec.samples, {{21.8, 2.5}, {40.3, 0.2}, {64.0, 1.5, false}, {141.0, 2.0, false}});
        const SessionResult replay = run_headless(level, run.recorded);
        const auto live = reps_of(run.result), again = reps_of(replay);
        ASSERT_EQ(again.size(), live.size());
        for (std::size_t k = 0; k < live.size(); ++k) {
            EXPECT_EQ(again[k].points, live[k].points) << "rep " << k;
            EXPECT_NEAR(again[k].input.t_s, live[k].input.t_s, 1e-9) << "rep " << k;
        }
        EXPECT_EQ(replay.score, run.result.score);
    }
}

// The player who goes on moving: what the board did not see is not invented. A rep
// whose contact fell while the board was out is abandoned (never judged at the moment
// the board came back); a rep cut after its contact is judged from what was seen, or,
// when that is no rep (the player had left the board), its judgement is taken back; the
// reps after the board is back all count, none twice.
TEST(BoardLoss, ThePlayerGoesOnTheUnseenRepIsAbandonedAndTheNextOnesCount) {
    const Recording rec = golden("hill-1-full-program");
    const Level level = level_of(rec);
    const LiveRun unbroken = play_live(level, rec.samples, {});
    const auto want = reps_of(unbroken.result);
    struct Case {
        Loss loss;
        int abandoned;   // reps of the unbroken run not in the broken one
        int taken_back;  // judgements withdrawn
    };
    // 144.9 s → 146.4 s: the 17th step-up's contact (145.8 s) is not seen, the player is on
    // the board when it comes back; 141.0 s → 142.0 s: the 16th (contact 140.7 s) is cut
    // at its top and judged from what was seen; 141.0 s → 143.0 s: the player has left the
    // board when it is back, what was seen of the 16th is no rep.
    for (const Case& c : {Case{{144.9, 1.5, false}, 1, 0}, Case{{141.0, 1.0, false}, 0, 0},
                          Case{{141.0, 2.0, false}, 1, 1}}) {
        SCOPED_TRACE(std::to_string(c.loss.at_s) + " for " + std::to_string(c.loss.down_s));
        const LiveRun run = play_live(level, rec.samples, {c.loss});
        const auto got = reps_of(run.result);
        ASSERT_EQ(got.size() + static_cast<std::size_t>(c.abandoned), want.size());
        EXPECT_EQ(run.taken_back, c.taken_back);
        // The reps before the loss are the same; every one after it is there, on its leg
        // (judged against a beat the player, going on, is now out of step with).
        std::size_t k = 0;
        for (; k < want.size() && want[k].input.t_s < c.loss.at_s - 2.0; ++k) {
            EXPECT_EQ(got[k].points, want[k].points) << "rep " << k;
        }
        for (std::size_t j = k + 1 + static_cast<std::size_t>(c.abandoned); j < want.size(); ++j) {
            EXPECT_EQ(got[j - static_cast<std::size_t>(c.abandoned)].input.side, want[j].input.side) << "rep " << j;
        }
    }
}
