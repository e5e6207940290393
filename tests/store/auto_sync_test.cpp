// last_auto_sync: the latest auto-sync suggestion of a player, read back from the
// result JSON of their finished sessions.
#include <gtest/gtest.h>

#include "highstep/store/auto_sync.h"
#include "store_fixture.h"

namespace highstep::store {
namespace {

using testing::StoreTest;

class AutoSyncTest : public StoreTest {
protected:
    // A finished session whose result JSON is `json` (as `play` prints it).
    void finish_with(Database& db, std::int64_t player, const std::string& title, std::int64_t t_unix_s,
                     const std::string& json) {
        SessionStart start;
        start.player_id = player;
        start.level_id = "hill-1";
        start.level_title = title;
        start.started_unix_s = t_unix_s - 300;
        SessionLog log(db, start);
        SessionResult r;
        r.score = 500;
        r.grade = "B";
        r.finished_unix_s = t_unix_s;
        r.result_json = json;
        log.finish(r);
    }
    static std::string tempo(const std::string& suggested, double played) {
        return R"({"score": 500, "tempo": {"input_offset_ms": )" + std::to_string(played) +
               R"(, "suggested_offset_ms": )" + suggested + "}}";
    }
};

TEST_F(AutoSyncTest, NoneUntilASessionHadASuggestion) {
    Database db(db_path);
    const auto alice = add(db, "Alice");
    EXPECT_FALSE(last_auto_sync(db, alice));
    finish_with(db, alice, "Hill Climb 1", 1767261600, tempo("null", 0));
    EXPECT_FALSE(last_auto_sync(db, alice)) << "a session without a suggestion offers nothing";
}

TEST_F(AutoSyncTest, TheLatestSuggestionOfThatPlayerWins) {
    Database db(db_path);
    const auto alice = add(db, "Alice"), bob = add(db, "Bob");
    finish_with(db, alice, "Hill Climb 1", 1767261600, tempo("42.5", 0));
    finish_with(db, alice, "Hill Climb 2", 1767348000, tempo("37", 40));
    finish_with(db, alice, "Hill Climb 3", 1767434400, tempo("null", 37));  // later, but none found
    finish_with(db, bob, "Hill Climb 1", 1767520800, tempo("-20", 0));
    const auto a = last_auto_sync(db, alice);
    ASSERT_TRUE(a);
    EXPECT_DOUBLE_EQ(a->offset_ms, 37.0);
    EXPECT_DOUBLE_EQ(a->played_offset_ms, 40.0);
    EXPECT_EQ(a->level_title, "Hill Climb 2");
    EXPECT_EQ(a->finished_unix_s, 1767348000);
    const auto b = last_auto_sync(db, bob);
    ASSERT_TRUE(b);
    EXPECT_DOUBLE_EQ(b->offset_ms, -20.0);
}

TEST_F(AutoSyncTest, DamagedOrImpossibleResultsAreSkipped) {
    Database db(db_path);
    const auto alice = add(db, "Alice");
    finish_with(db, alice, "Old", 1767261600, tempo("25", 0));
    finish_with(db, alice, "Broken", 1767348000, R"({"tempo": {"suggested_offset_ms": 30)");  // cut off
    finish_with(db, alice, "Wrong type", 1767400000, tempo("\"fast\"", 0));
    finish_with(db, alice, "Impossible", 1767434400, tempo("9000", 0));
    const auto a = last_auto_sync(db, alice);
    ASSERT_TRUE(a);
    EXPECT_EQ(a->level_title, "Old");
    EXPECT_DOUBLE_EQ(a->offset_ms, 25.0);
}

}  // namespace
}  // namespace highstep::store
