#pragma once
// Shared helpers for the HID tests: calibrations worked out by hand, fake boards
// plugged into the fake HIDAPI, and waiting with a generous limit (never a timing
// assertion: a condition either becomes true or the test fails after 10 s).
#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "fake_hidapi/fake_hid.h"
#include "highstep/hid/board.h"
#include "highstep/hid/wii_calibration.h"

namespace highstep::hid::test {

// The calibration WiiBrew shows for a real board (TR, BR, TL, BL at 0/17/34 kg).
inline WiiCalibration wiibrew_calibration() {
    WiiCalibration c;
    c.raw[0] = {0x07C3, 0x0ED2, 0x15E9};  // TR
    c.raw[1] = {0x3CF8, 0x4384, 0x4A10};  // BR
    c.raw[2] = {0x048C, 0x0B3A, 0x11EF};  // TL
    c.raw[3] = {0x296B, 0x3069, 0x376E};  // BL
    return c;
}

// A calibration where 100 raw counts are exactly 1 kg, offset per sensor so a
// mixed-up sensor order shows: kg = (raw - zero) / 100 with zero 1000, 2000, 3000, 4000.
inline WiiCalibration round_calibration() {
    WiiCalibration c;
    for (int s = 0; s < 4; ++s) {
        const auto zero = static_cast<std::uint16_t>(1000 * (s + 1));
        c.raw[s] = {zero, static_cast<std::uint16_t>(zero + 1700), static_cast<std::uint16_t>(zero + 3400)};
    }
    return c;
}

inline bool wait_until(const std::function<bool()>& condition,
                       std::chrono::milliseconds limit = std::chrono::seconds(10)) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
        if (condition()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return condition();
}

inline std::shared_ptr<fake_hid::FakeWiiBoard> plug_board(const std::string& path, const WiiCalibration& cal,
                                                           const std::wstring& serial = L"",
                                                           fake_hid::FakeWiiBoard::Config config = {}) {
    config.calibration = cal.to_bytes();
    auto board = std::make_shared<fake_hid::FakeWiiBoard>(fake_hid::FakeWiiBoard::board_identity(path, serial), config);
    fake_hid::plug(board);
    return board;
}

// Settings that make loss and retry quick in tests (the logic is the same).
inline BoardReaderSettings quick_settings() {
    BoardReaderSettings s;
    s.read_timeout_ms = 20;
    s.lost_after_s = 1.0;  // as in the game: a slow test machine must not lose a healthy board
    s.retry_every_s = 0.05;
    s.handshake_step_timeout_ms = 500;
    return s;
}

inline BoardCandidate wii_candidate(const std::string& path, const std::string& serial = "") {
    BoardCandidate c;
    c.kind = BoardKind::wii_balance_board;
    c.path = path;
    c.serial = serial;
    c.product = "Nintendo RVL-WBC-01";
    c.vendor_id = 0x057e;
    c.product_id = 0x0306;
    return c;
}

// Resets the fake device list around each test.
struct FakeSystemGuard {
    FakeSystemGuard() { fake_hid::reset(); }
    ~FakeSystemGuard() { fake_hid::reset(); }
};

}  // namespace highstep::hid::test
