// End to end: the built `highstep play` on golden recordings and on bad input.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <unistd.h>

#include "../program_run.h"

namespace {

using CliRun = highstep::test::ProgramRun;

// ctest runs each test of this file as its own process, two at a time, so every
// scratch file carries the process id: a shared name let one test read another's stderr.
std::filesystem::path scratch_path(const std::string& name) {
    return std::filesystem::temp_directory_path() / ("highstep_play_cli_" + std::to_string(::getpid()) + "_" + name);
}

CliRun run(const std::string& args) { return highstep::test::run_program(std::string(HIGHSTEP_BINARY) + " " + args); }

const std::string kGolden = std::string(HIGHSTEP_TEST_DATA_DIR) + "/golden/";

}  // namespace

TEST(PlayCli, PrintsTheResultJsonAndIsRepeatable) {
    const std::string args = "play --level hill-1 --replay " + kGolden + "hill-1-full-program.csv --headless";
    const CliRun a = run(args);
    ASSERT_EQ(a.exit_code, 0) << a.err;
    const auto j = nlohmann::json::parse(a.out);
    EXPECT_EQ(j["level"], "hill-1");
    EXPECT_EQ(j["reps"], 24);
    EXPECT_TRUE(j["completed"].get<bool>());
    for (const char* key : {"score", "grade", "judgements", "stability", "symmetry", "tempo", "sets"}) {
        EXPECT_TRUE(j.contains(key)) << key;
    }
    const CliRun b = run(args);
    EXPECT_EQ(a.out, b.out);  // the same replay, the same result
}

TEST(PlayCli, OffsetChangesTheJudgementsNotTheReps) {
    const std::string base = "play --level sprint-1 --replay " + kGolden + "sprint-1-full-program.csv --headless";
    const CliRun plain = run(base);
    const CliRun offset = run(base + " --offset-ms 100");
    ASSERT_EQ(plain.exit_code, 0) << plain.err;
    ASSERT_EQ(offset.exit_code, 0) << offset.err;
    const auto p = nlohmann::json::parse(plain.out);
    const auto o = nlohmann::json::parse(offset.out);
    EXPECT_EQ(p["reps"], o["reps"]);
    EXPECT_DOUBLE_EQ(o["tempo"]["input_offset_ms"].get<double>(), 100.0);
    EXPECT_NE(p["judgements"], o["judgements"]);
}

TEST(PlayCli, BadInputGivesAClearErrorNotACrash) {
    const CliRun missing_level = run("play --level no-such-level --replay " + kGolden + "tower-1-steady.csv --headless");
    EXPECT_EQ(missing_level.exit_code, 1);
    EXPECT_NE(missing_level.err.find("levels/no-such-level.json: no such file"), std::string::npos) << missing_level.err;

    const auto junk = scratch_path("junk.csv");
    std::ofstream(junk) << "t_s,tl_kg,tr_kg,bl_kg,br_kg\n0.0,1,2,3,4\n0.1,1,x,3,4\n";
    const CliRun bad_csv = run("play --level tower-1 --replay " + junk.string() + " --headless");
    EXPECT_EQ(bad_csv.exit_code, 1);
    EXPECT_NE(bad_csv.err.find(junk.string() + ":3"), std::string::npos) << bad_csv.err;
    std::filesystem::remove(junk);

    const CliRun bad_level = run("play --level " + kGolden + "README.md --replay " + kGolden +
                              "tower-1-steady.csv --headless");
    EXPECT_EQ(bad_level.exit_code, 1);
    EXPECT_NE(bad_level.err.find("README.md: not valid JSON"), std::string::npos) << bad_level.err;

    const CliRun no_headless = run("play --level tower-1 --replay " + kGolden + "tower-1-steady.csv");
    EXPECT_EQ(no_headless.exit_code, 2);
    const CliRun unknown = run("play --level tower-1 --replay x.csv --headless --speed 2");
    EXPECT_EQ(unknown.exit_code, 2);
    EXPECT_NE(unknown.err.find("unknown option '--speed'"), std::string::npos) << unknown.err;
}
