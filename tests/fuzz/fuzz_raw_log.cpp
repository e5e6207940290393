// Raw HID logs (*.hidlog) from bug reports: read, then decoded both as a Wii
// Balance Board log and as a home-built board's log (a fixed 4 × int32 mapping).
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "highstep/hid/generic_board.h"
#include "highstep/hid/raw_log.h"

namespace hid = highstep::hid;

namespace {

hid::GenericBoardMap example_map() {
    return hid::parse_board_map(R"({"format": "highstep-board-map", "version": 1, "name": "fuzz",
        "vendor_id": "0x1209", "product_id": "0x0001", "report_id": 1,
        "cells": {
          "tl": {"offset": 0,  "size": 4, "byte_order": "little", "signed": true, "zero": 0, "counts_per_kg": 100.0},
          "tr": {"offset": 4,  "size": 4, "byte_order": "little", "signed": true, "zero": 0, "counts_per_kg": 100.0},
          "bl": {"offset": 8,  "size": 4, "byte_order": "big", "signed": false, "zero": 0, "counts_per_kg": 100.0},
          "br": {"offset": 12, "size": 3, "byte_order": "big", "signed": true, "zero": 0, "counts_per_kg": -100.0}},
        "button": {"offset": 15, "mask": 1}})",
                                "fuzz-map.json");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const hid::GenericBoardMap map = example_map();
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    try {
        const auto entries = hid::read_raw_log(in, "fuzz.hidlog");
        (void)hid::decode_generic_log(entries, map);
        (void)hid::decode_wii_log(entries, "fuzz.hidlog");
    } catch (const hid::RawLogError&) {
    }
    return 0;
}
