// Progress over time, the training calendar and the CSV export.
#include <sstream>

#include "highstep/store/progress.h"
#include "store_fixture.h"

namespace highstep::store::testing {
namespace {

class ProgressTest : public StoreTest {
protected:
    void SetUp() override {
        setenv("TZ", "UTC", 1);  // days in these tests are UTC days
        tzset();
    }
    Database db{db_path};
    std::int64_t ada = add(db, "Ada");

    std::vector<std::string> lines(const std::string& text) {
        std::vector<std::string> out;
        std::istringstream in(text);
        for (std::string line; std::getline(in, line);) out.push_back(line);
        return out;
    }
};

constexpr std::int64_t kJan1 = 1767225600;  // 2026-01-01 00:00 UTC
constexpr std::int64_t kDay = 86400;

TEST_F(ProgressTest, PointsOverTimeWithAllMeasures) {
    for (int d = 0; d < 3; ++d) {
        SessionStart s;
        s.player_id = ada;
        s.level_id = d == 1 ? "sprint-1" : "hill-1";
        s.exercise = d == 1 ? "knee_drive" : "step_up";
        s.started_unix_s = kJan1 + d * kDay + 3600;
        SessionLog log(db, s);
        SessionResult r;
        r.score = 1000 + d * 100;
        r.grade = "B";
        r.reps = 20 + d;
        r.stability_mean_velocity_mm_s = 20.0 - d;
        r.tempo_accuracy = 0.5 + 0.1 * d;
        r.symmetry = 0.8 + 0.05 * d;
        r.finished_unix_s = s.started_unix_s + 600;
        log.finish(r);
    }
    const auto all = progress(db, ada);
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0].day, "2026-01-01");
    EXPECT_EQ(all[2].day, "2026-01-03");
    EXPECT_DOUBLE_EQ(all[2].score, 1200);
    EXPECT_DOUBLE_EQ(all[2].stability_mean_velocity_mm_s, 18.0);
    EXPECT_DOUBLE_EQ(all[1].tempo_accuracy, 0.6);
    EXPECT_EQ(all[1].reps, 21);
    EXPECT_DOUBLE_EQ(all[2].symmetry, 0.9);
    EXPECT_EQ(all[1].exercise, "knee_drive");
    const auto hill = progress(db, ada, "hill-1");
    ASSERT_EQ(hill.size(), 2u);
    EXPECT_EQ(hill[1].day, "2026-01-03");
}

TEST_F(ProgressTest, CalendarCountsEveryDayTrainedEvenUnfinished) {
    play(db, ada, "hill-1", 500, 10, kJan1 + 5 * kDay + 3600);
    play(db, ada, "hill-1", 700, 10, kJan1 + 5 * kDay + 7200);
    {
        SessionStart s;  // a session cut short on day 9: the reps done still count
        s.player_id = ada;
        s.level_id = "hill-1";
        s.started_unix_s = kJan1 + 9 * kDay + 100;
        SessionLog log(db, s);
        RepRecord r;
        log.add_rep(r);
        r.rep_index = 1;
        log.add_rep(r);
    }
    play(db, ada, "hill-1", 900, 10, kJan1 + 40 * kDay);  // outside the month asked for
    const auto days = training_days(db, ada, "2026-01-01", "2026-01-31");
    ASSERT_EQ(days.size(), 2u);
    EXPECT_EQ(days[0].day, "2026-01-06");
    EXPECT_EQ(days[0].sessions, 2);
    EXPECT_EQ(days[0].finished, 2);
    EXPECT_DOUBLE_EQ(days[0].best_score, 700);
    EXPECT_EQ(days[1].day, "2026-01-10");
    EXPECT_EQ(days[1].sessions, 1);
    EXPECT_EQ(days[1].finished, 0) << "cut short";
    EXPECT_EQ(days[1].reps, 2);
    EXPECT_DOUBLE_EQ(days[1].best_score, 0);
}

TEST_F(ProgressTest, ExportCsvHasOneRowPerSession) {
    play(db, ada, "hill-1", 1234.5, 11.25, kJan1 + 3600);
    {
        SessionStart s;
        s.player_id = ada;
        s.level_id = "tower-1";
        s.level_title = "=HYPERLINK(\"x\"), \"quoted\"";  // formula and quotes must not leak out
        s.exercise = "balance";
        s.started_unix_s = kJan1 + 2 * kDay;
        SessionLog log(db, s);
        log.add_hold(HoldRecord{});
    }
    std::ostringstream out;
    EXPECT_EQ(export_player_csv(db, ada, out), 2u);
    const auto rows = lines(out.str());
    ASSERT_EQ(rows.size(), 5u);
    EXPECT_EQ(rows[0], "# highstep player history v1");
    EXPECT_EQ(rows[1], "# player: Ada");
    EXPECT_EQ(rows[2].substr(0, 40), "session_id,day,started,finished,state,le");
    EXPECT_NE(rows[3].find(",2026-01-01,2026-01-01 00:55:00,"), std::string::npos) << rows[3];
    EXPECT_NE(rows[3].find(",finished,hill-1,"), std::string::npos) << rows[3];
    EXPECT_NE(rows[3].find(",1234.5,A,12,"), std::string::npos) << rows[3];
    EXPECT_NE(rows[3].find(",11.25,"), std::string::npos) << rows[3];
    EXPECT_NE(rows[4].find(",unfinished,tower-1,\"'=HYPERLINK(\"\"x\"\"), \"\"quoted\"\"\",balance,"),
              std::string::npos)
        << rows[4];
    // Same number of columns in every row (the quoted comma is inside quotes).
    const auto columns = [](const std::string& row) {
        int n = 1;
        bool quoted = false;
        for (char c : row) {
            if (c == '"') quoted = !quoted;
            if (c == ',' && !quoted) ++n;
        }
        return n;
    };
    EXPECT_EQ(columns(rows[3]), columns(rows[2]));
    EXPECT_EQ(columns(rows[4]), columns(rows[2]));
}

TEST_F(ProgressTest, ExportOfUnknownPlayerFails) {
    std::ostringstream out;
    EXPECT_THROW(export_player_csv(db, 4242, out), StoreError);
}

}  // namespace
}  // namespace highstep::store::testing
