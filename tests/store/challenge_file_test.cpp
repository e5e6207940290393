// Challenge files: a round trip between two households, and hostile files
// that must be refused with a clear message while nothing changes.
#include <fstream>
#include <nlohmann/json.hpp>

#include "highstep/store/challenge_file.h"
#include "store_fixture.h"

namespace highstep::store::testing {
namespace {

using nlohmann::json;

const std::string kCsv =
    "# highstep recording v1\n# board: wii-balance-board\nt_s,tl_kg,tr_kg,bl_kg,br_kg\n0,10,10,10,10\n0.01,11,10,10,9\n";
constexpr std::int64_t kJan10 = 1768003200;

class ChallengeFileTest : public StoreTest {
protected:
    void SetUp() override {
        setenv("TZ", "UTC", 1);
        tzset();
        set_household_name(home, "Lovelace");
        set_household_name(away, "Babbage");
        Challenge c;
        c.name = "January ladder";
        c.level_ids = {"hill-1", "sprint-1"};
        c.starts_day = "2026-01-01";
        c.ends_day = "2026-01-31";
        challenge = create_challenge(home, c);
        const auto ada = add(home, "Ada");
        for (int i = 0; i < 2; ++i) {
            SessionStart s;
            s.player_id = ada;
            s.level_id = "hill-1";
            s.started_unix_s = kJan10 + i * 600;
            s.challenge_id = challenge;
            SessionLog log(home, s);
            log.attach_recording(kCsv);
            SessionResult r;
            r.score = 700 + 100 * i;
            r.grade = "A";
            r.reps = 24;
            r.stability_mean_velocity_mm_s = 9.5;
            r.finished_unix_s = s.started_unix_s + 300;
            log.finish(r);
        }
    }

    Database home{dir.path() / "home.db"};
    Database away{dir.path() / "away.db"};
    std::int64_t challenge = 0;

    json exported() { return json::parse(export_challenge_json(home, challenge)); }

    // Imports `text` into the away database and expects a refusal naming the
    // file and containing `why`; the database must be exactly as before.
    void expect_refused(const std::string& text, const std::string& why) {
        const std::string before = snapshot(away);
        try {
            import_challenge_json(away, text, "hostile.json");
            ADD_FAILURE() << "accepted a file that should be refused for: " << why;
        } catch (const ChallengeFileError& e) {
            const std::string msg = e.what();
            EXPECT_EQ(msg.rfind("hostile.json", 0), 0u) << msg;
            EXPECT_NE(msg.find(why), std::string::npos) << "message: " << msg << "\nexpected: " << why;
        }
        EXPECT_EQ(snapshot(away), before);
    }

