// Raw HID logs: reading, errors, decoding to the kernel's kilograms, and a log
// recorded from the live driver decoding to exactly what the game saw.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <random>
#include <unistd.h>

#include "fake_boards.h"
#include "highstep/hid/raw_log.h"
#include "highstep/input/recording.h"

namespace highstep::hid {
namespace {

using namespace test;
namespace fs = std::filesystem;

fs::path temp_file(const std::string& name) {
    // Unique per process: ctest runs tests in parallel processes.
    return fs::path(::testing::TempDir()) / ("highstep_hid_" + std::to_string(::getpid()) + "_" + name);
}

void write_text(const fs::path& path, const std::string& text) {
    std::ofstream(path) << text;
}

std::string hex(const std::vector<std::uint8_t>& bytes) {
    std::string out;
    char buf[3];
    for (auto b : bytes) {
        std::snprintf(buf, sizeof buf, "%02x", b);
        out += buf;
    }
    return out;
}

// The kernel's arithmetic again, independently: 10 g units, truncating; except that
// below the 0 kg point the 0-17 kg line goes on (negative) where the kernel says 0.
int kernel_10g(const std::array<std::uint16_t, 3>& cal, int val) {
    if (val < cal[1]) return (val - cal[0]) * 1700 / (cal[1] - cal[0]);
    return (val - cal[1]) * 1700 / (cal[2] - cal[1]) + 1700;
}

std::string error_of(const std::string& text) {
    const fs::path p = temp_file("bad.hidlog");
    write_text(p, text);
    try {
        (void)read_raw_log(p);
    } catch (const RawLogError& e) {
        return e.what();
    }
    return "";
}

TEST(RawLog, ReadsTheIssueFormat) {
    const fs::path p = temp_file("format.hidlog");
    write_text(p, "# comment\n12.3456 3200000ed20ed2\r\n\n12.5 20000002000080\n");
    const auto entries = read_raw_log(p);
    ASSERT_EQ(entries.size(), 2u);
    EXPECT_DOUBLE_EQ(entries[0].t_s, 12.3456);
    EXPECT_EQ(entries[0].report, (std::vector<std::uint8_t>{0x32, 0x00, 0x00, 0x0e, 0xd2, 0x0e, 0xd2}));
    EXPECT_EQ(entries[0].line, 2);
    EXPECT_EQ(entries[1].line, 4);
}

TEST(RawLog, BadLinesNameFileAndLine) {
    std::string e = error_of("1.0 3200\n2.0 320\n");
    EXPECT_NE(e.find("bad.hidlog:2:"), std::string::npos) << e;
    EXPECT_NE(e.find("odd number"), std::string::npos) << e;
    e = error_of("1.0 32zz\n");
    EXPECT_NE(e.find(":1:"), std::string::npos) << e;
    EXPECT_NE(e.find("'zz' is not a hex byte"), std::string::npos) << e;
    e = error_of("abc 3200\n");
    EXPECT_NE(e.find("not a time"), std::string::npos) << e;
    e = error_of("3200000000\n");
    EXPECT_NE(e.find("no space"), std::string::npos) << e;
    e = error_of("2.0 3200\n1.0 3200\n");
    EXPECT_NE(e.find(":2:"), std::string::npos) << e;
    EXPECT_NE(e.find("backwards"), std::string::npos) << e;
    e = error_of("1.0    \n");
    EXPECT_FALSE(e.empty());
    try {
        (void)read_raw_log("/nonexistent/x.hidlog");
        FAIL();
    } catch (const RawLogError& err) {
        EXPECT_NE(std::string(err.what()).find("/nonexistent/x.hidlog"), std::string::npos);
    }
}

TEST(RawLog, UnseenLogDecodesToTheKernelsKilograms) {
    // A log as another tool might have written it: the board's answers to a
    // 24-byte calibration read (16 + 8 bytes), other replies around it, then data.
    const WiiCalibration cal = wiibrew_calibration();
    const auto block = cal.to_bytes();
    std::string log;
    log += "0.001000 20000002000000c0\n";
    log += "0.002000 2100005000fa0000a42004020000000000000000000000\n";
    std::vector<std::uint8_t> r1{0x21, 0x00, 0x00, 0xF0, 0x00, 0x24};
    r1.insert(r1.end(), block.begin(), block.begin() + 16);
    std::vector<std::uint8_t> r2{0x21, 0x00, 0x00, 0x70, 0x00, 0x34};
    r2.insert(r2.end(), block.begin() + 16, block.end());
    r2.resize(22, 0);
    log += "0.003000 " + hex(r1) + "\n0.004000 " + hex(r2) + "\n";

    std::mt19937 rng(99);
    std::uniform_int_distribution<int> raw(0, 65535);
    std::vector<std::array<int, 4>> values;
    for (int i = 0; i < 500; ++i) {
        std::array<int, 4> v{raw(rng), raw(rng), raw(rng), raw(rng)};
        values.push_back(v);
        std::vector<std::uint8_t> rep{static_cast<std::uint8_t>(i % 2 ? 0x34 : 0x32), 0x00, 0x00};
        for (int x : v) {
            rep.push_back(static_cast<std::uint8_t>(x >> 8));
            rep.push_back(static_cast<std::uint8_t>(x & 0xFF));
        }
        rep.resize(i % 2 ? 22 : 11, 0);
        char t[32];
        std::snprintf(t, sizeof t, "%.6f ", 0.01 + 0.01 * i);
        log += t + hex(rep) + "\n";
    }
    const fs::path p = temp_file("unseen.hidlog");
    write_text(p, log);
    const DecodedLog d = decode_wii_log(p);
    ASSERT_EQ(d.samples.size(), values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        const BoardSample& s = d.samples[i];
        // Wire order TR, BR, TL, BL.
        EXPECT_EQ(std::lround(s.tr * 100.0f), kernel_10g(cal.raw[0], values[i][0])) << i;
        EXPECT_EQ(std::lround(s.br * 100.0f), kernel_10g(cal.raw[1], values[i][1])) << i;
        EXPECT_EQ(std::lround(s.tl * 100.0f), kernel_10g(cal.raw[2], values[i][2])) << i;
        EXPECT_EQ(std::lround(s.bl * 100.0f), kernel_10g(cal.raw[3], values[i][3])) << i;
    }
}

TEST(RawLog, LogWithoutCalibrationIsAClearError) {
    const fs::path p = temp_file("nocal.hidlog");
    write_text(p, "0.1 3200000ed20ed20ed20ed2\n");
    try {
        (void)decode_wii_log(p);
        FAIL();
    } catch (const RawLogError& e) {
        EXPECT_NE(std::string(e.what()).find("no complete calibration"), std::string::npos) << e.what();
    }
}

// A real recording streamed through a fake board and the live driver with a raw
// log attached: the log decodes to exactly the samples the reader delivered, and
// those are the recording's kilograms (the fake's calibration is 100 counts per kg).
TEST(RawLog, RecordedFromTheLiveDriverDecodesToWhatTheGameSaw) {
    const fs::path real = fs::path(HIGHSTEP_REAL_DATA_DIR) / "dk_wii_baseline.csv";
    if (!fs::exists(real)) GTEST_SKIP() << "real recordings not found at " << real;
    const Recording rec = read_recording(real);
    const std::size_t n = std::min<std::size_t>(rec.samples.size(), 1500);

    FakeSystemGuard guard;
    auto board = plug_board("fake/hidraw0", round_calibration());
    const fs::path log_path = temp_file("live.hidlog");
    auto writer = std::make_shared<RawLogWriter>(log_path, 0.0, "wii-balance-board", "fake/hidraw0");
    auto tap_mutex = std::make_shared<std::mutex>();
    BoardReaderSettings settings = quick_settings();
    settings.queue_capacity = 4096;
    settings.raw_tap = [writer, tap_mutex](double t_s, std::span<const std::uint8_t> report) {
        std::lock_guard lock(*tap_mutex);
        writer->write(t_s, report);
    };
    auto reader = BoardReader::open(wii_candidate("fake/hidraw0"), settings);
    auto raw_of = [](float kg, int zero) { return static_cast<std::uint16_t>(zero + std::lround(kg * 100.0f)); };
    for (std::size_t i = 0; i < n; ++i) {
        const BoardSample& s = rec.samples[i];
        board->send_data({raw_of(s.tr, 1000), raw_of(s.br, 2000), raw_of(s.tl, 3000), raw_of(s.bl, 4000)});
    }
    std::vector<BoardSample> live;
    ASSERT_TRUE(wait_until([&] {
        while (auto s = reader->poll()) live.push_back(*s);
        return live.size() >= n;
    }));
    reader.reset();  // stops the thread: the tap is done
    writer->close();

    const DecodedLog decoded = decode_wii_log(log_path);
    ASSERT_EQ(decoded.samples.size(), n);
    for (std::size_t i = 0; i < n; ++i) {
        EXPECT_FLOAT_EQ(decoded.samples[i].tl, live[i].tl) << i;
        EXPECT_FLOAT_EQ(decoded.samples[i].br, live[i].br) << i;
        EXPECT_NEAR(decoded.samples[i].t_s, live[i].t_s, 1e-6) << i;
        EXPECT_NEAR(live[i].tl, rec.samples[i].tl, 0.006) << i;
        EXPECT_NEAR(live[i].tr, rec.samples[i].tr, 0.006) << i;
        EXPECT_NEAR(live[i].bl, rec.samples[i].bl, 0.006) << i;
        EXPECT_NEAR(live[i].br, rec.samples[i].br, 0.006) << i;
    }
}

}  // namespace
}  // namespace highstep::hid
