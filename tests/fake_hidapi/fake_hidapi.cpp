// HIDAPI's C functions over the fake device list. Only the functions HighStep
// uses, with the documented return conventions (−1 on error, 0 on read timeout).
#include <hidapi.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <cwchar>

#include "fake_hidapi/fake_hid.h"

struct hid_device_ {
    std::shared_ptr<fake_hid::FakeDevice> device;
    bool nonblocking = false;
    std::wstring error;
};

namespace fake_hid {
namespace {

struct System {
    std::mutex mutex;
    std::vector<std::shared_ptr<FakeDevice>> devices;
    int open_handles = 0;
};

System& system() {
    static System s;
    return s;
}

thread_local std::wstring g_last_error;

wchar_t* dup(const std::wstring& s) {
    auto* out = static_cast<wchar_t*>(std::malloc((s.size() + 1) * sizeof(wchar_t)));
    std::wmemcpy(out, s.c_str(), s.size() + 1);
    return out;
}

int copy_string(const std::wstring& s, wchar_t* out, size_t maxlen) {
    if (out == nullptr || maxlen == 0) return -1;
    const size_t n = std::min(s.size(), maxlen - 1);
    std::wmemcpy(out, s.c_str(), n);
    out[n] = L'\0';
    return 0;
}

}  // namespace

void plug(std::shared_ptr<FakeDevice> device) {
    System& s = system();
    std::lock_guard lock(s.mutex);
    s.devices.push_back(std::move(device));
}

void unplug(const std::string& path) {
    System& s = system();
    std::lock_guard lock(s.mutex);
    for (auto it = s.devices.begin(); it != s.devices.end();) {
        if ((*it)->identity().path == path) {
            (*it)->mark_unplugged();
            it = s.devices.erase(it);
        } else {
            ++it;
        }
    }
}

void reset() {
    System& s = system();
    std::lock_guard lock(s.mutex);
    for (auto& d : s.devices) d->mark_unplugged();
    s.devices.clear();
}

int open_handles() {
    System& s = system();
    std::lock_guard lock(s.mutex);
    return s.open_handles;
}

}  // namespace fake_hid

extern "C" {

int HID_API_EXPORT hid_init(void) { return 0; }
int HID_API_EXPORT hid_exit(void) { return 0; }

struct hid_device_info HID_API_EXPORT* hid_enumerate(unsigned short vendor_id, unsigned short product_id) {
    auto& s = fake_hid::system();
    std::lock_guard lock(s.mutex);
    hid_device_info* head = nullptr;
    hid_device_info** tail = &head;
    for (const auto& d : s.devices) {
        const fake_hid::Identity& id = d->identity();
        if (vendor_id != 0 && id.vendor_id != vendor_id) continue;
        if (product_id != 0 && id.product_id != product_id) continue;
        auto* info = static_cast<hid_device_info*>(std::calloc(1, sizeof(hid_device_info)));
        info->path = strdup(id.path.c_str());
        info->vendor_id = id.vendor_id;
        info->product_id = id.product_id;
        info->serial_number = fake_hid::dup(id.serial);
        info->manufacturer_string = fake_hid::dup(id.manufacturer);
        info->product_string = fake_hid::dup(id.product);
        info->interface_number = -1;
        info->bus_type = HID_API_BUS_BLUETOOTH;
        *tail = info;
        tail = &info->next;
    }
    return head;
}

void HID_API_EXPORT hid_free_enumeration(struct hid_device_info* devs) {
    while (devs != nullptr) {
        hid_device_info* next = devs->next;
        std::free(devs->path);
        std::free(devs->serial_number);
        std::free(devs->manufacturer_string);
        std::free(devs->product_string);
        std::free(devs);
        devs = next;
    }
}

hid_device* HID_API_EXPORT hid_open_path(const char* path) {
    auto& s = fake_hid::system();
    std::shared_ptr<fake_hid::FakeDevice> found;
    {
        std::lock_guard lock(s.mutex);
        for (const auto& d : s.devices) {
            if (d->identity().path == path) found = d;
        }
    }
    if (!found) {
        fake_hid::g_last_error = L"No such device";
        return nullptr;
    }
    std::wstring error;
    if (!found->open_for_host(error)) {
        fake_hid::g_last_error = error;
        return nullptr;
    }
    std::lock_guard lock(s.mutex);
    ++s.open_handles;
    return new hid_device_{found, false, {}};
}

hid_device* HID_API_EXPORT hid_open(unsigned short vendor_id, unsigned short product_id, const wchar_t* serial) {
    hid_device_info* list = hid_enumerate(vendor_id, product_id);
    hid_device* dev = nullptr;
    for (hid_device_info* d = list; d != nullptr && dev == nullptr; d = d->next) {
        if (serial == nullptr || std::wcscmp(serial, d->serial_number) == 0) dev = hid_open_path(d->path);
    }
    hid_free_enumeration(list);
    return dev;
}

void HID_API_EXPORT hid_close(hid_device* dev) {
    if (dev == nullptr) return;
    auto& s = fake_hid::system();
    {
        std::lock_guard lock(s.mutex);
        --s.open_handles;
    }
    delete dev;
}

int HID_API_EXPORT hid_write(hid_device* dev, const unsigned char* data, size_t length) {
    const int n = dev->device->write(data, length);
    if (n < 0) dev->error = L"Device disconnected";
    return n;
}

int HID_API_EXPORT hid_read_timeout(hid_device* dev, unsigned char* data, size_t length, int milliseconds) {
    const int n = dev->device->read(data, length, milliseconds);
    if (n < 0) dev->error = L"Device disconnected";
    return n;
}

int HID_API_EXPORT hid_read(hid_device* dev, unsigned char* data, size_t length) {
    return hid_read_timeout(dev, data, length, dev->nonblocking ? 0 : -1);
}

int HID_API_EXPORT hid_set_nonblocking(hid_device* dev, int nonblock) {
    dev->nonblocking = nonblock != 0;
    return 0;
}

int HID_API_EXPORT_CALL hid_get_manufacturer_string(hid_device* dev, wchar_t* string, size_t maxlen) {
    return fake_hid::copy_string(dev->device->identity().manufacturer, string, maxlen);
}

int HID_API_EXPORT_CALL hid_get_product_string(hid_device* dev, wchar_t* string, size_t maxlen) {
    return fake_hid::copy_string(dev->device->identity().product, string, maxlen);
}

int HID_API_EXPORT_CALL hid_get_serial_number_string(hid_device* dev, wchar_t* string, size_t maxlen) {
    return fake_hid::copy_string(dev->device->identity().serial, string, maxlen);
}

HID_API_EXPORT const wchar_t* HID_API_CALL hid_error(hid_device* dev) {
    if (dev == nullptr) return fake_hid::g_last_error.empty() ? nullptr : fake_hid::g_last_error.c_str();
    return dev->error.empty() ? nullptr : dev->error.c_str();
}

}  // extern "C"
