#include "highstep/store/background_recorder.h"

#include <stdexcept>
#include <utility>

namespace highstep::store {

BackgroundRecorder::BackgroundRecorder(const std::filesystem::path& db_path, const SessionStart& start,
                                       const DatabaseSettings& settings)
    : db_(db_path, settings),
      recorder_(db_, start), session_id_(recorder_.session_id()), worker_([this] { run(); }) {}

BackgroundRecorder::~BackgroundRecorder() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (worker_.joinable()) worker_.join();
}

void BackgroundRecorder::post(const core::SessionResult& so_far) {
    {
        std::lock_guard lock(mutex_);
        if (stopping_ || failed_) return;
        pending_ = so_far;
    }
    wake_.notify_one();
}

int BackgroundRecorder::stored_reps() const {
    std::lock_guard lock(mutex_);
    return stored_reps_;
}

std::optional<std::string> BackgroundRecorder::take_error() {
    std::lock_guard lock(mutex_);
    return std::exchange(error_, std::nullopt);
}

SessionRecorder& BackgroundRecorder::finish_on_caller() {
    std::unique_lock lock(mutex_);
    stopping_ = true;
    wake_.notify_all();
    lock.unlock();
    if (worker_.joinable()) worker_.join();
    lock.lock();
    if (error_) throw std::runtime_error(*std::exchange(error_, std::nullopt));
    return recorder_;
}

void BackgroundRecorder::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return pending_ || stopping_; });
        if (!pending_) return;  // stopping with nothing left to store
        core::SessionResult next = std::move(*pending_);
        pending_.reset();
        lock.unlock();
        // The transaction runs without the lock, so post() never waits for the disk.
        std::optional<std::string> error;
        try {
            recorder_.sync(next);
        } catch (const std::exception& e) {
            error = e.what();
        }
        lock.lock();
        stored_reps_ = recorder_.stored_reps();
        if (error) {
            error_ = std::move(error);
            failed_ = true;
            pending_.reset();
            return;
        }
    }
}

}  // namespace highstep::store
