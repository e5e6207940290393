// Screen tests: the real `highstep` program in a real X server (Xvfb), driven by
// synthetic key presses and a recording played as the board, through its
// --script hook. Screenshots are read back and checked: the screens and HUD
// regions are drawn, and the rep counter changes as reps are made.
#include <gtest/gtest.h>

#include <algorithm>

#include "screen_fixture.h"

namespace fs = std::filesystem;
using highstep::app::testing::ScreenTest;
using highstep::app::testing::Shot;
namespace palette = highstep::app::palette;

TEST_F(ScreenTest, FromTheTitleThroughANewPlayerAndTheBoardCheckToLevelSelect) {
    const std::string script = R"(
wait 0.5
screenshot title.bmp
key Return
wait_scene players
key Return
wait_scene new_player
text Alice
key Return
key Right
key Return
key Return
wait_scene weigh_in
wait 0.3
screenshot weigh_empty.bmp
)" + highstep::app::testing::kFullWeighIn + R"(screenshot weigh_done.bmp
wait_scene levels 10
wait 0.3
screenshot levels.bmp
key Right
wait 0.3
screenshot levels_sprint.bmp
resize 960 540
wait 0.5
screenshot levels_small.bmp
quit
)";
    ASSERT_EQ(run(script), 0) << err_;
    Shot title(shot("title")), weigh(shot("weigh_done")), levels(shot("levels")), sprint(shot("levels_sprint")),
        small(shot("levels_small"));
    ASSERT_TRUE(title.ok() && weigh.ok() && levels.ok() && sprint.ok() && small.ok());
    // Title: the big name in the text colour, the menu's Play item with its orange tag.
    EXPECT_GT(title.count(palette::text, 560, 70, 1010, 180), 2000);
    EXPECT_GT(title.count(palette::action, 430, 240, 460, 320), 100);
    // The board check finished: four green ticks down the right.
    EXPECT_GT(weigh.count(palette::good, 700, 160, 780, 520), 4 * 500);
    // Level select: the first tab (Hill Climb, green) is lit; → lights the second (orange).
    EXPECT_GT(levels.count(palette::good, 190, 140, 480, 192), 5000);
    EXPECT_GT(sprint.count(palette::action, 495, 140, 785, 192), 5000);
    EXPECT_LT(sprint.count(palette::good, 190, 140, 480, 192), 100);
    // The window was resized and the layout followed it.
    EXPECT_EQ(small.s->w, 960);
    EXPECT_EQ(small.s->h, 540);
    EXPECT_GT(small.count(palette::action, 370, 105, 590, 145), 3000) << "the orange tab, scaled to 3/4";
}

