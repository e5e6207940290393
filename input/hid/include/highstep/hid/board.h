#pragma once
// Finding and reading real boards over HIDAPI: the Wii Balance Board and
// home-built HID boards described by mapping files.
//
// Index
//   BoardKind, BoardCandidate   what enumeration found
//   BoardReaderSettings         reader thread, timeouts, queue, raw tap
//   BoardReader                 one board on its own thread, as a SampleSource
//   find_boards()               enumerate (Wii first, then mapped HID boards)
//   open_first_board()          what the game calls; nullptr means "use the simulated board"
//   probe_board()               start-up once and report battery / calibration (for `devices`)
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <thread>
#include <condition_variable>
#include <vector>

#include "highstep/hid/generic_board.h"
#include "highstep/hid/sample_queue.h"
#include "highstep/input/sample_source.h"

namespace highstep::hid {

// A board could not be opened or refused to start (permission, not a board,
// an error ack, no answer, bad calibration). what() is one clear sentence.
class BoardError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class BoardKind { wii_balance_board, generic_hid };
const char* board_kind_name(BoardKind kind);  // "wii-balance-board", "generic-hid" (the recording's '# board:')

struct BoardCandidate {
    BoardKind kind = BoardKind::wii_balance_board;
    std::string path;            // HIDAPI path, e.g. /dev/hidraw3
    std::string serial;          // Bluetooth address for a Wii board; used to find it again
    std::string product;         // product string as the system reports it
    std::uint16_t vendor_id = 0;
    std::uint16_t product_id = 0;
    std::optional<GenericBoardMap> map;  // generic_hid only
    std::string describe() const;        // "Wii Balance Board (/dev/hidraw3)"
};

// A HID device that looked like a board but is not one we can use (e.g. a Wii Remote).
struct RejectedDevice {
    std::string path;
    std::string product;
    std::string reason;
};

struct BoardScan {
    std::vector<BoardCandidate> boards;    // Wii boards first, then mapped HID boards
    std::vector<RejectedDevice> rejected;
};

// Called on the reader thread for every input report as it arrived, before it is
// interpreted (also during start-up), with the monotonic arrival time.
using RawReportTap = std::function<void(double t_s, std::span<const std::uint8_t> report)>;

struct BoardReaderSettings {
    std::size_t queue_capacity = 1024;      // samples held for the game (~10 s at 100 Hz)
    int read_timeout_ms = 100;              // a blocking read waits at most this long
    double lost_after_s = 1.0;              // no report with loads for this long: the board is lost
    double retry_every_s = 1.0;             // while lost, look for the board again this often
    int handshake_step_timeout_ms = 1000;   // each answer during the Wii start-up
    int handshake_attempts = 3;             // status requests sent before giving up
    std::uint8_t wii_reporting_mode = 0x32; // 0x32 (8 extension bytes) or 0x34 (19)
    RawReportTap raw_tap;                   // optional; raw logs for bug reports
};

struct BoardStatus {
    SourceState state = SourceState::lost;
    std::optional<int> battery_percent;     // Wii boards, from the last status report
    bool battery_low = false;
    bool calibration_ok = false;            // Wii: calibration read and valid; generic: always
    std::uint64_t samples = 0;              // samples produced by the reader
    std::uint64_t dropped = 0;              // overwritten in the queue before the game took them
    std::uint64_t ignored_reports = 0;      // garbage, short or unknown reports
    std::uint64_t error_acks = 0;           // acks with an error code while streaming
    std::uint64_t reconnects = 0;           // times the board came back after being lost
    std::string last_problem;               // why it was last lost or failed to restart
};

class BoardReader : public SampleSource {
public:
    // Opens the board and runs its start-up on the calling thread (so a refusal is an
    // exception here, not a silent failure later), then hands it to a reader thread.
    // Throws BoardError.
    static std::unique_ptr<BoardReader> open(const BoardCandidate& board, BoardReaderSettings settings = {});
    ~BoardReader() override;
    BoardReader(const BoardReader&) = delete;
    BoardReader& operator=(const BoardReader&) = delete;

    // Stops the reader thread and closes the device. Samples already queued can
    // still be polled, and no report reaches the raw tap afterwards (so a raw log
    // and a recording end at the same report). The destructor calls it.
    void stop();

    std::optional<BoardSample> poll() override;  // never blocks
    SourceState state() const override;
    std::string describe() const override;

    BoardStatus status() const;
    const BoardCandidate& board() const { return board_; }

    struct Impl;  // the device and driver, owned by the reader thread

private:
    BoardReader(BoardCandidate board, BoardReaderSettings settings, std::unique_ptr<Impl> impl);
    void run();

    BoardCandidate board_;
    BoardReaderSettings settings_;
    std::unique_ptr<Impl> impl_;
    DropOldestQueue<BoardSample> queue_;
    std::atomic<SourceState> state_{SourceState::running};
    std::atomic<bool> stop_{false};
    std::mutex wake_mutex_;
    std::condition_variable wake_;
    mutable std::mutex status_mutex_;
    BoardStatus status_;
    std::thread thread_;
};

// Enumerates HID devices: Wii Balance Boards, then devices matching a mapping.
BoardScan find_boards(const std::vector<GenericBoardMap>& maps = {});

// The first board that starts, or nullptr if none does (the game then uses the
// simulated board). Why each one failed is appended to `problems` if given.
std::unique_ptr<BoardReader> open_first_board(const std::vector<GenericBoardMap>& maps = {},
                                              BoardReaderSettings settings = {},
                                              std::vector<std::string>* problems = nullptr);

struct BoardProbe {
    bool ok = false;
    std::optional<int> battery_percent;
    bool calibration_ok = false;
    std::string problem;  // why it could not be started; "" when ok
};
// Starts the board once and closes it again.
BoardProbe probe_board(const BoardCandidate& board, BoardReaderSettings settings = {});

// Seconds on the monotonic clock that stamps samples.
double monotonic_now_s();

}  // namespace highstep::hid
