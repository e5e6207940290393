#include "highstep/hid/raw_log.h"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>

namespace highstep::hid {

namespace {

std::string where(const std::string& path, std::int64_t line) {
    return line > 0 ? path + ":" + std::to_string(line) : path;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.back() == '\r' || s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    return s;
}

}  // namespace

RawLogError::RawLogError(const std::string& path, std::int64_t line, const std::string& message)
    : std::runtime_error(where(path, line) + ": " + message), line_(line) {}

std::vector<RawLogEntry> read_raw_log(const std::filesystem::path& path, const RawLogLimits& limits) {
    const std::string name = path.string();
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) throw RawLogError(name, 0, "cannot read the raw log: " + ec.message());
    if (size > limits.max_file_bytes) throw RawLogError(name, 0, "too large for a raw log (" + std::to_string(size) + " bytes)");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw RawLogError(name, 0, "cannot open the raw log");
    return read_raw_log(in, name, limits);
}

std::vector<RawLogEntry> read_raw_log(std::istream& in, const std::string& name, const RawLogLimits& limits) {
    std::vector<RawLogEntry> entries;
    std::string text;
    std::int64_t line_no = 0;
    double last_t_s = -INFINITY;
    while (std::getline(in, text)) {
        ++line_no;
        if (text.size() > limits.max_line_chars) {
            throw RawLogError(name, line_no, "line longer than " + std::to_string(limits.max_line_chars) + " characters");
        }
        const std::string_view line = trim(text);
        if (line.empty() || line.front() == '#') continue;
        const auto space = line.find_first_of(" \t");
        if (space == std::string_view::npos) {
            throw RawLogError(name, line_no, "expected 'SECONDS HEXBYTES', found no space");
        }
        RawLogEntry e;
        e.line = line_no;
        const std::string_view time = line.substr(0, space);
        const auto [end, err] = std::from_chars(time.data(), time.data() + time.size(), e.t_s);
        if (err != std::errc{} || end != time.data() + time.size() || !std::isfinite(e.t_s)) {
            throw RawLogError(name, line_no, "'" + std::string(time) + "' is not a time in seconds");
        }
        if (e.t_s < last_t_s) {
            throw RawLogError(name, line_no, "time goes backwards (" + std::string(time) + " after a later report)");
        }
        last_t_s = e.t_s;
        // Bytes may also be written apart ("32 00 00 ..."), as hex dumps often are.
        std::string hex;
        for (char c : line.substr(space + 1)) {
            if (c != ' ' && c != '\t') hex += c;
        }
        if (hex.empty()) throw RawLogError(name, line_no, "no report bytes after the time");
        if (hex.size() % 2 != 0) throw RawLogError(name, line_no, "odd number of hex digits in the report");
        e.report.reserve(hex.size() / 2);
        for (std::size_t i = 0; i < hex.size(); i += 2) {
            const int hi = hex_value(hex[i]);
            const int lo = hex_value(hex[i + 1]);
            if (hi < 0 || lo < 0) {
                throw RawLogError(name, line_no, "'" + hex.substr(i, 2) + "' is not a hex byte");
            }
            e.report.push_back(static_cast<std::uint8_t>(hi * 16 + lo));
        }
        entries.push_back(std::move(e));
    }
    if (in.bad()) throw RawLogError(name, 0, "read error");
    return entries;
}

DecodedLog decode_wii_log(const std::filesystem::path& path) {
    return decode_wii_log(read_raw_log(path), path.string());
}

DecodedLog decode_wii_log(const std::vector<RawLogEntry>& entries, const std::string& name) {
    WiiReportDecoder decoder;
    DecodedLog out;
    for (const RawLogEntry& e : entries) {
        if (auto s = decoder.feed(e.report, e.t_s)) out.samples.push_back(*s);
    }
    out.counts = decoder.counts();
    out.calibration = decoder.calibration();
    if (!out.calibration) {
        const std::string why = decoder.calibration_error().empty()
                                    ? "no complete calibration (0x21 read replies of 0xA40024..0xA4003B) in the log; "
                                      "it must start before the board's start-up"
                                    : "the calibration in the log is unusable: " + decoder.calibration_error();
        throw RawLogError(name, 0, why);
    }
    return out;
}

DecodedLog decode_generic_log(const std::filesystem::path& path, const GenericBoardMap& map) {
    return decode_generic_log(read_raw_log(path), map);
}

DecodedLog decode_generic_log(const std::vector<RawLogEntry>& entries, const GenericBoardMap& map) {
    DecodedLog out;
    for (const RawLogEntry& e : entries) {
        if (auto s = decode_board_report(map, e.report, e.t_s)) out.samples.push_back(*s);
        else ++out.ignored_reports;
    }
    return out;
}

RawLogWriter::RawLogWriter(const std::filesystem::path& path, double t0_s, const std::string& board_kind,
                           const std::string& device)
    : path_(path.string()), t0_s_(t0_s) {
    file_ = std::fopen(path_.c_str(), "w");
    if (file_ == nullptr) throw RawLogError(path_, 0, std::string("cannot create the raw log: ") + std::strerror(errno));
    std::fprintf(file_, "# highstep hidlog v1\n# board: %s\n# device: %s\n", board_kind.c_str(), device.c_str());
    std::fflush(file_);
}

RawLogWriter::~RawLogWriter() { close(); }

void RawLogWriter::write(double t_s, std::span<const std::uint8_t> report) {
    if (file_ == nullptr) return;
    static const char kHex[] = "0123456789abcdef";
    std::string line;
    line.reserve(16 + 2 * report.size());
    char time[32];
    std::snprintf(time, sizeof time, "%.6f ", t_s - t0_s_);
    line += time;
    for (std::uint8_t b : report) {
        line += kHex[b >> 4];
        line += kHex[b & 0x0F];
    }
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), file_);
    std::fflush(file_);
    ++count_;
}

void RawLogWriter::close() {
    if (file_ != nullptr) {
        std::fclose(file_);
        file_ = nullptr;
    }
}

}  // namespace highstep::hid
