#pragma once
// What the soak watches of a process: resident memory, open file descriptors and
// threads, from /proc (Linux). For this process ("self") or another one's id.
#include <dirent.h>

#include <fstream>
#include <string>

namespace highstep::soak {

struct ProcessUsage {
    long rss_kb = 0;   // VmRSS
    int fds = 0;       // entries in /proc/PID/fd
    int threads = 0;   // Threads
};

inline ProcessUsage process_usage(const std::string& pid = "self") {
    ProcessUsage u;
    std::ifstream status("/proc/" + pid + "/status");
    std::string key;
    while (status >> key) {
        if (key == "VmRSS:") status >> u.rss_kb;
        if (key == "Threads:") status >> u.threads;
        status.ignore(4096, '\n');
    }
    if (DIR* d = opendir(("/proc/" + pid + "/fd").c_str())) {
        while (dirent* e = readdir(d)) u.fds += e->d_name[0] != '.';
        closedir(d);
        --u.fds;  // the directory stream itself
    }
    return u;
}

}  // namespace highstep::soak
