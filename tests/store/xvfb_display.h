#pragma once
// An X server for tests that start the window themselves and must know the
// game's own process id (to kill it): xvfb-run would stand between them.
// HIGHSTEP_STORM_DISPLAY=:N uses a server already running there; otherwise an
// Xvfb is started on a free display (-displayfd) and stopped at the end.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

extern char** environ;

namespace highstep::store::storm {

class XvfbDisplay {
public:
    XvfbDisplay() {
        if (const char* d = std::getenv("HIGHSTEP_STORM_DISPLAY"); d && *d) {
            display_ = d;
            return;
        }
        if (std::system("command -v Xvfb >/dev/null 2>&1") != 0) {
            problem_ = "Xvfb is not installed";
            return;
        }
        int fds[2];
        if (pipe(fds) != 0) {
            problem_ = "pipe failed";
            return;
        }
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, fds[1], 3);
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
        const char* argv[] = {"Xvfb", "-displayfd", "3", "-screen", "0", "1280x720x24", "-nolisten", "tcp", nullptr};
        if (posix_spawnp(&pid_, "Xvfb", &actions, nullptr, const_cast<char**>(argv), environ) != 0) pid_ = -1;
        posix_spawn_file_actions_destroy(&actions);
        close(fds[1]);
        std::string number;
        char c;
        while (pid_ > 0 && read(fds[0], &c, 1) == 1 && c != '\n') number += c;
        close(fds[0]);
        if (number.empty()) {
            problem_ = "Xvfb did not start";
            return;
        }
        display_ = ":" + number;
    }
    ~XvfbDisplay() {
        if (pid_ > 0) {
            kill(pid_, SIGTERM);
            waitpid(pid_, nullptr, 0);
        }
    }
    XvfbDisplay(const XvfbDisplay&) = delete;
    XvfbDisplay& operator=(const XvfbDisplay&) = delete;

    bool ok() const { return !display_.empty(); }
    const std::string& display() const { return display_; }
    const std::string& problem() const { return problem_; }

private:
    pid_t pid_ = -1;
    std::string display_;
    std::string problem_;
};

}  // namespace highstep::store::storm
