// The generator itself: determinism, timing, load sums, rotation, settings checks.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "highstep/synth/generator.h"
#include "highstep/synth/movements.h"
#include "synth_test_util.h"

namespace highstep::synth {
namespace {

using test::quiet_settings;
using test::script_from;
using test::window;

bool same_samples(const std::vector<BoardSample>& a, const std::vector<BoardSample>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].t_s != b[i].t_s || a[i].tl != b[i].tl || a[i].tr != b[i].tr || a[i].bl != b[i].bl ||
            a[i].br != b[i].br) {
            return false;
        }
    }
    return true;
}

TEST(SynthGenerator, SameSeedGivesTheSameSession) {
    SynthSettings s;
    s.jitter_ms = 4.0;
    s.gaps = 3;
    s.seed = 99;
    const Script script = named_script("mixed", 4);
    const SynthSession a = generate(script, s);
    const SynthSession b = generate(script, s);
    EXPECT_TRUE(same_samples(a.samples, b.samples));
    ASSERT_EQ(a.truth.size(), b.truth.size());
    for (std::size_t i = 0; i < a.truth.size(); ++i) {
        EXPECT_EQ(a.truth[i].start_s, b.truth[i].start_s);
        EXPECT_EQ(a.truth[i].peak_bw, b.truth[i].peak_bw);
    }
    s.seed = 100;
    const SynthSession c = generate(script, s);
    EXPECT_FALSE(same_samples(a.samples, c.samples));
    EXPECT_NE(a.truth[1].start_s, c.truth[1].start_s);  // script timing varies with the seed too
}

TEST(SynthGenerator, NominalRateWithoutJitterIsEvenlySpaced) {
    for (double rate : {40.0, 63.0, 100.0}) {
        SynthSettings s;
        s.rate_hz = rate;
        const auto t = sample_times(30.0, s);
        ASSERT_GT(t.size(), 10u);
        EXPECT_EQ(t.front(), 0.0);
        for (std::size_t i = 1; i < t.size(); ++i) EXPECT_NEAR(t[i] - t[i - 1], 1.0 / rate, 1e-9);
        EXPECT_NEAR(double(t.size()), 30.0 * rate + 1, 1.0);
    }
}

TEST(SynthGenerator, JitterSpreadsSpacingAroundThePeriod) {
    SynthSettings s;
    s.rate_hz = 50.0;
    s.jitter_ms = 4.0;
    s.seed = 3;
    const auto t = sample_times(200.0, s);
    std::vector<double> dt;
    for (std::size_t i = 1; i < t.size(); ++i) dt.push_back(t[i] - t[i - 1]);
    double mean = 0.0;
    for (double d : dt) mean += d;
    mean /= double(dt.size());
    double var = 0.0;
    for (double d : dt) var += (d - mean) * (d - mean);
    const double sd_ms = std::sqrt(var / double(dt.size())) * 1000.0;
    EXPECT_NEAR(mean, 0.020, 0.0003);
    EXPECT_NEAR(sd_ms, 4.0, 0.3);
    EXPECT_GE(*std::min_element(dt.begin(), dt.end()), 0.020 * 0.25 - 1e-12);  // never backwards, never bunched
}

TEST(SynthGenerator, GapsRemoveStretchesOfUpToOneSecond) {
    SynthSettings s;
    s.rate_hz = 100.0;
    s.gaps = 5;
    s.max_gap_s = 1.0;
    s.seed = 11;
    const auto t = sample_times(120.0, s);
    int gaps = 0;
    double longest = 0.0;
    for (std::size_t i = 1; i < t.size(); ++i) {
        const double d = t[i] - t[i - 1];
        longest = std::max(longest, d);
        gaps += d > 0.05 ? 1 : 0;
    }
    EXPECT_GE(gaps, 1);
    EXPECT_LE(gaps, 5);  // overlapping gaps merge
    EXPECT_GT(longest, 0.1);
    EXPECT_LE(longest, 2.0 * 1.0 + 0.01);  // at most two merged gaps
    EXPECT_LT(t.front(), 0.5);
    EXPECT_GT(t.back(), 119.5);
}

