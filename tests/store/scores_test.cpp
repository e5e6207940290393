// High-score tables: top 10, order, tie-breaks, per player.
#include "highstep/store/scores.h"
#include "store_fixture.h"

namespace highstep::store::testing {
namespace {

class ScoresTest : public StoreTest {
protected:
    Database db{db_path};
    std::int64_t ada = add(db, "Ada");
    std::int64_t bob = add(db, "Bob");
};

TEST_F(ScoresTest, TopTenHighestFirst) {
    // 15 runs with scores in a scrambled order.
    const int scores[] = {300, 1500, 700, 1100, 200, 1400, 900, 100, 1300, 500, 1000, 600, 1200, 400, 800};
    for (int i = 0; i < 15; ++i) play(db, i % 2 ? bob : ada, "hill-1", scores[i], 10.0, 1767261600 + i * 60);
    const auto top = top_scores(db, "hill-1");
    ASSERT_EQ(top.size(), 10u);
    for (std::size_t i = 0; i < top.size(); ++i) {
        EXPECT_EQ(top[i].rank, static_cast<int>(i) + 1);
        EXPECT_DOUBLE_EQ(top[i].score, 1500.0 - 100.0 * static_cast<double>(i));
    }
    EXPECT_EQ(top[0].player_name, "Bob");  // 1500 was run index 1

    const auto adas = top_scores(db, "hill-1", ada);
    ASSERT_EQ(adas.size(), 8u);  // Ada played runs 0, 2, ..., 14
    for (const auto& e : adas) EXPECT_EQ(e.player_name, "Ada");
    for (std::size_t i = 1; i < adas.size(); ++i) EXPECT_GT(adas[i - 1].score, adas[i].score);
}

TEST_F(ScoresTest, TiesGoToTheSteadierRunThenTheEarlierOne) {
    play(db, ada, "hill-1", 1000, 14.0, 1767261600);
    play(db, bob, "hill-1", 1000, 9.5, 1767261900);   // steadier: first despite later
    play(db, ada, "hill-1", 1000, 14.0, 1767262200);  // exact tie with run 1: later one second
    play(db, bob, "hill-1", 999, 1.0, 1767260000);    // lower score, however steady
    const auto top = top_scores(db, "hill-1");
    ASSERT_EQ(top.size(), 4u);
    EXPECT_EQ(top[0].player_name, "Bob");
    EXPECT_DOUBLE_EQ(top[0].stability_mean_velocity_mm_s, 9.5);
    EXPECT_EQ(top[1].finished_unix_s, 1767261600);
    EXPECT_EQ(top[2].finished_unix_s, 1767262200);
    EXPECT_DOUBLE_EQ(top[3].score, 999);
}

TEST_F(ScoresTest, UnfinishedSessionsAreNotScores) {
    play(db, ada, "hill-1", 500);
    SessionStart s;
    s.player_id = bob;
    s.level_id = "hill-1";
    SessionLog unfinished(db, s);
    EXPECT_EQ(top_scores(db, "hill-1").size(), 1u);
    EXPECT_EQ(scored_levels(db), std::vector<std::string>{"hill-1"});
    EXPECT_FALSE(personal_best(db, bob, "hill-1"));
    // Counted as ended early, for that player and level only.
    EXPECT_EQ(sessions_ended_early(db, bob, "hill-1"), 1);
    EXPECT_EQ(sessions_ended_early(db, bob, "hill-2"), 0);
    EXPECT_EQ(sessions_ended_early(db, ada, "hill-1"), 0);
}

TEST_F(ScoresTest, LevelsAreSeparate) {
    play(db, ada, "tower-1", 50);
    play(db, ada, "hill-2", 70);
    play(db, ada, "hill-1", 60);
    EXPECT_EQ(scored_levels(db), (std::vector<std::string>{"hill-1", "hill-2", "tower-1"}));
    EXPECT_DOUBLE_EQ(top_scores(db, "hill-2").at(0).score, 70);
    EXPECT_TRUE(top_scores(db, "sprint-1").empty());
}

}  // namespace
}  // namespace highstep::store::testing
