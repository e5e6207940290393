#pragma once
// Home-built HID boards (four load cells, e.g. HX711 amplifiers on a microcontroller)
// described by a JSON mapping file; see input/hid/boards/README.md for the format
// and a commented example.
//
// A mapping says which input report carries the loads and, for each cell, where
// its count is (byte offset after the report id, size, byte order, signedness)
// and how to turn counts into kilograms: kg = (count − zero) / counts_per_kg.
#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "highstep/input/board_sample.h"

namespace highstep::hid {

// A problem in a mapping file. what() reads "PATH:LINE: message" (LINE omitted when
// the whole file is at fault).
class BoardMapError : public std::runtime_error {
public:
    BoardMapError(const std::string& path, int line, const std::string& message);
    const std::string& path() const { return path_; }
    int line() const { return line_; }  // 1-based; 0 when no line applies
private:
    std::string path_;
    int line_;
};

enum class ByteOrder { little, big };

struct CellMap {
    std::size_t offset = 0;       // first byte, counted from the byte after the report id
    int size = 4;                 // 1–4 bytes
    ByteOrder order = ByteOrder::little;
    bool is_signed = true;        // two's complement (the HX711 gives signed 24-bit counts)
    double zero = 0.0;            // count with nothing on the board
    double counts_per_kg = 1.0;   // non-zero; negative for a cell wired the other way round
};

struct ButtonMap {
    std::size_t offset = 0;       // byte after the report id
    std::uint8_t mask = 0x01;     // button is held while (byte & mask) != 0
};

struct GenericBoardMap {
    static constexpr int kFormatVersion = 1;
    std::string name;                 // shown in `highstep devices`
    std::string source;               // file it was read from
    std::uint16_t vendor_id = 0;
    std::uint16_t product_id = 0;
    int report_id = 0;                // 0: the device does not number its reports
    std::array<CellMap, 4> cells{};   // tl, tr, bl, br
    std::optional<ButtonMap> button;

    // Smallest input report (with the id byte, if any) that holds every field.
    std::size_t min_report_bytes() const;
};

// Reads and checks a mapping file. Throws BoardMapError naming the file, the line
// and what is wrong (bad JSON, missing field, out-of-range value, overlapping cells).
GenericBoardMap load_board_map(const std::filesystem::path& path);
// Same from text; `name` stands for the path in messages.
GenericBoardMap parse_board_map(std::string_view text, const std::string& name);

// Decodes one input report (as hid_read returns it). nullopt if it is another
// report id or too short. Loads below 0 kg are clamped to 0, as for the Wii board.
std::optional<BoardSample> decode_board_report(const GenericBoardMap& map,
                                               std::span<const std::uint8_t> report, double t_s);

// Every *.json in `dir`, sorted by name; none if the folder does not exist.
std::vector<std::filesystem::path> board_map_files(const std::filesystem::path& dir);

}  // namespace highstep::hid
