#pragma once
// Wii Balance Board calibration: for each of the four load cells, the raw 16-bit
// reading at 0 kg, 17 kg and 34 kg, as stored in the board's extension registers
// at 0xA40024 (24 bytes, big-endian, sensor order TR, BR, TL, BL).
//
// Raw→kg follows the Linux kernel's hid-wiimote driver exactly (integer maths in
// units of 10 g, truncating), so a recording decoded here and a reading taken
// through the kernel give the same kilograms for the same bytes.
#include <array>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>

namespace highstep::hid {

// The calibration block is unusable (a non-increasing sensor row, wrong length).
class CalibrationError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Sensor order on the wire, in the calibration block and in data reports.
enum class WiiSensor : int { tr = 0, br = 1, tl = 2, bl = 3 };

struct WiiCalibration {
    static constexpr std::size_t kBytes = 24;       // size of the block at 0xA40024
    static constexpr int kStepKg = 17;              // the points are 0, 17 and 34 kg

    // raw[sensor][point]: sensor in WiiSensor order, point 0 = 0 kg, 1 = 17 kg, 2 = 34 kg.
    std::array<std::array<std::uint16_t, 3>, 4> raw{};

    // Parses the 24-byte block. Throws CalibrationError if any sensor's three points
    // are not strictly increasing: such a board would give nonsense or divide by zero.
    static WiiCalibration from_bytes(std::span<const std::uint8_t> block);
    // The 24 bytes this calibration is read from (for fakes and round trips).
    std::array<std::uint8_t, kBytes> to_bytes() const;

    // Load of one sensor in units of 10 g: the 0–17 kg line below the 17 kg point,
    // the 17–34 kg line from there on, extrapolated without a cap above 34 kg, as the
    // kernel computes it. Unlike the kernel (which clamps at 0), the 0–17 kg line goes
    // on below the 0 kg point into negative loads: a drifted zero stays visible to the
    // tare instead of being clipped away.
    std::int32_t load_10g(WiiSensor sensor, std::uint16_t raw_value) const;
    float load_kg(WiiSensor sensor, std::uint16_t raw_value) const {
        return static_cast<float>(load_10g(sensor, raw_value)) / 100.0f;
    }
};

}  // namespace highstep::hid
