// Wii Balance Board input reports, in arrival order, through the decoder the live
// driver and `highstep decode` use (status, acks, read replies that assemble the
// calibration block, data reports). The input is a sequence of reports, each a
// length byte followed by that many bytes, so one run can deliver a calibration
// and then data reports.
#include <cstddef>
#include <cstdint>
#include <span>

#include "highstep/hid/wii_decoder.h"
#include "highstep/hid/wii_protocol.h"

namespace wii = highstep::hid::wii;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    highstep::hid::WiiReportDecoder decoder;
    const std::span<const std::uint8_t> bytes(data, size);
    std::size_t at = 0;
    double t_s = 0.0;
    while (at < bytes.size()) {
        const std::size_t length = bytes[at++];
        const auto report = bytes.subspan(at, std::min(length, bytes.size() - at));
        at += report.size();
        (void)decoder.feed(report, t_s);
        t_s += 0.01;
        // The parsers on their own too: the driver calls them directly on start-up.
        (void)wii::front_button(report);
        if (auto reply = wii::parse_read_reply(report)) (void)wii::describe_extension(reply->data);
    }
    if (decoder.extension_id()) (void)wii::describe_extension(*decoder.extension_id());
    return 0;
}
