// The Wii Balance Board start-up and streaming over an open HID device.
// Start-up, as the public protocol notes describe it:
//   status request → status report (extension flag, battery)
//   0x55 → 0xA400F0, 0x00 → 0xA400FB, each acknowledged (unencrypted extension)
//   read 6 bytes at 0xA400FA: must be the Balance Board's extension id
//   read 24 bytes at 0xA40024: calibration, in as many replies as the board sends
//   LED on, continuous reporting with extension bytes (0x32 or 0x34)
// While streaming, every status report makes the board stop reporting until the
// mode is set again, so the mode is re-sent after each one.
#include <chrono>
#include <functional>

#include "board_driver.h"
#include "highstep/hid/wii_decoder.h"

namespace highstep::hid {

namespace {

const char* read_error_name(std::uint8_t code) {
    switch (code) {
    case 7: return "no such device";
    case 8: return "no such address";
    default: return "error";
    }
}

class WiiDriver : public BoardDriver {
public:
    explicit WiiDriver(const BoardReaderSettings& s)
        : step_timeout_ms_(s.handshake_step_timeout_ms), attempts_(s.handshake_attempts),
          mode_(s.wii_reporting_mode == wii::kInButtonsExt19 ? wii::kInButtonsExt19 : wii::kInButtonsExt8) {}

    void start(HidDevice& device) override {
        decoder_.reset();
        request_status(device);
        if (!decoder_.last_status()->extension) {
            throw BoardError("this is a Wii Remote with nothing attached, not a Balance Board");
        }
        write_register(device, wii::kExtInitAddr1, 0x55);
        write_register(device, wii::kExtInitAddr2, 0x00);
        const auto id = read_registers(device, wii::kExtIdAddr, 6);
        if (!std::equal(id.begin(), id.end(), wii::kBalanceBoardExtId.begin())) {
            throw BoardError("this is a Wii Remote with a " + wii::describe_extension(id) +
                             " attached, not a Balance Board");
        }
        const auto block = read_registers(device, wii::kCalibrationAddr, WiiCalibration::kBytes);
        try {
            (void)WiiCalibration::from_bytes(block);
        } catch (const CalibrationError& e) {
            throw BoardError(std::string("unusable calibration: ") + e.what());
        }
        device.write(wii::make_led(true));
        device.write(wii::make_reporting_mode(mode_));
    }

    std::optional<BoardSample> on_report(HidDevice& device, std::span<const std::uint8_t> report,
                                         double t_s) override {
        auto sample = decoder_.feed(report, t_s);
        if (!report.empty() && report[0] == wii::kInStatus) device.write(wii::make_reporting_mode(mode_));
        return sample;
    }

    DriverInfo info() const override {
        DriverInfo i;
        if (const auto& s = decoder_.last_status()) {
            i.battery_percent = s->battery_percent();
            i.battery_low = s->battery_low;
        }
        i.calibration_ok = decoder_.calibration().has_value();
        i.ignored_reports = decoder_.counts().malformed + decoder_.counts().data_before_calibration;
        i.error_acks = decoder_.counts().error_acks;
        return i;
    }

private:
    using Clock = std::chrono::steady_clock;

    // Reads reports until `done` accepts one or the step times out. Every report,
    // wanted or not, goes through the decoder so nothing the board says is missed.
    bool await(HidDevice& device, const std::function<bool(std::span<const std::uint8_t>)>& done) {
        const auto deadline = Clock::now() + std::chrono::milliseconds(step_timeout_ms_);
        while (true) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
            if (left <= 0) return false;
            if (!device.next(static_cast<int>(left))) continue;
            decoder_.feed(device.report(), device.arrived_s());
            if (done(device.report())) return true;
        }
    }

    void request_status(HidDevice& device) {
        for (int attempt = 0; attempt < attempts_; ++attempt) {
            device.write(wii::make_status_request());
            if (await(device, [](auto r) { return wii::parse_status(r).has_value(); })) return;
        }
        throw BoardError("no answer to a status request; is the board switched on and paired?");
    }

    void write_register(HidDevice& device, std::uint32_t address, std::uint8_t value) {
        device.write(wii::make_write(address, value));
        std::optional<wii::AckReport> ack;
        const bool answered = await(device, [&](auto r) {
            ack = wii::parse_ack(r);
            return ack && ack->acked_report == wii::kOutWriteMemory;
        });
        if (!answered) throw BoardError("no acknowledgement for the write to " + wii::hex_address(address));
        if (ack->error != 0) {
            throw BoardError("the board refused the write of " + std::to_string(value) + " to " +
                             wii::hex_address(address) + " (error code " + std::to_string(ack->error) + ")");
        }
    }

    // Collects `size` bytes from as many 0x21 replies as the board sends.
    std::vector<std::uint8_t> read_registers(HidDevice& device, std::uint32_t address, std::uint16_t size) {
        device.write(wii::make_read(address, size));
        std::vector<std::uint8_t> bytes(size);
        std::vector<bool> have(size, false);
        std::size_t missing = size;
        const std::uint32_t first = wii::low16(address);
        std::string failure;
        const bool complete = await(device, [&](auto r) {
            const auto reply = wii::parse_read_reply(r);
            if (!reply) return false;
            if (reply->error != 0) {
                if (reply->address >= first && reply->address < first + size) {
                    failure = "reading " + std::to_string(size) + " bytes at " + wii::hex_address(address) +
                              " failed (" + read_error_name(reply->error) + ", code " +
                              std::to_string(reply->error) + ")";
                    return true;
                }
                return false;
            }
            for (std::size_t i = 0; i < reply->data.size(); ++i) {
                const std::uint32_t a = reply->address + static_cast<std::uint32_t>(i);
                if (a < first || a >= first + size) continue;
                const std::size_t k = a - first;
                if (!have[k]) {
                    have[k] = true;
                    --missing;
                }
                bytes[k] = reply->data[i];
            }
            return missing == 0;
        });
        if (!failure.empty()) throw BoardError(failure);
        if (!complete) {
            throw BoardError("no complete answer reading " + std::to_string(size) + " bytes at " +
                             wii::hex_address(address) + " (" + std::to_string(size - missing) + " arrived)");
        }
        return bytes;
    }

    int step_timeout_ms_;
    int attempts_;
    std::uint8_t mode_;
    WiiReportDecoder decoder_;
};

}  // namespace

std::unique_ptr<BoardDriver> make_wii_driver(const BoardReaderSettings& settings) {
    return std::make_unique<WiiDriver>(settings);
}

}  // namespace highstep::hid
