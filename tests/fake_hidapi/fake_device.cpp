#include <chrono>

#include "fake_hidapi/fake_hid.h"

namespace fake_hid {

FakeDevice::FakeDevice(Identity identity) : identity_(std::move(identity)) {}

void FakeDevice::push_input(Report report) {
    {
        std::lock_guard lock(mutex_);
        inputs_.push_back(std::move(report));
    }
    cv_.notify_all();
}

std::size_t FakeDevice::pending_inputs() const {
    std::lock_guard lock(mutex_);
    return inputs_.size();
}

std::vector<Report> FakeDevice::writes() const {
    std::lock_guard lock(mutex_);
    return writes_;
}

std::size_t FakeDevice::count_writes(std::uint8_t report_id) const {
    std::lock_guard lock(mutex_);
    std::size_t n = 0;
    for (const Report& r : writes_) n += (!r.empty() && r[0] == report_id) ? 1 : 0;
    return n;
}

int FakeDevice::opens() const {
    std::lock_guard lock(mutex_);
    return opens_;
}

void FakeDevice::set_open_error(std::wstring message) {
    std::lock_guard lock(mutex_);
    open_error_ = std::move(message);
}

void FakeDevice::set_silent(bool silent) {
    std::lock_guard lock(mutex_);
    silent_ = silent;
}

bool FakeDevice::silent() const {
    std::lock_guard lock(mutex_);
    return silent_;
}

bool FakeDevice::open_for_host(std::wstring& error) {
    std::lock_guard lock(mutex_);
    if (unplugged_) {
        error = L"No such device";
        return false;
    }
    if (!open_error_.empty()) {
        error = open_error_;
        return false;
    }
    ++opens_;
    return true;
}

int FakeDevice::read(std::uint8_t* out, std::size_t size, int timeout_ms) {
    std::unique_lock lock(mutex_);
    auto ready = [this] { return unplugged_ || (!silent_ && !inputs_.empty()); };
    if (timeout_ms < 0) cv_.wait(lock, ready);
    else cv_.wait_for(lock, std::chrono::milliseconds(timeout_ms), ready);
    if (unplugged_) return -1;
    if (silent_ || inputs_.empty()) return 0;
    Report r = std::move(inputs_.front());
    inputs_.pop_front();
    const std::size_t n = std::min(size, r.size());
    std::copy_n(r.begin(), n, out);
    return static_cast<int>(n);
}

int FakeDevice::write(const std::uint8_t* data, std::size_t size) {
    Report r(data, data + size);
    {
        std::lock_guard lock(mutex_);
        if (unplugged_) return -1;
        writes_.push_back(r);
        if (silent_) return static_cast<int>(size);
    }
    on_write(r);
    return static_cast<int>(size);
}

void FakeDevice::mark_unplugged() {
    {
        std::lock_guard lock(mutex_);
        unplugged_ = true;
    }
    cv_.notify_all();
}

}  // namespace fake_hid
