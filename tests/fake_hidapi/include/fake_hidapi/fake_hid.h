#pragma once
// A fake "system" of HID devices behind HIDAPI's C API. Tests link the
// fake_hidapi library in place of the real HIDAPI; the code under test calls
// hid_enumerate/hid_open_path/hid_read_timeout/hid_write as usual and talks to
// these scripted devices.
//
// Index
//   FakeDevice       a plugged-in device: input report queue, write log, unplug
//   FakeWiiBoard     speaks the Wii Remote protocol as a Balance Board (or a Remote)
//   plug/unplug/reset  the system's device list
#include <array>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace fake_hid {

using Report = std::vector<std::uint8_t>;

struct Identity {
    std::string path = "fake/hidraw0";
    std::uint16_t vendor_id = 0;
    std::uint16_t product_id = 0;
    std::wstring product;
    std::wstring manufacturer;
    std::wstring serial;
};

class FakeDevice {
public:
    explicit FakeDevice(Identity identity);
    virtual ~FakeDevice() = default;
    const Identity& identity() const { return identity_; }

    // ---- test side ----
    void push_input(Report report);                 // queued for the host's next read
    std::size_t pending_inputs() const;
    std::vector<Report> writes() const;             // every output report, in order
    std::size_t count_writes(std::uint8_t report_id) const;
    int opens() const;                              // successful hid_open_path calls
    void set_open_error(std::wstring message);      // hid_open_path fails with this ("" = opens)
    void set_silent(bool silent);                   // answers nothing, sends nothing

    // ---- host side (called by the fake C functions) ----
    bool open_for_host(std::wstring& error);
    int read(std::uint8_t* out, std::size_t size, int timeout_ms);  // -1 once unplugged
    int write(const std::uint8_t* data, std::size_t size);          // -1 once unplugged
    void mark_unplugged();

protected:
    // Reacts to an output report (already logged). Runs with no lock held.
    virtual void on_write(const Report&) {}
    bool silent() const;

private:
    Identity identity_;
    mutable std::mutex mutex_;
    std::condition_variable cv_;
    std::deque<Report> inputs_;
    std::vector<Report> writes_;
    std::wstring open_error_;
    int opens_ = 0;
    bool unplugged_ = false;
    bool silent_ = false;
};

// A Wii Balance Board, as the public protocol notes describe its behaviour:
//   0x15 → 0x20 status (extension flag, battery); reporting stops until 0x12 comes
//   0x16 → 0x22 ack (error code configurable per address)
//   0x17 → 0x21 replies of at most `reply_chunk` bytes from its register file
//   0x12 → sets the reporting mode; 0x11 → LED
// Configured as a Remote (extension id / no extension) it refuses to be a board.
class FakeWiiBoard : public FakeDevice {
public:
    struct Config {
        std::array<std::uint8_t, 6> extension_id{0x00, 0x00, 0xA4, 0x20, 0x04, 0x02};
        bool extension_connected = true;
        std::array<std::uint8_t, 24> calibration{};  // bytes at 0xA40024
        std::size_t reply_chunk = 16;                 // bytes per 0x21 reply (the board uses 16)
        std::uint8_t battery_level = 0xC0;
        std::map<std::uint32_t, std::uint8_t> write_errors;  // address → ack error code
        std::map<std::uint32_t, std::uint8_t> read_errors;   // address → read reply error code
    };
    FakeWiiBoard(Identity identity, Config config);

    // Standard identity of a board at `path`.
    static Identity board_identity(const std::string& path, const std::wstring& serial = L"");

    // A data report with these raw readings (TR, BR, TL, BL) in the current mode:
    // 0x32/0x34 once the host set one, else a 0x30 core-button report.
    void send_data(std::array<std::uint16_t, 4> raw, bool button = false);
    // An unrequested status report (as when an extension is plugged or the battery changes).
    void send_status();

    std::uint8_t reporting_mode() const;   // 0 until set, and after each status report
    bool led_on() const;
    std::uint8_t register_at(std::uint32_t address) const;

protected:
    void on_write(const Report& report) override;

private:
    Report status_report() const;
    Config config_;
    mutable std::mutex board_mutex_;
    std::map<std::uint32_t, std::uint8_t> registers_;
    std::uint8_t mode_ = 0;
    bool led_ = false;
};

// The system's device list.
void plug(std::shared_ptr<FakeDevice> device);
void unplug(const std::string& path);  // open handles fail from now on; enumeration drops it
void reset();                          // unplug everything
// Counts of handles opened and not yet closed (to check the driver closes what it opens).
int open_handles();

}  // namespace fake_hid
