// The simulated board, driven through the key sequences a player would press.
#include <gtest/gtest.h>

#include <functional>
#include <variant>

#include "highstep/core/recognise/analysis.h"
#include "highstep/synth/simulated_board.h"
#include "synth_test_util.h"

namespace highstep::synth {
namespace {

// Plays a timeline of control changes at 120 Hz frames (as the game loop would)
// and collects every sample.
class Player {
public:
    explicit Player(SimulatedBoardSettings settings = quiet()) : board_(settings) {}
    static SimulatedBoardSettings quiet() {
        SimulatedBoardSettings s;
        s.body.sensor_offset_kg = 0.0;
        s.body.noise_kg = 0.01;
        s.max_queued = 100000;
        return s;
    }
    // Runs frames until t_s, then applies `change` to the controls.
    // Runs frames until the frame before t_s, then applies `change` stamped at t_s itself
    // (a key event between two frames, as SDL reports it).
    void at_event(double t_s, const std::function<void(SimControls&)>& change) {
        run_until(t_s - 1.0 / 120.0);
        SimControls c = board_.controls();
        change(c);
        board_.set_controls(c, t_s);
    }
    void at(double t_s, const std::function<void(SimControls&)>& change) {
        run_until(t_s);
        SimControls c = board_.controls();
        change(c);
        board_.set_controls(c);
    }
    void run_until(double t_s) {
        for (; frame_s_ <= t_s; frame_s_ += 1.0 / 120.0) {
            board_.advance_to(frame_s_);
            while (auto s = board_.poll()) samples_.push_back(*s);
        }
    }
    const std::vector<BoardSample>& samples() const { return samples_; }
    SimulatedBoard& board() { return board_; }

private:
    SimulatedBoard board_;
    double frame_s_ = 0.0;
    std::vector<BoardSample> samples_;
};

test::WindowStats window(const std::vector<BoardSample>& samples, double from_s, double to_s) {
    SynthSettings s = test::quiet_settings();  // no offsets, not rotated: the same frame as Player::quiet()
    return test::window(samples, s, from_s, to_s);
}

// left foot on → right foot on → right foot off → left foot off.
void step_up_left(Player& p, double t0) {
    p.at(t0, [](SimControls& c) { c.left_foot_on = true; });
    p.at(t0 + 0.8, [](SimControls& c) { c.right_foot_on = true; });
    p.at(t0 + 2.3, [](SimControls& c) { c.right_foot_on = false; });
    p.at(t0 + 4.0, [](SimControls& c) { c.left_foot_on = false; });
}

TEST(SimulatedBoard, KeySequenceMakesAStepUp) {
    Player p;
    step_up_left(p, 2.0);
    p.run_until(7.0);
    const auto& s = p.samples();
    const double bw = 70.0;
    EXPECT_LT(window(s, 0.5, 1.99).max_total_kg, 0.2);                 // empty before
    const auto partial = window(s, 2.3, 2.75);
    EXPECT_GT(partial.total_kg, 0.15 * bw);
    EXPECT_LT(partial.total_kg, 0.35 * bw);
    EXPECT_LT(partial.cop_x_mm, -60.0);                                 // under the left foot
    const auto push = window(s, 2.8, 3.5);
    EXPECT_GT(push.max_total_kg, 1.1 * bw);                             // push-off peak
    EXPECT_LT(push.max_total_kg, 1.3 * bw);
    EXPECT_NEAR(window(s, 3.6, 4.2).total_kg, bw, 0.03 * bw);           // full weight at the top
    const auto lowering = window(s, 4.4, 5.4);
    EXPECT_GT(lowering.min_total_kg, 0.2 * bw);                         // slow: no drop to zero
    EXPECT_LT(lowering.min_total_kg, 0.7 * bw);
    EXPECT_LT(window(s, 6.3, 7.0).max_total_kg, 0.2);                   // empty after
}

TEST(SimulatedBoard, KeySequenceMakesAKneeDrive) {
    Player p;
    p.at(1.0, [](SimControls& c) { c.left_foot_on = c.right_foot_on = true; });
    p.at(4.0, [](SimControls& c) { c.right_knee_up = true; });
    p.at(6.5, [](SimControls& c) { c.right_knee_up = false; });
    p.run_until(8.0);
    const auto& s = p.samples();
    const double bw = 70.0;
    EXPECT_NEAR(window(s, 2.5, 3.9).total_kg, bw, 0.02 * bw);
    const auto drive = window(s, 4.0, 4.8);
    EXPECT_LT(drive.min_total_kg, 0.95 * bw);   // the dip
    EXPECT_GT(drive.max_total_kg, 1.1 * bw);    // the drive peak
    const auto hold = window(s, 5.0, 6.4);
    EXPECT_LT(hold.cop_x_mm, -70.0);            // stance on the left
    EXPECT_NEAR(hold.total_kg, bw, 0.03 * bw);
    EXPECT_LT(std::abs(window(s, 7.2, 8.0).cop_x_mm), 30.0);  // back on two feet
}

// A key pressed exactly on the beat is judged on the beat: the foot's contact the
// recogniser reads is the key event's time, not the next frame's.
TEST(SimulatedBoard, AFootKeyLandsTheFootAtTheKeyEventsTime) {
    for (const double key_s : {2.0037, 2.0101, 2.0149}) {
        Player p;
        p.at_event(key_s, [](SimControls& c) { c.left_foot_on = true; });
        p.at_event(key_s + 0.8, [](SimControls& c) { c.right_foot_on = true; });
        p.at_event(key_s + 2.3, [](SimControls& c) { c.right_foot_on = false; });
        p.at_event(key_s + 4.0, [](SimControls& c) { c.left_foot_on = false; });
        p.run_until(key_s + 6.0);
        const core::Analysis a = core::analyze(p.samples());
        const core::MovementPhase* down = nullptr;
        for (const core::MovementPhase& ph : a.phases) {
            if (ph.type == core::PhaseType::foot_down) down = &ph;
        }
        ASSERT_NE(down, nullptr) << key_s;
        EXPECT_NEAR(down->t_s, key_s, 0.010) << key_s;  // the moment the game judges
        EXPECT_LE(down->emitted_s - key_s, 0.035) << key_s;  // known within a few 100 Hz samples
        const core::StepUpEvent* up = nullptr;
        for (const core::Event& e : a.events) {
            if (const auto* u = std::get_if<core::StepUpEvent>(&e)) up = u;
        }
        ASSERT_NE(up, nullptr) << key_s;
        EXPECT_NEAR(up->start_s, key_s, 0.020) << key_s;  // the settled rep's contact
    }
}

TEST(SimulatedBoard, WeightShiftMovesTheCop) {
    Player p;
    p.at(0.5, [](SimControls& c) { c.left_foot_on = c.right_foot_on = true; });
    p.at(3.0, [](SimControls& c) { c.shift_x = 1.0; c.shift_y = -1.0; });
    p.run_until(5.0);
    const auto centre = window(p.samples(), 2.0, 2.9);
    const auto shifted = window(p.samples(), 4.0, 5.0);
    EXPECT_GT(shifted.cop_x_mm - centre.cop_x_mm, 40.0);
    EXPECT_LT(shifted.cop_y_mm - centre.cop_y_mm, -25.0);
}

TEST(SimulatedBoard, SamplesComeAtTheRateAndTheQueueIsBounded) {
    SimulatedBoardSettings settings;
    settings.max_queued = 50;
    SimulatedBoard board(settings);
    board.advance_to(10.0);
    board.advance_to(9.0);   // going backwards is ignored
    board.advance_to(12.0);  // 2 s at 100 Hz ≈ 200 samples, only the newest 50 kept
    std::size_t kept = 0;
    double last = -1.0;
    while (auto s = board.poll()) {
        EXPECT_GT(s->t_s, last);
        last = s->t_s;
        ++kept;
    }
    EXPECT_EQ(kept, 50u);
    EXPECT_GT(last, 11.95);
    EXPECT_LE(last, 12.0);
    EXPECT_NEAR(double(kept + board.dropped()), 201.0, 5.0);
    EXPECT_EQ(board.state(), SourceState::running);
}

TEST(SimulatedBoard, SameSeedSameSamples) {
    auto run = [](std::uint64_t seed) {
        SimulatedBoardSettings settings = Player::quiet();
        settings.seed = seed;
        Player p(settings);
        step_up_left(p, 1.0);
        p.run_until(6.0);
        return p.samples();
    };
    const auto a = run(4), b = run(4), c = run(5);
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        ASSERT_EQ(a[i].t_s, b[i].t_s);
        ASSERT_EQ(a[i].tl, b[i].tl);
    }
    bool differs = a.size() != c.size();
    for (std::size_t i = 0; !differs && i < a.size(); ++i) differs = a[i].tl != c[i].tl;
    EXPECT_TRUE(differs);
}

// End to end: the game's own recogniser sees the key sequences as the exercises.
TEST(SimulatedBoard, RecogniserSeesTheStepUpAndTheKneeDrive) {
    SimulatedBoardSettings settings;  // default noise and offsets, as in the game
    settings.seed = 12;
    Player p(settings);
    p.at(0.0, [](SimControls&) {});
    step_up_left(p, 3.0);
    p.at(9.0, [](SimControls& c) { c.left_foot_on = c.right_foot_on = true; });
    p.at(13.0, [](SimControls& c) { c.right_knee_up = true; });
    p.at(15.5, [](SimControls& c) { c.right_knee_up = false; });
    p.at(19.0, [](SimControls& c) { c.left_foot_on = c.right_foot_on = false; });
    p.run_until(21.0);
    const core::Analysis a = core::analyze(p.samples());
    int step_ups = 0, knee_drives = 0;
    for (const core::Event& e : a.events) {
        if (const auto* up = std::get_if<core::StepUpEvent>(&e)) {
            ++step_ups;
            EXPECT_EQ(up->lead, core::Side::left);
            EXPECT_NEAR(up->start_s, 3.0, 0.15);
        } else if (const auto* kd = std::get_if<core::KneeDriveEvent>(&e)) {
            ++knee_drives;
            EXPECT_EQ(kd->side, core::Side::left);
            EXPECT_NEAR(kd->start_s, 13.0, 0.3);
        }
    }
    EXPECT_EQ(step_ups, 1);
    EXPECT_EQ(knee_drives, 1);
}

}  // namespace
}  // namespace highstep::synth
