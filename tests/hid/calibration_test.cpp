// Raw→kg against values worked out by hand and against the kernel's formula (at and
// above the 0 kg point; below it the driver extrapolates where the kernel clamps).
#include <gtest/gtest.h>

#include <random>

#include "fake_boards.h"
#include "highstep/hid/wii_calibration.h"

namespace highstep::hid {
namespace {

using test::wiibrew_calibration;

// The Linux kernel's wiimod_bboard_in_ext() arithmetic, written out independently
// in its own shape (C integers, 10 g units) to check the driver against.
int kernel_10g(const unsigned short cal[3], int val) {
    int tmp = 0;
    int div = 0;
    if (val <= cal[0]) {
        tmp = 0;
    } else if (val < cal[1]) {
        tmp = val - cal[0];
        tmp *= 1700;
        div = cal[1] - cal[0];
        tmp /= div ? div : 1;
    } else {
        tmp = val - cal[1];
        tmp *= 1700;
        div = cal[2] - cal[1];
        tmp /= div ? div : 1;
        tmp += 1700;
    }
    return tmp;
}

TEST(WiiCalibration, ParsesBigEndianInSensorOrderTrBrTlBl) {
    // The WiiBrew dump: 0 kg row, 17 kg row, 34 kg row; each TR BR TL BL.
    const std::uint8_t block[24] = {0x07, 0xC3, 0x3C, 0xF8, 0x04, 0x8C, 0x29, 0x6B,
                                    0x0E, 0xD2, 0x43, 0x84, 0x0B, 0x3A, 0x30, 0x69,
                                    0x15, 0xE9, 0x4A, 0x10, 0x11, 0xEF, 0x37, 0x6E};
    const WiiCalibration c = WiiCalibration::from_bytes(block);
    EXPECT_EQ(c.raw[0][0], 0x07C3);  // TR 0 kg
    EXPECT_EQ(c.raw[1][1], 0x4384);  // BR 17 kg
    EXPECT_EQ(c.raw[2][2], 0x11EF);  // TL 34 kg
    EXPECT_EQ(c.raw[3][0], 0x296B);  // BL 0 kg
    EXPECT_EQ(c.to_bytes(), std::to_array(block));
}

TEST(WiiCalibration, HandWorkedValues) {
    const WiiCalibration c = wiibrew_calibration();
    // TR: 0 kg at 1987, 17 kg at 3794, 34 kg at 5609.
    EXPECT_EQ(c.load_10g(WiiSensor::tr, 1987), 0);
    EXPECT_EQ(c.load_10g(WiiSensor::tr, 3794), 1700);
    EXPECT_EQ(c.load_10g(WiiSensor::tr, 5609), 3400);
    // Half way up the first segment: 903 * 1700 / 1807 = 849.5… → 849 (truncated).
    EXPECT_EQ(c.load_10g(WiiSensor::tr, 2890), 849);
    EXPECT_FLOAT_EQ(c.load_kg(WiiSensor::tr, 2890), 8.49f);
    // Above 34 kg the 17–34 kg line goes on: 3630 * 1700 / 1815 + 1700 = 5100 → 51 kg.
    EXPECT_EQ(c.load_10g(WiiSensor::tr, 7424), 5100);
    // A full-scale reading is not clipped: (65535 − 3794) * 1700 / 1815 + 1700 = 59529.
    EXPECT_EQ(c.load_10g(WiiSensor::tr, 65535), 59529);
    // Below the 0 kg point the 0-17 kg line goes on (the kernel would say 0):
    // (1000 − 1987) * 1700 / 1807 = −928.55… → −928 (truncated toward zero) → −9.28 kg.
    EXPECT_EQ(c.load_10g(WiiSensor::tr, 1000), -928);
    EXPECT_FLOAT_EQ(c.load_kg(WiiSensor::tr, 1000), -9.28f);
    // Raw 0: −1987 * 1700 / 1807 = −1869.34… → −1869.
    EXPECT_EQ(c.load_10g(WiiSensor::tr, 0), -1869);
    // A corner 190 counts below its zero, as on the study board that reads about
    // −1.8 kg a corner when empty: −190 * 1700 / 1807 = −178.7… → −178.
    EXPECT_EQ(c.load_10g(WiiSensor::tr, 1797), -178);
    // One count below: −1700 / 1807 = −0.94 → 0 (truncation toward zero, like above it).
    EXPECT_EQ(c.load_10g(WiiSensor::tr, 1986), 0);
    // BL: 100 counts below 10603 on a 1790-count segment: −170000 / 1790 = −94.97… → −94.
    EXPECT_EQ(c.load_10g(WiiSensor::bl, 10503), -94);
    // BL: 0 kg at 10603, 17 kg at 12393: 10603 + 179 → 179 * 1700 / 1790 = 170 → 1.70 kg.
    EXPECT_EQ(c.load_10g(WiiSensor::bl, 10782), 170);
}

TEST(WiiCalibration, MatchesKernelFormulaOnRandomBoards) {
    std::mt19937 rng(1234);
    std::uniform_int_distribution<int> zero(0, 30000);
    std::uniform_int_distribution<int> step(1, 9000);
    std::uniform_int_distribution<int> raw(0, 65535);
    for (int board = 0; board < 200; ++board) {
        WiiCalibration c;
        unsigned short cal[4][3];
        for (int s = 0; s < 4; ++s) {
            cal[s][0] = static_cast<unsigned short>(zero(rng));
            cal[s][1] = static_cast<unsigned short>(cal[s][0] + step(rng));
            cal[s][2] = static_cast<unsigned short>(cal[s][1] + step(rng));
            c.raw[s] = {cal[s][0], cal[s][1], cal[s][2]};
        }
        for (int i = 0; i < 200; ++i) {
            const int s = i % 4;
            const int v = raw(rng);
            const int got = c.load_10g(static_cast<WiiSensor>(s), static_cast<std::uint16_t>(v));
            if (v > cal[s][0]) {
                ASSERT_EQ(got, kernel_10g(cal[s], v)) << "board " << board << " sensor " << s << " raw " << v;
            } else {
                // Below the 0 kg point the kernel clamps; here the 0-17 kg line goes on:
                // negative, and no further below 0 than the line itself.
                const double line_10g = (v - cal[s][0]) * 1700.0 / (cal[s][1] - cal[s][0]);
                ASSERT_LE(got, 0);
                ASSERT_GT(got, line_10g - 1.0) << "board " << board << " sensor " << s << " raw " << v;
                ASSERT_LE(got, line_10g + 1.0);
            }
        }
    }
}

TEST(WiiCalibration, RejectsNonIncreasingRows) {
    auto bytes = wiibrew_calibration().to_bytes();
    // Make BL's 17 kg point equal to its 0 kg point (bytes 14–15 = BL 17 kg).
    bytes[14] = 0x29;
    bytes[15] = 0x6B;
    try {
        (void)WiiCalibration::from_bytes(bytes);
        FAIL() << "a flat calibration row was accepted";
    } catch (const CalibrationError& e) {
        EXPECT_NE(std::string(e.what()).find("bottom-left"), std::string::npos) << e.what();
    }
    // A decreasing 34 kg point for TR (bytes 16–17).
    bytes = wiibrew_calibration().to_bytes();
    bytes[16] = 0x00;
    bytes[17] = 0x01;
    EXPECT_THROW((void)WiiCalibration::from_bytes(bytes), CalibrationError);
    EXPECT_THROW((void)WiiCalibration::from_bytes(std::span(bytes).first(23)), CalibrationError);
}

}  // namespace
}  // namespace highstep::hid
