#pragma once
// Interprets the input reports of a Wii Balance Board, one at a time, in arrival
// order. The live driver and `highstep decode` (raw logs) both use this class, so a
// player's raw log decodes to exactly the samples the game saw.
//
// It assembles the calibration block from whatever 0x21 read replies cover
// 0xA40024..0xA4003B (one, two or more replies, any split), remembers the extension
// id, the last status and ack, and turns data reports (0x32/0x34, also 0x35/0x36/0x3D)
// into BoardSamples
// once the calibration is known.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "highstep/hid/wii_calibration.h"
#include "highstep/hid/wii_protocol.h"
#include "highstep/input/board_sample.h"

namespace highstep::hid {

struct WiiDecoderCounts {
    std::uint64_t reports = 0;                  // every report fed
    std::uint64_t samples = 0;                  // data reports turned into samples
    std::uint64_t status_reports = 0;
    std::uint64_t error_acks = 0;               // acks with a non-zero error code
    std::uint64_t data_before_calibration = 0;  // data reports that could not be converted yet
    std::uint64_t malformed = 0;                // empty, short or of an unknown id
};

class WiiReportDecoder {
public:
    // One input report (first byte = report id) that arrived at `t_s`. Returns a
    // sample for a data report when the calibration is known.
    std::optional<BoardSample> feed(std::span<const std::uint8_t> report, double t_s);

    // Forget the calibration and everything learnt (a board re-initialised).
    void reset();

    const std::optional<WiiCalibration>& calibration() const { return calibration_; }
    // Why the last complete calibration block was rejected; "" if none was.
    const std::string& calibration_error() const { return calibration_error_; }
    const std::optional<std::array<std::uint8_t, 6>>& extension_id() const { return extension_id_; }
    const std::optional<wii::StatusReport>& last_status() const { return last_status_; }
    const std::optional<wii::AckReport>& last_ack() const { return last_ack_; }
    const std::optional<wii::ReadReply>& last_read_reply() const { return last_read_reply_; }
    const WiiDecoderCounts& counts() const { return counts_; }

    // Sample of raw readings with this decoder's calibration (requires calibration()).
    BoardSample to_sample(const wii::DataReport& data, double t_s) const;

private:
    void take_read_reply(const wii::ReadReply& reply);

    std::optional<WiiCalibration> calibration_;
    std::string calibration_error_;
    std::array<std::uint8_t, WiiCalibration::kBytes> calibration_bytes_{};
    std::uint32_t calibration_have_mask_ = 0;  // bit i set: byte i of the block has arrived
    std::optional<std::array<std::uint8_t, 6>> extension_id_;
    std::optional<wii::StatusReport> last_status_;
    std::optional<wii::AckReport> last_ack_;
    std::optional<wii::ReadReply> last_read_reply_;
    WiiDecoderCounts counts_;
};

}  // namespace highstep::hid
