#pragma once
// The only place that talks to the HIDAPI C API: an owned hid_device, report
// reads stamped with the monotonic clock and shown to the raw tap, and a locked
// enumeration (HIDAPI is not thread-safe across enumerate/open).
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "highstep/hid/board.h"

struct hid_device_;

namespace highstep::hid {

struct HidDeviceInfo {
    std::string path;
    std::uint16_t vendor_id = 0;
    std::uint16_t product_id = 0;
    std::string serial;
    std::string product;
    std::string manufacturer;
};

// All HID devices (vendor_id 0 = any vendor). Throws nothing; empty on failure.
std::vector<HidDeviceInfo> enumerate_hid(std::uint16_t vendor_id = 0);

// What to do about a device node we may not open, or "" if that is not the problem.
std::string permission_hint(const std::string& path);

class HidDevice {
public:
    // Opens for blocking reads. Throws BoardError (with the udev hint on EACCES).
    HidDevice(const std::string& path, RawReportTap tap);
    ~HidDevice();
    HidDevice(const HidDevice&) = delete;
    HidDevice& operator=(const HidDevice&) = delete;

    // Waits up to `timeout_ms` for one input report. True if one arrived: then
    // report() and arrived_s() describe it. Throws BoardError on a read error
    // (the device went away).
    bool next(int timeout_ms);
    std::span<const std::uint8_t> report() const { return {buffer_.data(), length_}; }
    double arrived_s() const { return arrived_s_; }

    // Sends one output report (first byte the report id). Throws BoardError.
    void write(std::span<const std::uint8_t> report);

    const std::string& path() const { return path_; }

private:
    std::string error_text() const;

    std::string path_;
    RawReportTap tap_;
    hid_device_* handle_ = nullptr;
    std::vector<std::uint8_t> buffer_;
    std::size_t length_ = 0;
    double arrived_s_ = 0.0;
};

}  // namespace highstep::hid
