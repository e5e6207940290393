// `highstep record OUT.csv [--seconds N] [--raw-log RAW.hidlog] [--map FILE]...`:
// records the first board found to a recording file. Ctrl-C (or --seconds) stops
// it cleanly: the file is complete up to the last sample. A board that drops out
// is waited for; the recording goes on when it is back.
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>

#include "commands.h"
#include "hid_cli_common.h"
#include "highstep/hid/board.h"
#include "highstep/hid/raw_log.h"
#include "highstep/input/recording.h"

namespace highstep::cli {

namespace {

constexpr const char* kUsage = "usage: highstep record OUT.csv [--seconds N] [--raw-log RAW.hidlog] [--map FILE]...";

std::atomic<bool> g_stop{false};

extern "C" void on_stop_signal(int) { g_stop = true; }

bool parse_seconds(const std::string& text, double& out) {
    char* end = nullptr;
    out = std::strtod(text.c_str(), &end);
    return !text.empty() && end != nullptr && *end == '\0' && out > 0.0 && out < 1e7;
}

}  // namespace

int run_record(const Args& args) {
    if (asks_for_help(args)) return print_help(kUsage);
    std::string out_path;
    std::string raw_path;
    std::vector<std::string> map_files;
    double seconds = 0.0;  // 0: until Ctrl-C
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        const bool has_value = i + 1 < args.size();
        if (a == "--seconds" && has_value) {
            if (!parse_seconds(args[++i], seconds)) {
                std::fprintf(stderr, "highstep record: --seconds needs a positive number, got '%s'\n", args[i].c_str());
                return 2;
            }
        } else if (a == "--raw-log" && has_value) {
            raw_path = args[++i];
        } else if (a == "--map" && has_value) {
            map_files.push_back(args[++i]);
        } else if (!a.starts_with("--") && out_path.empty()) {
            out_path = a;
        } else {
            std::fprintf(stderr, "highstep record: unexpected argument '%s'\n%s\n", a.c_str(), kUsage);
            return 2;
        }
    }
    if (out_path.empty()) {
        std::fprintf(stderr, "%s\n", kUsage);
        return 2;
    }

    BoardMapSet maps;
    try {
        maps = load_board_maps(map_files);
    } catch (const hid::BoardMapError& e) {
        std::fprintf(stderr, "highstep record: %s\n", e.what());
        return 1;
    }
    for (const std::string& p : maps.problems) std::fprintf(stderr, "highstep record: skipped %s\n", p.c_str());

    // Every time in the recording and the raw log is seconds since t0. The raw log
    // is opened before each board's start-up, so it holds the calibration replies.
    const double t0_s = hid::monotonic_now_s();
    std::shared_ptr<hid::RawLogWriter> raw_log;
    std::unique_ptr<hid::BoardReader> reader;
    const hid::BoardScan scan = hid::find_boards(maps.maps);
    std::vector<std::string> problems;
    for (const hid::RejectedDevice& r : scan.rejected) problems.push_back(r.path + ": " + r.reason);
    for (const hid::BoardCandidate& board : scan.boards) {
        hid::BoardReaderSettings settings;
        if (!raw_path.empty()) {
            raw_log = std::make_shared<hid::RawLogWriter>(raw_path, t0_s, hid::board_kind_name(board.kind), board.path);
            settings.raw_tap = [raw_log](double t_s, std::span<const std::uint8_t> report) { raw_log->write(t_s, report); };
        }
        try {
            reader = hid::BoardReader::open(board, settings);
            break;
        } catch (const hid::BoardError& e) {
            problems.push_back(e.what());
        }
    }
    if (!reader) {
        std::fprintf(stderr, "highstep record: no board to record from.\n");
        for (const std::string& p : problems) std::fprintf(stderr, "  %s\n", p.c_str());
        std::fprintf(stderr, "%s", no_board_advice());
        if (raw_log) raw_log->close();
        return 1;
    }

    RecordingWriter writer(out_path,
                           {{"board", hid::board_kind_name(reader->board().kind)},
                            {"device", reader->describe()},
                            {"source", "highstep record"}});
    g_stop = false;
    std::signal(SIGINT, on_stop_signal);
    std::signal(SIGTERM, on_stop_signal);
    std::fprintf(stderr, "recording %s to %s%s\n", reader->describe().c_str(), out_path.c_str(),
                 seconds > 0 ? "" : " (Ctrl-C stops)");

    SourceState last_state = SourceState::running;
    while (!g_stop) {
        while (auto s = reader->poll()) {
            s->t_s -= t0_s;
            writer.write(*s);
        }
        const SourceState state = reader->state();
        if (state != last_state) {
            if (state == SourceState::lost) {
                std::fprintf(stderr, "board lost (%s); waiting for it to come back\n", reader->status().last_problem.c_str());
            } else {
                std::fprintf(stderr, "board is back; recording goes on\n");
            }
            last_state = state;
        }
        if (seconds > 0 && hid::monotonic_now_s() - t0_s >= seconds) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    // Stop the reader first so the raw log gets no report the recording lacks,
    // then keep every sample that was already read.
    reader->stop();
    while (auto s = reader->poll()) {
        s->t_s -= t0_s;
        writer.write(*s);
    }
    const hid::BoardStatus status = reader->status();
    writer.close();
    if (raw_log) raw_log->close();
    std::fprintf(stderr, "wrote %zu samples to %s", writer.samples_written(), out_path.c_str());
    if (status.dropped > 0) std::fprintf(stderr, " (%llu dropped)", static_cast<unsigned long long>(status.dropped));
    if (raw_log) std::fprintf(stderr, "; %llu raw reports to %s", static_cast<unsigned long long>(raw_log->reports_written()), raw_path.c_str());
    std::fprintf(stderr, "\n");
    return 0;
}

}  // namespace highstep::cli
