// The reader-to-game queue: order, drop-oldest, and a racing producer.
#include <gtest/gtest.h>

#include <thread>

#include "highstep/hid/sample_queue.h"
#include "highstep/input/board_sample.h"

namespace highstep::hid {
namespace {

BoardSample at(double t) {
    BoardSample s;
    s.t_s = t;
    s.tl = static_cast<float>(t);
    return s;
}

TEST(DropOldestQueue, KeepsOrder) {
    DropOldestQueue<BoardSample> q(4);
    EXPECT_FALSE(q.pop().has_value());
    q.push(at(1));
    q.push(at(2));
    EXPECT_DOUBLE_EQ(q.pop()->t_s, 1);
    q.push(at(3));
    EXPECT_DOUBLE_EQ(q.pop()->t_s, 2);
    EXPECT_DOUBLE_EQ(q.pop()->t_s, 3);
    EXPECT_FALSE(q.pop().has_value());
    EXPECT_EQ(q.dropped(), 0u);
}

TEST(DropOldestQueue, OverflowDropsOldestAndCounts) {
    DropOldestQueue<BoardSample> q(3);
    for (int i = 0; i < 10; ++i) q.push(at(i));
    EXPECT_EQ(q.dropped(), 7u);
    EXPECT_DOUBLE_EQ(q.pop()->t_s, 7);
    EXPECT_DOUBLE_EQ(q.pop()->t_s, 8);
    EXPECT_DOUBLE_EQ(q.pop()->t_s, 9);
    EXPECT_FALSE(q.pop().has_value());
    EXPECT_EQ(q.dropped(), 7u);
}

TEST(DropOldestQueue, RacingProducerNeverHandsOutTornOrOutOfOrderSamples) {
    DropOldestQueue<BoardSample> q(16);
    constexpr int kCount = 200000;
    std::thread producer([&] {
        for (int i = 1; i <= kCount; ++i) q.push(at(i));
    });
    double last = 0;
    std::uint64_t received = 0;
    while (true) {
        if (auto s = q.pop()) {
            ASSERT_GT(s->t_s, last);
            ASSERT_FLOAT_EQ(s->tl, static_cast<float>(s->t_s));  // both fields from the same push
            last = s->t_s;
            ++received;
            if (s->t_s == kCount) break;
        } else if (q.pushed() == kCount && last == kCount) {
            break;
        }
    }
    producer.join();
    EXPECT_EQ(received + q.dropped(), static_cast<std::uint64_t>(kCount));
}

}  // namespace
}  // namespace highstep::hid
