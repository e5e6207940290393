// Board mapping JSON for home-built boards (input/hid/boards/, the user's
// ~/.config/highstep/boards): parsed by parse_board_map(). When the text up to
// the first NUL byte is a valid mapping, the bytes after it are decoded as an
// input report with it, so odd offsets, sizes and byte orders are exercised too.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "highstep/hid/generic_board.h"

namespace hid = highstep::hid;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view all(reinterpret_cast<const char*>(data), size);
    const std::size_t nul = all.find('\0');
    const std::string_view text = all.substr(0, nul);
    try {
        const hid::GenericBoardMap map = hid::parse_board_map(text, "fuzz-board.json");
        (void)map.min_report_bytes();
        if (nul != std::string_view::npos) {
            (void)hid::decode_board_report(map, std::span<const std::uint8_t>(data + nul + 1, size - nul - 1), 1.0);
        }
    } catch (const hid::BoardMapError&) {
    }
    return 0;
}
