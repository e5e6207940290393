// Bad storage: the real `highstep` started on a read-only database, a full disk
// and a database another process holds locked. Headless play and the window
// must start, say at once and in words what is wrong and that results will not
// be kept (stderr; the title screen), play on, and leave the file as it was.
//
// How each is made, so it works on a clean CI machine running as root:
// * read-only: the file is chmod 0444; root ignores that, so as root the game
//   runs under `setpriv` without CAP_DAC_OVERRIDE (and the other file-access
//   overrides), i.e. as an ordinary owner would meet the file.
// * full disk: the game runs under `prlimit --fsize=4096` with SIGXFSZ ignored,
//   so no file of its own can grow past 4 KiB: the write-ahead log and its index
//   cannot be written, as on a full disk (SQLite sees EFBIG where a full disk
//   gives ENOSPC; both read as "disk full"). A tiny tmpfs would need
//   CAP_SYS_ADMIN, which CI containers usually lack; the limit needs nothing.
// * locked: a child process opens the database and holds its write lock
//   (BEGIN IMMEDIATE with a row written and not committed).
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <csignal>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <thread>

#include "highstep/store/database.h"
#include "highstep/store/players.h"
#include "highstep/store/storage_check.h"
#include "storm_support.h"
#include "xvfb_display.h"

namespace highstep::store::storm {
namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Pixels of one colour in a region of a 32-bit BMP as SDL_SaveBMP writes it
// (bottom-up rows, BGRA). -1 if the file is not such a BMP.
[[maybe_unused]] int count_colour(const fs::path& bmp, int r, int g, int b, int x0, int y0, int x1, int y1) {
    const std::string f = slurp(bmp);
    auto le32 = [&](std::size_t at) {
        return static_cast<int>(static_cast<unsigned char>(f[at]) | static_cast<unsigned char>(f[at + 1]) << 8 |
                                static_cast<unsigned char>(f[at + 2]) << 16 | static_cast<unsigned char>(f[at + 3]) << 24);
    };
    if (f.size() < 54 || f[0] != 'B' || f[1] != 'M' || (f[28] != 32)) return -1;
    const int offset = le32(10), w = le32(18), h = le32(22);
    int n = 0;
    for (int y = y0; y < y1 && y < h; ++y) {
        for (int x = x0; x < x1 && x < w; ++x) {
            const std::size_t at = static_cast<std::size_t>(offset) + (static_cast<std::size_t>(h - 1 - y) * w + x) * 4;
            if (at + 3 > f.size()) return -1;
            n += static_cast<unsigned char>(f[at + 2]) == r && static_cast<unsigned char>(f[at + 1]) == g &&
                 static_cast<unsigned char>(f[at]) == b;
        }
    }
    return n;
}

enum class Trouble { read_only, disk_full, locked };

class BadStorage : public ::testing::TestWithParam<Trouble> {
protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        std::string name = info->name();
        for (char& c : name) c = (c == '/') ? '_' : c;
        dir_ = fs::path(HIGHSTEP_SHOT_DIR) / name;
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        db_ = dir_ / "home.db";
        {
            Database db(db_);
            Player ada;
            ada.name = "Ada";
            add_player(db, ada);
        }  // closed cleanly: no -wal or -shm left
        before_ = slurp(db_);
        switch (GetParam()) {
            case Trouble::read_only: fs::permissions(db_, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read); break;
            case Trouble::disk_full: std::signal(SIGXFSZ, SIG_IGN); break;  // inherited: a write past the limit fails, not kills
            case Trouble::locked: hold_lock(); break;
        }
    }
    void TearDown() override {
        if (locker_ > 0) {
            kill(locker_, SIGKILL);
            waitpid(locker_, nullptr, 0);
        }
        std::signal(SIGXFSZ, SIG_DFL);
        fs::permissions(db_, fs::perms::owner_read | fs::perms::owner_write);
    }

