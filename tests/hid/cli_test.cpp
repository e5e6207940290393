// The `devices`, `record` and `decode` commands over the fake HIDAPI: what a
// player sees, a recording stopped with Ctrl-C that is complete, and its raw log
// decoding back to the same recording.
#include <gtest/gtest.h>

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <thread>
#include <unistd.h>

#include "commands.h"
#include "fake_boards.h"
#include "highstep/input/recording.h"

namespace highstep::hid {
namespace {

using namespace test;
namespace fs = std::filesystem;

class HidCli : public ::testing::Test {
protected:
    void SetUp() override {
        // No mapping files from the developer's own ~/.config.
        // One folder per test and process: ctest runs tests in parallel processes.
        dir_ = fs::path(::testing::TempDir()) /
               ("highstep_hid_cli_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) +
                "_" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        setenv("XDG_CONFIG_HOME", dir_.c_str(), 1);
    }
    void TearDown() override {
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }
    FakeSystemGuard guard_;
    fs::path dir_;
};

std::size_t data_lines(const fs::path& csv) {
    std::ifstream in(csv);
    std::string line;
    std::size_t n = 0;
    while (std::getline(in, line)) n += (!line.empty() && line[0] != '#' && line[0] != 't') ? 1 : 0;
    return n;
}

TEST_F(HidCli, DevicesListsBoardsAndIgnoresRemotes) {
    fake_hid::FakeWiiBoard::Config config;
    config.battery_level = 0xBF;  // 191 * 100 / 255 = 74 %
    plug_board("fake/hidraw0", round_calibration(), L"", config);
    auto remote_id = fake_hid::FakeWiiBoard::board_identity("fake/hidraw1");
    remote_id.product = L"Nintendo RVL-CNT-01";
    fake_hid::plug(std::make_shared<fake_hid::FakeWiiBoard>(remote_id, fake_hid::FakeWiiBoard::Config{}));
    ::testing::internal::CaptureStdout();
    const int rc = cli::run_devices({});
    const std::string out = ::testing::internal::GetCapturedStdout();
    EXPECT_EQ(rc, 0);
    EXPECT_NE(out.find("wii-balance-board  fake/hidraw0  battery 74%  calibration ok"), std::string::npos) << out;
    EXPECT_NE(out.find("ignored  fake/hidraw1"), std::string::npos) << out;
    EXPECT_EQ(out.find("no boards found"), std::string::npos) << out;
}

TEST_F(HidCli, DevicesExplainsABoardThatCannotStart) {
    fake_hid::FakeWiiBoard::Config config;
    config.write_errors[0xA400F0] = 0x04;
    plug_board("fake/hidraw0", round_calibration(), L"", config);
    ::testing::internal::CaptureStdout();
    const int rc = cli::run_devices({});
    const std::string out = ::testing::internal::GetCapturedStdout();
    EXPECT_EQ(rc, 0);
    EXPECT_NE(out.find("NOT USABLE"), std::string::npos) << out;
    EXPECT_NE(out.find("error code 4"), std::string::npos) << out;
    EXPECT_NE(out.find("no boards found."), std::string::npos) << out;
    EXPECT_NE(out.find("red sync button"), std::string::npos) << out;
}

TEST_F(HidCli, DevicesRejectsABadMapFileWithItsLine) {
    const fs::path map = dir_ / "bad.json";
    std::ofstream(map) << "{\n  \"format\": \"highstep-board-map\",\n  \"version\": 7\n}\n";
    ::testing::internal::CaptureStderr();
    const int rc = cli::run_devices({"--map", map.string()});
    const std::string err = ::testing::internal::GetCapturedStderr();
    EXPECT_EQ(rc, 1);
    EXPECT_NE(err.find(map.string() + ":3:"), std::string::npos) << err;
}

TEST_F(HidCli, RecordStopsOnCtrlCWithACompleteFileAndItsRawLogDecodesToTheSame) {
    auto board = plug_board("fake/hidraw0", round_calibration());
    const fs::path csv = dir_ / "rec.csv";
    const fs::path raw = dir_ / "rec.hidlog";
    const fs::path decoded = dir_ / "decoded.csv";

    std::atomic<bool> feeding{true};
    std::thread feeder([&] {
        std::uint16_t i = 0;
        while (feeding) {
            // TL grows 10 g a report; TR, BR, BL steady at 5, 6 and 7 kg.
            board->send_data({1500, 2600, static_cast<std::uint16_t>(3000 + (i++ % 500)), 4700});
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    });
    int rc = -1;
    std::thread recorder([&] { rc = cli::run_record({csv.string(), "--raw-log", raw.string()}); });
    const bool got_samples = wait_until([&] { return fs::exists(csv) && data_lines(csv) >= 50; });
    std::raise(SIGINT);  // what Ctrl-C does; run_record has its handler in place once samples flow
    recorder.join();
    feeding = false;
    feeder.join();
    ASSERT_TRUE(got_samples);
    EXPECT_EQ(rc, 0);

    const Recording rec = read_recording(csv);
    ASSERT_GE(rec.samples.size(), 50u);
    EXPECT_EQ(rec.meta("board"), "wii-balance-board");
    for (const BoardSample& s : rec.samples) {
        EXPECT_FLOAT_EQ(s.tr, 5.0f);
        EXPECT_FLOAT_EQ(s.br, 6.0f);
        EXPECT_FLOAT_EQ(s.bl, 7.0f);
        EXPECT_GE(s.t_s, 0.0);
    }

    ASSERT_EQ(cli::run_decode({raw.string(), decoded.string()}), 0);
    const Recording again = read_recording(decoded);
    ASSERT_EQ(again.samples.size(), rec.samples.size());
    for (std::size_t i = 0; i < rec.samples.size(); ++i) {
        // Both are the same arrival time, rounded to 0.1 ms by the CSV (via 1 µs in the log).
        EXPECT_NEAR(again.samples[i].t_s, rec.samples[i].t_s, 1.5e-4) << i;
        EXPECT_FLOAT_EQ(again.samples[i].tl, rec.samples[i].tl) << i;
    }
}

TEST_F(HidCli, RecordGoesOnWhenTheBoardDropsOutAndComesBack) {
    std::shared_ptr<fake_hid::FakeWiiBoard> board = plug_board("fake/hidraw0", round_calibration(), L"00:24:44:AA:BB:CC");
    std::mutex board_mutex;
    const fs::path csv = dir_ / "dropout.csv";
    std::atomic<bool> feeding{true};
    std::atomic<std::uint16_t> tl_raw{3100};  // 1 kg on the first connection
    std::thread feeder([&] {
        while (feeding) {
            {
                std::lock_guard lock(board_mutex);
                board->send_data({1000, 2000, tl_raw.load(), 4000});
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    });
    int rc = -1;
    std::thread recorder([&] { rc = cli::run_record({csv.string()}); });
    auto file_has = [&](const std::string& needle) {
        std::ifstream in(csv);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        return text.find(needle) != std::string::npos;
    };
    const bool first = wait_until([&] { return file_has(",1.00,0.00,0.00,0.00,"); });
    fake_hid::unplug("fake/hidraw0");
    {
        // The board comes back on another node, now with 2 kg on the top-left cell.
        std::lock_guard lock(board_mutex);
        tl_raw = 3200;
        board = plug_board("fake/hidraw3", round_calibration(), L"00:24:44:AA:BB:CC");
    }
    const bool second = wait_until([&] { return file_has(",2.00,0.00,0.00,0.00,"); });
    std::raise(SIGINT);
    recorder.join();
    feeding = false;
    feeder.join();
    EXPECT_TRUE(first);
    EXPECT_TRUE(second);
    EXPECT_EQ(rc, 0);
    const Recording rec = read_recording(csv);  // still a valid recording, time never going back
    EXPECT_GT(rec.samples.size(), 2u);
}

TEST_F(HidCli, RecordWithoutABoardSaysWhy) {
    ::testing::internal::CaptureStderr();
    const int rc = cli::run_record({(dir_ / "none.csv").string(), "--seconds", "1"});
    const std::string err = ::testing::internal::GetCapturedStderr();
    EXPECT_EQ(rc, 1);
    EXPECT_NE(err.find("no board to record from"), std::string::npos) << err;
    EXPECT_EQ(cli::run_record({(dir_ / "none.csv").string(), "--seconds", "-3"}), 2);
}

TEST_F(HidCli, DecodeErrorsNameTheFileAndLine) {
    const fs::path raw = dir_ / "bad.hidlog";
    std::ofstream(raw) << "0.1 3200\n0.2 32zz\n";
    ::testing::internal::CaptureStderr();
    const int rc = cli::run_decode({raw.string(), (dir_ / "out.csv").string()});
    const std::string err = ::testing::internal::GetCapturedStderr();
    EXPECT_EQ(rc, 1);
    EXPECT_NE(err.find(raw.string() + ":2:"), std::string::npos) << err;
    EXPECT_FALSE(fs::exists(dir_ / "out.csv"));
    EXPECT_EQ(cli::run_decode({raw.string()}), 2);
}

}  // namespace
}  // namespace highstep::hid
