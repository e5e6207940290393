#include "highstep/hid/wii_decoder.h"

#include <algorithm>

namespace highstep::hid {

namespace {
constexpr std::uint32_t kCalibrationLow = wii::low16(wii::kCalibrationAddr);
constexpr std::uint32_t kAllCalibrationBytes = (1u << WiiCalibration::kBytes) - 1;
}  // namespace

void WiiReportDecoder::reset() { *this = WiiReportDecoder{}; }

std::optional<BoardSample> WiiReportDecoder::feed(std::span<const std::uint8_t> report, double t_s) {
    ++counts_.reports;
    if (report.empty()) {
        ++counts_.malformed;
        return std::nullopt;
    }
    switch (report[0]) {
    case wii::kInStatus:
        if (auto s = wii::parse_status(report)) {
            ++counts_.status_reports;
            last_status_ = *s;
            return std::nullopt;
        }
        break;
    case wii::kInAck:
        if (auto a = wii::parse_ack(report)) {
            if (a->error != 0) ++counts_.error_acks;
            last_ack_ = *a;
            return std::nullopt;
        }
        break;
    case wii::kInReadReply:
        if (auto r = wii::parse_read_reply(report)) {
            take_read_reply(*r);
            last_read_reply_ = std::move(*r);
            return std::nullopt;
        }
        break;
    case wii::kInButtons:
        // Core buttons only: sent before the reporting mode is set. Nothing to decode.
        if (report.size() >= 3) return std::nullopt;
        break;
    default:
        if (!wii::is_data_report(report[0])) break;
        if (auto d = wii::parse_data(report)) {
            if (!calibration_) {
                ++counts_.data_before_calibration;
                return std::nullopt;
            }
            ++counts_.samples;
            return to_sample(*d, t_s);
        }
        break;
    }
    ++counts_.malformed;
    return std::nullopt;
}

void WiiReportDecoder::take_read_reply(const wii::ReadReply& reply) {
    if (reply.error != 0) return;
    if (reply.address == wii::low16(wii::kExtIdAddr) && reply.data.size() >= 6) {
        std::array<std::uint8_t, 6> id{};
        std::copy_n(reply.data.begin(), 6, id.begin());
        extension_id_ = id;
    }
    // Place whatever part of [0x24, 0x3C) this reply covers. Other tools read from
    // 0xA40020 with 32 bytes; the kernel reads twice 12; the board answers a 24-byte
    // read with 16 + 8. All of those land here the same way.
    const std::uint32_t first = reply.address;
    const std::uint32_t end = first + static_cast<std::uint32_t>(reply.data.size());
    const std::uint32_t lo = std::max(first, kCalibrationLow);
    const std::uint32_t hi = std::min(end, kCalibrationLow + static_cast<std::uint32_t>(WiiCalibration::kBytes));
    if (lo >= hi) return;
    if (calibration_have_mask_ == kAllCalibrationBytes) calibration_have_mask_ = 0;  // a fresh read begins
    for (std::uint32_t a = lo; a < hi; ++a) {
        const std::uint32_t i = a - kCalibrationLow;
        calibration_bytes_[i] = reply.data[a - first];
        calibration_have_mask_ |= 1u << i;
    }
    if (calibration_have_mask_ != kAllCalibrationBytes) return;
    try {
        calibration_ = WiiCalibration::from_bytes(calibration_bytes_);
        calibration_error_.clear();
    } catch (const CalibrationError& e) {
        calibration_.reset();
        calibration_error_ = e.what();
    }
}

BoardSample WiiReportDecoder::to_sample(const wii::DataReport& data, double t_s) const {
    const WiiCalibration& c = *calibration_;
    BoardSample s;
    s.t_s = t_s;
    s.tr = c.load_kg(WiiSensor::tr, data.raw[0]);
    s.br = c.load_kg(WiiSensor::br, data.raw[1]);
    s.tl = c.load_kg(WiiSensor::tl, data.raw[2]);
    s.bl = c.load_kg(WiiSensor::bl, data.raw[3]);
    s.button = data.button;
    return s;
}

}  // namespace highstep::hid
