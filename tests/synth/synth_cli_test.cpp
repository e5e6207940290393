// `highstep synth` run as a program: files written, truth consistent, errors clear.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <sys/wait.h>

#include "highstep/input/recording.h"

namespace {

namespace fs = std::filesystem;

struct CliResult {
    int exit_code = -1;
    std::string err;
};

class SynthCli : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() /
               ("highstep_synth_cli_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    CliResult run(const std::string& args) {
        const fs::path err = dir_ / "stderr.txt";
        const std::string cmd = std::string("'") + HIGHSTEP_BINARY + "' synth " + args + " 2>'" + err.string() + "'";
        const int status = std::system(cmd.c_str());
        CliResult r;
        r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        std::ifstream in(err);
        std::stringstream ss;
        ss << in.rdbuf();
        r.err = ss.str();
        return r;
    }
    std::string path(const char* name) const { return (dir_ / name).string(); }

    fs::path dir_;
};

TEST_F(SynthCli, WritesARecordingAndItsTruth) {
    const CliResult r = run("'" + path("s.csv") + "' --script step-ups --reps 4 --weight-kg 82 --rate-hz 60 "
                      "--seed 9 --rotated --truth '" + path("s.json") + "'");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const highstep::Recording rec = highstep::read_recording(path("s.csv"));
    EXPECT_EQ(rec.meta("board"), "synthetic");
    EXPECT_EQ(rec.meta("synth-rotated-180"), "yes");
    ASSERT_GT(rec.samples.size(), 100u);
    const double duration_s = rec.samples.back().t_s - rec.samples.front().t_s;
    EXPECT_NEAR(double(rec.samples.size()) / duration_s, 60.0, 1.0);

    std::ifstream in(path("s.json"));
    const nlohmann::json truth = nlohmann::json::parse(in);
    EXPECT_EQ(truth["format"], "highstep-synth-truth");
    EXPECT_EQ(truth["version"], 1);
    EXPECT_EQ(truth["body_weight_kg"], 82.0);
    ASSERT_EQ(truth["events"].size(), 4u);
    for (const auto& e : truth["events"]) {
        EXPECT_EQ(e["type"], "step_up");
        EXPECT_LT(e["start_s"].get<double>(), e["top_s"].get<double>());
        EXPECT_LT(e["top_s"].get<double>(), e["end_s"].get<double>());
        EXPECT_LT(e["end_s"].get<double>(), duration_s);
    }
    EXPECT_EQ(truth["events"][0]["lead"], "left");
    EXPECT_EQ(truth["events"][1]["lead"], "right");
}

TEST_F(SynthCli, SameSeedSameFile) {
    ASSERT_EQ(run("'" + path("a.csv") + "' --seed 5 --reps 2").exit_code, 0);
    ASSERT_EQ(run("'" + path("b.csv") + "' --seed 5 --reps 2").exit_code, 0);
    ASSERT_EQ(run("'" + path("c.csv") + "' --seed 6 --reps 2").exit_code, 0);
    auto text = [](const std::string& p) {
        std::ifstream in(p);
        std::stringstream ss;
        ss << in.rdbuf();
        return ss.str();
    };
    EXPECT_EQ(text(path("a.csv")), text(path("b.csv")));
    EXPECT_NE(text(path("a.csv")), text(path("c.csv")));
}

TEST_F(SynthCli, ScriptMistakesNameFileAndLine) {
    {
        std::ofstream out(path("bad.txt"));
        out << "empty 2\nstep-on\nstand 3\nknee-drive sideways\n";
    }
    const CliResult r = run("'" + path("o.csv") + "' --script '" + path("bad.txt") + "'");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find(path("bad.txt") + ":4: expected left or right, got 'sideways'"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(path("o.csv")));
}

TEST_F(SynthCli, BadArgumentsAreUsageErrors) {
    EXPECT_EQ(run("").exit_code, 2);
    const CliResult weight = run("'" + path("o.csv") + "' --weight-kg 20");
    EXPECT_EQ(weight.exit_code, 2);
    EXPECT_NE(weight.err.find("body weight (kg) must be in 30..150, got 20"), std::string::npos) << weight.err;
    const CliResult nan = run("'" + path("o.csv") + "' --rate-hz fast");
    EXPECT_EQ(nan.exit_code, 2);
    EXPECT_NE(nan.err.find("--rate-hz: 'fast' is not a number"), std::string::npos) << nan.err;
    EXPECT_EQ(run("'" + path("o.csv") + "' --script no-such-script").exit_code, 2);
    EXPECT_EQ(run("'" + path("o.csv") + "' --frobnicate").exit_code, 2);
    EXPECT_FALSE(fs::exists(path("o.csv")));
}

}  // namespace
