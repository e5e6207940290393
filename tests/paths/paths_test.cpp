// The data-folder search and the player's XDG folders (game/paths).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "highstep/paths/paths.h"

namespace fs = std::filesystem;
using namespace highstep::paths;

namespace {

// A scratch folder per test process (ctest runs tests of this file in parallel).
class PathsTest : public ::testing::Test {
protected:
    void SetUp() override {
        root_ = fs::temp_directory_path() /
                ("highstep_paths_" + std::to_string(::getpid()) + "_" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(root_);
        fs::create_directories(root_);
    }
    void TearDown() override { fs::remove_all(root_); }

    // A folder with a levels/ folder in it, as an install or the source tree has.
    fs::path data_at(const fs::path& rel) {
        fs::create_directories(root_ / rel / "levels");
        return root_ / rel;
    }
    // An installed tree: PREFIX/bin/highstep and PREFIX/share/highstep/levels.
    DataDirSearch installed(const fs::path& prefix) {
        data_at(prefix / "share/highstep");
        fs::create_directories(root_ / prefix / "bin");
        std::ofstream(root_ / prefix / "bin/highstep") << "";
        DataDirSearch s;
        s.executable = root_ / prefix / "bin/highstep";
        s.exe_to_data = "../share/highstep";
        return s;
    }

    fs::path root_;
};

}  // namespace

TEST_F(PathsTest, AMovedInstallFindsTheDataNextToTheProgram) {
    DataDirSearch s = installed("moved/usr");
    s.install_data_dir = root_ / "usr-that-is-gone/share/highstep";  // the prefix it was built for
    EXPECT_EQ(find_data_dir(s), root_ / "moved/usr/share/highstep");
}

TEST_F(PathsTest, OptionThenEnvironmentComeFirst) {
    DataDirSearch s = installed("usr");
    s.env = data_at("from-env");
    EXPECT_EQ(find_data_dir(s), root_ / "from-env");
    s.option = data_at("from-option");
    EXPECT_EQ(find_data_dir(s), root_ / "from-option");
}

TEST_F(PathsTest, AGivenFolderWithoutLevelsIsAnErrorNotAFallback) {
    DataDirSearch s = installed("usr");
    s.option = root_ / "empty";
    fs::create_directories(*s.option);
    try {
        find_data_dir(s);
        FAIL() << "an empty --data-dir was accepted";
    } catch (const PathError& e) {
        const std::string msg = e.what();
        EXPECT_NE(msg.find("--data-dir " + s.option->string()), std::string::npos) << msg;
        EXPECT_NE(msg.find("no levels/"), std::string::npos) << msg;
    }
    s.option.reset();
    s.env = root_ / "nowhere";
    EXPECT_THROW(find_data_dir(s), PathError);
}

TEST_F(PathsTest, TheInstallPrefixWhenNothingIsNextToTheProgram) {
    DataDirSearch s;
    s.executable = root_ / "somewhere/bin/highstep";
    s.exe_to_data = "../share/highstep";
    s.install_data_dir = data_at("prefix/share/highstep");
    EXPECT_EQ(find_data_dir(s), root_ / "prefix/share/highstep");
}

TEST_F(PathsTest, TheSourceTreeOnlyForAProgramInItsBuildTree) {
    DataDirSearch s;
    s.source_dir = data_at("src");
    s.binary_dir = root_ / "src/build";
    s.exe_to_data = "../share/highstep";
    s.install_data_dir = data_at("prefix/share/highstep");
    fs::create_directories(root_ / "src/build/game/app");

    s.executable = root_ / "src/build/game/app/highstep";
    EXPECT_EQ(find_data_dir(s), root_ / "src");  // a developer's edits win over an older install

    s.executable = root_ / "elsewhere/bin/highstep";
    EXPECT_EQ(find_data_dir(s), root_ / "prefix/share/highstep");
    for (const auto& c : data_dir_candidates(s)) EXPECT_NE(c.dir, s.source_dir) << c.source;
}

TEST_F(PathsTest, NothingFoundListsEveryPlaceTried) {
    DataDirSearch s;
    s.executable = root_ / "bin/highstep";
    s.exe_to_data = "../share/highstep";
    s.install_data_dir = root_ / "prefix/share/highstep";
    try {
        find_data_dir(s);
        FAIL() << "found data where there is none";
    } catch (const PathError& e) {
        const std::string msg = e.what();
        EXPECT_NE(msg.find((root_ / "share/highstep").string()), std::string::npos) << msg;
        EXPECT_NE(msg.find(s.install_data_dir.string()), std::string::npos) << msg;
        EXPECT_NE(msg.find("--data-dir"), std::string::npos) << msg;
    }
}

TEST(UserDirs, FollowXdgAndIgnoreRelativeValues) {
    UserEnv env{"/data/xdg", "/conf/xdg", "/home/ada"};
    EXPECT_EQ(user_data_dir(env), fs::path("/data/xdg/highstep"));
    EXPECT_EQ(user_config_dir(env), fs::path("/conf/xdg/highstep"));
    EXPECT_EQ(database_file(env), fs::path("/data/xdg/highstep/highstep.db"));
    EXPECT_EQ(board_map_dir(env), fs::path("/conf/xdg/highstep/boards"));

    env = UserEnv{"relative/data", "", "/home/ada"};
    EXPECT_EQ(user_data_dir(env), fs::path("/home/ada/.local/share/highstep"));
    EXPECT_EQ(user_config_dir(env), fs::path("/home/ada/.config/highstep"));

    env = UserEnv{};
    EXPECT_THROW(user_data_dir(env), PathError);
    EXPECT_THROW(user_config_dir(env), PathError);
}

TEST_F(PathsTest, FirstRunCreatesTheUserFolders) {
    const UserEnv env{"", "", root_.string()};
    create_user_dirs(env);
    EXPECT_TRUE(fs::is_directory(root_ / ".local/share/highstep"));
    EXPECT_TRUE(fs::is_directory(root_ / ".config/highstep/boards"));
    create_user_dirs(env);  // the second run finds them there

    std::ofstream(root_ / "file") << "x";
    EXPECT_THROW(create_user_dirs(UserEnv{(root_ / "file").string(), "", root_.string()}), PathError);
}
