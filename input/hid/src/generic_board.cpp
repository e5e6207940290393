#include "highstep/hid/generic_board.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include "json_with_lines.h"

namespace highstep::hid {

namespace {

constexpr std::string_view kFormatName = "highstep-board-map";
constexpr std::uintmax_t kMaxMapFileBytes = 1024 * 1024;  // a mapping is a few hundred bytes
constexpr std::size_t kMaxReportBytes = 1024;

std::string with_line(const std::string& path, int line) {
    return line > 0 ? path + ":" + std::to_string(line) : path;
}

// Reads fields of one JSON object, reporting errors at the field's line and
// refusing unknown keys (a typo in "counts_per_kg" must not silently mean 1.0).
class Fields {
public:
    Fields(const JsonWithLines& doc, const nlohmann::json& object, std::string path, const std::string& file)
        : doc_(doc), object_(object), path_(std::move(path)), file_(file) {
        if (!object_.is_object()) fail(path_, (path_.empty() ? "the file" : path_) + " must be a JSON object");
    }

    [[noreturn]] void fail(const std::string& key_path, const std::string& message) const {
        throw BoardMapError(file_, doc_.line_of(key_path), message);
    }
    std::string key_path(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }

    const nlohmann::json& require(const std::string& key) {
        seen_.insert(key);
        auto it = object_.find(key);
        if (it == object_.end()) {
            fail(path_, "missing field '" + key_path(key) + "'");
        }
        return *it;
    }
    const nlohmann::json* optional(const std::string& key) {
        seen_.insert(key);
        auto it = object_.find(key);
        return it == object_.end() ? nullptr : &*it;
    }

