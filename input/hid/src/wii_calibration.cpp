#include "highstep/hid/wii_calibration.h"

namespace highstep::hid {

namespace {
const char* sensor_name(int sensor) {
    static const char* const kNames[4] = {"top-right", "bottom-right", "top-left", "bottom-left"};
    return kNames[sensor];
}
}  // namespace

WiiCalibration WiiCalibration::from_bytes(std::span<const std::uint8_t> block) {
    if (block.size() != kBytes) {
        throw CalibrationError("calibration block has " + std::to_string(block.size()) +
                               " bytes, expected " + std::to_string(kBytes));
    }
    // Layout: the four 0 kg values, then the four 17 kg values, then the four 34 kg values.
    WiiCalibration c;
    std::size_t offset = 0;
    for (int point = 0; point < 3; ++point) {
        for (int sensor = 0; sensor < 4; ++sensor) {
            c.raw[sensor][point] = static_cast<std::uint16_t>((block[offset] << 8) | block[offset + 1]);
            offset += 2;
        }
    }
    for (int sensor = 0; sensor < 4; ++sensor) {
        const auto& r = c.raw[sensor];
        if (!(r[0] < r[1] && r[1] < r[2])) {
            throw CalibrationError(std::string("calibration of the ") + sensor_name(sensor) +
                                   " sensor is not increasing (0 kg: " + std::to_string(r[0]) +
                                   ", 17 kg: " + std::to_string(r[1]) + ", 34 kg: " + std::to_string(r[2]) +
                                   "); the board's calibration memory is damaged or was misread");
        }
    }
    return c;
}

std::array<std::uint8_t, WiiCalibration::kBytes> WiiCalibration::to_bytes() const {
    std::array<std::uint8_t, kBytes> out{};
    std::size_t offset = 0;
    for (int point = 0; point < 3; ++point) {
        for (int sensor = 0; sensor < 4; ++sensor) {
            out[offset] = static_cast<std::uint8_t>(raw[sensor][point] >> 8);
            out[offset + 1] = static_cast<std::uint8_t>(raw[sensor][point] & 0xFF);
            offset += 2;
        }
    }
    return out;
}

std::int32_t WiiCalibration::load_10g(WiiSensor sensor, std::uint16_t raw_value) const {
    // Same branches, order and integer truncation as wiimod_bboard_in_ext() in the
    // kernel, so the two agree to the last 10 g at and above the 0 kg point.
    // from_bytes() guarantees the divisors are positive; a default-constructed
    // calibration (all zero) still never divides by 0.
    // Below the 0 kg point the kernel returns 0; here the 0-17 kg line goes on into
    // negative loads (truncated toward zero, as C++ integer division does). A board
    // whose empty reading has drifted below its own 0 kg point (-1.8 kg a corner on
    // one study's board, -20 kg in total on some players' boards) must show it, so
    // the tare can remove it: clamped, the offset is lost and every load is light by it.
    const auto& cal = raw[static_cast<int>(sensor)];
    const std::int32_t value = raw_value;
    const std::int32_t step_10g = kStepKg * 100;
    if (value < cal[1]) {
        const std::int32_t span = cal[1] - cal[0];
        return (value - cal[0]) * step_10g / (span != 0 ? span : 1);
    }
    const std::int32_t span = cal[2] - cal[1];
    return (value - cal[1]) * step_10g / (span != 0 ? span : 1) + step_10g;
}

}  // namespace highstep::hid
