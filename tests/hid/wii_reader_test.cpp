// The Wii Balance Board driver end to end over the fake HIDAPI: start-up,
// streaming, status reports, refusals, garbage, loss and return, several boards.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "fake_boards.h"
#include "highstep/hid/board.h"

namespace highstep::hid {
namespace {

using namespace test;
using fake_hid::FakeWiiBoard;

class WiiReader : public ::testing::Test {
protected:
    FakeSystemGuard guard_;
};

std::vector<BoardSample> drain(BoardReader& reader, std::size_t want) {
    std::vector<BoardSample> got;
    wait_until([&] {
        while (auto s = reader.poll()) got.push_back(*s);
        return got.size() >= want;
    });
    return got;
}

TEST_F(WiiReader, StartUpFollowsTheProtocol) {
    auto board = plug_board("fake/hidraw0", round_calibration());
    auto reader = BoardReader::open(wii_candidate("fake/hidraw0"), quick_settings());
    ASSERT_NE(reader, nullptr);
    EXPECT_EQ(reader->state(), SourceState::running);

    // Status request, the two extension writes, ext id read, calibration read, LED, mode.
    const auto writes = board->writes();
    ASSERT_GE(writes.size(), 7u);
    EXPECT_EQ(writes[0][0], 0x15);
    EXPECT_EQ(std::vector<std::uint8_t>(writes[1].begin(), writes[1].begin() + 7),
              (std::vector<std::uint8_t>{0x16, 0x04, 0xA4, 0x00, 0xF0, 0x01, 0x55}));
    EXPECT_EQ(std::vector<std::uint8_t>(writes[2].begin(), writes[2].begin() + 7),
              (std::vector<std::uint8_t>{0x16, 0x04, 0xA4, 0x00, 0xFB, 0x01, 0x00}));
    EXPECT_EQ(writes[3], (std::vector<std::uint8_t>{0x17, 0x04, 0xA4, 0x00, 0xFA, 0x00, 0x06}));
    EXPECT_EQ(writes[4], (std::vector<std::uint8_t>{0x17, 0x04, 0xA4, 0x00, 0x24, 0x00, 0x18}));
    EXPECT_TRUE(board->led_on());
    EXPECT_EQ(board->reporting_mode(), 0x32);
    EXPECT_EQ(board->register_at(0xA400F0), 0x55);

    const BoardStatus st = reader->status();
    EXPECT_TRUE(st.calibration_ok);
    ASSERT_TRUE(st.battery_percent.has_value());
    EXPECT_EQ(*st.battery_percent, 0xC0 * 100 / 255);
}

TEST_F(WiiReader, StreamsCalibratedSamplesWithMonotonicTime) {
    auto board = plug_board("fake/hidraw0", round_calibration());
    auto reader = BoardReader::open(wii_candidate("fake/hidraw0"), quick_settings());
    for (int i = 0; i < 50; ++i) {
        // TR, BR, TL, BL with zeros 1000..4000 and 100 counts per kg.
        board->send_data({static_cast<std::uint16_t>(1000 + 10 * i), 2500, 3000, 5700}, i == 49);
    }
    const auto got = drain(*reader, 50);
    ASSERT_EQ(got.size(), 50u);
    for (int i = 0; i < 50; ++i) {
        EXPECT_FLOAT_EQ(got[i].tr, 0.1f * static_cast<float>(i)) << i;
        EXPECT_FLOAT_EQ(got[i].br, 5.0f);
        EXPECT_FLOAT_EQ(got[i].tl, 0.0f);
        EXPECT_FLOAT_EQ(got[i].bl, 17.0f);
        if (i > 0) {
            EXPECT_GE(got[i].t_s, got[i - 1].t_s);
        }
    }
    EXPECT_FALSE(got[48].button);
    EXPECT_TRUE(got[49].button);
}

TEST_F(WiiReader, CalibrationInSmallReplies) {
    FakeWiiBoard::Config config;
    config.reply_chunk = 5;  // 24 bytes in five replies
    auto board = plug_board("fake/hidraw0", wiibrew_calibration(), L"", config);
    auto reader = BoardReader::open(wii_candidate("fake/hidraw0"), quick_settings());
    board->send_data({2890, 0x4384, 0x048C, 0x376E});
    const auto got = drain(*reader, 1);
    ASSERT_EQ(got.size(), 1u);
    EXPECT_FLOAT_EQ(got[0].tr, 8.49f);   // worked out in calibration_test
    EXPECT_FLOAT_EQ(got[0].br, 17.0f);
    EXPECT_FLOAT_EQ(got[0].tl, 0.0f);
    EXPECT_FLOAT_EQ(got[0].bl, 34.0f);
}

TEST_F(WiiReader, StatusReportMakesTheDriverSetTheModeAgain) {
    auto board = plug_board("fake/hidraw0", round_calibration());
    auto reader = BoardReader::open(wii_candidate("fake/hidraw0"), quick_settings());
    const std::size_t modes_before = board->count_writes(0x12);
    board->send_status();  // the fake stops reporting (mode 0) until 0x12 comes again
    ASSERT_TRUE(wait_until([&] { return board->count_writes(0x12) > modes_before && board->reporting_mode() == 0x32; }));
    board->send_data({1100, 2100, 3100, 4100});
    EXPECT_EQ(drain(*reader, 1).size(), 1u);
}

TEST_F(WiiReader, ReportingMode0x34) {
    auto board = plug_board("fake/hidraw0", round_calibration());
    BoardReaderSettings settings = quick_settings();
    settings.wii_reporting_mode = 0x34;
    auto reader = BoardReader::open(wii_candidate("fake/hidraw0"), settings);
    EXPECT_EQ(board->reporting_mode(), 0x34);
    board->send_data({1100, 2200, 3300, 4400});
    const auto got = drain(*reader, 1);
    ASSERT_EQ(got.size(), 1u);
    EXPECT_FLOAT_EQ(got[0].bl, 4.0f);
}

TEST_F(WiiReader, RefusesAWiiRemoteWithoutExtension) {
    FakeWiiBoard::Config config;
    config.extension_connected = false;
    plug_board("fake/hidraw0", round_calibration(), L"", config);
    try {
        BoardReader::open(wii_candidate("fake/hidraw0"), quick_settings());
        FAIL() << "a Wii Remote was accepted as a board";
    } catch (const BoardError& e) {
        EXPECT_NE(std::string(e.what()).find("Wii Remote"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("fake/hidraw0"), std::string::npos) << e.what();
    }
    EXPECT_EQ(fake_hid::open_handles(), 0);
}

TEST_F(WiiReader, RefusesAWiiRemoteWithANunchuk) {
    FakeWiiBoard::Config config;
    config.extension_id = {0x00, 0x00, 0xA4, 0x20, 0x00, 0x00};
    plug_board("fake/hidraw0", round_calibration(), L"", config);
    try {
        BoardReader::open(wii_candidate("fake/hidraw0"), quick_settings());
        FAIL() << "a Wii Remote with a Nunchuk was accepted as a board";
    } catch (const BoardError& e) {
        EXPECT_NE(std::string(e.what()).find("Nunchuk"), std::string::npos) << e.what();
    }
}

TEST_F(WiiReader, RemoteIsNotListedAsABoard) {
    auto remote_id = FakeWiiBoard::board_identity("fake/hidraw1");
    remote_id.product = L"Nintendo RVL-CNT-01-TR";
    fake_hid::plug(std::make_shared<FakeWiiBoard>(remote_id, FakeWiiBoard::Config{}));
    plug_board("fake/hidraw2", round_calibration());
    const BoardScan scan = find_boards();
    ASSERT_EQ(scan.boards.size(), 1u);
    EXPECT_EQ(scan.boards[0].path, "fake/hidraw2");
    ASSERT_EQ(scan.rejected.size(), 1u);
    EXPECT_EQ(scan.rejected[0].path, "fake/hidraw1");
    EXPECT_NE(scan.rejected[0].reason.find("Wii Remote"), std::string::npos);
}

TEST_F(WiiReader, AckWithAnErrorStopsTheStartUpClearly) {
    FakeWiiBoard::Config config;
    config.write_errors[0xA400F0] = 0x03;
    plug_board("fake/hidraw0", round_calibration(), L"", config);
    try {
        BoardReader::open(wii_candidate("fake/hidraw0"), quick_settings());
        FAIL() << "an error ack was ignored";
    } catch (const BoardError& e) {
        const std::string m = e.what();
        EXPECT_NE(m.find("0xA400F0"), std::string::npos) << m;
        EXPECT_NE(m.find("error code 3"), std::string::npos) << m;
    }
}

TEST_F(WiiReader, ReadErrorForCalibrationIsReported) {
    FakeWiiBoard::Config config;
    config.read_errors[0xA40024] = 0x08;
    plug_board("fake/hidraw0", round_calibration(), L"", config);
    try {
        BoardReader::open(wii_candidate("fake/hidraw0"), quick_settings());
        FAIL() << "a failed calibration read was ignored";
    } catch (const BoardError& e) {
        EXPECT_NE(std::string(e.what()).find("0xA40024"), std::string::npos) << e.what();
    }
}

TEST_F(WiiReader, BadCalibrationIsRefused) {
    WiiCalibration bad = round_calibration();
    bad.raw[2] = {3000, 3000, 6000};
    plug_board("fake/hidraw0", bad);
    try {
        BoardReader::open(wii_candidate("fake/hidraw0"), quick_settings());
        FAIL() << "a flat calibration was accepted";
    } catch (const BoardError& e) {
        EXPECT_NE(std::string(e.what()).find("top-left"), std::string::npos) << e.what();
    }
}

TEST_F(WiiReader, SilentDeviceTimesOutWithAMessage) {
    auto board = plug_board("fake/hidraw0", round_calibration());
    board->set_silent(true);
    BoardReaderSettings settings = quick_settings();
    settings.handshake_step_timeout_ms = 50;
    try {
        BoardReader::open(wii_candidate("fake/hidraw0"), settings);
        FAIL() << "a silent device was accepted";
    } catch (const BoardError& e) {
        EXPECT_NE(std::string(e.what()).find("no answer"), std::string::npos) << e.what();
    }
    EXPECT_EQ(board->count_writes(0x15), static_cast<std::size_t>(settings.handshake_attempts));
}

TEST_F(WiiReader, PermissionDeniedIsAnErrorNotACrash) {
    auto board = plug_board("fake/hidraw0", round_calibration());
    board->set_open_error(L"Permission denied");
    try {
        BoardReader::open(wii_candidate("fake/hidraw0"), quick_settings());
        FAIL() << "open should fail";
    } catch (const BoardError& e) {
        EXPECT_NE(std::string(e.what()).find("Permission denied"), std::string::npos) << e.what();
    }
}

TEST_F(WiiReader, GarbageAndShortReportsWhileStreamingAreSkipped) {
    auto board = plug_board("fake/hidraw0", round_calibration());
    auto reader = BoardReader::open(wii_candidate("fake/hidraw0"), quick_settings());
    board->push_input({0x32, 0x00});
    board->push_input({0xEE, 0x01, 0x02, 0x03});
    board->push_input({0x34, 0x00, 0x00, 0x01});
    board->send_data({1100, 2100, 3100, 4100});
    const auto got = drain(*reader, 1);
    ASSERT_EQ(got.size(), 1u);
    EXPECT_FLOAT_EQ(got[0].tr, 1.0f);
    EXPECT_TRUE(wait_until([&] { return reader->status().ignored_reports >= 3; }));
    EXPECT_EQ(reader->state(), SourceState::running);
}

TEST_F(WiiReader, BoardThatVanishesIsLostThenComesBack) {
    auto board = plug_board("fake/hidraw0", round_calibration(), L"00:24:44:DC:0B:25");
    auto reader = BoardReader::open(wii_candidate("fake/hidraw0", "00:24:44:DC:0B:25"), quick_settings());
    board->send_data({1100, 2100, 3100, 4100});
    ASSERT_EQ(drain(*reader, 1).size(), 1u);

    fake_hid::unplug("fake/hidraw0");
    ASSERT_TRUE(wait_until([&] { return reader->state() == SourceState::lost; }));
    EXPECT_FALSE(reader->status().last_problem.empty());
    EXPECT_FALSE(reader->poll().has_value());

    // Re-paired: the kernel gives it a new hidraw node; the Bluetooth address is the same.
    auto again = plug_board("fake/hidraw7", round_calibration(), L"00:24:44:DC:0B:25");
    ASSERT_TRUE(wait_until([&] { return reader->state() == SourceState::running; }));
    EXPECT_EQ(again->reporting_mode(), 0x32);
    EXPECT_EQ(reader->status().reconnects, 1u);
    again->send_data({1200, 2200, 3200, 4200});
    const auto got = drain(*reader, 1);
    ASSERT_EQ(got.size(), 1u);
    EXPECT_FLOAT_EQ(got[0].tr, 2.0f);
}

TEST_F(WiiReader, NoReportForTooLongIsLostUntilTheBoardAnswersAgain) {
    auto board = plug_board("fake/hidraw0", round_calibration());
    auto reader = BoardReader::open(wii_candidate("fake/hidraw0"), quick_settings());
    board->set_silent(true);
    ASSERT_TRUE(wait_until([&] { return reader->state() == SourceState::lost; }));
    EXPECT_NE(reader->status().last_problem.find("no report"), std::string::npos) << reader->status().last_problem;
    board->set_silent(false);
    ASSERT_TRUE(wait_until([&] { return reader->state() == SourceState::running; }));
    board->send_data({1100, 2100, 3100, 4100});
    EXPECT_EQ(drain(*reader, 1).size(), 1u);
}

TEST_F(WiiReader, ReportsWithoutLoadsRestartTheBoard) {
    // Another program switched the board to core-buttons-only reports (0x30):
    // reports keep coming but no loads. The reader restarts the board, which sets
    // the reporting mode again.
    auto board = plug_board("fake/hidraw0", round_calibration());
    auto reader = BoardReader::open(wii_candidate("fake/hidraw0"), quick_settings());
    std::atomic<bool> chatter{true};
    std::thread other([&] {
        while (chatter) {
            board->push_input({0x30, 0x00, 0x00});
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    });
    const bool lost = wait_until([&] { return reader->state() == SourceState::lost; });
    chatter = false;
    other.join();
    ASSERT_TRUE(lost);
    EXPECT_NE(reader->status().last_problem.find("none with loads"), std::string::npos) << reader->status().last_problem;
    ASSERT_TRUE(wait_until([&] { return reader->state() == SourceState::running; }));
    board->send_data({1300, 2300, 3300, 4300});
    const auto got = drain(*reader, 1);
    ASSERT_EQ(got.size(), 1u);
    EXPECT_FLOAT_EQ(got[0].tr, 3.0f);
}

TEST_F(WiiReader, TwoBoardsAtOnce) {
    auto left = plug_board("fake/hidraw0", round_calibration(), L"AA");
    auto right = plug_board("fake/hidraw1", wiibrew_calibration(), L"BB");
    const BoardScan scan = find_boards();
    ASSERT_EQ(scan.boards.size(), 2u);
    auto a = BoardReader::open(scan.boards[0], quick_settings());
    auto b = BoardReader::open(scan.boards[1], quick_settings());
    for (int i = 0; i < 100; ++i) {
        left->send_data({1100, 2100, 3100, 4100});
        right->send_data({0x0ED2, 0x4384, 0x0B3A, 0x3069});
    }
    const auto got_a = drain(*a, 100);
    const auto got_b = drain(*b, 100);
    ASSERT_EQ(got_a.size(), 100u);
    ASSERT_EQ(got_b.size(), 100u);
    for (const BoardSample& s : got_a) EXPECT_FLOAT_EQ(s.total_kg(), 4.0f);
    for (const BoardSample& s : got_b) EXPECT_FLOAT_EQ(s.total_kg(), 68.0f);
}

TEST_F(WiiReader, QueueOverflowDropsTheOldestAndCountsThem) {
    auto board = plug_board("fake/hidraw0", round_calibration());
    BoardReaderSettings settings = quick_settings();
    settings.queue_capacity = 8;
    auto reader = BoardReader::open(wii_candidate("fake/hidraw0"), settings);
    for (int i = 0; i < 100; ++i) board->send_data({static_cast<std::uint16_t>(1000 + i), 2000, 3000, 4000});
    ASSERT_TRUE(wait_until([&] { return reader->status().samples == 100; }));
    std::vector<BoardSample> got;
    while (auto s = reader->poll()) got.push_back(*s);
    ASSERT_EQ(got.size(), 8u);
    for (int i = 0; i < 8; ++i) EXPECT_FLOAT_EQ(got[i].tr, static_cast<float>(92 + i) / 100.0f);
    EXPECT_EQ(reader->status().dropped, 92u);
}

TEST_F(WiiReader, OpenFirstBoardPrefersAWorkingBoardAndSaysWhyOthersFailed) {
    FakeWiiBoard::Config broken;
    broken.write_errors[0xA400FB] = 0x07;
    plug_board("fake/hidraw0", round_calibration(), L"", broken);
    plug_board("fake/hidraw1", round_calibration());
    std::vector<std::string> problems;
    auto reader = open_first_board({}, quick_settings(), &problems);
    ASSERT_NE(reader, nullptr);
    EXPECT_EQ(reader->board().path, "fake/hidraw1");
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].find("0xA400FB"), std::string::npos) << problems[0];
}

TEST_F(WiiReader, NoBoardGivesNullptr) {
    std::vector<std::string> problems;
    EXPECT_EQ(open_first_board({}, quick_settings(), &problems), nullptr);
    EXPECT_TRUE(problems.empty());
}

TEST_F(WiiReader, ProbeReportsBatteryAndCalibrationAndCloses) {
    FakeWiiBoard::Config config;
    config.battery_level = 0x33;
    plug_board("fake/hidraw0", round_calibration(), L"", config);
    const BoardProbe p = probe_board(wii_candidate("fake/hidraw0"), quick_settings());
    EXPECT_TRUE(p.ok) << p.problem;
    EXPECT_TRUE(p.calibration_ok);
    ASSERT_TRUE(p.battery_percent.has_value());
    EXPECT_EQ(*p.battery_percent, 20);  // 51 * 100 / 255
    EXPECT_EQ(fake_hid::open_handles(), 0);
}

}  // namespace
}  // namespace highstep::hid
