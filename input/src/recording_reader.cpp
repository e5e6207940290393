// Reads recording files (see recording.h for the format). Every problem becomes a
// RecordingError naming the file and line; nothing here may crash on hostile input.
#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <cmath>
#include <fstream>
#include <istream>
#include <optional>
#include <string_view>
#include <system_error>

#include "highstep/input/recording.h"

namespace highstep {

RecordingError::RecordingError(std::string path, std::int64_t line, const std::string& message)
    : std::runtime_error(line > 0 ? path + ":" + std::to_string(line) + ": " + message
                                  : path + ": " + message),
      path_(std::move(path)),
      line_(line) {}

std::string Recording::meta(const std::string& key) const {
    for (const auto& [k, v] : metadata) {
        if (k == key) return v;
    }
    return {};
}

double Recording::marker_t_s(const std::string& name) const {
    for (const RecordingMarker& m : markers) {
        if (m.name == name) return m.t_s;
    }
    throw std::out_of_range("no marker named '" + name + "'");
}

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// Text a person could have typed: no NUL or other control bytes but tab/CR.
// Text is printable ASCII, tabs and valid UTF-8 (names and comments may hold é or
// 日本); control bytes or a byte sequence that is not UTF-8 (a PNG's 0x89 first
// byte, a zip, a compiled program) is binary data.
bool looks_like_text(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto u = static_cast<unsigned char>(s[i]);
        if ((u < 0x20 && u != '\t' && u != '\r') || u == 0x7f) return false;
        if (u < 0x80) continue;
        const int more = (u & 0xE0) == 0xC0 ? 1 : (u & 0xF0) == 0xE0 ? 2 : (u & 0xF8) == 0xF0 ? 3 : -1;
        if (more < 0 || u == 0xC0 || u == 0xC1 || i + static_cast<std::size_t>(more) >= s.size()) return false;
        for (int k = 1; k <= more; ++k) {
            if ((static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0xC0) != 0x80) return false;
        }
        i += static_cast<std::size_t>(more);
    }
    return true;
}

std::string quoted(std::string_view field) {
    constexpr std::size_t kShown = 40;
    std::string s(field.substr(0, kShown));
    if (field.size() > kShown) s += "...";
    return "'" + s + "'";
}

