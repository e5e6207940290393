#pragma once
// Loading level files. This is the only level code that touches files, so it is
// built as its own small library (highstep::level_file), not part of the pure
// highstep::core.
#include <filesystem>
#include <string>
#include <vector>

#include "highstep/core/level/level.h"

namespace highstep::core {

// Reads and parses one level file. Throws LevelError naming the path (missing or
// unreadable file, a file over 1 MB, invalid JSON, invalid content).
Level load_level_file(const std::filesystem::path& path);

struct LevelDirectory {
    std::vector<Level> levels;          // sorted by type, then difficulty, then id
    std::vector<std::string> errors;    // one message per bad file (the others still load)
};
// Loads every *.json in a folder. Bad files are reported, not fatal; duplicate ids
// are reported and the later file (by name) is skipped.
LevelDirectory load_level_directory(const std::filesystem::path& dir);

}  // namespace highstep::core
