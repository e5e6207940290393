// One board on its own thread: blocking reads with a timeout, samples pushed into
// a queue the game polls, and a lost board looked for again every second.
#include <chrono>
#include <cstdio>

#include "board_driver.h"
#include "hid_device.h"
#include "highstep/hid/board.h"

namespace highstep::hid {

struct BoardReader::Impl {
    std::unique_ptr<HidDevice> device;
    std::unique_ptr<BoardDriver> driver;
};

namespace {

std::unique_ptr<BoardDriver> make_driver(const BoardCandidate& board, const BoardReaderSettings& settings) {
    if (board.kind == BoardKind::generic_hid) {
        if (!board.map) throw BoardError(board.describe() + ": no mapping file for this board");
        return make_generic_driver(*board.map);
    }
    return make_wii_driver(settings);
}

// Opens and starts; errors name the board.
std::unique_ptr<BoardReader::Impl> start_board(const BoardCandidate& board, const BoardReaderSettings& settings) {
    auto impl = std::make_unique<BoardReader::Impl>();
    try {
        impl->device = std::make_unique<HidDevice>(board.path, settings.raw_tap);
        impl->driver = make_driver(board, settings);
        impl->driver->start(*impl->device);
    } catch (const BoardError& e) {
        throw BoardError(board.describe() + ": " + e.what());
    }
    return impl;
}

// The same physical board after a reconnect: same Bluetooth address (serial) if
// it has one, since its hidraw node may be renumbered; else the same path.
bool same_board(const BoardCandidate& a, const BoardCandidate& b) {
    if (a.kind != b.kind) return false;
    if (!a.serial.empty()) return a.serial == b.serial;
    return a.path == b.path;
}

}  // namespace

std::unique_ptr<BoardReader> BoardReader::open(const BoardCandidate& board, BoardReaderSettings settings) {
    auto impl = start_board(board, settings);
    return std::unique_ptr<BoardReader>(new BoardReader(board, std::move(settings), std::move(impl)));
}

BoardReader::BoardReader(BoardCandidate board, BoardReaderSettings settings, std::unique_ptr<Impl> impl)
    : board_(std::move(board)), settings_(std::move(settings)), impl_(std::move(impl)),
      queue_(settings_.queue_capacity) {
    const DriverInfo info = impl_->driver->info();
    status_.state = SourceState::running;
    status_.battery_percent = info.battery_percent;
    status_.battery_low = info.battery_low;
    status_.calibration_ok = info.calibration_ok;
    thread_ = std::thread([this] { run(); });
}

BoardReader::~BoardReader() { stop(); }

void BoardReader::stop() {
    {
        std::lock_guard lock(wake_mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
    impl_->device.reset();
}

std::optional<BoardSample> BoardReader::poll() { return queue_.pop(); }

SourceState BoardReader::state() const { return state_.load(); }

std::string BoardReader::describe() const { return board_.describe(); }

BoardStatus BoardReader::status() const {
    std::lock_guard lock(status_mutex_);
    BoardStatus s = status_;
    s.state = state_.load();
    s.samples = queue_.pushed();
    s.dropped = queue_.dropped();
    return s;
}

void BoardReader::run() {
    double last_sample_s = monotonic_now_s();
    auto update_info = [this] {
        const DriverInfo info = impl_->driver->info();
        std::lock_guard lock(status_mutex_);
        status_.battery_percent = info.battery_percent;
        status_.battery_low = info.battery_low;
        status_.calibration_ok = info.calibration_ok;
        status_.ignored_reports = info.ignored_reports;
        status_.error_acks = info.error_acks;
    };
    auto lose = [&](const std::string& why) {
        impl_->device.reset();
        state_ = SourceState::lost;
        std::lock_guard lock(status_mutex_);
        status_.last_problem = why;
    };

    while (!stop_) {
        if (!impl_->device) {
            {
                std::unique_lock lock(wake_mutex_);
                wake_.wait_for(lock, std::chrono::duration<double>(settings_.retry_every_s), [this] { return stop_.load(); });
            }
            if (stop_) break;
            try {
                const BoardScan scan = find_boards(board_.map ? std::vector<GenericBoardMap>{*board_.map}
                                                              : std::vector<GenericBoardMap>{});
                const BoardCandidate* found = nullptr;
                for (const BoardCandidate& c : scan.boards) {
                    if (same_board(board_, c)) found = &c;
                }
                if (found == nullptr) throw BoardError(board_.describe() + ": not connected");
                impl_ = start_board(*found, settings_);
                update_info();
                {
                    std::lock_guard lock(status_mutex_);
                    ++status_.reconnects;
                }
                last_sample_s = monotonic_now_s();
                state_ = SourceState::running;
            } catch (const BoardError& e) {
                std::lock_guard lock(status_mutex_);
                status_.last_problem = e.what();
            }
            continue;
        }
        try {
            HidDevice& device = *impl_->device;
            if (!device.next(settings_.read_timeout_ms)) {
                if (monotonic_now_s() - last_sample_s >= settings_.lost_after_s) {
                    char why[64];
                    std::snprintf(why, sizeof why, ": no report for %.1f s", settings_.lost_after_s);
                    lose(board_.describe() + why);
                }
                continue;
            }
            if (auto sample = impl_->driver->on_report(device, device.report(), device.arrived_s())) {
                queue_.push(*sample);
                last_sample_s = device.arrived_s();
            } else if (device.arrived_s() - last_sample_s >= settings_.lost_after_s) {
                // Reports, but none with loads (someone switched the board's mode,
                // or it only sends garbage): as good as lost; a restart fixes it.
                update_info();
                lose(board_.describe() + ": reports arrive but none with loads");
                continue;
            }
            update_info();
        } catch (const BoardError& e) {
            lose(board_.describe() + ": " + e.what());
        }
    }
}

}  // namespace highstep::hid
