// `highstep decode RAW.hidlog OUT.csv [--map FILE]`: turns a raw HID log (from
// `highstep record --raw-log`, or any log in that format) back into a recording
// through the same decoder the live driver uses, so a player's problem replays
// exactly. Wii Balance Board logs need nothing else; logs of a home-built board
// need its mapping file.
#include <cstdio>
#include <fstream>
#include <string>

#include "commands.h"
#include "highstep/hid/generic_board.h"
#include "highstep/hid/raw_log.h"
#include "highstep/input/recording.h"

namespace highstep::cli {

namespace {

constexpr const char* kUsage = "usage: highstep decode RAW.hidlog OUT.csv [--map FILE]";

// The '# board: KIND' line HighStep writes at the top of its raw logs, or "".
std::string logged_board_kind(const std::string& path) {
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line) && line.starts_with("#")) {
        if (line.starts_with("# board: ")) return line.substr(9);
    }
    return "";
}

}  // namespace

int run_decode(const Args& args) {
    if (asks_for_help(args)) return print_help(kUsage);
    std::vector<std::string> paths;
    std::string map_file;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--map" && i + 1 < args.size()) {
            map_file = args[++i];
        } else if (!args[i].starts_with("--")) {
            paths.push_back(args[i]);
        } else {
            std::fprintf(stderr, "highstep decode: unexpected argument '%s'\n%s\n", args[i].c_str(), kUsage);
            return 2;
        }
    }
    if (paths.size() != 2) {
        std::fprintf(stderr, "%s\n", kUsage);
        return 2;
    }
    const std::string& raw_path = paths[0];
    const std::string& out_path = paths[1];
    try {
        hid::DecodedLog decoded;
        Recording recording;
        if (!map_file.empty()) {
            const hid::GenericBoardMap map = hid::load_board_map(map_file);
            decoded = hid::decode_generic_log(raw_path, map);
            recording.metadata = {{"board", "generic-hid"}, {"device", map.name}};
        } else {
            if (logged_board_kind(raw_path) == "generic-hid") {
                std::fprintf(stderr, "highstep decode: %s is from a home-built board; pass its mapping with --map FILE\n",
                             raw_path.c_str());
                return 1;
            }
            decoded = hid::decode_wii_log(raw_path);
            recording.metadata = {{"board", "wii-balance-board"}};
        }
        recording.metadata.emplace_back("source", "highstep decode " + raw_path);
        recording.has_button_column = true;
        recording.samples = std::move(decoded.samples);
        write_recording(out_path, recording);
        const std::uint64_t ignored = decoded.ignored_reports + decoded.counts.malformed;
        std::fprintf(stderr, "decoded %zu samples to %s", recording.samples.size(), out_path.c_str());
        if (ignored > 0) std::fprintf(stderr, " (%llu malformed reports skipped)", static_cast<unsigned long long>(ignored));
        if (decoded.counts.data_before_calibration > 0) {
            std::fprintf(stderr, " (%llu data reports before the calibration skipped)",
                         static_cast<unsigned long long>(decoded.counts.data_before_calibration));
        }
        std::fprintf(stderr, "\n");
        return 0;
    } catch (const hid::RawLogError& e) {
        std::fprintf(stderr, "highstep decode: %s\n", e.what());
    } catch (const hid::BoardMapError& e) {
        std::fprintf(stderr, "highstep decode: %s\n", e.what());
    } catch (const RecordingError& e) {
        std::fprintf(stderr, "highstep decode: %s\n", e.what());
    }
    return 1;
}

}  // namespace highstep::cli