TEST_F(ScreenTest, PlayingARecordingMovesTheRepCounterAndTheHudIsDrawn) {
    const fs::path replay = fs::path(HIGHSTEP_TEST_DATA_DIR) / "golden" / "hill-1-full-program.csv";
    ASSERT_TRUE(fs::exists(replay)) << replay;
    const std::string script = R"(
)" + highstep::app::testing::kTitleToFirstLevel + R"(wait 0.5
screenshot play_start.bmp
wait_probe reps >= 1 30
wait 0.4
screenshot play_rep1.bmp
wait_probe reps >= 2 30
wait_probe load_kg > 40 10
screenshot play_loaded.bmp
key Escape
wait_scene pause
screenshot pause.bmp
key Escape
wait_scene play
quit
)";
    ASSERT_EQ(run(script, "--player Tester --replay '" + replay.string() + "'"), 0) << err_;
    Shot start(shot("play_start")), rep1(shot("play_rep1")), loaded(shot("play_loaded")), pause(shot("pause"));
    ASSERT_TRUE(start.ok() && rep1.ok() && loaded.ok() && pause.ok());
    // The rep counter (top-left panel) changed between the two screenshots.
    EXPECT_GT(start.differing(rep1, 16, 14, 416, 132), 30);
    // HUD regions: with the player on the board, the loaded foot's bar (each foot's
    // load: on the lead foot alone the other bar is empty) and the CoP dot in the board
    // panel; the metronome's teal; the world's sun behind.
    EXPECT_GT(std::max(loaded.count(palette::left_leg, 16, 520, 62, 704), loaded.count(palette::right_leg, 340, 520, 386, 704)),
              100);
    EXPECT_GT(loaded.count(palette::action, 60, 530, 340, 690) + loaded.count(palette::good, 60, 530, 340, 690), 50);
    EXPECT_GT(rep1.count(palette::accent, 430, 600, 850, 704), 20);
    EXPECT_GT(rep1.count(palette::sun, 960, 150, 1100, 290), 500) << "the world's sky and sun";
    // The pause menu darkens the game and lists Resume, with its keys at the panel's foot;
    // no key bar at the window's foot over the dimmed HUD's last lines. Its panel starts
    // under the level's label (design 131-169): it cut "Ledge 0 / 24" in half.
    EXPECT_GT(pause.count(palette::good, 440, 300, 460, 370), 100);
    EXPECT_GT(pause.count(palette::text_dim, 410, 540, 870, 572), 100) << "keys inside the panel";
    EXPECT_GT(pause.count(palette::panel, 560, 200, 720, 230), 1000) << "the panel";
    EXPECT_EQ(pause.count(palette::panel, 540, 131, 740, 170), 0) << "the panel over the level's label";
    EXPECT_LT(pause.count(palette::text_dim, 0, 682, 1280, 720), 20) << "a key bar at the window's foot";
}

TEST_F(ScreenTest, ABadScriptIsRefusedNamingItsLine) {
    EXPECT_NE(run("wait 1\nkey NoSuchKey\n"), 0);
    EXPECT_NE(err_.find("script.txt:2: unknown key 'NoSuchKey'"), std::string::npos) << err_;
}

// The game answers the body at once: a step-up's judgement and the climber's foot on the
// next ledge appear in the frame that processes the contact sample (or the next), and a
// knee drive's judgement as the foot leaves the board.
TEST_F(ScreenTest, AStepUpIsJudgedAndMirroredWithinTwoFramesOfTheContact) {
    const fs::path replay = fs::path(HIGHSTEP_TEST_DATA_DIR) / "golden" / "hill-1-full-program.csv";
    ASSERT_TRUE(fs::exists(replay)) << replay;
    const std::string script = R"(
)" + highstep::app::testing::kTitleToFirstLevel + R"(wait_probe contacts >= 1 30
screenshot contact1.bmp
wait_probe foot_on_next == 1 0.05
wait_probe climb_stage == 2 5
screenshot top1.bmp
wait_probe contacts >= 3 30
wait_probe max_contact_lag_frames <= 1 0.05
quit
)";
    ASSERT_EQ(run(script, "--player Tester --replay '" + replay.string() + "'"), 0) << err_;
    Shot contact(shot("contact1")), top(shot("top1"));
    ASSERT_TRUE(contact.ok() && top.ok());
    // The judgement pop-up in the middle of the screen, in a judgement's colour.
    const int judged = contact.count(palette::perfect, 400, 180, 880, 300) + contact.count(palette::good, 400, 180, 880, 300) +
                       contact.count(palette::ok, 400, 180, 880, 300) + contact.count(palette::miss, 400, 180, 880, 300);
    EXPECT_GT(judged, 300) << "the judgement at the contact";
    // Text over the sky is readable on pale clouds too: the word has a dark outline and
    // the line under it ("+400   49 ms late") sits on a dark pill (the sky is lighter).
    EXPECT_GT(contact.darker_than(80, 440, 200, 840, 290), 1500) << "the judgement's dark outline";
    EXPECT_GT(contact.darker_than(80, 540, 288, 740, 312), 2500) << "the pill under the judgement's detail";
    // The climber changed pose between the contact and the top (it rose onto the ledge).
    EXPECT_GT(contact.differing(top, 300, 200, 980, 520), 200);
}