    // Another process: the write lock taken and a row written, never committed.
    void hold_lock() {
        int ready[2];
        ASSERT_EQ(pipe(ready), 0);
        locker_ = fork();
        ASSERT_GE(locker_, 0);
        if (locker_ == 0) {
            sqlite3* db = nullptr;
            sqlite3_open(db_.c_str(), &db);
            const int rc = sqlite3_exec(db, "BEGIN IMMEDIATE; INSERT INTO settings(key, value) VALUES ('locker', 'x');",
                                        nullptr, nullptr, nullptr);
            const char ok = rc == SQLITE_OK ? 'y' : 'n';
            (void)!write(ready[1], &ok, 1);
            for (;;) pause();
        }
        close(ready[1]);
        char ok = 0;
        ASSERT_EQ(read(ready[0], &ok, 1), 1);
        close(ready[0]);
        ASSERT_EQ(ok, 'y') << "the locker could not take the lock";
    }

    // The command line that runs `args` with the trouble applied to the game.
    std::vector<std::string> wrap(std::vector<std::string> args) const {
        std::vector<std::string> out;
        if (GetParam() == Trouble::read_only && geteuid() == 0) {
            out = {"/usr/bin/setpriv", "--inh-caps=-all",
                   "--bounding-set=-dac_override,-dac_read_search,-fowner,-linux_immutable", "--"};
        } else if (GetParam() == Trouble::disk_full) {
            out = {"/usr/bin/prlimit", "--fsize=4096", "--"};
        }
        out.insert(out.end(), args.begin(), args.end());
        return out;
    }

    const char* what_words() const {
        switch (GetParam()) {
            case Trouble::read_only: return "read-only";
            case Trouble::disk_full: return "disk holding the database is full";
            case Trouble::locked: return "Another program is using the database";
        }
        return "";
    }

    void expect_file_unchanged() {
        if (GetParam() == Trouble::locked) {
            kill(locker_, SIGKILL);
            waitpid(locker_, nullptr, 0);
            locker_ = -1;
        }
        // The locker's unfinished row never reached the file; nothing else wrote it.
        const StoredRun after = read_run(db_);
        EXPECT_EQ(after.integrity, "ok");
        EXPECT_EQ(after.sessions, 0);
        Database db(db_, {.read_only = true});
        const auto players = list_players(db);
        ASSERT_EQ(players.size(), 1u);
        EXPECT_EQ(players[0].name, "Ada");
        if (GetParam() != Trouble::locked) {
            EXPECT_EQ(slurp(db_), before_) << "the database file changed";
        }
    }

    fs::path dir_, db_;
    std::string before_;
    pid_t locker_ = -1;
};

#if !HIGHSTEP_STORM_WINDOW
TEST_P(BadStorage, HeadlessPlaySaysSoAtOncePlaysAndLeavesTheFile) {
    const std::string replay = std::string(HIGHSTEP_TEST_DATA_DIR) + "/golden/hill-3-left-set-partial.csv";
    // stdout through a shell pipe: under the file size limit a result file could not be written either.
    std::vector<std::string> play = wrap({HIGHSTEP_BINARY, "play", "--level", "hill-3", "--replay", replay,
                                          "--headless", "--player", "Ada", "--db", db_.string()});
    std::vector<std::string> sh = {"/bin/sh", "-c", "(\"$@\"; echo \"exit $?\" >&2) | cat", "sh"};
    sh.insert(sh.end(), play.begin(), play.end());
    Child run(sh, dir_ / "out.json", dir_ / "err.txt");
    ASSERT_EQ(run.wait(), 0);
    const std::string out = slurp(dir_ / "out.json"), err = slurp(dir_ / "err.txt");
    EXPECT_NE(err.find("results will not be kept"), std::string::npos) << err;
    EXPECT_NE(err.find(what_words()), std::string::npos) << err;
    EXPECT_NE(err.find("exit 1"), std::string::npos) << "played but not stored: exit status 1\n" << err;
    EXPECT_EQ(err.find("stored as session"), std::string::npos) << err;
    EXPECT_NE(out.find("\"reps\": 6"), std::string::npos) << "the run was played and its result printed\n" << out;
    expect_file_unchanged();
}