    std::string string(const std::string& key) {
        const nlohmann::json& v = require(key);
        if (!v.is_string()) fail(key_path(key), key_path(key) + " must be a string");
        return v.get<std::string>();
    }
    bool boolean(const std::string& key) {
        const nlohmann::json& v = require(key);
        if (!v.is_boolean()) fail(key_path(key), key_path(key) + " must be true or false");
        return v.get<bool>();
    }
    double number(const std::string& key) {
        const nlohmann::json& v = require(key);
        if (!v.is_number()) fail(key_path(key), key_path(key) + " must be a number");
        const double d = v.get<double>();
        if (!std::isfinite(d)) fail(key_path(key), key_path(key) + " must be a finite number");
        return d;
    }
    // An integer in [lo, hi]; accepts "0x1209"-style strings so ids read as in lsusb.
    long long integer(const std::string& key, long long lo, long long hi) {
        const nlohmann::json& v = require(key);
        long long n = 0;
        if (v.is_number_integer()) {
            n = v.get<long long>();
        } else if (v.is_string()) {
            const std::string s = v.get<std::string>();
            char* end = nullptr;
            n = std::strtoll(s.c_str(), &end, 0);
            if (s.empty() || end == nullptr || *end != '\0') {
                fail(key_path(key), key_path(key) + " must be an integer such as 4617 or \"0x1209\" (got \"" + s + "\")");
            }
        } else {
            fail(key_path(key), key_path(key) + " must be an integer");
        }
        if (n < lo || n > hi) {
            fail(key_path(key), key_path(key) + " must be between " + std::to_string(lo) + " and " +
                                    std::to_string(hi) + " (got " + std::to_string(n) + ")");
        }
        return n;
    }
    // Keys starting with '_' are comments.
    void no_unknown_keys() const {
        for (auto it = object_.begin(); it != object_.end(); ++it) {
            if (!it.key().starts_with('_') && !seen_.contains(it.key())) {
                fail(key_path(it.key()), "unknown field '" + key_path(it.key()) + "'");
            }
        }
    }

private:
    const JsonWithLines& doc_;
    const nlohmann::json& object_;
    std::string path_;
    const std::string& file_;
    std::set<std::string> seen_;
};

CellMap read_cell(Fields& f) {
    CellMap c;
    c.offset = static_cast<std::size_t>(f.integer("offset", 0, kMaxReportBytes - 1));
    c.size = static_cast<int>(f.integer("size", 1, 4));
    const std::string order = f.string("byte_order");
    if (order == "little") c.order = ByteOrder::little;
    else if (order == "big") c.order = ByteOrder::big;
    else f.fail(f.key_path("byte_order"), f.key_path("byte_order") + " must be \"little\" or \"big\" (got \"" + order + "\")");
    c.is_signed = f.boolean("signed");
    c.zero = f.number("zero");
    c.counts_per_kg = f.number("counts_per_kg");
    if (c.counts_per_kg == 0.0) f.fail(f.key_path("counts_per_kg"), f.key_path("counts_per_kg") + " must not be 0");
    f.no_unknown_keys();
    return c;
}

std::int64_t read_count(const CellMap& c, std::span<const std::uint8_t> payload) {
    std::uint32_t u = 0;
    for (int i = 0; i < c.size; ++i) {
        const int shift = c.order == ByteOrder::little ? 8 * i : 8 * (c.size - 1 - i);
        u |= static_cast<std::uint32_t>(payload[c.offset + static_cast<std::size_t>(i)]) << shift;
    }
    if (!c.is_signed) return u;
    const int bits = 8 * c.size;
    const std::int64_t value = u;
    const std::int64_t sign = std::int64_t{1} << (bits - 1);
    return (value & sign) != 0 ? value - (std::int64_t{1} << bits) : value;
}

}  // namespace

BoardMapError::BoardMapError(const std::string& path, int line, const std::string& message)
    : std::runtime_error(with_line(path, line) + ": " + message), path_(path), line_(line) {}

std::size_t GenericBoardMap::min_report_bytes() const {
    std::size_t payload = 0;
    for (const CellMap& c : cells) payload = std::max(payload, c.offset + static_cast<std::size_t>(c.size));
    if (button) payload = std::max(payload, button->offset + 1);
    return payload + (report_id != 0 ? 1 : 0);
}

GenericBoardMap parse_board_map(std::string_view text, const std::string& name) {
    JsonWithLines doc;
    try {
        doc = parse_json_with_lines(text);
    } catch (const std::invalid_argument& e) {
        const std::string m = e.what();
        const auto tab = m.find('\t');
        throw BoardMapError(name, std::atoi(m.substr(0, tab).c_str()), "not valid JSON: " + m.substr(tab + 1));
    }
    Fields top(doc, doc.value, "", name);
    GenericBoardMap map;
    map.source = name;
    const std::string format = top.string("format");
    if (format != kFormatName) {
        top.fail("format", "format must be \"" + std::string(kFormatName) + "\" (got \"" + format + "\")");
    }
    const long long version = top.integer("version", 1, 1000);
    if (version != GenericBoardMap::kFormatVersion) {
        top.fail("version", "version " + std::to_string(version) + " is not supported; this HighStep reads version " +
                                std::to_string(GenericBoardMap::kFormatVersion));
    }
    map.name = top.string("name");
    map.vendor_id = static_cast<std::uint16_t>(top.integer("vendor_id", 1, 0xFFFF));
    map.product_id = static_cast<std::uint16_t>(top.integer("product_id", 1, 0xFFFF));
    map.report_id = static_cast<int>(top.integer("report_id", 0, 255));

    Fields cells(doc, top.require("cells"), "cells", name);
    static const char* const kCellNames[4] = {"tl", "tr", "bl", "br"};
    for (int i = 0; i < 4; ++i) {
        Fields f(doc, cells.require(kCellNames[i]), std::string("cells.") + kCellNames[i], name);
        map.cells[i] = read_cell(f);
    }
    cells.no_unknown_keys();
    if (const nlohmann::json* b = top.optional("button")) {
        Fields f(doc, *b, "button", name);
        ButtonMap button;
        button.offset = static_cast<std::size_t>(f.integer("offset", 0, kMaxReportBytes - 1));
        button.mask = static_cast<std::uint8_t>(f.integer("mask", 1, 255));
        f.no_unknown_keys();
        map.button = button;
    }
    top.no_unknown_keys();

    // Two cells sharing bytes is always a typo in an offset.
    for (int i = 0; i < 4; ++i) {
        for (int j = i + 1; j < 4; ++j) {
            const CellMap& a = map.cells[i];
            const CellMap& b = map.cells[j];
            if (a.offset < b.offset + static_cast<std::size_t>(b.size) && b.offset < a.offset + static_cast<std::size_t>(a.size)) {
                top.fail(std::string("cells.") + kCellNames[j] + ".offset",
                         std::string("cells.") + kCellNames[i] + " and cells." + kCellNames[j] + " overlap (bytes " +
                             std::to_string(a.offset) + "+" + std::to_string(a.size) + " and " +
                             std::to_string(b.offset) + "+" + std::to_string(b.size) + ")");
            }
        }
    }
    return map;
}

GenericBoardMap load_board_map(const std::filesystem::path& path) {
    const std::string name = path.string();
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) throw BoardMapError(name, 0, "cannot read the mapping file: " + ec.message());
    if (size > kMaxMapFileBytes) throw BoardMapError(name, 0, "too large for a mapping file (" + std::to_string(size) + " bytes)");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw BoardMapError(name, 0, "cannot open the mapping file");
    std::ostringstream text;
    text << in.rdbuf();
    return parse_board_map(text.str(), name);
}

std::optional<BoardSample> decode_board_report(const GenericBoardMap& map, std::span<const std::uint8_t> report,
                                               double t_s) {
    if (report.size() < map.min_report_bytes()) return std::nullopt;
    std::span<const std::uint8_t> payload = report;
    if (map.report_id != 0) {
        if (report[0] != map.report_id) return std::nullopt;
        payload = report.subspan(1);
    }
    float kg[4];
    for (int i = 0; i < 4; ++i) {
        const CellMap& c = map.cells[i];
        const double load = (static_cast<double>(read_count(c, payload)) - c.zero) / c.counts_per_kg;
        // Not clamped at 0: a home-built board's zero drifts by kilograms, and a load
        // below it must reach the tare (as the Wii driver extrapolates below its 0 kg point).
        kg[i] = static_cast<float>(load);
    }
    BoardSample s;
    s.t_s = t_s;
    s.tl = kg[0];
    s.tr = kg[1];
    s.bl = kg[2];
    s.br = kg[3];
    s.button = map.button && (payload[map.button->offset] & map.button->mask) != 0;
    return s;
}

std::vector<std::filesystem::path> board_map_files(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace highstep::hid
