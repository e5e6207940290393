// End to end: the built `highstep analyze` on every real recording, and on bad input.
#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace fs = std::filesystem;

namespace {

struct Result {
    int exit_code = -1;
    std::string out;
};

// Runs the program with stderr to a file; returns exit code and stdout.
Result run(const std::string& args, const fs::path& err_file) {
    const std::string cmd = std::string("\"") + HIGHSTEP_EXE + "\" " + args + " 2>\"" + err_file.string() + "\"";
    Result r;
    FILE* pipe = popen(cmd.c_str(), "r");
    if (!pipe) return r;
    std::array<char, 4096> buf{};
    std::size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
    const int status = pclose(pipe);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

fs::path temp_dir() {
    const fs::path d = fs::temp_directory_path() / ("highstep_analyze_test_" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
}

}  // namespace

TEST(AnalyzeCli, EveryRealRecordingGivesTheJson) {
    const fs::path real(HIGHSTEP_REAL_DATA_DIR);
    if (!fs::is_directory(real)) GTEST_SKIP() << "real recordings not found at " << real;
    const fs::path err = temp_dir() / "err.txt";
    int files = 0;
    for (const auto& entry : fs::directory_iterator(real)) {
        if (entry.path().extension() != ".csv") continue;
        ++files;
        const Result r = run("analyze \"" + entry.path().string() + "\"", err);
        ASSERT_EQ(r.exit_code, 0) << entry.path() << ": " << slurp(err);
        const auto j = nlohmann::json::parse(r.out);
        for (const char* key : {"samples", "duration_s", "rate_hz", "body_weight_kg", "events", "stability"}) {
            EXPECT_TRUE(j.contains(key)) << entry.path() << " " << key;
        }
        EXPECT_GT(j["samples"].get<int>(), 100);
        EXPECT_GT(j["body_weight_kg"].get<double>(), 40.0);
        for (const char* key : {"mean_velocity_mm_s", "rms_ml_mm", "rms_ap_mm", "ellipse95_mm2", "path_length_mm"}) {
            EXPECT_TRUE(j["stability"].contains(key)) << key;
        }
        for (const auto& e : j["events"]) {
            const std::string type = e["type"];
            EXPECT_NE(type, "step_up") << entry.path();
            EXPECT_NE(type, "knee_drive") << entry.path();
        }
    }
    EXPECT_EQ(files, 16);
}

TEST(AnalyzeCli, WindowFromMarkers) {
    const fs::path file = fs::path(HIGHSTEP_REAL_DATA_DIR) / "dk_wii_baseline.csv";
    if (!fs::exists(file)) GTEST_SKIP() << "real recordings not found at " << file.parent_path();
    const fs::path err = temp_dir() / "err.txt";
    const Result r = run("analyze \"" + file.string() + "\" --from 22.25 --to 42.25", err);
    ASSERT_EQ(r.exit_code, 0) << slurp(err);
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_NEAR(j["duration_s"].get<double>(), 20.0, 0.5);
    EXPECT_TRUE(j["events"].empty());
    EXPECT_GT(j["stability"]["mean_velocity_mm_s"].get<double>(), 4.0);
    EXPECT_LT(j["stability"]["mean_velocity_mm_s"].get<double>(), 20.0);
}

TEST(AnalyzeCli, BadInputIsAClearErrorNotACrash) {
    const fs::path dir = temp_dir();
    const fs::path err = dir / "err.txt";
    const fs::path bad = dir / "bad.csv";
    std::ofstream(bad) << "t_s,tl_kg,tr_kg,bl_kg,br_kg\n0.0,1,2,3,4\n0.1,1,x,3,4\n";
    const fs::path good = dir / "good.csv";
    std::ofstream(good) << "t_s,tl_kg,tr_kg,bl_kg,br_kg\n0.0,10,10,10,10\n0.1,10,10,10,10\n0.2,10,10,10,10\n";

    Result r = run("analyze \"" + bad.string() + "\"", err);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(slurp(err).find("bad.csv:3"), std::string::npos) << slurp(err);  // file and line

    r = run("analyze \"" + (dir / "missing.csv").string() + "\"", err);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(slurp(err).find("missing.csv"), std::string::npos);

    r = run("analyze", err);
    EXPECT_EQ(r.exit_code, 2);
    r = run("analyze \"" + good.string() + "\" --from", err);
    EXPECT_EQ(r.exit_code, 2);
    r = run("analyze \"" + good.string() + "\" --from abc", err);
    EXPECT_EQ(r.exit_code, 2);
    r = run("analyze \"" + good.string() + "\" --from 5 --to 1", err);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(slurp(err).find("after"), std::string::npos);
    r = run("analyze \"" + good.string() + "\" --bogus", err);
    EXPECT_EQ(r.exit_code, 2);
    r = run("analyze \"" + good.string() + "\" --from 50 --to 60", err);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(slurp(err).find("no samples"), std::string::npos);

    r = run("analyze \"" + good.string() + "\"", err);
    EXPECT_EQ(r.exit_code, 0) << slurp(err);
    EXPECT_TRUE(slurp(err).empty()) << slurp(err);
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["samples"].get<int>(), 3);
    fs::remove_all(dir);
}

TEST(AnalyzeCli, RotatedBoardFromTheRecordingsNote) {
    // The same right-leg hold, recorded on a board turned round, noted in the metadata.
    const fs::path dir = temp_dir();
    const fs::path err = dir / "err.txt";
    auto write = [&](const fs::path& p, bool note) {
        std::ofstream out(p);
        out << "# highstep recording v1\n";
        if (note) out << "# rotated-180: yes\n";
        out << "t_s,tl_kg,tr_kg,bl_kg,br_kg\n";
        for (int i = 0; i <= 1000; ++i) {
            const double t = i * 0.01;
            // 0-3 s two feet, then the player's right foot alone (x = +100 mm, swaying 4 mm
            // sd as people on one leg do): on a board turned round, the player's right
            // presses the board's left sensors.
            const double right_share = t < 3.0 ? 0.5 : (t < 3.3 ? 0.5 + (t - 3.0) / 0.3 * 0.5 : 1.0);
            const double sway_mm = t < 3.3 ? 0.0 : 5.0 * (std::sin(2.0 * M_PI * 0.8 * t) + 0.5 * std::sin(2.0 * M_PI * 2.1 * t + 1.0));
            const double player_right = 70.0 * right_share * ((100.0 + sway_mm) / 433.0 + 0.5) + 70.0 * (1 - right_share) * (-100.0 / 433.0 + 0.5);
            const double player_left = 70.0 - player_right;
            const double board_left = note ? player_right : player_left;
            const double board_right = 70.0 - board_left;
            out << t << "," << board_left / 2 << "," << board_right / 2 << "," << board_left / 2 << "," << board_right / 2 << "\n";
        }
    };
    write(dir / "turned.csv", true);
    write(dir / "plain.csv", false);
    for (const char* name : {"turned.csv", "plain.csv"}) {
        const Result r = run("analyze \"" + (dir / name).string() + "\"", err);
        ASSERT_EQ(r.exit_code, 0) << slurp(err);
        const auto j = nlohmann::json::parse(r.out);
        ASSERT_EQ(j["events"].size(), 1u) << name << " " << r.out;
        EXPECT_EQ(j["events"][0]["type"], "one_leg_hold") << name;
        EXPECT_EQ(j["events"][0]["side"], "right") << name;
    }
    fs::remove_all(dir);
}