#else
TEST_P(BadStorage, WindowShowsTheNoticeOnTheTitleAndPlaysOn) {
    XvfbDisplay x;
    if (!x.ok()) GTEST_SKIP() << "no X server: " << x.problem();
    const bool can_shoot = GetParam() != Trouble::disk_full;  // a screenshot is a file too
    const std::string replay = std::string(HIGHSTEP_TEST_DATA_DIR) + "/golden/hill-3-left-set-partial.csv";
    const int want = static_cast<int>(GetParam() == Trouble::read_only   ? StorageProblem::read_only
                                      : GetParam() == Trouble::disk_full ? StorageProblem::disk_full
                                                                         : StorageProblem::locked);
    std::ostringstream script;
    script << "wait_scene title 20\nwait_probe storage == " << want << " 1\nwait 0.5\n";
    if (can_shoot) script << "screenshot " << (dir_ / "title.bmp").string() << "\n";
    script << "key Return\nwait_scene weigh_in\nkey Return\nwait_scene levels\nkey Down\nkey Down\nkey Return\n"
              "wait_scene play\nwait_probe reps >= 2 120\n";
    if (can_shoot) script << "screenshot " << (dir_ / "play.bmp").string() << "\n";
    script << "quit\n";
    std::ofstream(dir_ / "script.txt") << script.str();
    Child run(wrap({HIGHSTEP_BINARY, "--script", (dir_ / "script.txt").string(), "--replay", replay, "--player", "Ada",
                    "--db", db_.string(), "--levels", std::string(HIGHSTEP_SOURCE_DIR) + "/levels", "--mute",
                    "--software", "--fixed-frame-ms", "16.667", "--window", "1280x720"}),
              "/dev/null", dir_ / "err.txt", {"DISPLAY=" + x.display(), "SDL_VIDEODRIVER=x11", "ALSOFT_DRIVERS=null"});
    const int status = run.wait();
    const std::string err = slurp(dir_ / "err.txt");
    ASSERT_EQ(status, 0) << err;
    EXPECT_NE(err.find("results will not be kept"), std::string::npos) << err;
    EXPECT_NE(err.find(what_words()), std::string::npos) << err;
    if (can_shoot) {
        // The notice left of the menu: its red headline and bar (palette::warning).
        EXPECT_GT(count_colour(dir_ / "title.bmp", 255, 107, 107, 24, 214, 416, 420), 300) << "no notice on the title";
        EXPECT_EQ(count_colour(dir_ / "play.bmp", 255, 107, 107, 0, 0, 1280, 140), 0) << "an error across the HUD";
    }
    expect_file_unchanged();
}

#endif

std::string trouble_name(const ::testing::TestParamInfo<Trouble>& info) {
    switch (info.param) {
        case Trouble::read_only: return "ReadOnly";
        case Trouble::disk_full: return "DiskFull";
        case Trouble::locked: return "Locked";
    }
    return "?";
}

INSTANTIATE_TEST_SUITE_P(Storage, BadStorage,
                         ::testing::Values(Trouble::read_only, Trouble::disk_full, Trouble::locked), trouble_name);

#if !HIGHSTEP_STORM_WINDOW
// The words for each SQLite answer, without starting the program.
TEST(StorageCheck, AWritableDatabaseIsFine) {
    const fs::path dir = fs::temp_directory_path() / ("highstep-storage-check-" + std::to_string(getpid()));
    fs::create_directories(dir);
    Database db(dir / "ok.db");
    const StorageCheck c = check_storage(db);
    EXPECT_TRUE(c.ok()) << c.sentence();
    EXPECT_EQ(db.integrity_check(), "ok");
    fs::remove_all(dir);
}

TEST(StorageCheck, OpenFailuresAreSaidInWords) {
    EXPECT_EQ(storage_problem_of(StoreError("x", SQLITE_READONLY_DBMOVED)).problem, StorageProblem::read_only);
    EXPECT_EQ(storage_problem_of(StoreError("x", SQLITE_IOERR_SHMSIZE, ENOSPC)).problem, StorageProblem::disk_full);
    EXPECT_EQ(storage_problem_of(StoreError("x", SQLITE_IOERR_WRITE, EFBIG)).problem, StorageProblem::disk_full);
    EXPECT_EQ(storage_problem_of(StoreError("x", SQLITE_BUSY)).problem, StorageProblem::locked);
    const StorageCheck other = storage_problem_of(StoreError("home.db: cannot open: file is not a database", SQLITE_NOTADB));
    EXPECT_EQ(other.problem, StorageProblem::cannot_open);
    EXPECT_NE(other.sentence().find("results will not be kept"), std::string::npos);
    EXPECT_NE(other.sentence().find("file is not a database"), std::string::npos) << "SQLite's words kept for a bug report";
}
#endif

}  // namespace
}  // namespace highstep::store::storm