    // Every row of every table, as text.
    static std::string snapshot(Database& db) {
        std::string out;
        for (const char* table : {"challenges", "challenge_levels", "challenge_entries", "players", "settings"}) {
            const std::string sql = std::string("SELECT * FROM ") + table + " ORDER BY 1";
            sqlite3_stmt* st = nullptr;
            sqlite3_prepare_v2(db.handle(), sql.c_str(), -1, &st, nullptr);
            while (sqlite3_step(st) == SQLITE_ROW) {
                for (int c = 0; c < sqlite3_column_count(st); ++c) {
                    const unsigned char* t = sqlite3_column_text(st, c);
                    out += t ? reinterpret_cast<const char*>(t) : "NULL";
                    out += '|';
                }
                out += '\n';
            }
            sqlite3_finalize(st);
        }
        return out;
    }
};

TEST_F(ChallengeFileTest, ExportCarriesRulesResultsAndTheBestGhost) {
    const json doc = exported();
    EXPECT_EQ(doc["format_version"], 1);
    EXPECT_EQ(doc["kind"], "highstep-challenge");
    EXPECT_EQ(doc["challenge"]["name"], "January ladder");
    EXPECT_EQ(doc["challenge"]["household"], "Lovelace");
    EXPECT_EQ(doc["challenge"]["levels"], json::array({"hill-1", "sprint-1"}));
    ASSERT_EQ(doc["entries"].size(), 2u);
    EXPECT_EQ(doc["entries"][0]["score"], 800.0);
    EXPECT_EQ(doc["entries"][0]["household"], "Lovelace");
    EXPECT_EQ(doc["entries"][0]["recording_csv"], kCsv);   // the best run is the ghost
    EXPECT_FALSE(doc["entries"][1].contains("recording_csv"));  // only one ghost per player and level
}

TEST_F(ChallengeFileTest, RoundTripToAnotherHouseholdAndBack) {
    const auto file = dir.path() / "january.highstep-challenge.json";
    export_challenge_file(home, challenge, file);
    const ImportReport in = import_challenge_file(away, file);
    EXPECT_TRUE(in.challenge_created);
    EXPECT_EQ(in.entries_added, 2);
    const auto ghost = ghost_entry(away, in.challenge_id, "hill-1");
    ASSERT_TRUE(ghost);
    EXPECT_EQ(ghost->recording_csv, kCsv);
    EXPECT_EQ(ghost->player_name, "Ada");

    // The other household races the ghost and sends its results back.
    const auto ada_b = add(away, "Ada");  // a different Ada, in another household
    SessionStart s;
    s.player_id = ada_b;
    s.level_id = "hill-1";
    s.started_unix_s = kJan10 + 86400;
    s.challenge_id = in.challenge_id;
    SessionLog log(away, s);
    SessionResult r;
    r.score = 850;
    r.grade = "S";
    r.stability_mean_velocity_mm_s = 8.0;
    r.finished_unix_s = s.started_unix_s + 300;
    log.finish(r);
    const auto reply = dir.path() / "reply.json";
    export_challenge_file(away, in.challenge_id, reply);
    const ImportReport back = import_challenge_file(home, reply);
    EXPECT_FALSE(back.challenge_created);
    EXPECT_EQ(back.challenge_id, challenge);
    EXPECT_EQ(back.entries_added, 1);
    EXPECT_EQ(back.entries_already_here, 2);  // our own results came back unchanged

    const auto board = leaderboard(home, challenge);
    ASSERT_EQ(board.size(), 2u);  // two Adas, told apart by household
    EXPECT_EQ(board[0].household, "Babbage");
    EXPECT_DOUBLE_EQ(board[0].total_score, 850);
    EXPECT_EQ(board[1].household, "Lovelace");

    // Importing the same file again changes nothing.
    const ImportReport again = import_challenge_file(home, reply);
    EXPECT_EQ(again.entries_added, 0);
    EXPECT_EQ(challenge_entries(home, challenge).size(), 3u);
}

TEST_F(ChallengeFileTest, WrongTypesRefusedWithLineAndField) {
    json doc = exported();
    doc["entries"][1]["score"] = "800";
    const std::string text = doc.dump(2);
    // Find the line of the bad value in the text to check the message's line.
    std::size_t line = 1;
    const std::size_t at = text.find("\"score\": \"800\"");
    for (std::size_t i = 0; i < at; ++i) line += text[i] == '\n';
    expect_refused(text, "hostile.json:" + std::to_string(line) + ": entries[1].score: must be a number");

    doc = exported();
    doc["challenge"]["levels"] = "hill-1";
    expect_refused(doc.dump(), "challenge.levels: must be an array");
    doc = exported();
    doc["entries"][0]["reps"] = 12.5;
    expect_refused(doc.dump(), "entries[0].reps: must be a whole number");
    doc = exported();
    doc["challenge"]["rules"]["weigh_in_each_turn"] = 1;
    expect_refused(doc.dump(), "must be true or false");
    doc = exported();
    doc.erase("entries");
    expect_refused(doc.dump(), "missing \"entries\"");
    expect_refused("[1, 2, 3]", "a challenge file is a JSON object");
    expect_refused("", "not valid JSON");
    expect_refused("{\"format_version\": 1,\n\"kind\": \"highstep-challenge\",\n\"challenge\": {\n", "hostile.json:4: not valid JSON");
}

TEST_F(ChallengeFileTest, HugeAndOutOfRangeNumbersRefused) {
    json doc = exported();
    doc["entries"][0]["score"] = 1e300;
    expect_refused(doc.dump(), "entries[0].score: must be 0 to 1e+06");
    doc = exported();
    doc["entries"][0]["score"] = -5;
    expect_refused(doc.dump(), "entries[0].score: must be 0 to");
    doc = exported();
    doc["entries"][0]["reps"] = 18446744073709551615ull;  // would wrap to -1 as int64
    expect_refused(doc.dump(), "entries[0].reps: must be 0 to 10000");
    doc = exported();
    doc["entries"][0]["finished_unix_s"] = -1;
    expect_refused(doc.dump(), "entries[0].finished_unix_s");
    doc = exported();
    doc["format_version"] = 2;
    expect_refused(doc.dump(), "format_version: version 2 is not supported");
    // A number too big for a double in the text itself.
    std::string text = exported().dump();
    const std::string from = "\"score\":800.0";
    const auto at = text.find(from);
    ASSERT_NE(at, std::string::npos) << text.substr(0, 400);
    text.replace(at, from.size(), "\"score\":1e999");
    expect_refused(text, "hostile.json: not valid JSON");
}

TEST_F(ChallengeFileTest, HostileNamesRefused) {
    const std::pair<std::string, std::string> names[] = {
        {"Ada\nFinal: 1. Mallory", "contains a control character"},
        {"\x1b]0;pwned\x07", "contains a control character"},
        {"Mal\xe2\x80\xae" "yrol", "contains an invisible formatting character"},
        {std::string(41, 'M'), "is longer than 40"},
        {"", "is empty"},
    };
    for (const auto& [name, why] : names) {
        json doc = exported();
        doc["entries"][0]["player"] = name;
        expect_refused(doc.dump(), "entries[0].player: name " + why);
    }
    json doc = exported();
    doc["challenge"]["name"] = std::string(61, 'x');
    expect_refused(doc.dump(), "challenge.name: name is longer than 60");
    doc = exported();
    doc["entries"][0]["level"] = "hill-1'; DROP TABLE challenges;--";
    expect_refused(doc.dump(), "entries[0].level: is not one of the challenge's levels");
    doc = exported();
    doc["challenge"]["levels"][0] = "../../../etc/passwd";
    expect_refused(doc.dump(), "challenge.levels[0]: must be a level id");
    doc = exported();
    doc["entries"][0]["grade"] = "<script>";
    expect_refused(doc.dump(), "entries[0].grade");
    doc = exported();
    doc["challenge"]["uid"] = "1' OR '1'='1";
    expect_refused(doc.dump(), "challenge.uid: must be 32 lower-case hex digits");
    // SQL-looking text in a name is only text: accepted and stored verbatim.
    doc = exported();
    doc["entries"][0]["player"] = "Robert'); DROP TABLE players;--";
    const auto report = import_challenge_json(away, doc.dump(), "ok.json");
    EXPECT_EQ(report.entries_added, 2);
    EXPECT_EQ(challenge_entries(away, report.challenge_id)[0].player_name, "Robert'); DROP TABLE players;--");
}

TEST_F(ChallengeFileTest, BadEmbeddedRecordingRefused) {
    json doc = exported();
    doc["entries"][0]["recording_csv"] = "t_s,tl_kg,tr_kg,bl_kg,br_kg\n1.0,1,1,1,1\n0.5,1,1,1,1\n";
    expect_refused(doc.dump(), "entries[0].recording_csv: is not a valid recording: recording:3:");
    ChallengeFileLimits small;
    small.max_recording_bytes = 16;
    const std::string before = snapshot(away);
    EXPECT_THROW(import_challenge_json(away, exported().dump(), "big.json", small), ChallengeFileError);
    EXPECT_EQ(snapshot(away), before);
}

TEST_F(ChallengeFileTest, OneBadEntryAmongGoodOnesChangesNothing) {
    json doc = exported();
    json bad = doc["entries"][0];
    bad["uid"] = std::string(32, 'a');
    bad["score"] = "lots";
    doc["entries"].push_back(bad);
    expect_refused(doc.dump(), "entries[2].score");
    EXPECT_TRUE(list_challenges(away).empty());
}

TEST_F(ChallengeFileTest, HundredMegabyteFileRefusedBeforeReading) {
    const auto file = dir.path() / "huge.json";
    {
        std::ofstream out(file, std::ios::binary);
        out << "{\"format_version\": 1, \"padding\": \"";
        const std::string chunk(1 << 20, 'x');
        for (int i = 0; i < 100; ++i) out << chunk;
        out << "\"}";
    }
    const std::string before = snapshot(away);
    try {
        import_challenge_file(away, file);
        FAIL() << "accepted a 100 MB file";
    } catch (const ChallengeFileError& e) {
        const std::string msg = e.what();
        EXPECT_NE(msg.find(file.string()), std::string::npos) << msg;
        EXPECT_NE(msg.find("100 MiB is more than a challenge file may have"), std::string::npos) << msg;
    }
    EXPECT_EQ(snapshot(away), before);
}

TEST_F(ChallengeFileTest, DeepNestingAndTooManyEntriesRefused) {
    expect_refused(std::string(100000, '[') + std::string(100000, ']'), "nested more than");
    json doc = exported();
    ChallengeFileLimits limits;
    limits.max_entries = 1;
    const std::string before = snapshot(away);
    try {
        import_challenge_json(away, doc.dump(), "many.json", limits);
        FAIL() << "accepted too many entries";
    } catch (const ChallengeFileError& e) {
        EXPECT_NE(std::string(e.what()).find("more than the 1 allowed"), std::string::npos) << e.what();
    }
    EXPECT_EQ(snapshot(away), before);
}

TEST_F(ChallengeFileTest, MissingFileIsAClearError) {
    try {
        import_challenge_file(away, dir.path() / "nope.json");
        FAIL();
    } catch (const ChallengeFileError& e) {
        EXPECT_NE(std::string(e.what()).find("nope.json: not a file"), std::string::npos) << e.what();
    }
}

}  // namespace
}  // namespace highstep::store::testing
