#include "hid_device.h"

#include <cerrno>
#include <chrono>
#include <cwchar>
#include <mutex>

#include <hidapi.h>
#include <unistd.h>

namespace highstep::hid {

namespace {

constexpr std::size_t kMaxReportBytes = 256;  // Wii reports are 22 bytes; HID full-speed at most 64

std::mutex& hidapi_mutex() {
    static std::mutex m;
    return m;
}

void init_once() {
    // hid_init() is not thread-safe; every HIDAPI entry point here goes through this.
    static std::once_flag once;
    std::call_once(once, [] { hid_init(); });
}

std::string narrow(const wchar_t* w) {
    if (w == nullptr) return {};
    std::string out;
    for (; *w != L'\0'; ++w) {
        // Product strings and Bluetooth addresses are ASCII; anything else becomes '?'.
        out += (*w >= 0x20 && *w < 0x7F) ? static_cast<char>(*w) : '?';
    }
    return out;
}

}  // namespace

double monotonic_now_s() {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

std::vector<HidDeviceInfo> enumerate_hid(std::uint16_t vendor_id) {
    init_once();
    std::lock_guard lock(hidapi_mutex());
    std::vector<HidDeviceInfo> out;
    hid_device_info* list = hid_enumerate(vendor_id, 0);
    for (hid_device_info* d = list; d != nullptr; d = d->next) {
        HidDeviceInfo info;
        info.path = d->path != nullptr ? d->path : "";
        info.vendor_id = d->vendor_id;
        info.product_id = d->product_id;
        info.serial = narrow(d->serial_number);
        info.product = narrow(d->product_string);
        info.manufacturer = narrow(d->manufacturer_string);
        out.push_back(std::move(info));
    }
    hid_free_enumeration(list);
    return out;
}

std::string permission_hint(const std::string& path) {
    if (::access(path.c_str(), R_OK | W_OK) == 0 || errno != EACCES) return {};
    return "permission denied on " + path +
           ": install the udev rule (sudo cp udev/60-highstep.rules /etc/udev/rules.d/ && "
           "sudo udevadm control --reload-rules && sudo udevadm trigger), then reconnect the board";
}

HidDevice::HidDevice(const std::string& path, RawReportTap tap)
    : path_(path), tap_(std::move(tap)), buffer_(kMaxReportBytes) {
    init_once();
    {
        std::lock_guard lock(hidapi_mutex());
        handle_ = hid_open_path(path.c_str());
    }
    if (handle_ == nullptr) {
        if (std::string hint = permission_hint(path); !hint.empty()) throw BoardError(hint);
        throw BoardError("cannot open " + path + ": " + narrow(hid_error(nullptr)));
    }
    hid_set_nonblocking(handle_, 0);
}

HidDevice::~HidDevice() {
    if (handle_ != nullptr) hid_close(handle_);
}

std::string HidDevice::error_text() const {
    const std::string e = narrow(hid_error(handle_));
    return e.empty() ? "unknown error" : e;
}

bool HidDevice::next(int timeout_ms) {
    const int n = hid_read_timeout(handle_, buffer_.data(), buffer_.size(), timeout_ms);
    if (n < 0) throw BoardError("reading " + path_ + " failed: " + error_text());
    if (n == 0) return false;
    length_ = static_cast<std::size_t>(n);
    arrived_s_ = monotonic_now_s();
    if (tap_) tap_(arrived_s_, report());
    return true;
}

void HidDevice::write(std::span<const std::uint8_t> report) {
    if (hid_write(handle_, report.data(), report.size()) < 0) {
        throw BoardError("writing to " + path_ + " failed: " + error_text());
    }
}

}  // namespace highstep::hid
