// The report decoder shared by the live driver and `highstep decode`.
#include <gtest/gtest.h>

#include "fake_boards.h"
#include "highstep/hid/wii_decoder.h"

namespace highstep::hid {
namespace {

using Bytes = std::vector<std::uint8_t>;

Bytes read_reply(std::uint16_t address, const Bytes& data, std::uint8_t error = 0) {
    Bytes r{0x21, 0x00, 0x00, static_cast<std::uint8_t>(((data.empty() ? 0 : data.size() - 1) << 4) | error),
            static_cast<std::uint8_t>(address >> 8), static_cast<std::uint8_t>(address & 0xFF)};
    r.resize(22, 0x00);
    std::copy(data.begin(), data.end(), r.begin() + 6);
    return r;
}

Bytes data_report(std::array<std::uint16_t, 4> raw, std::uint8_t id = 0x32, bool button = false) {
    Bytes r{id, 0x00, static_cast<std::uint8_t>(button ? 0x08 : 0x00)};
    for (auto v : raw) {
        r.push_back(static_cast<std::uint8_t>(v >> 8));
        r.push_back(static_cast<std::uint8_t>(v & 0xFF));
    }
    r.resize(id == 0x32 ? 11 : 22, 0x00);
    return r;
}

void feed_calibration(WiiReportDecoder& d, const WiiCalibration& c, std::size_t chunk) {
    const auto bytes = c.to_bytes();
    for (std::size_t i = 0; i < bytes.size(); i += chunk) {
        const std::size_t n = std::min(chunk, bytes.size() - i);
        d.feed(read_reply(static_cast<std::uint16_t>(0x24 + i), Bytes(bytes.begin() + i, bytes.begin() + i + n)), 0.0);
    }
}

TEST(WiiDecoder, CalibrationFromAnySplitOfReplies) {
    for (std::size_t chunk : {16u, 12u, 8u, 5u, 1u}) {
        WiiReportDecoder d;
        feed_calibration(d, test::round_calibration(), chunk);
        ASSERT_TRUE(d.calibration().has_value()) << "chunk " << chunk;
        EXPECT_EQ(d.calibration()->raw, test::round_calibration().raw) << "chunk " << chunk;
    }
}

TEST(WiiDecoder, CalibrationFromAReadStartingAt0x20) {
    // Some tools read 32 bytes from 0xA40020; the block sits 4 bytes in.
    const auto cal = test::round_calibration().to_bytes();
    Bytes first{0x10, 0x69, 0x00, 0x00};
    first.insert(first.end(), cal.begin(), cal.begin() + 12);
    Bytes second(cal.begin() + 12, cal.end());
    second.insert(second.end(), {0x5E, 0x40, 0xE9, 0xB6});
    WiiReportDecoder d;
    d.feed(read_reply(0x20, first), 0.0);
    EXPECT_FALSE(d.calibration().has_value());
    d.feed(read_reply(0x30, second), 0.0);
    ASSERT_TRUE(d.calibration().has_value());
    EXPECT_EQ(d.calibration()->raw, test::round_calibration().raw);
}

TEST(WiiDecoder, DataReportsBecomeKilogramsInTheRightCorners) {
    WiiReportDecoder d;
    EXPECT_FALSE(d.feed(data_report({2000, 3000, 4000, 5000}), 0.5).has_value());
    EXPECT_EQ(d.counts().data_before_calibration, 1u);
    feed_calibration(d, test::round_calibration(), 16);
    // round_calibration: kg = (raw − zero) / 100, zero TR 1000, BR 2000, TL 3000, BL 4000.
    const auto s = d.feed(data_report({1500, 4000, 3250, 7400}, 0x34, true), 1.25);
    ASSERT_TRUE(s.has_value());
    EXPECT_DOUBLE_EQ(s->t_s, 1.25);
    EXPECT_FLOAT_EQ(s->tr, 5.0f);
    EXPECT_FLOAT_EQ(s->br, 20.0f);
    EXPECT_FLOAT_EQ(s->tl, 2.5f);
    EXPECT_FLOAT_EQ(s->bl, 34.0f);
    EXPECT_TRUE(s->button);
}

TEST(WiiDecoder, LoadsFromEveryModeWithEightExtensionBytes) {
    WiiReportDecoder d;
    feed_calibration(d, test::round_calibration(), 16);
    // 0x35: buttons, 3 accelerometer bytes, then the extension; 0x36: buttons, 10 IR
    // bytes, extension; 0x3D: extension only (no buttons).
    const std::array<std::uint8_t, 8> ext{0x04, 0x4C, 0x08, 0x34, 0x0C, 0x1C, 0x10, 0x04};  // 1100 2100 3100 4100
    Bytes r35{0x35, 0x00, 0x08, 1, 2, 3};
    r35.insert(r35.end(), ext.begin(), ext.end());
    r35.resize(22, 0);
    Bytes r36(13, 0x00);
    r36[0] = 0x36;
    r36.insert(r36.end(), ext.begin(), ext.end());
    r36.resize(22, 0);
    Bytes r3d{0x3D};
    r3d.insert(r3d.end(), ext.begin(), ext.end());
    r3d.resize(22, 0);
    for (const Bytes& r : {r35, r36, r3d}) {
        const auto s = d.feed(r, 0.0);
        ASSERT_TRUE(s.has_value()) << int(r[0]);
        EXPECT_FLOAT_EQ(s->tr, 1.0f);
        EXPECT_FLOAT_EQ(s->bl, 1.0f);
        EXPECT_EQ(s->button, r[0] == 0x35);
    }
    r35.resize(21);
    EXPECT_FALSE(d.feed(r35, 0.0).has_value());
}

TEST(WiiDecoder, GarbageAndShortReportsAreCountedNotDecoded) {
    WiiReportDecoder d;
    feed_calibration(d, test::round_calibration(), 16);
    const Bytes garbage[] = {{}, {0x32}, {0x32, 0x00, 0x00, 0x10, 0x00}, {0x34, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
                             {0x7F, 0x01, 0x02}, {0x20, 0x00}, {0x21, 0x00, 0x00, 0xF0, 0x00, 0x24, 0x01},
                             {0x22, 0x00}};
    for (const Bytes& g : garbage) EXPECT_FALSE(d.feed(g, 0.0).has_value());
    EXPECT_EQ(d.counts().malformed, std::size(garbage));
    EXPECT_EQ(d.counts().samples, 0u);
    // The calibration survived the garbage: a good report still decodes.
    EXPECT_TRUE(d.feed(data_report({1100, 2100, 3100, 4100}), 0.0).has_value());
}

TEST(WiiDecoder, InvalidCalibrationIsReportedAndNotUsed) {
    WiiCalibration bad = test::round_calibration();
    bad.raw[1] = {5000, 4000, 6000};
    WiiReportDecoder d;
    feed_calibration(d, bad, 16);
    EXPECT_FALSE(d.calibration().has_value());
    EXPECT_NE(d.calibration_error().find("bottom-right"), std::string::npos) << d.calibration_error();
    EXPECT_FALSE(d.feed(data_report({1100, 2100, 3100, 4100}), 0.0).has_value());
}

TEST(WiiDecoder, StatusAckAndExtensionId) {
    WiiReportDecoder d;
    d.feed(Bytes{0x20, 0x00, 0x00, 0x03, 0x00, 0x00, 0x80}, 0.0);
    ASSERT_TRUE(d.last_status().has_value());
    EXPECT_TRUE(d.last_status()->extension);
    EXPECT_TRUE(d.last_status()->battery_low);
    EXPECT_EQ(d.last_status()->battery_percent(), 50);  // 128 * 100 / 255
    d.feed(Bytes{0x22, 0x00, 0x00, 0x16, 0x04}, 0.0);
    ASSERT_TRUE(d.last_ack().has_value());
    EXPECT_EQ(d.last_ack()->error, 4);
    EXPECT_EQ(d.counts().error_acks, 1u);
    d.feed(read_reply(0xFA, {0x00, 0x00, 0xA4, 0x20, 0x04, 0x02}), 0.0);
    ASSERT_TRUE(d.extension_id().has_value());
    EXPECT_EQ(*d.extension_id(), wii::kBalanceBoardExtId);
}

TEST(WiiProtocol, OutputReportsHaveTheDocumentedLayout) {
    EXPECT_EQ(wii::make_status_request(), (Bytes{0x15, 0x00}));
    EXPECT_EQ(wii::make_led(true), (Bytes{0x11, 0x10}));
    EXPECT_EQ(wii::make_reporting_mode(0x32), (Bytes{0x12, 0x04, 0x32}));
    EXPECT_EQ(wii::make_read(0xA40024, 24), (Bytes{0x17, 0x04, 0xA4, 0x00, 0x24, 0x00, 0x18}));
    const Bytes w = wii::make_write(0xA400F0, 0x55);
    ASSERT_EQ(w.size(), 22u);
    EXPECT_EQ(Bytes(w.begin(), w.begin() + 7), (Bytes{0x16, 0x04, 0xA4, 0x00, 0xF0, 0x01, 0x55}));
    EXPECT_EQ(wii::describe_extension(std::array<std::uint8_t, 6>{0, 0, 0xA4, 0x20, 0, 0}), "Nunchuk (0000A4200000)");
}

}  // namespace
}  // namespace highstep::hid
