#include "highstep/paths/paths.h"

#include <algorithm>
#include <cstdlib>
#include <system_error>

namespace highstep::paths {

namespace {

bool has_levels(const std::filesystem::path& dir) {
    std::error_code ec;
    return !dir.empty() && std::filesystem::is_directory(dir / "levels", ec);
}

// True if `inner` is `outer` or lies below it, after resolving symlinks, so a
// build tree reached through a link still counts.
bool lies_in(const std::filesystem::path& inner, const std::filesystem::path& outer) {
    if (inner.empty() || outer.empty()) return false;
    std::error_code ec;
    const auto in = std::filesystem::weakly_canonical(inner, ec);
    if (ec) return false;
    const auto out = std::filesystem::weakly_canonical(outer, ec);
    if (ec) return false;
    auto [o, i] = std::mismatch(out.begin(), out.end(), in.begin(), in.end());
    // weakly_canonical may leave a trailing empty element on a folder path.
    return o == out.end() || (std::next(o) == out.end() && o->empty());
}

std::string env_or_empty(const char* name) {
    const char* v = std::getenv(name);
    return v ? v : "";
}

// $XDG_x_HOME/highstep if absolute, else $HOME/<fallback>/highstep.
std::filesystem::path xdg_dir(const std::string& xdg, const char* xdg_name, const std::string& home,
                              const char* fallback) {
    if (!xdg.empty() && std::filesystem::path(xdg).is_absolute()) return std::filesystem::path(xdg) / "highstep";
    if (!home.empty()) return std::filesystem::path(home) / fallback / "highstep";
    throw PathError(std::string("cannot find a place for the player's files: neither ") + xdg_name +
                    " (an absolute path) nor HOME is set");
}

}  // namespace

std::vector<DataDirCandidate> data_dir_candidates(const DataDirSearch& s) {
    std::vector<DataDirCandidate> out;
    if (s.option) out.push_back({*s.option, "--data-dir"});
    if (s.env) out.push_back({*s.env, "HIGHSTEP_DATA_DIR"});
    if (!s.executable.empty() && !s.exe_to_data.empty()) {
        out.push_back({(s.executable.parent_path() / s.exe_to_data).lexically_normal(), "next to the program"});
    }
    const bool in_build_tree = lies_in(s.executable, s.binary_dir);
    if (in_build_tree && !s.source_dir.empty()) out.push_back({s.source_dir, "the source tree"});
    if (!s.install_data_dir.empty()) out.push_back({s.install_data_dir, "the install prefix"});
    return out;
}

std::filesystem::path find_data_dir(const DataDirSearch& s) {
    const auto candidates = data_dir_candidates(s);
    std::string tried;
    for (const auto& c : candidates) {
        if (has_levels(c.dir)) return c.dir;
        if (c.source == "--data-dir" || c.source == "HIGHSTEP_DATA_DIR") {
            throw PathError(c.source + " " + c.dir.string() + ": no levels/ folder there");
        }
        tried += "\n  " + c.dir.string() + " (" + c.source + ")";
    }
    throw PathError("the game's data (a folder with levels/) was not found in any of:" + tried +
                    "\nreinstall HighStep or give --data-dir DIR (or HIGHSTEP_DATA_DIR)");
}

DataDirSearch this_program_search(std::optional<std::filesystem::path> option) {
    DataDirSearch s;
    s.option = std::move(option);
    if (const std::string env = env_or_empty("HIGHSTEP_DATA_DIR"); !env.empty()) s.env = env;
    std::error_code ec;
    s.executable = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) s.executable.clear();
    s.exe_to_data = HIGHSTEP_EXE_TO_DATA;
    s.install_data_dir = HIGHSTEP_INSTALL_DATA_DIR;
    s.source_dir = HIGHSTEP_SOURCE_DIR;
    s.binary_dir = HIGHSTEP_BINARY_DIR;
    return s;
}

UserEnv this_process_env() {
    return {env_or_empty("XDG_DATA_HOME"), env_or_empty("XDG_CONFIG_HOME"), env_or_empty("HOME")};
}

std::filesystem::path user_data_dir(const UserEnv& env) {
    return xdg_dir(env.xdg_data_home, "XDG_DATA_HOME", env.home, ".local/share");
}

std::filesystem::path user_config_dir(const UserEnv& env) {
    return xdg_dir(env.xdg_config_home, "XDG_CONFIG_HOME", env.home, ".config");
}

std::filesystem::path database_file(const UserEnv& env) { return user_data_dir(env) / "highstep.db"; }

std::filesystem::path board_map_dir(const UserEnv& env) { return user_config_dir(env) / "boards"; }

void create_user_dirs(const UserEnv& env) {
    for (const auto& dir : {user_data_dir(env), board_map_dir(env)}) {
        std::error_code ec;
        std::filesystem::create_directories(dir, ec);
        if (ec) throw PathError("cannot create " + dir.string() + ": " + ec.message());
    }
}

}  // namespace highstep::paths
