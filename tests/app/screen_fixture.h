#pragma once
// The screen-test fixture: runs the real `highstep` under Xvfb with a --script,
// the simulated board, a scratch database and the project's levels, and reads
// screenshots back (Shot) to count pixels of a palette colour in a region.
#include <gtest/gtest.h>

#include <SDL.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "palette.h"

namespace highstep::app::testing {

namespace fs = std::filesystem;

// The weigh-in's foot learning on the simulated board, once weighed: stand on each
// foot (E lifts the right knee, Q the left).
inline const std::string kLearnFeet = R"(wait_probe stage >= 2 15
down e
wait_probe stage >= 3 15
up e
wait 0.8
down q
wait_probe stage >= 4 15
up q
)";

// A first weigh-in: zero the empty board, step on with both feet, then learn the feet.
inline const std::string kFullWeighIn = R"(wait_scene weigh_in
wait_probe stage >= 1 10
key a
key d
)" + kLearnFeet;

// From the title past the board check (skipped with Enter, the session then weighs
// the player as it plays) into the first level of the list, playing.
inline const std::string kTitleToFirstLevel = R"(key Return
wait_scene weigh_in
key Return
wait_scene levels
key Return
wait_scene play
)";

// From the title to the challenge list (title: Play, Learn the moves, Today's plan,
// Progress, Challenges).
inline const std::string kTitleToChallenges = R"(wait_scene title
key Down
key Down
key Down
key Down
key Return
wait_scene challenges
)";

struct Shot {
    SDL_Surface* s = nullptr;
    explicit Shot(const fs::path& p) {
        if (SDL_Surface* raw = SDL_LoadBMP(p.c_str())) {
            s = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0);
            SDL_FreeSurface(raw);
        }
    }
    ~Shot() { SDL_FreeSurface(s); }
    Shot(const Shot&) = delete;
    Shot& operator=(const Shot&) = delete;
    bool ok() const { return s != nullptr; }
    std::uint32_t at(int x, int y) const {
        const auto* row = static_cast<const std::uint8_t*>(s->pixels) + y * s->pitch;
        return reinterpret_cast<const std::uint32_t*>(row)[x] & 0xFFFFFFu;
    }
    int count(Color c, int x0, int y0, int x1, int y1) const {
        const std::uint32_t want = (std::uint32_t{c.r} << 16) | (std::uint32_t{c.g} << 8) | c.b;
        int n = 0;
        for (int y = y0; y < y1; ++y)
            for (int x = x0; x < x1; ++x) n += at(x, y) == want;
        return n;
    }
    // Pixels whose every channel is below `level` (dark backings and outlines, whatever
    // the colour blended under them).
    int darker_than(int level, int x0, int y0, int x1, int y1) const {
        int n = 0;
        for (int y = y0; y < y1; ++y)
            for (int x = x0; x < x1; ++x) {
                const std::uint32_t p = at(x, y);
                n += static_cast<int>((p >> 16) & 0xFF) < level && static_cast<int>((p >> 8) & 0xFF) < level &&
                     static_cast<int>(p & 0xFF) < level;
            }
        return n;
    }
    int differing(const Shot& o, int x0, int y0, int x1, int y1) const {
        int n = 0;
        for (int y = y0; y < y1; ++y)
            for (int x = x0; x < x1; ++x) n += at(x, y) != o.at(x, y);
        return n;
    }
};

class ScreenTest : public ::testing::Test {
protected:
    void SetUp() override {
        if (std::system("command -v xvfb-run >/dev/null 2>&1") != 0) GTEST_SKIP() << "xvfb-run is not installed";
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        dir_ = fs::path(HIGHSTEP_SHOT_DIR) / info->name();
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }

    // Runs the game with a script; returns the exit code, stderr in err_.
    int run(const std::string& script, const std::string& extra_args = "") {
        const fs::path script_file = dir_ / "script.txt";
        std::ofstream(script_file) << script;
        const fs::path err_file = dir_ / "stderr.txt";
        std::ostringstream cmd;
        cmd << "cd '" << dir_.string() << "' && SDL_VIDEODRIVER=x11 ALSOFT_DRIVERS=null XDG_DATA_HOME='" << dir_.string()
            << "' timeout 600 xvfb-run -a -s '-screen 0 " << screen_ << "x24' '" << HIGHSTEP_BINARY << "' --simulated --software"
            << " --fixed-frame-ms 16.667 --window " << window_ << " --db '" << (dir_ / "test.db").string() << "' --levels '"
            << HIGHSTEP_SOURCE_DIR << "/levels' --script '" << script_file.string() << "' " << extra_args << " 2>'"
            << err_file.string() << "'";
        const int status = std::system(cmd.str().c_str());
        std::ifstream in(err_file);
        std::stringstream ss;
        ss << in.rdbuf();
        err_ = ss.str();
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }

    fs::path shot(const std::string& name) const { return dir_ / (name + ".bmp"); }

    fs::path dir_;
    std::string err_;
    std::string screen_ = "1280x720";  // the X server's screen (full screen fills it)
    std::string window_ = "1280x720";  // the game window
};

}  // namespace highstep::app::testing
