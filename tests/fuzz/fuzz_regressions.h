#pragma once
// Inputs a fuzz target once crashed on, kept in tests/fuzz/regressions/<target>/,
// for the GoogleTests of the normal suite that feed them to the fixed parser.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace highstep::fuzz_regressions {

inline std::vector<std::filesystem::path> files(const std::string& target) {
    const std::filesystem::path dir = std::filesystem::path(HIGHSTEP_SOURCE_DIR) / "tests/fuzz/regressions" / target;
    std::vector<std::filesystem::path> out;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.is_regular_file()) out.push_back(entry.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

inline std::string read(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace highstep::fuzz_regressions
