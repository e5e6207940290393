// The store calls a challenge turn shares between `highstep play --challenge`
// and the game window: is the level part of the challenge, do today's turns
// count, and which recordings are kept as ghosts.
#include <gtest/gtest.h>

#include <string>

#include "highstep/core/level/level.h"
#include "highstep/store/challenge.h"
#include "highstep/store/challenge_file.h"
#include "highstep/store/session_recorder.h"
#include "store_fixture.h"

namespace highstep::store {
namespace {

using testing::StoreTest;

Challenge cup() {
    Challenge c;
    c.name = "Friday Cup";
    c.level_ids = {"sprint-1", "tower-1"};
    c.starts_day = "2026-11-20";
    c.ends_day = "2026-11-27";
    return c;
}

TEST(ChallengeTurn, OpenFromTheFirstToTheLastDayInclusive) {
    const Challenge c = cup();
    EXPECT_FALSE(challenge_open_on(c, "2026-11-19"));
    EXPECT_TRUE(challenge_open_on(c, "2026-11-20"));
    EXPECT_TRUE(challenge_open_on(c, "2026-11-24"));
    EXPECT_TRUE(challenge_open_on(c, "2026-11-27"));
    EXPECT_FALSE(challenge_open_on(c, "2026-11-28"));
}

TEST(ChallengeTurn, OnlyTheChallengesLevelsMayBePlayedInIt) {
    const Challenge c = cup();
    EXPECT_EQ(check_challenge_level(c, "tower-1"), "");
    EXPECT_EQ(check_challenge_level(c, "hill-1"), "level 'hill-1' is not part of the challenge 'Friday Cup'");
}

class ChallengeTurnStore : public StoreTest {};

TEST_F(ChallengeTurnStore, ARecordingIsKeptAsTheGhostOnlyWhenItFitsInAChallengeFile) {
    Database db(db_path);
    const std::int64_t ada = add(db, "Ada");
    const std::int64_t id = create_challenge(db, cup());
    core::Level level;
    level.id = "sprint-1";
    level.title = "Starting Blocks";
    level.type = core::LevelType::sprint_start;
    level.exercise = core::Exercise::knee_drive;
    const std::size_t limit = ChallengeFileLimits{}.max_recording_bytes;
    auto turn = [&](const std::string& csv, double score) {
        SessionStart start = session_start(level, ada);
        start.challenge_id = id;
        SessionRecorder rec(db, start);
        const bool kept = rec.attach_recording(csv);
        core::SessionResult r;
        r.level_id = level.id;
        r.score = static_cast<int>(score);
        rec.finish(r);
        return kept;
    };
    EXPECT_FALSE(turn(std::string(limit + 1, 'x'), 900.0));
    EXPECT_TRUE(turn(std::string(limit, 'y'), 100.0));
    // The best run carried no recording: the ghost is the best run that has one.
    const auto ghost = ghost_entry(db, id, "sprint-1");
    ASSERT_TRUE(ghost);
    EXPECT_EQ(ghost->score, 100.0);
    EXPECT_EQ(ghost->recording_csv.size(), limit);
    EXPECT_EQ(challenge_entries(db, id).size(), 2u);
}

}  // namespace
}  // namespace highstep::store
