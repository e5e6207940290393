// Group challenges: rules, turns, leaderboard and ghosts.
#include "highstep/store/challenge.h"
#include "store_fixture.h"

namespace highstep::store::testing {
namespace {

class ChallengeTest : public StoreTest {
protected:
    void SetUp() override {
        setenv("TZ", "UTC", 1);
        tzset();
    }
    Database db{db_path};
    std::int64_t ada = add(db, "Ada");
    std::int64_t bob = add(db, "Bob");

    Challenge weekend() {
        Challenge c;
        c.name = "Weekend cup";
        c.level_ids = {"hill-1", "tower-1"};
        c.starts_day = "2026-01-01";
        c.ends_day = "2026-01-31";
        c.rules.attempts_per_level = 2;
        return c;
    }

    // A hot-seat turn: a session played for the challenge.
    void turn(std::int64_t challenge, std::int64_t player, const std::string& level, double score,
              double stability, std::int64_t t, const std::string& recording = "") {
        SessionStart s;
        s.player_id = player;
        s.level_id = level;
        s.exercise = level == "tower-1" ? "balance" : "step_up";
        s.started_unix_s = t - 200;
        s.challenge_id = challenge;
        SessionLog log(db, s);
        if (!recording.empty()) log.attach_recording(recording);
        SessionResult r;
        r.score = score;
        r.grade = "B";
        r.stability_mean_velocity_mm_s = stability;
        r.finished_unix_s = t;
        log.finish(r);
    }
};

constexpr std::int64_t kJan10 = 1768003200;  // 2026-01-10 00:00 UTC

TEST_F(ChallengeTest, CreateListFind) {
    const auto id = create_challenge(db, weekend());
    const auto c = get_challenge(db, id);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->name, "Weekend cup");
    EXPECT_EQ(c->level_ids, (std::vector<std::string>{"hill-1", "tower-1"}));
    EXPECT_EQ(c->uid.size(), 32u);
    EXPECT_EQ(c->household.substr(0, 5), "home-");
    EXPECT_EQ(c->rules.mode, ChallengeMode::hot_seat);
    EXPECT_EQ(find_challenge(db, "Weekend cup")->id, id);
    EXPECT_EQ(find_challenge(db, c->uid.substr(0, 8))->id, id);
    EXPECT_FALSE(find_challenge(db, "abc"));   // too short a prefix
    EXPECT_FALSE(find_challenge(db, "%"));     // no wildcards
    EXPECT_EQ(list_challenges(db).size(), 1u);
}

TEST_F(ChallengeTest, InvalidChallengesRefused) {
    Challenge c = weekend();
    c.level_ids = {};
    EXPECT_NE(validate_challenge(c), "");
    c = weekend();
    c.level_ids = {"hill-1", "hill-1"};
    EXPECT_NE(validate_challenge(c).find("twice"), std::string::npos);
    c = weekend();
    c.ends_day = "2025-12-31";
    EXPECT_NE(validate_challenge(c).find("ends before"), std::string::npos);
    c = weekend();
    c.starts_day = "2026-02-30";
    EXPECT_NE(validate_challenge(c).find("not a date"), std::string::npos);
    c = weekend();
    c.name = "Cup\r\nInjected: header";
    EXPECT_THROW(create_challenge(db, c), StoreError);
    EXPECT_TRUE(list_challenges(db).empty());
}

TEST_F(ChallengeTest, HotSeatTurnsMakeALeaderboardWithTiesBrokenByStability) {
    const auto id = create_challenge(db, weekend());
    const auto carl = add(db, "Carl");
    turn(id, ada, "hill-1", 800, 12.0, kJan10);
    turn(id, bob, "hill-1", 700, 9.0, kJan10 + 600);
    turn(id, carl, "hill-1", 900, 20.0, kJan10 + 1200);
    turn(id, ada, "tower-1", 300, 8.0, kJan10 + 1800);
    turn(id, bob, "tower-1", 400, 11.0, kJan10 + 2400);
    turn(id, carl, "tower-1", 200, 15.0, kJan10 + 3000);
    // Ada 1100 (mean 10.0), Bob 1100 (mean 10.0 too) - a full tie; Carl 1100 (17.5)
    const auto board = leaderboard(db, id);
    ASSERT_EQ(board.size(), 3u);
    EXPECT_EQ(board[0].player_name, "Ada");
    EXPECT_EQ(board[1].player_name, "Bob");
    EXPECT_EQ(board[0].rank, 1);
    EXPECT_EQ(board[1].rank, 1);  // same total, same steadiness: shared place
    EXPECT_EQ(board[2].player_name, "Carl");
    EXPECT_EQ(board[2].rank, 3);  // same total, less steady
    EXPECT_DOUBLE_EQ(board[2].total_score, 1100);
    EXPECT_DOUBLE_EQ(board[2].mean_stability_mm_s, 17.5);
    ASSERT_EQ(board[0].level_best.size(), 2u);
    EXPECT_DOUBLE_EQ(*board[0].level_best[0], 800);
    EXPECT_DOUBLE_EQ(*board[0].level_best[1], 300);

    // Bob plays tower-1 again, steadier with the same score: now he leads.
    turn(id, bob, "tower-1", 400, 7.0, kJan10 + 3600);
    const auto after = leaderboard(db, id);
    EXPECT_EQ(after[0].player_name, "Bob");
    EXPECT_EQ(after[0].rank, 1);
    EXPECT_EQ(after[1].rank, 2);
}

TEST_F(ChallengeTest, OnlyTheAllowedAttemptsAndDatesCount) {
    const auto id = create_challenge(db, weekend());  // 2 attempts per level
    turn(id, ada, "hill-1", 100, 10, kJan10);
    turn(id, ada, "hill-1", 200, 10, kJan10 + 60);
    turn(id, ada, "hill-1", 999, 10, kJan10 + 120);        // third attempt: not counted
    turn(id, bob, "hill-1", 5000, 10, kJan10 + 40 * 86400); // after the end date
    const auto board = leaderboard(db, id);
    ASSERT_EQ(board.size(), 1u);
    EXPECT_DOUBLE_EQ(board[0].total_score, 200);
    EXPECT_EQ(board[0].levels_played, 1);
    EXPECT_FALSE(board[0].level_best[1]);
    EXPECT_EQ(challenge_entries(db, id).size(), 4u);  // all results are kept
}

TEST_F(ChallengeTest, GhostIsTheBestRunWithARecording) {
    const auto id = create_challenge(db, weekend());
    const std::string csv = "# highstep recording v1\nt_s,tl_kg,tr_kg,bl_kg,br_kg\n0,10,10,10,10\n";
    turn(id, ada, "hill-1", 900, 10, kJan10);                       // best, no recording
    turn(id, bob, "hill-1", 800, 10, kJan10 + 60, csv);
    turn(id, bob, "hill-1", 700, 10, kJan10 + 120, csv + "0.01,10,10,10,10\n");
    const auto ghost = ghost_entry(db, id, "hill-1");
    ASSERT_TRUE(ghost);
    EXPECT_EQ(ghost->player_name, "Bob");
    EXPECT_DOUBLE_EQ(ghost->score, 800);
    EXPECT_EQ(ghost->recording_csv, csv);
    EXPECT_FALSE(ghost_entry(db, id, "tower-1"));
}

TEST_F(ChallengeTest, EntryForALevelOutsideTheChallengeRefused) {
    const auto id = create_challenge(db, weekend());
    EXPECT_THROW(turn(id, ada, "sprint-1", 100, 10, kJan10), StoreError);
    // The whole finish rolled back: the session is still unfinished, no entry.
    EXPECT_EQ(query_int(db_path, "SELECT COUNT(*) FROM challenge_entries"), 0);
    EXPECT_EQ(query_int(db_path, "SELECT COUNT(*) FROM sessions WHERE state = 'finished'"), 0);
}

TEST_F(ChallengeTest, RenamingTheHouseholdRenamesItsEntries) {
    const auto id = create_challenge(db, weekend());
    turn(id, ada, "hill-1", 100, 10, kJan10);
    set_household_name(db, "The Lovelaces");
    EXPECT_EQ(household_name(db), "The Lovelaces");
    EXPECT_EQ(challenge_entries(db, id)[0].household, "The Lovelaces");
    EXPECT_EQ(get_challenge(db, id)->household, "The Lovelaces");
    EXPECT_THROW(set_household_name(db, "bad\x07name"), StoreError);
}

TEST_F(ChallengeTest, UpdateChangesNameLevelsRulesAndDatesAndKeepsEntries) {
    const auto id = create_challenge(db, weekend());
    turn(id, ada, "hill-1", 100, 10, kJan10);
    turn(id, bob, "tower-1", 80, 10, kJan10);
    const Challenge before = *get_challenge(db, id);
    Challenge c = before;
    c.name = "Spring cup";
    c.level_ids = {"sprint-1", "hill-1"};  // tower-1 out, sprint-1 in, a new order
    c.ends_day = "2026-02-28";
    c.rules.attempts_per_level = 0;
    c.uid = make_uid();  // not changeable: the same challenge everywhere
    update_challenge(db, c);
    const Challenge after = *get_challenge(db, id);
    EXPECT_EQ(after.name, "Spring cup");
    EXPECT_EQ(after.level_ids, (std::vector<std::string>{"sprint-1", "hill-1"}));
    EXPECT_EQ(after.ends_day, "2026-02-28");
    EXPECT_EQ(after.starts_day, before.starts_day);
    EXPECT_EQ(after.rules.attempts_per_level, 0);
    EXPECT_EQ(after.uid, before.uid);
    EXPECT_EQ(after.household, before.household);
    EXPECT_EQ(after.created_unix_s, before.created_unix_s);
    // Both entries are kept; only Ada's level is still on the leaderboard.
    EXPECT_EQ(challenge_entries(db, id).size(), 2u);
    const auto board = leaderboard(db, id);
    ASSERT_EQ(board.size(), 1u);
    EXPECT_EQ(board[0].player_name, "Ada");
    // Putting the level back brings Bob's run back.
    c.level_ids = {"hill-1", "tower-1"};
    update_challenge(db, c);
    EXPECT_EQ(leaderboard(db, id).size(), 2u);
}

TEST_F(ChallengeTest, AnUpdateThatFailsChangesNothing) {
    const auto id = create_challenge(db, weekend());
    const Challenge before = *get_challenge(db, id);
    Challenge c = before;
    c.name = "Changed";
    c.level_ids = {"hill-1", "hill-1"};  // listed twice: refused after nothing was written
    EXPECT_THROW(update_challenge(db, c), StoreError);
    c.level_ids = {};
    EXPECT_THROW(update_challenge(db, c), StoreError);
    c.level_ids = {"hill-1"};
    c.ends_day = "2025-12-31";  // before it starts
    EXPECT_THROW(update_challenge(db, c), StoreError);
    c.id = id + 100;
    c.ends_day = before.ends_day;
    EXPECT_THROW(update_challenge(db, c), StoreError);
    const Challenge after = *get_challenge(db, id);
    EXPECT_EQ(after.name, before.name);
    EXPECT_EQ(after.level_ids, before.level_ids);
    EXPECT_EQ(after.ends_day, before.ends_day);
}

TEST_F(ChallengeTest, AChallengeFromAnotherHouseholdCannotBeChanged) {
    Challenge theirs = weekend();
    theirs.household = "The Babbages";
    const auto id = create_challenge(db, theirs);
    Challenge c = *get_challenge(db, id);
    c.name = "Ours now";
    EXPECT_THROW(update_challenge(db, c), StoreError);
    EXPECT_EQ(get_challenge(db, id)->name, "Weekend cup");
}

TEST_F(ChallengeTest, DeleteTakesTheEntriesAndKeepsTheSessions) {
    const auto id = create_challenge(db, weekend());
    const auto other = create_challenge(db, weekend());
    turn(id, ada, "hill-1", 100, 10, kJan10);
    turn(other, bob, "hill-1", 90, 10, kJan10);
    EXPECT_TRUE(delete_challenge(db, id));
    EXPECT_FALSE(get_challenge(db, id));
    EXPECT_FALSE(delete_challenge(db, id));
    EXPECT_EQ(query_int(db_path, "SELECT COUNT(*) FROM challenge_entries"), 1);
    const std::string levels_left =
        std::string{"SELECT COUNT(*) FROM challenge_levels WHERE challenge_id = "}.append(std::to_string(id));
    EXPECT_EQ(query_int(db_path, levels_left.c_str()), 0);
    EXPECT_EQ(query_int(db_path, "SELECT COUNT(*) FROM sessions WHERE state = 'finished'"), 2);
    EXPECT_EQ(query_int(db_path, "SELECT COUNT(*) FROM sessions WHERE challenge_id IS NULL"), 1);
    EXPECT_EQ(leaderboard(db, other).size(), 1u);
}

}  // namespace
}  // namespace highstep::store::testing
