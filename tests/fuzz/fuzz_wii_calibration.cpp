// The calibration reply of a Wii Balance Board: the 24-byte block at 0xA40024 (the
// first 24 bytes of the input), then raw readings (the rest, two bytes each) turned
// into loads with it. A block that could divide by zero must be refused.
#include <cstddef>
#include <cstdint>
#include <span>

#include "highstep/hid/wii_calibration.h"

using highstep::hid::WiiCalibration;
using highstep::hid::WiiSensor;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::span<const std::uint8_t> bytes(data, size);
    const std::size_t block_bytes = std::min(size, WiiCalibration::kBytes);
    WiiCalibration calibration;
    try {
        calibration = WiiCalibration::from_bytes(bytes.first(block_bytes));
    } catch (const highstep::hid::CalibrationError&) {
        return 0;
    }
    for (std::size_t i = block_bytes; i + 1 < size; i += 2) {
        const auto raw = static_cast<std::uint16_t>(bytes[i] << 8 | bytes[i + 1]);
        const auto sensor = static_cast<WiiSensor>((i / 2) % 4);
        (void)calibration.load_kg(sensor, raw);
    }
    return 0;
}
