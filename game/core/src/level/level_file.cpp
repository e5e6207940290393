// Level files on disk: the one place level code touches files (built as
// highstep::level_file, outside the pure core).
#include "highstep/core/level/level_file.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <system_error>

namespace highstep::core {

namespace {
constexpr std::uintmax_t kMaxLevelBytes = 1024 * 1024;  // a level is a few hundred bytes
}

Level load_level_file(const std::filesystem::path& path) {
    const std::string name = path.string();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        throw LevelError(name, std::filesystem::exists(path, ec) ? "not a regular file" : "no such file");
    }
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    if (ec) throw LevelError(name, "cannot read its size: " + ec.message());
    if (size > kMaxLevelBytes) throw LevelError(name, "too large for a level file (" + std::to_string(size) + " bytes)");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw LevelError(name, "cannot open for reading");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw LevelError(name, "read failed");
    return parse_level(text, name);
}

LevelDirectory load_level_directory(const std::filesystem::path& dir) {
    LevelDirectory out;
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->path().extension() == ".json") files.push_back(it->path());
    }
    if (ec) {
        out.errors.push_back(dir.string() + ": cannot list levels: " + ec.message());
        return out;
    }
    std::sort(files.begin(), files.end());  // so "the later file" of a duplicate is well defined
    std::map<std::string, std::string> seen;  // id -> file
    for (const auto& file : files) {
        try {
            Level level = load_level_file(file);
            auto [it, fresh] = seen.emplace(level.id, file.string());
            if (!fresh) {
                out.errors.push_back(file.string() + ": id \"" + level.id + "\" is already used by " + it->second);
                continue;
            }
            out.levels.push_back(std::move(level));
        } catch (const LevelError& e) {
            out.errors.push_back(e.what());
        }
    }
    std::sort(out.levels.begin(), out.levels.end(), [](const Level& a, const Level& b) {
        if (a.type != b.type) return a.type < b.type;
        if (a.difficulty != b.difficulty) return a.difficulty < b.difficulty;
        return a.id < b.id;
    });
    return out;
}

}  // namespace highstep::core
