// The built `highstep`: --version, --help on every command the program lists,
// and the data folder chosen with --data-dir / HIGHSTEP_DATA_DIR.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

#include "../program_run.h"

namespace fs = std::filesystem;

namespace {

struct Printed {
    int exit_code = -1;
    std::string out;  // stdout and stderr together, as a player sees them
};

// `env` is put before the program: "NAME=VALUE ".
Printed run(const std::string& args, const std::string& env = "") {
    const auto r = highstep::test::run_program(env + "\"" + HIGHSTEP_BINARY + "\" " + args);
    return {r.exit_code, r.out + r.err};
}

// The command names `highstep --help` lists under "commands:".
std::vector<std::string> listed_commands() {
    std::istringstream lines(run("--help").out);
    std::vector<std::string> names;
    bool in_list = false;
    for (std::string line; std::getline(lines, line);) {
        if (line == "commands:") {
            in_list = true;
        } else if (in_list && line.starts_with("  ")) {
            names.push_back(line.substr(2, line.find(' ', 2) - 2));
        } else if (in_list) {
            break;
        }
    }
    return names;
}

fs::path scratch(const std::string& name) {
    const fs::path d = fs::temp_directory_path() / ("highstep_cli_" + std::to_string(::getpid()) + "_" + name);
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

const std::string kReplay = std::string(HIGHSTEP_TEST_DATA_DIR) + "/golden/hill-1-full-program.csv";

}  // namespace

TEST(Cli, VersionIsTheProjectVersion) {
    const Printed r = run("--version");
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out, std::string("highstep ") + HIGHSTEP_EXPECTED_VERSION + "\n");
}

TEST(Cli, EveryCommandAnswersHelpWithItsUsage) {
    const auto names = listed_commands();
    ASSERT_GE(names.size(), 11u) << run("--help").out;
    for (const std::string& name : names) {
        for (const char* flag : {"--help", "-h"}) {
            const Printed r = run(name + " " + flag);
            EXPECT_EQ(r.exit_code, 0) << name << " " << flag << ":\n" << r.out;
            EXPECT_TRUE(r.out.starts_with("usage: highstep")) << name << " " << flag << ":\n" << r.out;
            EXPECT_NE(r.out.find(name), std::string::npos) << name << ":\n" << r.out;
            EXPECT_EQ(r.out.find("unknown option"), std::string::npos) << name << ":\n" << r.out;
        }
    }
}

TEST(Cli, HelpAfterOtherArgumentsStillShowsTheUsage) {
    // A player who typed half a command and then asked for help.
    for (const char* args : {"players add --help", "challenge create Weekly --help", "play --level hill-1 --help"}) {
        const Printed r = run(args);
        EXPECT_EQ(r.exit_code, 0) << args << ":\n" << r.out;
        EXPECT_TRUE(r.out.starts_with("usage: highstep")) << args << ":\n" << r.out;
    }
}

TEST(Cli, AnUnknownCommandIsAUsageError) {
    const Printed r = run("dance");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.out.find("unknown command 'dance'"), std::string::npos) << r.out;
}

TEST(Cli, PlayLooksUpALevelIdInTheDataFolderGiven) {
    const fs::path data = scratch("data");
    fs::create_directories(data / "levels");
    fs::copy_file(fs::path(HIGHSTEP_SOURCE_DIR) / "levels/hill-1.json", data / "levels/hill-1.json");

    const Printed found = run("play --level hill-1 --replay '" + kReplay + "' --headless --data-dir '" + data.string() + "'");
    EXPECT_EQ(found.exit_code, 0) << found.out;
    EXPECT_NE(found.out.find("\"level\": \"hill-1\""), std::string::npos) << found.out;

    // The folder given is the one used: a level that is only in the source tree is not found.
    const Printed missing = run("play --level sprint-1 --replay '" + kReplay + "' --headless --data-dir '" + data.string() + "'");
    EXPECT_EQ(missing.exit_code, 1) << missing.out;
    EXPECT_NE(missing.out.find((data / "levels/sprint-1.json").string()), std::string::npos) << missing.out;
    fs::remove_all(data);
}

TEST(Cli, AGivenDataFolderWithoutLevelsIsNamedInTheError) {
    const fs::path empty = scratch("empty");
    const Printed option = run("play --level hill-1 --replay '" + kReplay + "' --headless --data-dir '" + empty.string() + "'");
    EXPECT_EQ(option.exit_code, 1) << option.out;
    EXPECT_NE(option.out.find("--data-dir " + empty.string() + ": no levels/ folder"), std::string::npos) << option.out;

    const Printed env = run("play --level hill-1 --replay '" + kReplay + "' --headless",
                        "HIGHSTEP_DATA_DIR='" + empty.string() + "' ");
    EXPECT_EQ(env.exit_code, 1) << env.out;
    EXPECT_NE(env.out.find("HIGHSTEP_DATA_DIR " + empty.string() + ": no levels/ folder"), std::string::npos) << env.out;
    fs::remove_all(empty);
}