TEST(SynthGenerator, QuietStanceLoadsSumToBodyWeight) {
    for (double kg : {30.0, 72.5, 150.0}) {
        SynthSettings s;  // default offsets: taring with them must give body weight
        s.body.body_weight_kg = kg;
        s.seed = 5;
        const SynthSession session = generate(script_from("empty 2\nstep-on\nstand 10\n"), s);
        const auto w = window(session.samples, s, 4.0, 12.0);
        EXPECT_NEAR(w.total_kg, kg, kg * 0.005) << kg;
        EXPECT_LT(w.max_total_kg - w.min_total_kg, kg * 0.03) << "quiet stance is quiet";
        // Sway of a few mm, as in the real baselines.
        EXPECT_GT(w.rms_x_mm, 0.5);
        EXPECT_LT(w.rms_x_mm, 6.0);
        EXPECT_GT(w.rms_y_mm, 0.5);
        EXPECT_LT(w.rms_y_mm, 8.0);
        const auto empty = window(session.samples, s, 0.0, 1.9);
        EXPECT_NEAR(empty.total_kg, 0.0, 0.2);
    }
}

TEST(SynthGenerator, OffsetsMakeTareMatter) {
    SynthSettings s;
    s.body.sensor_offset_kg = 2.0;
    s.seed = 8;
    const SynthSession session = generate(script_from("empty 3\n"), s);
    double raw = 0.0;
    for (const BoardSample& b : session.samples) raw += b.total_kg();
    raw /= double(session.samples.size());
    const BodyModel model(s.body, s.seed);
    double offsets = 0.0;
    for (float o : model.sensor_offsets_kg()) offsets += o;
    EXPECT_GT(raw, 0.3) << "an empty board does not read zero";
    EXPECT_NEAR(raw, offsets, 0.3);
}

TEST(SynthGenerator, OneLegStanceHasCopUnderTheStanceFootAndSwaysMore) {
    SynthSettings s = quiet_settings();
    s.body.stance_width_mm = 220.0;
    const SynthSession session = generate(script_from("empty 1\nstep-on\nstand 6\none-leg right 8\nstand 4\n"
                                                      "one-leg left 8\n"), s);
    const TruthEvent& right = session.truth.at(1);
    const TruthEvent& left = session.truth.at(2);
    ASSERT_EQ(right.type, TruthType::one_leg_hold);
    ASSERT_EQ(right.side, Side::right);
    const auto two = window(session.samples, s, 3.0, 6.5);
    const auto r = window(session.samples, s, right.start_s + 0.5, right.end_s - 0.2);
    const auto l = window(session.samples, s, left.start_s + 0.5, left.end_s - 0.2);
    EXPECT_NEAR(r.cop_x_mm, 110.0, 12.0);
    EXPECT_NEAR(l.cop_x_mm, -110.0, 12.0);
    EXPECT_NEAR(r.total_kg, 70.0, 1.0);
    EXPECT_GT(r.rms_x_mm + r.rms_y_mm, 1.5 * (two.rms_x_mm + two.rms_y_mm));
}

TEST(SynthGenerator, OffCentreFeetMoveTheCop) {
    SynthSettings s = quiet_settings();
    s.body.feet_offset_x_mm = 60.0;
    s.body.feet_offset_y_mm = -40.0;
    const SynthSession session = generate(script_from("empty 1\nstep-on share=0.5\nstand 8\n"), s);
    const auto w = window(session.samples, s, 3.0, 9.0);
    EXPECT_NEAR(w.cop_x_mm, 60.0, 6.0);
    EXPECT_NEAR(w.cop_y_mm, -40.0, 6.0);
}

