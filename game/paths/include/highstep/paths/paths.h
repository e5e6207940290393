#pragma once
// Where HighStep's files live: the game's data (levels/, assets/) and the
// player's own data (database, board mappings). The one place that decides it;
// docs/install.md describes the order and why.
//
//   DataDirSearch / find_data_dir   the data folder: --data-dir, HIGHSTEP_DATA_DIR,
//                                   next to the program (../share/highstep), the
//                                   source tree (build-tree programs only), the
//                                   compiled-in install prefix
//   this_program_search             that search as this process sees it
//   UserEnv / user_data_dir ...     $XDG_DATA_HOME/highstep, $XDG_CONFIG_HOME/highstep
//   create_user_dirs                makes both on first run
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace highstep::paths {

// A data folder or a user folder that cannot be found; the message lists
// every place tried and how to point the program at one.
struct PathError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// What the data-folder search looks at. Every field may be empty.
struct DataDirSearch {
    std::optional<std::filesystem::path> option;  // --data-dir DIR
    std::optional<std::filesystem::path> env;     // HIGHSTEP_DATA_DIR
    std::filesystem::path executable;             // this program's file (/proc/self/exe)
    std::filesystem::path exe_to_data;            // data folder relative to the program's folder, "../share/highstep"
    std::filesystem::path install_data_dir;       // compiled in: CMAKE_INSTALL_PREFIX/share/highstep
    std::filesystem::path source_dir;             // compiled in: the source tree
    std::filesystem::path binary_dir;             // compiled in: the build tree (source_dir counts only for a program in it)
};

// One place the search looks, with the reason it looks there ("HIGHSTEP_DATA_DIR").
struct DataDirCandidate {
    std::filesystem::path dir;
    std::string source;
};

// The places in the order they are tried. A program inside its build tree tries
// the source tree before the install prefix, so a developer's edits to levels/
// win over an older installed copy; an installed program never looks at the
// source tree it was built from.
std::vector<DataDirCandidate> data_dir_candidates(const DataDirSearch& search);

// The first candidate that holds a levels/ folder. A folder given with
// --data-dir or HIGHSTEP_DATA_DIR must hold one (no silent fallback). Throws
// PathError listing the places tried.
std::filesystem::path find_data_dir(const DataDirSearch& search);

// The search for this process: `option` from the command line, the environment,
// /proc/self/exe and the folders compiled in by CMake.
DataDirSearch this_program_search(std::optional<std::filesystem::path> option = std::nullopt);

// The environment variables the user folders follow. Empty = not set.
struct UserEnv {
    std::string xdg_data_home;
    std::string xdg_config_home;
    std::string home;
};
UserEnv this_process_env();

// $XDG_DATA_HOME/highstep, else ~/.local/share/highstep (database, recordings
// kept in it). A relative XDG_* is ignored, as the XDG spec says. Throws
// PathError if neither the variable nor HOME is set.
std::filesystem::path user_data_dir(const UserEnv& env);
// $XDG_CONFIG_HOME/highstep, else ~/.config/highstep (board mappings in boards/).
std::filesystem::path user_config_dir(const UserEnv& env);
// user_data_dir()/highstep.db
std::filesystem::path database_file(const UserEnv& env);
// user_config_dir()/boards
std::filesystem::path board_map_dir(const UserEnv& env);

// Creates both user folders (and boards/) if missing. Throws PathError naming
// the folder that could not be made.
void create_user_dirs(const UserEnv& env);

}  // namespace highstep::paths
