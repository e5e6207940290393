// Behaviour from the public Wii Remote / Balance Board protocol notes; only what a
// host driver can observe.
#include "fake_hidapi/fake_hid.h"

namespace fake_hid {

namespace {
constexpr std::uint32_t kExtIdAddr = 0xA400FA;
constexpr std::uint32_t kCalibrationAddr = 0xA40024;
constexpr std::uint8_t kButtonBytes[2] = {0x00, 0x00};
}  // namespace

FakeWiiBoard::FakeWiiBoard(Identity identity, Config config)
    : FakeDevice(std::move(identity)), config_(std::move(config)) {
    for (std::size_t i = 0; i < 6; ++i) registers_[kExtIdAddr + i] = config_.extension_id[i];
    for (std::size_t i = 0; i < 24; ++i) registers_[kCalibrationAddr + i] = config_.calibration[i];
}

Identity FakeWiiBoard::board_identity(const std::string& path, const std::wstring& serial) {
    Identity id;
    id.path = path;
    id.vendor_id = 0x057e;
    id.product_id = 0x0306;
    id.product = L"Nintendo RVL-WBC-01";
    id.manufacturer = L"Nintendo";
    id.serial = serial;
    return id;
}

Report FakeWiiBoard::status_report() const {
    std::uint8_t flags = config_.extension_connected ? 0x02 : 0x00;
    if (led_) flags |= 0x10;
    return {0x20, kButtonBytes[0], kButtonBytes[1], flags, 0x00, 0x00, config_.battery_level};
}

void FakeWiiBoard::send_data(std::array<std::uint16_t, 4> raw, bool button) {
    std::uint8_t mode = 0;
    {
        std::lock_guard lock(board_mutex_);
        mode = mode_;
    }
    const std::uint8_t buttons1 = button ? 0x08 : 0x00;
    if (mode != 0x32 && mode != 0x34) {
        push_input({0x30, 0x00, buttons1});
        return;
    }
    Report r{mode, 0x00, buttons1};
    for (std::uint16_t v : raw) {
        r.push_back(static_cast<std::uint8_t>(v >> 8));
        r.push_back(static_cast<std::uint8_t>(v & 0xFF));
    }
    r.resize(mode == 0x32 ? 11 : 22, 0x00);
    push_input(std::move(r));
}

void FakeWiiBoard::send_status() {
    Report r;
    {
        std::lock_guard lock(board_mutex_);
        mode_ = 0;  // the host must set the reporting mode again
        r = status_report();
    }
    push_input(std::move(r));
}

std::uint8_t FakeWiiBoard::reporting_mode() const {
    std::lock_guard lock(board_mutex_);
    return mode_;
}

bool FakeWiiBoard::led_on() const {
    std::lock_guard lock(board_mutex_);
    return led_;
}

std::uint8_t FakeWiiBoard::register_at(std::uint32_t address) const {
    std::lock_guard lock(board_mutex_);
    auto it = registers_.find(address);
    return it == registers_.end() ? 0 : it->second;
}

void FakeWiiBoard::on_write(const Report& r) {
    if (r.empty()) return;
    std::vector<Report> replies;
    {
        std::lock_guard lock(board_mutex_);
        switch (r[0]) {
        case 0x11:
            if (r.size() >= 2) led_ = (r[1] & 0x10) != 0;
            break;
        case 0x12:
            if (r.size() >= 3) mode_ = r[2];
            break;
        case 0x15:
            mode_ = 0;
            replies.push_back(status_report());
            break;
        case 0x16: {
            if (r.size() < 7) break;
            const std::uint32_t address = (r[2] << 16) | (r[3] << 8) | r[4];
            std::uint8_t error = 0;
            if (auto it = config_.write_errors.find(address); it != config_.write_errors.end()) error = it->second;
            if (error == 0) {
                for (std::size_t i = 0; i < r[5] && 6 + i < r.size(); ++i) registers_[address + i] = r[6 + i];
            }
            replies.push_back({0x22, 0x00, 0x00, 0x16, error});
            break;
        }
        case 0x17: {
            if (r.size() < 7) break;
            const std::uint32_t address = (r[2] << 16) | (r[3] << 8) | r[4];
            const std::size_t size = static_cast<std::size_t>((r[5] << 8) | r[6]);
            if (auto it = config_.read_errors.find(address); it != config_.read_errors.end()) {
                replies.push_back({0x21, 0x00, 0x00, static_cast<std::uint8_t>(0xF0 | it->second),
                                   static_cast<std::uint8_t>((address >> 8) & 0xFF),
                                   static_cast<std::uint8_t>(address & 0xFF)});
                replies.back().resize(22, 0);
                break;
            }
            const std::size_t chunk = std::max<std::size_t>(1, std::min<std::size_t>(16, config_.reply_chunk));
            for (std::size_t done = 0; done < size; done += chunk) {
                const std::size_t n = std::min(chunk, size - done);
                const std::uint32_t a = address + static_cast<std::uint32_t>(done);
                Report reply{0x21, 0x00, 0x00, static_cast<std::uint8_t>((n - 1) << 4),
                             static_cast<std::uint8_t>((a >> 8) & 0xFF), static_cast<std::uint8_t>(a & 0xFF)};
                for (std::size_t i = 0; i < 16; ++i) {
                    auto it = registers_.find(a + static_cast<std::uint32_t>(i));
                    reply.push_back(i < n && it != registers_.end() ? it->second : 0x00);
                }
                replies.push_back(std::move(reply));
            }
            break;
        }
        default:
            break;
        }
    }
    for (Report& reply : replies) push_input(std::move(reply));
}

}  // namespace fake_hid
