// `highstep devices [--map FILE]...`: lists the boards this machine can see, with
// battery and calibration, or says why it sees none (nothing paired, a Wii Remote
// instead of a board, no permission on /dev/hidraw*).
#include <cstdio>
#include <filesystem>
#include <string>
#include <unistd.h>

#include "commands.h"
#include "hid_cli_common.h"
#include "highstep/hid/board.h"

namespace highstep::cli {

namespace {

constexpr const char* kUsage = "usage: highstep devices [--map FILE]...";

struct HidrawNodes {
    std::size_t total = 0;
    std::vector<std::string> locked;  // we may not open these for reading and writing
};

// The /dev/hidraw* nodes. HIDAPI lists devices from sysfs whatever the node's
// permissions, so a board behind a locked node shows up and then fails to open;
// this tells the player about locked nodes when no board shows up at all.
HidrawNodes hidraw_nodes() {
    HidrawNodes nodes;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/dev", ec)) {
        if (!entry.path().filename().string().starts_with("hidraw")) continue;
        ++nodes.total;
        if (::access(entry.path().c_str(), R_OK | W_OK) != 0) nodes.locked.push_back(entry.path().string());
    }
    return nodes;
}

}  // namespace

int run_devices(const Args& args) {
    if (asks_for_help(args)) return print_help(kUsage);
    std::vector<std::string> map_files;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--map" && i + 1 < args.size()) {
            map_files.push_back(args[++i]);
        } else {
            std::fprintf(stderr, "highstep devices: unexpected argument '%s'\n%s\n", args[i].c_str(), kUsage);
            return 2;
        }
    }
    BoardMapSet maps;
    try {
        maps = load_board_maps(map_files);
    } catch (const hid::BoardMapError& e) {
        std::fprintf(stderr, "highstep devices: %s\n", e.what());
        return 1;
    }
    for (const std::string& p : maps.problems) std::fprintf(stderr, "highstep devices: skipped %s\n", p.c_str());

    const hid::BoardScan scan = hid::find_boards(maps.maps);
    int usable = 0;
    bool permission_problem = false;
    for (const hid::BoardCandidate& b : scan.boards) {
        const hid::BoardProbe probe = hid::probe_board(b);
        std::string line = std::string(hid::board_kind_name(b.kind)) + "  " + b.path;
        if (b.kind == hid::BoardKind::generic_hid) line += "  \"" + b.map->name + "\" (" + b.map->source + ")";
        if (probe.ok) {
            ++usable;
            line += probe.battery_percent ? "  battery " + std::to_string(*probe.battery_percent) + "%" : "";
            line += probe.calibration_ok ? "  calibration ok" : "  calibration MISSING";
        } else {
            line += "  NOT USABLE: " + probe.problem;
            permission_problem |= probe.problem.find("permission denied") != std::string::npos;
        }
        std::printf("%s\n", line.c_str());
    }
    for (const hid::RejectedDevice& r : scan.rejected) {
        std::printf("ignored  %s  \"%s\": %s\n", r.path.c_str(), r.product.c_str(), r.reason.c_str());
    }
    if (usable > 0) return 0;

    std::printf("no boards found.\n");
    const HidrawNodes nodes = hidraw_nodes();
    if (nodes.total == 0) {
        std::printf("  This machine has no HID devices at all (/dev/hidraw* is empty): nothing is paired or plugged in.\n");
    } else if (!nodes.locked.empty() && !permission_problem) {
        std::printf("  %zu of %zu HID device nodes are not readable by you (e.g. %s). If your board is one of them,\n"
                    "  install the udev rule: sudo cp udev/60-highstep.rules /etc/udev/rules.d/ && "
                    "sudo udevadm control --reload-rules && sudo udevadm trigger\n",
                    nodes.locked.size(), nodes.total, nodes.locked.front().c_str());
    } else if (scan.boards.empty() && scan.rejected.empty()) {
        std::printf("  None of the %zu HID devices is a Wii Balance Board or matches a mapping file.\n", nodes.total);
    }
    std::printf("%s", no_board_advice());
    return 0;
}

}  // namespace highstep::cli
