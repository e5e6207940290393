// Level files: the shipped levels load, and bad levels give errors that name the
// file and what is wrong.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "highstep/core/level/level.h"
#include "highstep/core/level/level_file.h"

#include "../fuzz/fuzz_regressions.h"

using namespace highstep::core;

namespace {

const std::string kGood = R"({
  "format_version": 1, "id": "hill-x", "title": "Test hill", "type": "hill_climb", "difficulty": 2,
  "exercise": "step_up",
  "program": {"sets": 2, "reps_per_leg": 6, "rest_s": 60, "tempo_bpm": 80, "lead_order": "left_first"},
  "world": {"ledge_height_m": 0.5},
  "scoring": {"perfect_ms": 50, "great_ms": 100, "good_ms": 180}
})";

// kGood with one piece of text replaced.
std::string with(const std::string& from, const std::string& to) {
    std::string s = kGood;
    const auto pos = s.find(from);
    EXPECT_NE(pos, std::string::npos) << from;
    if (pos != std::string::npos) s.replace(pos, from.size(), to);
    return s;
}

std::string error_of(const std::string& text) {
    try {
        parse_level(text, "levels/hill-x.json");
    } catch (const LevelError& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

TEST(ParseLevel, ReadsEveryField) {
    const Level l = parse_level(kGood, "levels/hill-x.json");
    EXPECT_EQ(l.id, "hill-x");
    EXPECT_EQ(l.type, LevelType::hill_climb);
    EXPECT_EQ(l.difficulty, 2);
    EXPECT_EQ(l.program.sets, 2);
    EXPECT_EQ(l.program.reps_per_leg, 6);
    EXPECT_EQ(l.reps_per_set(), 12);
    EXPECT_EQ(l.program.lead_order, LeadOrder::left_first);
    EXPECT_DOUBLE_EQ(l.program.tempo_bpm, 80.0);
    EXPECT_DOUBLE_EQ(l.world.hill.ledge_height_m, 0.5);
    EXPECT_DOUBLE_EQ(l.world.hill.ledge_width_m, HillWorldParams{}.ledge_width_m);  // default
    EXPECT_DOUBLE_EQ(l.scoring.windows.good_ms, 180.0);
}

TEST(ParseLevel, ErrorsNameTheFileAndTheField) {
    EXPECT_EQ(error_of(with("\"sets\": 2", "\"sets\": 0")), "levels/hill-x.json: program.sets must be 1–10, got 0");
    EXPECT_EQ(error_of(with("\"sets\": 2", "\"sets\": \"two\"")),
              "levels/hill-x.json: program.sets must be a whole number, got \"two\"");
    EXPECT_EQ(error_of(with("\"reps_per_leg\": 6, ", "")), "levels/hill-x.json: program.reps_per_leg is missing");
    EXPECT_EQ(error_of(with("\"ledge_height_m\"", "\"ledge_hieght_m\"")),
              "levels/hill-x.json: world.ledge_hieght_m is not a known setting");
    EXPECT_EQ(error_of(with("\"type\": \"hill_climb\"", "\"type\": \"maze\"")),
              "levels/hill-x.json: type must be one of hill_climb, sprint_start, balance_tower, got \"maze\"");
    EXPECT_EQ(error_of(with("\"exercise\": \"step_up\"", "\"exercise\": \"knee_drive\"")),
              "levels/hill-x.json: exercise knee_drive does not fit a hill_climb level");
    EXPECT_EQ(error_of(with("\"format_version\": 1", "\"format_version\": 2")),
              "levels/hill-x.json: format_version 2 is not supported (this game reads 1)");
    EXPECT_EQ(error_of(with("\"id\": \"hill-x\"", "\"id\": \"Hill X\"")),
              "levels/hill-x.json: id must use only a-z, 0-9 and '-', got \"Hill X\"");
    EXPECT_EQ(error_of(with("\"tempo_bpm\": 80", "\"tempo_bpm\": 0")),
              "levels/hill-x.json: program.tempo_bpm must be 10–200 for a hill_climb level, got 0");
    EXPECT_EQ(error_of(with("\"great_ms\": 100", "\"great_ms\": 40")),
              "levels/hill-x.json: scoring windows must grow: perfect_ms < great_ms < good_ms, got 50, 40, 180");
    EXPECT_EQ(error_of(with("\"good_ms\": 180", "\"good_ms\": 400")),
              "levels/hill-x.json: scoring.good_ms must be below half a beat at 80 bpm (375 ms), got 400");
    EXPECT_EQ(error_of("[1, 2]"), "levels/hill-x.json: the level must be a JSON object");
}

// The Sprint Start track follows the program (core/world.h); a length of its own
// is refused with what to do rather than silently ignored.
TEST(ParseLevel, ASprintTrackLengthIsRefusedAsNoLongerUsed) {
    std::ifstream in(std::filesystem::path(HIGHSTEP_SOURCE_DIR) / "levels" / "sprint-1.json");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string key = "\"world\": {";
    const std::size_t at = text.find(key);
    ASSERT_NE(at, std::string::npos);
    EXPECT_EQ(error_of(text), "(no error)");
    text.insert(at + key.size(), "\"track_length_m\": 64, ");
    EXPECT_EQ(error_of(text),
              "levels/hill-x.json: world.track_length_m is no longer used: the track is as long as the whole "
              "program (remove it)");
}

TEST(ParseLevel, BrokenJsonSaysWhere) {
    const std::string e = error_of(with("\"sets\": 2,", "\"sets\": 2,,"));
    EXPECT_EQ(e.rfind("levels/hill-x.json: not valid JSON: ", 0), 0u) << e;
    EXPECT_NE(e.find("line 4"), std::string::npos) << e;
    EXPECT_EQ(error_of("").rfind("levels/hill-x.json: not valid JSON", 0), 0u);
}

// A number too large for a double: nlohmann throws out_of_range, not parse_error,
// and it escaped parse_level() (found with fuzz_level; input in tests/fuzz/regressions/).
TEST(ParseLevel, NumberTooLargeIsALevelError) {
    const std::string e = error_of(with("\"sets\": 2,", "\"sets\": 2e400,"));
    EXPECT_EQ(e.rfind("levels/hill-x.json: not valid JSON", 0), 0u) << e;
    for (const auto& file : highstep::fuzz_regressions::files("fuzz_level")) {
        EXPECT_THROW((void)parse_level(highstep::fuzz_regressions::read(file), "regression"), LevelError) << file;
    }
}

TEST(ParseLevel, HoldExercisesNeedAHoldTarget) {
    const std::string sprint = R"({"format_version": 1, "id": "s", "title": "S", "type": "sprint_start",
      "exercise": "knee_drive", "program": {"sets": 1, "reps_per_leg": 3, "tempo_bpm": 60}})";
    EXPECT_EQ(error_of(sprint), "levels/hill-x.json: program.hold_target_s must be above 0 for knee_drive");
}