std::optional<double> parse_number(std::string_view field) {
    field = trim(field);
    if (field.empty()) return std::nullopt;
    if (field.front() == '+') field.remove_prefix(1);
    double value = 0.0;
    const auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), value);
    if (ec != std::errc() || end != field.data() + field.size() || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

std::optional<bool> parse_flag(std::string_view field) {
    field = trim(field);
    if (field == "1" || field == "true") return true;
    if (field == "0" || field == "false" || field.empty()) return false;
    return std::nullopt;
}

enum Column { kT, kTl, kTr, kBl, kBr, kButton, kColumnCount };
constexpr std::array<std::string_view, kColumnCount> kColumnNames = {
    "t_s", "tl_kg", "tr_kg", "bl_kg", "br_kg", "button"};

class Parser {
public:
    Parser(std::string name, const RecordingReadLimits& limits) : name_(std::move(name)), limits_(limits) {}

    Recording parse(std::istream& in) {
        std::string line;
        while (next_line(in, line)) {
            handle(trim(line));
        }
        if (!seen_header_) {
            fail(0, bytes_ == 0 ? "empty file: not a recording"
                                : "no header row (expected columns t_s,tl_kg,tr_kg,bl_kg,br_kg)");
        }
        return std::move(rec_);
    }

private:
    [[noreturn]] void fail(std::int64_t line, const std::string& message) const {
        throw RecordingError(name_, line, message);
    }

    bool next_line(std::istream& in, std::string& line) {
        line.clear();
        std::streambuf* buf = in.rdbuf();
        bool any = false;
        for (int ch = buf ? buf->sbumpc() : EOF; ch != EOF; ch = buf->sbumpc()) {
            const char c = static_cast<char>(ch);
            any = true;
            if (++bytes_ > limits_.max_file_bytes) {
                fail(line_no_ + 1, "file larger than " + std::to_string(limits_.max_file_bytes) +
                                       " bytes: not a recording this program will read");
            }
            if (c == '\n') break;
            if (line.size() >= limits_.max_line_chars) {
                fail(line_no_ + 1, "line longer than " + std::to_string(limits_.max_line_chars) +
                                       " characters (binary data?)");
            }
            line.push_back(c);
        }
        if (!any) return false;
        ++line_no_;
        if (!looks_like_text(line)) fail(line_no_, "binary data, not a recording (a recording is CSV text: t_s,tl_kg,tr_kg,bl_kg,br_kg)");
        return true;
    }

    void handle(std::string_view line) {
        if (line.empty()) return;
        if (line.front() == '#') {
            if (seen_header_) fail(line_no_, "metadata line after the header row");
            handle_metadata(trim(line.substr(1)));
            return;
        }
        if (!seen_header_) {
            handle_header(line);
            return;
        }
        handle_sample(line);
    }

    void handle_metadata(std::string_view body) {
        const auto colon = body.find(':');
        if (colon == std::string_view::npos) return;  // a plain comment, e.g. the format line
        const std::string key(trim(body.substr(0, colon)));
        const std::string_view value = trim(body.substr(colon + 1));
        if (key == "marker") {
            const auto space = value.rfind(' ');
            const auto t = space == std::string_view::npos ? std::nullopt : parse_number(value.substr(space + 1));
            if (!t || trim(value.substr(0, space)).empty()) {
                fail(line_no_, "marker must be '# marker: NAME SECONDS', got " + quoted(value));
            }
            rec_.markers.push_back({std::string(trim(value.substr(0, space))), *t});
            return;
        }
        rec_.metadata.emplace_back(key, std::string(value));
    }

    void handle_header(std::string_view line) {
        seen_header_ = true;
        column_of_field_.clear();
        std::size_t field = 0;
        for (std::string_view rest = line;; ++field) {
            const auto comma = rest.find(',');
            const std::string_view name = trim(rest.substr(0, comma));
            const auto it = std::find(kColumnNames.begin(), kColumnNames.end(), name);
            int column = -1;
            if (it != kColumnNames.end()) {
                column = static_cast<int>(it - kColumnNames.begin());
                if (field_of_column_[column] >= 0) fail(line_no_, "column '" + std::string(name) + "' appears twice");
                field_of_column_[column] = static_cast<int>(field);
            }
            column_of_field_.push_back(column);
            if (comma == std::string_view::npos) break;
            rest.remove_prefix(comma + 1);
        }
        for (int c = 0; c < kButton; ++c) {
            if (field_of_column_[c] < 0) {
                fail(line_no_, "header row has no '" + std::string(kColumnNames[c]) +
                                   "' column (need t_s,tl_kg,tr_kg,bl_kg,br_kg in any order)");
            }
        }
        rec_.has_button_column = field_of_column_[kButton] >= 0;
    }

    void handle_sample(std::string_view line) {
        std::array<double, kButton> values{};
        bool button = false;
        std::size_t field = 0;
        for (std::string_view rest = line;; ++field) {
            const auto comma = rest.find(',');
            const std::string_view text = rest.substr(0, comma);
            if (field >= column_of_field_.size()) {
                fail(line_no_, "more fields than the header's " + std::to_string(column_of_field_.size()));
            }
            const int column = column_of_field_[field];
            if (column == kButton) {
                const auto flag = parse_flag(text);
                if (!flag) fail(line_no_, "button must be 0 or 1, got " + quoted(trim(text)));
                button = *flag;
            } else if (column >= 0) {
                const auto value = parse_number(text);
                if (!value) {
                    fail(line_no_, std::string(kColumnNames[column]) + " is not a number: " + quoted(trim(text)));
                }
                values[column] = *value;
            }
            if (comma == std::string_view::npos) break;
            rest.remove_prefix(comma + 1);
        }
        if (field + 1 != column_of_field_.size()) {
            fail(line_no_, "expected " + std::to_string(column_of_field_.size()) + " fields, got " +
                               std::to_string(field + 1));
        }
        if (!rec_.samples.empty() && values[kT] < rec_.samples.back().t_s) {
            fail(line_no_, "time goes backwards: t_s " + std::to_string(values[kT]) + " after " +
                               std::to_string(rec_.samples.back().t_s));
        }
        constexpr double kMaxLoadKg = 1000.0;  // far beyond any board; a corrupt value
        for (int c = kTl; c <= kBr; ++c) {
            if (std::abs(values[c]) > kMaxLoadKg) {
                fail(line_no_, std::string(kColumnNames[c]) + " of " + std::to_string(values[c]) +
                                   " kg is not a plausible load");
            }
        }
        rec_.samples.push_back(BoardSample{values[kT], static_cast<float>(values[kTl]),
                                           static_cast<float>(values[kTr]), static_cast<float>(values[kBl]),
                                           static_cast<float>(values[kBr]), button});
    }

    std::string name_;
    RecordingReadLimits limits_;
    Recording rec_;
    std::int64_t line_no_ = 0;
    std::uintmax_t bytes_ = 0;
    bool seen_header_ = false;
    std::array<int, kColumnCount> field_of_column_{-1, -1, -1, -1, -1, -1};
    std::vector<int> column_of_field_;  // -1: a column this reader does not use
};

}  // namespace

Recording read_recording(std::istream& in, const std::string& name, const RecordingReadLimits& limits) {
    return Parser(name, limits).parse(in);
}

Recording read_recording(const std::filesystem::path& path, const RecordingReadLimits& limits) {
    const std::string name = path.string();
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status)) throw RecordingError(name, 0, "no such file");
    if (std::filesystem::is_directory(status)) throw RecordingError(name, 0, "is a directory, not a recording");
    if (std::filesystem::is_regular_file(status)) {
        const auto size = std::filesystem::file_size(path, ec);
        if (!ec && size > limits.max_file_bytes) {
            throw RecordingError(name, 0, "file of " + std::to_string(size) + " bytes is larger than the " +
                                              std::to_string(limits.max_file_bytes) + "-byte limit for a recording");
        }
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw RecordingError(name, 0, "cannot open for reading");
    return read_recording(in, name, limits);
}

}  // namespace highstep
