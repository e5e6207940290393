#pragma once
// What differs between kinds of board once a device is open: its start-up and how
// a report becomes a sample. The reader thread owns one driver per board.
#include <cstdint>
#include <memory>
#include <optional>
#include <span>

#include "hid_device.h"
#include "highstep/hid/board.h"

namespace highstep::hid {

struct DriverInfo {
    std::optional<int> battery_percent;
    bool battery_low = false;
    bool calibration_ok = false;
    std::uint64_t ignored_reports = 0;
    std::uint64_t error_acks = 0;
};

class BoardDriver {
public:
    virtual ~BoardDriver() = default;
    // Brings a freshly opened device to streaming. Throws BoardError.
    virtual void start(HidDevice& device) = 0;
    // One report while streaming; may answer the device. Throws BoardError.
    virtual std::optional<BoardSample> on_report(HidDevice& device, std::span<const std::uint8_t> report,
                                                 double t_s) = 0;
    virtual DriverInfo info() const = 0;
};

std::unique_ptr<BoardDriver> make_wii_driver(const BoardReaderSettings& settings);
std::unique_ptr<BoardDriver> make_generic_driver(const GenericBoardMap& map);

}  // namespace highstep::hid
