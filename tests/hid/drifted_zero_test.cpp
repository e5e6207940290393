// A board whose empty reading has drifted below its own 0 kg calibration point: the
// driver extrapolates the 0-17 kg line into negative loads (the kernel clamps at 0), so
// the tare sees the whole offset and the player's weight comes out right, live and
// through `highstep decode` of a raw log.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "fake_boards.h"
#include "highstep/core/recognise/analysis.h"
#include "highstep/core/recognise/recognizer.h"
#include "highstep/hid/raw_log.h"
#include "highstep/hid/wii_decoder.h"

namespace highstep::hid {
namespace {

using Bytes = std::vector<std::uint8_t>;

// round_calibration(): 100 counts a kg from zero points TR 1000, BR 2000, TL 3000, BL 4000.
constexpr std::array<int, 4> kZero{1000, 2000, 3000, 4000};  // wire order TR, BR, TL, BL

Bytes data_report(const std::array<int, 4>& raw) {
    Bytes r{0x32, 0x00, 0x00};
    for (int v : raw) {
        r.push_back(static_cast<std::uint8_t>(v >> 8));
        r.push_back(static_cast<std::uint8_t>(v & 0xFF));
    }
    return r;
}

Bytes calibration_reply(std::size_t from, std::size_t n) {
    const auto block = test::round_calibration().to_bytes();
    Bytes r(22, 0x00);
    r[0] = 0x21;
    r[3] = static_cast<std::uint8_t>((n - 1) << 4);
    r[5] = static_cast<std::uint8_t>(0x24 + from);
    for (std::size_t i = 0; i < n; ++i) r[6 + i] = block[from + i];
    return r;
}

// Raw counts of a board whose every corner reads `drift_counts` below its 0 kg point
// when empty, with `kg` standing evenly on it (plus a small sway, so it is a person).
std::array<int, 4> raw_counts(int drift_counts, double kg, double t_s) {
    std::array<int, 4> raw{};
    for (int s = 0; s < 4; ++s) {
        const double sway = kg > 0.0 ? 0.3 * std::sin(2.0 * t_s + s) : 0.0;
        raw[s] = kZero[s] - drift_counts + static_cast<int>(std::lround((kg / 4.0 + sway) * 100.0));
    }
    return raw;
}

// 3 s of empty board, a 1 s step on, 8 s of standing, as a decoder sees it.
std::vector<BoardSample> decoded_session(int drift_counts, double person_kg) {
    WiiReportDecoder d;
    d.feed(calibration_reply(0, 16), 0.0);
    d.feed(calibration_reply(16, 8), 0.0);
    std::vector<BoardSample> out;
    for (int i = 0; i < 1200; ++i) {
        const double t_s = 0.01 * i;
        const double on = std::clamp(t_s - 3.0, 0.0, 1.0);
        if (auto s = d.feed(data_report(raw_counts(drift_counts, on * person_kg, t_s)), t_s)) out.push_back(*s);
    }
    return out;
}

TEST(DriftedZero, EmptyBoardBelowItsZeroReadsNegative) {
    // 180 counts below each corner's 0 kg point: −180 * 1700 / 1700 → −1.80 kg a corner,
    // −7.2 kg in total (the study board of issue 12); the kernel's clamp would give 0.
    const auto samples = decoded_session(180, 0.0);
    ASSERT_FALSE(samples.empty());
    EXPECT_FLOAT_EQ(samples.front().tr, -1.8f);
    EXPECT_FLOAT_EQ(samples.front().br, -1.8f);
    EXPECT_FLOAT_EQ(samples.front().tl, -1.8f);
    EXPECT_FLOAT_EQ(samples.front().bl, -1.8f);
}

TEST(DriftedZero, AnalyzeTaresItAwayAndWeighsThePlayer) {
    // −7.2 kg (the study's board) and −20 kg (players' reports) in total when empty.
    for (int drift : {180, 500}) {
        const auto samples = decoded_session(drift, 70.0);
        const core::Analysis a = core::analyze(samples);
        EXPECT_NEAR(a.body_weight_kg, 70.0, 0.5) << "drift " << drift << " counts a corner";
    }
}

TEST(DriftedZero, WeighInTareFromTheEmptyBoard) {
    // The game's weigh-in: the mean raw loads of the empty board become the tare, then
    // the tared total of the player standing is their weight.
    const auto samples = decoded_session(500, 70.0);
    std::array<double, 4> tare{};
    int n = 0;
    for (const auto& s : samples) {
        if (s.t_s < 1.0 || s.t_s > 2.5) continue;
        tare[0] += s.tl, tare[1] += s.tr, tare[2] += s.bl, tare[3] += s.br;
        ++n;
    }
    for (double& v : tare) v /= n;
    EXPECT_NEAR(tare[0] + tare[1] + tare[2] + tare[3], -20.0, 0.01);
    core::Recognizer r;
    r.set_tare(static_cast<float>(tare[0]), static_cast<float>(tare[1]), static_cast<float>(tare[2]),
               static_cast<float>(tare[3]));
    std::vector<core::Event> events;
    double standing_kg = 0.0;
    for (const auto& s : samples) {
        r.push(s, events);
        if (s.t_s > 6.0) standing_kg = r.frame().total_kg;
    }
    EXPECT_NEAR(standing_kg, 70.0, 0.5);
}

TEST(DriftedZero, DecodeOfARawLogGivesTheSameNegativeLoads) {
    const auto path = std::filesystem::path(::testing::TempDir()) /
                      ("highstep_hid_drift_" + std::to_string(::getpid()) + ".hidlog");
    {
        std::ofstream log(path);
        auto line = [&](double t_s, const Bytes& r) {
            log << t_s << ' ';
            for (auto b : r) {
                char buf[3];
                std::snprintf(buf, sizeof buf, "%02x", b);
                log << buf;
            }
            log << '\n';
        };
        line(0.001, calibration_reply(0, 16));
        line(0.002, calibration_reply(16, 8));
        line(0.01, data_report(raw_counts(500, 0.0, 0.0)));
    }
    const DecodedLog d = decode_wii_log(path);
    std::filesystem::remove(path);
    ASSERT_EQ(d.samples.size(), 1u);
    EXPECT_FLOAT_EQ(d.samples[0].tr + d.samples[0].br + d.samples[0].tl + d.samples[0].bl, -20.0f);
}

}  // namespace
}  // namespace highstep::hid
