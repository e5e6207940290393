#pragma once
// A bounded single-producer, single-consumer queue that never makes the producer
// wait: when it is full, a push overwrites the oldest entry, and the consumer
// counts what it missed. The board reader thread pushes; the game thread pops.
//
// Lock-free ring with a sequence number per slot (a per-slot seqlock). The payload
// is copied through atomic 64-bit words, so a consumer racing with a producer that
// laps it reads a torn copy only to throw it away, never undefined behaviour.
#include <array>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <type_traits>

namespace highstep::hid {

template <typename T>
class DropOldestQueue {
    static_assert(std::is_trivially_copyable_v<T>, "slots are copied bytewise");
    static constexpr std::size_t kWords = (sizeof(T) + 7) / 8;

public:
    explicit DropOldestQueue(std::size_t capacity)
        : capacity_(capacity < 1 ? 1 : capacity), slots_(std::make_unique<Slot[]>(capacity_)) {}

    std::size_t capacity() const { return capacity_; }

    // Producer only. Never blocks, never fails.
    void push(const T& value) {
        const std::uint64_t index = head_.load(std::memory_order_relaxed);
        Slot& slot = slots_[index % capacity_];
        std::array<std::uint64_t, kWords> words{};
        std::memcpy(words.data(), &value, sizeof(T));
        // Odd sequence: being written. Readers that see it retry or skip.
        slot.seq.store(2 * index + 1, std::memory_order_relaxed);
        std::atomic_thread_fence(std::memory_order_release);
        for (std::size_t w = 0; w < kWords; ++w) slot.words[w].store(words[w], std::memory_order_relaxed);
        slot.seq.store(2 * index + 2, std::memory_order_release);
        head_.store(index + 1, std::memory_order_release);
    }

    // Consumer only. The oldest entry still held, or nullopt if empty.
    std::optional<T> pop() {
        while (true) {
            const std::uint64_t head = head_.load(std::memory_order_acquire);
            std::uint64_t tail = tail_.load(std::memory_order_relaxed);
            if (tail == head) return std::nullopt;
            if (head - tail > capacity_) {  // lapped: the oldest were overwritten
                dropped_.fetch_add(head - capacity_ - tail, std::memory_order_relaxed);
                tail = head - capacity_;
                tail_.store(tail, std::memory_order_release);
            }
            Slot& slot = slots_[tail % capacity_];
            const std::uint64_t before = slot.seq.load(std::memory_order_acquire);
            std::array<std::uint64_t, kWords> words{};
            for (std::size_t w = 0; w < kWords; ++w) words[w] = slot.words[w].load(std::memory_order_relaxed);
            std::atomic_thread_fence(std::memory_order_acquire);
            const std::uint64_t after = slot.seq.load(std::memory_order_relaxed);
            if (before == after && before == 2 * tail + 2) {
                T value;
                std::memcpy(static_cast<void*>(&value), words.data(), sizeof(T));  // T is trivially copyable
                tail_.store(tail + 1, std::memory_order_release);
                return value;
            }
            // The producer overwrote this slot while we read it; the entry is gone.
            // Loop: the lap check above skips what was lost and counts it.
        }
    }

    // Entries overwritten before the consumer got them (includes those lost right now).
    std::uint64_t dropped() const {
        const std::uint64_t head = head_.load(std::memory_order_acquire);
        const std::uint64_t tail = tail_.load(std::memory_order_acquire);
        const std::uint64_t pending_loss = head - tail > capacity_ ? head - tail - capacity_ : 0;
        return dropped_.load(std::memory_order_relaxed) + pending_loss;
    }
    std::uint64_t pushed() const { return head_.load(std::memory_order_acquire); }

private:
    struct Slot {
        std::atomic<std::uint64_t> seq{0};
        std::array<std::atomic<std::uint64_t>, kWords> words{};
    };
    std::size_t capacity_;
    std::unique_ptr<Slot[]> slots_;
    alignas(64) std::atomic<std::uint64_t> head_{0};  // next index to write (producer)
    alignas(64) std::atomic<std::uint64_t> tail_{0};  // next index to read (consumer)
    std::atomic<std::uint64_t> dropped_{0};
};

}  // namespace highstep::hid