TEST_F(ScreenTest, AKneeDriveIsJudgedAsTheFootLeaves) {
    const fs::path replay = fs::path(HIGHSTEP_TEST_DATA_DIR) / "golden" / "sprint-1-full-program.csv";
    ASSERT_TRUE(fs::exists(replay)) << replay;
    // Only Sprint Start in the level list, so the first entry is it.
    const fs::path levels = fs::temp_directory_path() / "highstep-screen-sprint-levels";
    fs::remove_all(levels);
    fs::create_directories(levels);
    fs::copy_file(fs::path(HIGHSTEP_SOURCE_DIR) / "levels" / "sprint-1.json", levels / "sprint-1.json");
    const std::string script = R"(
)" + highstep::app::testing::kTitleToFirstLevel + R"(wait_probe contacts >= 1 40
screenshot drive1.bmp
wait_probe popup == 1 0.05
wait_probe contacts >= 2 40
wait_probe max_contact_lag_frames <= 1 0.05
quit
)";
    ASSERT_EQ(run(script, "--player Tester --levels '" + levels.string() + "' --replay '" + replay.string() + "'"), 0)
        << err_;
    Shot drive(shot("drive1"));
    ASSERT_TRUE(drive.ok());
    const int judged = drive.count(palette::perfect, 400, 180, 880, 300) + drive.count(palette::good, 400, 180, 880, 300) +
                       drive.count(palette::ok, 400, 180, 880, 300) + drive.count(palette::miss, 400, 180, 880, 300);
    EXPECT_GT(judged, 300) << "the judgement as the foot leaves";
}

// Sprint Start against a rival far faster than the player: the camera never zooms
// out so far that the sprinter is drawn shorter than a tenth of the design height
// (it follows the player; the rival is an arrow at the edge), the track has metres
// to go until the last rep, and after the last rep the sprinter runs home over the line.
TEST_F(ScreenTest, SprintStartKeepsTheRunnerReadableAndTheLineComesWithTheLastRep) {
    // One knee drive per leg; bursts of 12 m/s make a 20 m track; the rival runs
    // 40 m per rep and waits at the line, 20 m ahead, while the player counts in.
    const fs::path levels = dir_ / "levels";
    fs::create_directories(levels);
    std::ofstream(levels / "sprint-quick.json") << R"({"format_version": 1, "id": "sprint-quick",
  "title": "Quick Sprint", "description": "Two knee drives against a fast rival.", "type": "sprint_start",
  "difficulty": 1, "exercise": "knee_drive",
  "program": {"sets": 1, "reps_per_leg": 1, "rest_s": 5, "tempo_bpm": 60, "count_in_s": 2,
              "lead_order": "alternate", "hold_target_s": 1.0},
  "world": {"ghost_m_per_rep": 40, "burst_m_s": 12},
  "scoring": {"perfect_ms": 70, "great_ms": 140, "good_ms": 220, "peak_target_bw": 1.15}})";
    const std::string script = R"(
key Return
)" + highstep::app::testing::kFullWeighIn + R"(wait_scene levels 10
key Return
wait_scene play
wait 4
screenshot far.bmp
down q
wait 1.3
up q
wait 1.5
wait_probe reps == 1 0.1
wait_probe to_go_m > 1 0.1
wait_probe crossed == 0 0.1
down e
wait 1.3
up e
wait_probe finished == 1 10
wait_probe crossed == 1 10
wait_probe min_runner_px >= 71.5 0.1
quit
)";
    // min_runner_px: the least height the sprinter was drawn at in any frame of the level
    // (72 design px at 1280x720; zoomed out to keep both runners, it would be ~40).
    ASSERT_EQ(run(script, "--player Tester --levels '" + levels.string() + "'"), 0) << err_;
    Shot far(shot("far"));
    ASSERT_TRUE(far.ok());
    EXPECT_GT(far.count(palette::rival, 1080, 300, 1280, 470), 1500) << "the rival's arrow and distance at the right edge";
}
