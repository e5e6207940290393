#pragma once
// Raw HID logs for bug reports (*.hidlog): every input report as it arrived, one
// a line: the arrival time in seconds, a space, the report bytes in hex starting
// with the report id, e.g. "12.345600 3200000ed20ed2...". Lines starting with '#'
// are comments; HighStep writes '# highstep hidlog v1' and the board first.
//
// decode_wii_log() turns such a log back into samples through the same decoder the
// live driver uses: calibration from the 0x21 replies of 0xA40024 onward, loads
// from the data reports (0x32/0x34, and 0x35/0x36/0x3D if another program set those).
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "highstep/hid/generic_board.h"
#include "highstep/hid/wii_decoder.h"
#include "highstep/input/board_sample.h"

namespace highstep::hid {

// A problem in a raw log. what() reads "PATH:LINE: message" (no LINE when the
// whole file is at fault).
class RawLogError : public std::runtime_error {
public:
    RawLogError(const std::string& path, std::int64_t line, const std::string& message);
    std::int64_t line() const { return line_; }
private:
    std::int64_t line_;
};

struct RawLogEntry {
    double t_s = 0.0;
    std::vector<std::uint8_t> report;
    std::int64_t line = 0;  // 1-based line in the file
};

struct RawLogLimits {
    std::uintmax_t max_file_bytes = 512ull * 1024 * 1024;
    std::size_t max_line_chars = 4096;
};

// Reads every report. Throws RawLogError on a missing file, a malformed line
// (bad time, odd or non-hex digits, empty report) or time going backwards.
std::vector<RawLogEntry> read_raw_log(const std::filesystem::path& path, const RawLogLimits& limits = {});
// Same from a stream (the fuzz target's way in); `name` stands for the path in messages.
std::vector<RawLogEntry> read_raw_log(std::istream& in, const std::string& name, const RawLogLimits& limits = {});

struct DecodedLog {
    std::vector<BoardSample> samples;
    WiiDecoderCounts counts;                  // what the decoder saw (Wii logs)
    std::optional<WiiCalibration> calibration;  // the calibration that was used last
    std::uint64_t ignored_reports = 0;        // generic logs: reports that did not match the map
};

// Wii Balance Board log. Throws RawLogError if the log never carries a complete,
// valid calibration (then no load can be computed).
DecodedLog decode_wii_log(const std::filesystem::path& path);
DecodedLog decode_wii_log(const std::vector<RawLogEntry>& entries, const std::string& name);
// Home-built board log, with the board's mapping.
DecodedLog decode_generic_log(const std::filesystem::path& path, const GenericBoardMap& map);
DecodedLog decode_generic_log(const std::vector<RawLogEntry>& entries, const GenericBoardMap& map);

// Writes a raw log as reports arrive. Times are written relative to `t0_s`, the
// same origin the recording uses, so log and recording line up. Each line is
// flushed: the log must survive a crash, that is what it is for.
class RawLogWriter {
public:
    RawLogWriter(const std::filesystem::path& path, double t0_s, const std::string& board_kind,
                 const std::string& device);
    ~RawLogWriter();
    RawLogWriter(const RawLogWriter&) = delete;
    RawLogWriter& operator=(const RawLogWriter&) = delete;
    void write(double t_s, std::span<const std::uint8_t> report);
    void close();
    std::uint64_t reports_written() const { return count_; }
private:
    std::string path_;
    std::FILE* file_ = nullptr;
    double t0_s_;
    std::uint64_t count_ = 0;
};

}  // namespace highstep::hid
