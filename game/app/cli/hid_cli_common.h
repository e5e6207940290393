#pragma once
// Shared by `devices`, `record` and `decode`: the --map option and loading the
// mapping files of home-built boards.
#include <string>
#include <vector>

#include "highstep/hid/generic_board.h"

namespace highstep::cli {

struct BoardMapSet {
    std::vector<hid::GenericBoardMap> maps;
    std::vector<std::string> problems;  // mapping files in the user folder that did not load
};

// The files given with --map (an error there is fatal: the user asked for it,
// throws hid::BoardMapError) plus every *.json in the per-user folder (a broken
// one there is reported in `problems` and skipped, so one bad file does not hide
// a working Wii board).
BoardMapSet load_board_maps(const std::vector<std::string>& explicit_files);

// "Pair a board…" advice printed when no board is found.
const char* no_board_advice();

}  // namespace highstep::cli
