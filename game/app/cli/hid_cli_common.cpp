#include "hid_cli_common.h"

#include "highstep/paths/paths.h"

namespace highstep::cli {

BoardMapSet load_board_maps(const std::vector<std::string>& explicit_files) {
    BoardMapSet set;
    for (const std::string& f : explicit_files) set.maps.push_back(hid::load_board_map(f));
    std::filesystem::path dir;
    try {
        dir = paths::board_map_dir(paths::this_process_env());
    } catch (const paths::PathError& e) {
        set.problems.push_back(e.what());
    }
    if (!dir.empty()) {
        for (const auto& file : hid::board_map_files(dir)) {
            try {
                set.maps.push_back(hid::load_board_map(file));
            } catch (const hid::BoardMapError& e) {
                set.problems.push_back(e.what());
            }
        }
    }
    return set;
}

const char* no_board_advice() {
    return "  Wii Balance Board: open the battery cover, press the red sync button, then pair it with\n"
           "    bluetoothctl (scan on, pair ADDRESS, trust ADDRESS, connect ADDRESS); see docs/hid.md.\n"
           "  Home-built HID board: put its mapping file in ~/.config/highstep/boards/ or pass --map FILE.\n";
}

}  // namespace highstep::cli