TEST(SynthGenerator, RotatedBoardSwapsDiagonalSensors) {
    SynthSettings s = quiet_settings();
    s.body.noise_kg = 0.0;
    const Script script = script_from("empty 1\nstep-on\nstand 2\none-leg left 2\nstand 1\n");
    const SynthSession normal = generate(script, s);
    s.body.rotated_180 = true;
    const SynthSession turned = generate(script, s);
    ASSERT_EQ(normal.samples.size(), turned.samples.size());
    double front_left_load = 0.0;
    for (std::size_t i = 0; i < normal.samples.size(); ++i) {
        EXPECT_FLOAT_EQ(turned.samples[i].tl, normal.samples[i].br);
        EXPECT_FLOAT_EQ(turned.samples[i].br, normal.samples[i].tl);
        EXPECT_FLOAT_EQ(turned.samples[i].tr, normal.samples[i].bl);
        EXPECT_FLOAT_EQ(turned.samples[i].bl, normal.samples[i].tr);
        front_left_load += std::abs(normal.samples[i].tl - normal.samples[i].br);
    }
    EXPECT_GT(front_left_load, 10.0) << "the swap must be visible, not of equal loads";
}

TEST(SynthGenerator, RejectsSettingsOutOfRange) {
    const Script script = named_script("baseline");
    auto bad = [&](auto change) {
        SynthSettings s;
        change(s);
        EXPECT_THROW(generate(script, s), std::invalid_argument);
    };
    bad([](SynthSettings& s) { s.body.body_weight_kg = 29.0; });
    bad([](SynthSettings& s) { s.body.body_weight_kg = 151.0; });
    bad([](SynthSettings& s) { s.rate_hz = 39.0; });
    bad([](SynthSettings& s) { s.rate_hz = 101.0; });
    bad([](SynthSettings& s) { s.max_gap_s = 1.5; });
    bad([](SynthSettings& s) { s.gaps = -1; });
    bad([](SynthSettings& s) { s.body.noise_kg = -0.1; });
    bad([](SynthSettings& s) { s.body.feet_offset_x_mm = 150.0; });  // outer foot off the board
    bad([](SynthSettings& s) { s.rate_hz = std::nan(""); });
}

TEST(SynthGenerator, NamedScriptsHaveTheirReps) {
    const SynthSession ups = generate(named_script("step-ups", 6), SynthSettings{});
    ASSERT_EQ(ups.truth.size(), 6u);
    for (std::size_t i = 0; i < ups.truth.size(); ++i) {
        EXPECT_EQ(ups.truth[i].type, TruthType::step_up);
        EXPECT_EQ(ups.truth[i].side, i % 2 == 0 ? Side::left : Side::right);
    }
    const SynthSession knees = generate(named_script("knee-drives", 4), SynthSettings{});
    int drives = 0;
    for (const TruthEvent& e : knees.truth) drives += e.type == TruthType::knee_drive ? 1 : 0;
    EXPECT_EQ(drives, 4);
    EXPECT_EQ(knees.truth.front().type, TruthType::step_on);
    EXPECT_EQ(knees.truth.back().type, TruthType::step_off);
    EXPECT_THROW(named_script("no-such-script"), std::invalid_argument);
}

}  // namespace
}  // namespace highstep::synth

namespace highstep::synth {
namespace {

TEST(SynthGenerator, RefusesSessionsLongerThanFourHours) {
    std::string text;
    for (int i = 0; i < 5; ++i) text += "empty 3600\n";
    EXPECT_THROW(generate(test::script_from(text.c_str()), SynthSettings{}), std::invalid_argument);
}

TEST(SynthPoseTrack, DropBeforeKeepsWhatLaterTimesNeed) {
    PoseTrack track;
    for (int i = 0; i <= 10; ++i) track.add(i, two_feet(0.5, i / 10.0));
    const Pose before = track.at(5.5);
    track.drop_before(5.5);
    EXPECT_EQ(track.keys().size(), 6u);  // keys 5..10
    EXPECT_DOUBLE_EQ(track.at(5.5).total_bw(), before.total_bw());
    EXPECT_DOUBLE_EQ(track.at(9.0).total_bw(), 0.9);
    EXPECT_DOUBLE_EQ(track.at(5.0).total_bw(), 0.5);
}

}  // namespace
}  // namespace highstep::synth