TEST(LevelFile, MissingFileAndLevelsFolder) {
    try {
        load_level_file("/nonexistent/levels/nope.json");
        FAIL() << "no error";
    } catch (const LevelError& e) {
        EXPECT_STREQ(e.what(), "/nonexistent/levels/nope.json: no such file");
    }
    const auto dir = std::filesystem::temp_directory_path() / "highstep_level_test";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "a.json") << kGood;
    std::ofstream(dir / "b.json") << kGood;  // same id
    std::ofstream(dir / "c.json") << with("\"sets\": 2", "\"sets\": 11");
    const LevelDirectory loaded = load_level_directory(dir);
    ASSERT_EQ(loaded.levels.size(), 1u);
    ASSERT_EQ(loaded.errors.size(), 2u);
    EXPECT_NE(loaded.errors[0].find("b.json: id \"hill-x\" is already used by"), std::string::npos) << loaded.errors[0];
    EXPECT_NE(loaded.errors[1].find("c.json: program.sets must be 1–10, got 11"), std::string::npos) << loaded.errors[1];
    std::filesystem::remove_all(dir);
}

TEST(ShippedLevels, AllLoadAndEachTypeRisesInDifficulty) {
    const LevelDirectory loaded = load_level_directory(std::filesystem::path(HIGHSTEP_SOURCE_DIR) / "levels");
    for (const std::string& e : loaded.errors) ADD_FAILURE() << e;
    std::map<LevelType, std::vector<const Level*>> by_type;
    for (const Level& l : loaded.levels) by_type[l.type].push_back(&l);
    for (LevelType t : {LevelType::hill_climb, LevelType::sprint_start, LevelType::balance_tower}) {
        const auto& levels = by_type[t];
        ASSERT_GE(levels.size(), 2u) << to_string(t);
        for (std::size_t i = 1; i < levels.size(); ++i) {
            EXPECT_GT(levels[i]->difficulty, levels[i - 1]->difficulty) << levels[i]->id;
            // Rising difficulty means more work or a tighter target, not only a bigger number.
            const bool harder = levels[i]->program.sets * levels[i]->reps_per_set() >
                                    levels[i - 1]->program.sets * levels[i - 1]->reps_per_set() ||
                                levels[i]->program.hold_target_s > levels[i - 1]->program.hold_target_s ||
                                levels[i]->scoring.windows.perfect_ms < levels[i - 1]->scoring.windows.perfect_ms ||
                                levels[i]->exercise != levels[i - 1]->exercise;
            EXPECT_TRUE(harder) << levels[i]->id;
        }
    }
    // Both balance variants exist.
    bool two = false, one = false;
    for (const Level* l : by_type[LevelType::balance_tower]) {
        two |= l->exercise == Exercise::balance_two_feet;
        one |= l->exercise == Exercise::balance_one_foot;
    }
    EXPECT_TRUE(two && one);
}
