#pragma once
// The Wii Remote HID protocol as far as the Balance Board needs it (public notes:
// WiiBrew "Wiimote" and "Wii Balance Board"; Linux drivers/hid/hid-wiimote-*).
// Pure byte layouts: building output reports and parsing input reports. No I/O.
//
// Index
//   ids and addresses          constants
//   output reports             make_*()
//   input reports              parse_*()
//   extension ids              describe_extension()
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace highstep::hid::wii {

// ---- ids and addresses -----------------------------------------------------
inline constexpr std::uint16_t kVendorNintendo = 0x057e;
inline constexpr std::uint16_t kProductRvl = 0x0306;      // original Wii Remote / Balance Board
inline constexpr std::uint16_t kProductRvlPlus = 0x0330;  // Wii Remote Plus generation
inline constexpr std::string_view kBoardProductName = "Nintendo RVL-WBC-01";
inline constexpr std::string_view kRemoteProductName = "Nintendo RVL-CNT-01";

// Output (host → board) report ids.
inline constexpr std::uint8_t kOutLed = 0x11;
inline constexpr std::uint8_t kOutReportingMode = 0x12;
inline constexpr std::uint8_t kOutStatusRequest = 0x15;
inline constexpr std::uint8_t kOutWriteMemory = 0x16;
inline constexpr std::uint8_t kOutReadMemory = 0x17;
// Input (board → host) report ids.
inline constexpr std::uint8_t kInStatus = 0x20;
inline constexpr std::uint8_t kInReadReply = 0x21;
inline constexpr std::uint8_t kInAck = 0x22;
inline constexpr std::uint8_t kInButtons = 0x30;
inline constexpr std::uint8_t kInButtonsExt8 = 0x32;
inline constexpr std::uint8_t kInButtonsExt19 = 0x34;

// Extension register addresses (control register space).
inline constexpr std::uint32_t kExtInitAddr1 = 0xA400F0;  // write 0x55
inline constexpr std::uint32_t kExtInitAddr2 = 0xA400FB;  // then write 0x00: unencrypted mode
inline constexpr std::uint32_t kExtIdAddr = 0xA400FA;     // 6 bytes
inline constexpr std::uint32_t kCalibrationAddr = 0xA40024;  // 24 bytes
inline constexpr std::array<std::uint8_t, 6> kBalanceBoardExtId{0x00, 0x00, 0xA4, 0x20, 0x04, 0x02};

// Read replies carry only the low 16 bits of the address.
constexpr std::uint16_t low16(std::uint32_t address) { return static_cast<std::uint16_t>(address & 0xFFFF); }

// ---- output reports (first byte is the report id; rumble bit always off) ----
using Report = std::vector<std::uint8_t>;
Report make_status_request();
Report make_led(bool on);                                   // LED 1, the board's only LED
Report make_reporting_mode(std::uint8_t mode, bool continuous = true);
Report make_write(std::uint32_t address, std::uint8_t value);  // one byte to the control registers
Report make_read(std::uint32_t address, std::uint16_t size);   // control registers

// ---- input reports ------------------------------------------------------------
// Every input report starts with the report id and two core-button bytes.
inline constexpr std::uint8_t kButtonA = 0x08;  // in the second button byte; the board's front button
bool front_button(std::span<const std::uint8_t> report);  // false if too short

struct StatusReport {
    bool extension = false;       // an extension (the board's load cells) is connected
    bool battery_low = false;
    std::uint8_t battery_level = 0;  // 0–255 as reported
    int battery_percent() const { return battery_level * 100 / 255; }  // as the kernel shows it
};
struct AckReport {
    std::uint8_t acked_report = 0;  // the output report id this acknowledges
    std::uint8_t error = 0;         // 0 = success
};
struct ReadReply {
    std::uint8_t error = 0;     // 0 = success, 7 = no such device, 8 = no such address
    std::uint16_t address = 0;  // low 16 bits of the first byte's address
    std::vector<std::uint8_t> data;  // 1–16 bytes
};
// Reports that carry the load cells: 0x32 and 0x34 (what HighStep asks for) and
// 0x35, 0x36, 0x3D (modes another program may have set).
bool is_data_report(std::uint8_t report_id);
struct DataReport {
    std::array<std::uint16_t, 4> raw{};  // TR, BR, TL, BL as on the wire
    bool button = false;
};

// Each returns nullopt if the report has another id or is too short to hold the fields.
std::optional<StatusReport> parse_status(std::span<const std::uint8_t> report);
std::optional<AckReport> parse_ack(std::span<const std::uint8_t> report);
std::optional<ReadReply> parse_read_reply(std::span<const std::uint8_t> report);
std::optional<DataReport> parse_data(std::span<const std::uint8_t> report);

// ---- extension ids ---------------------------------------------------------------
// A human name for the 6-byte id at 0xA400FA, e.g. "Nunchuk", "Balance Board".
std::string describe_extension(std::span<const std::uint8_t> id);

// "0xA400F0" style for messages.
std::string hex_address(std::uint32_t address);

}  // namespace highstep::hid::wii
