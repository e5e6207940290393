#pragma once
// Runs a command line through the shell and keeps what it printed: the one way
// the end-to-end tests start the built `highstep`.
#include <array>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace highstep::test {

struct ProgramRun {
    int exit_code = -1;  // -1: could not start, or killed by a signal
    std::string out;     // stdout
    std::string err;     // stderr
};

// ctest runs tests two at a time in their own processes, so the file that
// catches stderr carries the process id and a counter.
inline ProgramRun run_program(const std::string& command) {
    static std::atomic<int> count{0};
    const auto err_path = std::filesystem::temp_directory_path() /
                          ("highstep_run_" + std::to_string(::getpid()) + "_" + std::to_string(count++) + ".err");
    const std::string cmd = command + " 2>'" + err_path.string() + "'";
    ProgramRun r;
    FILE* pipe = popen(cmd.c_str(), "r");
    if (!pipe) return r;
    std::array<char, 4096> buf{};
    std::size_t n = 0;
    while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
    const int status = pclose(pipe);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream in(err_path);
    r.err.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    std::filesystem::remove(err_path);
    return r;
}

}  // namespace highstep::test
