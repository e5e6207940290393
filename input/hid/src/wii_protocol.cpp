#include "highstep/hid/wii_protocol.h"

#include <algorithm>
#include <cstdio>

namespace highstep::hid::wii {

namespace {
// Memory space byte of 0x16/0x17: 0x04 selects the control registers (the
// extension lives there), 0x00 would be the EEPROM.
constexpr std::uint8_t kControlRegisters = 0x04;
constexpr std::size_t kWritePayloadBytes = 16;  // 0x16 always carries 16 data bytes

void put_address(Report& r, std::uint32_t address) {
    r.push_back(static_cast<std::uint8_t>((address >> 16) & 0xFF));
    r.push_back(static_cast<std::uint8_t>((address >> 8) & 0xFF));
    r.push_back(static_cast<std::uint8_t>(address & 0xFF));
}
}  // namespace

Report make_status_request() { return {kOutStatusRequest, 0x00}; }

Report make_led(bool on) { return {kOutLed, static_cast<std::uint8_t>(on ? 0x10 : 0x00)}; }

Report make_reporting_mode(std::uint8_t mode, bool continuous) {
    // Continuous (0x04) makes the board report at its full rate even when nothing
    // changes, which is what lets the reader notice a board that went silent.
    return {kOutReportingMode, static_cast<std::uint8_t>(continuous ? 0x04 : 0x00), mode};
}

Report make_write(std::uint32_t address, std::uint8_t value) {
    Report r{kOutWriteMemory, kControlRegisters};
    put_address(r, address);
    r.push_back(1);  // size
    r.push_back(value);
    r.resize(r.size() + kWritePayloadBytes - 1, 0x00);
    return r;
}

Report make_read(std::uint32_t address, std::uint16_t size) {
    Report r{kOutReadMemory, kControlRegisters};
    put_address(r, address);
    r.push_back(static_cast<std::uint8_t>(size >> 8));
    r.push_back(static_cast<std::uint8_t>(size & 0xFF));
    return r;
}

bool front_button(std::span<const std::uint8_t> report) {
    return report.size() >= 3 && (report[2] & kButtonA) != 0;
}

std::optional<StatusReport> parse_status(std::span<const std::uint8_t> report) {
    // 20 BB BB LF 00 00 VV
    if (report.size() < 7 || report[0] != kInStatus) return std::nullopt;
    StatusReport s;
    s.battery_low = (report[3] & 0x01) != 0;
    s.extension = (report[3] & 0x02) != 0;
    s.battery_level = report[6];
    return s;
}

std::optional<AckReport> parse_ack(std::span<const std::uint8_t> report) {
    // 22 BB BB RR EE
    if (report.size() < 5 || report[0] != kInAck) return std::nullopt;
    return AckReport{report[3], report[4]};
}

std::optional<ReadReply> parse_read_reply(std::span<const std::uint8_t> report) {
    // 21 BB BB SE AA AA DD×16: S = size − 1, E = error code.
    if (report.size() < 6 || report[0] != kInReadReply) return std::nullopt;
    ReadReply r;
    r.error = report[3] & 0x0F;
    const std::size_t size = static_cast<std::size_t>(report[3] >> 4) + 1;
    r.address = static_cast<std::uint16_t>((report[4] << 8) | report[5]);
    if (r.error == 0) {
        if (report.size() < 6 + size) return std::nullopt;
        r.data.assign(report.begin() + 6, report.begin() + 6 + static_cast<std::ptrdiff_t>(size));
    }
    return r;
}

std::optional<DataReport> parse_data(std::span<const std::uint8_t> report) {
    // Every report mode that carries at least 8 extension bytes; the loads are the
    // first 8. HighStep asks for 0x32 (or 0x34), but another program or the
    // kernel's own driver may switch the board to one of the others, and the
    // kernel decodes loads from all of them, so do we.
    struct Layout {
        std::uint8_t id;
        std::size_t ext_offset;  // first extension byte
        std::size_t length;      // whole report
        bool has_buttons;
    };
    static constexpr Layout kLayouts[] = {
        {kInButtonsExt8, 3, 3 + 8, true},      // 0x32 core buttons + 8 ext
        {kInButtonsExt19, 3, 3 + 19, true},    // 0x34 core buttons + 19 ext
        {0x35, 6, 3 + 3 + 16, true},           // + accelerometer + 16 ext
        {0x36, 13, 3 + 10 + 9, true},          // + 10 IR + 9 ext
        {0x3D, 1, 1 + 21, false},              // 21 ext, no buttons
    };
    if (report.empty()) return std::nullopt;
    for (const Layout& l : kLayouts) {
        if (report[0] != l.id) continue;
        if (report.size() < l.length) return std::nullopt;
        DataReport d;
        for (std::size_t i = 0; i < 4; ++i) {
            d.raw[i] = static_cast<std::uint16_t>((report[l.ext_offset + 2 * i] << 8) | report[l.ext_offset + 2 * i + 1]);
        }
        d.button = l.has_buttons && front_button(report);
        return d;
    }
    return std::nullopt;
}

bool is_data_report(std::uint8_t report_id) {
    return report_id == kInButtonsExt8 || report_id == kInButtonsExt19 || report_id == 0x35 || report_id == 0x36 ||
           report_id == 0x3D;
}

std::string describe_extension(std::span<const std::uint8_t> id) {
    struct Known {
        std::array<std::uint8_t, 6> id;
        const char* name;
    };
    static const Known kKnown[] = {
        {{0x00, 0x00, 0xA4, 0x20, 0x04, 0x02}, "Balance Board"},
        {{0x00, 0x00, 0xA4, 0x20, 0x00, 0x00}, "Nunchuk"},
        {{0x00, 0x00, 0xA4, 0x20, 0x01, 0x01}, "Classic Controller"},
        {{0x01, 0x00, 0xA4, 0x20, 0x01, 0x01}, "Classic Controller Pro"},
        {{0x00, 0x00, 0xA4, 0x20, 0x01, 0x03}, "Guitar Hero guitar"},
        {{0x01, 0x00, 0xA4, 0x20, 0x01, 0x03}, "Guitar Hero drums"},
        {{0x00, 0x00, 0xA4, 0x20, 0x04, 0x05}, "Motion Plus"},
        {{0x00, 0x00, 0xA4, 0x20, 0x05, 0x05}, "Motion Plus (Nunchuk passthrough)"},
        {{0x00, 0x00, 0xA4, 0x20, 0x07, 0x05}, "Motion Plus (Classic passthrough)"},
    };
    std::string hex;
    for (std::uint8_t b : id) {
        char buf[3];
        std::snprintf(buf, sizeof buf, "%02X", b);
        hex += buf;
    }
    if (id.size() == 6) {
        for (const Known& k : kKnown) {
            if (std::equal(k.id.begin(), k.id.end(), id.begin())) return std::string(k.name) + " (" + hex + ")";
        }
        if (std::all_of(id.begin(), id.end(), [](std::uint8_t b) { return b == 0xFF; })) {
            return "no extension (" + hex + ")";
        }
    }
    return "unknown extension (" + hex + ")";
}

std::string hex_address(std::uint32_t address) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "0x%06X", static_cast<unsigned>(address));
    return buf;
}

}  // namespace highstep::hid::wii
