// Golden replays: every recording under tests/data/golden/ is played through its
// level and must give the result stored next to it. To accept new results on
// purpose (after a deliberate change to scoring or recognition), run
//   HIGHSTEP_UPDATE_GOLDEN=1 ./test_session --gtest_filter='Golden*'
// and review the diff of tests/data/golden/*.expected.json before committing.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <set>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "highstep/core/level/level_file.h"
#include "highstep/core/session/session.h"
#include "highstep/input/recording.h"

using namespace highstep;
using namespace highstep::core;
namespace fs = std::filesystem;

namespace {

const fs::path kGoldenDir = fs::path(HIGHSTEP_TEST_DATA_DIR) / "golden";
const fs::path kLevelsDir = fs::path(HIGHSTEP_SOURCE_DIR) / "levels";

std::vector<std::string> golden_names() {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(kGoldenDir, ec)) {
        if (entry.path().extension() == ".csv") names.push_back(entry.path().stem().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

// Numbers equal to the stored ones within rounding; everything else exactly.
void expect_same(const nlohmann::json& want, const nlohmann::json& got, const std::string& where) {
    if (want.is_number() && got.is_number()) {
        EXPECT_NEAR(want.get<double>(), got.get<double>(), 0.0015) << where;
        return;
    }
    ASSERT_EQ(want.type(), got.type()) << where;
    if (want.is_object()) {
        for (auto it = want.begin(); it != want.end(); ++it) {
            ASSERT_TRUE(got.contains(it.key())) << where << "." << it.key() << " missing";
            expect_same(it.value(), got[it.key()], where + "." + it.key());
        }
        for (auto it = got.begin(); it != got.end(); ++it) {
            EXPECT_TRUE(want.contains(it.key())) << where << "." << it.key() << " is new";
        }
    } else if (want.is_array()) {
        ASSERT_EQ(want.size(), got.size()) << where;
        for (std::size_t i = 0; i < want.size(); ++i) expect_same(want[i], got[i], where + "[" + std::to_string(i) + "]");
    } else {
        EXPECT_EQ(want, got) << where;
    }
}

class Golden : public ::testing::TestWithParam<std::string> {};

}  // namespace

TEST_P(Golden, ReplayGivesTheStoredResult) {
    const fs::path csv = kGoldenDir / (GetParam() + ".csv");
    const fs::path expected = kGoldenDir / (GetParam() + ".expected.json");
    const Recording rec = read_recording(csv);
    const std::string level_id = rec.meta("level");
    ASSERT_FALSE(level_id.empty()) << csv << " has no '# level: ID' line";
    const Level level = load_level_file(kLevelsDir / (level_id + ".json"));
    const std::string got_text = to_json(run_headless(level, rec.samples));
    if (std::getenv("HIGHSTEP_UPDATE_GOLDEN")) {
        std::ofstream(expected) << got_text << "\n";
        GTEST_SKIP() << "wrote " << expected;
    }
    std::ifstream in(expected);
    ASSERT_TRUE(in) << expected << " is missing (run with HIGHSTEP_UPDATE_GOLDEN=1 to create it)";
    std::stringstream want_text;
    want_text << in.rdbuf();
    expect_same(nlohmann::json::parse(want_text.str()), nlohmann::json::parse(got_text), GetParam());
}

INSTANTIATE_TEST_SUITE_P(Replays, Golden, ::testing::ValuesIn(golden_names()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                             std::string n = info.param;
                             std::replace(n.begin(), n.end(), '-', '_');
                             return n;
                         });

TEST(GoldenSet, CoversEveryLevelType) {
    std::set<LevelType> types;
    for (const std::string& name : golden_names()) {
        const Recording rec = read_recording(kGoldenDir / (name + ".csv"));
        types.insert(load_level_file(kLevelsDir / (rec.meta("level") + ".json")).type);
    }
    EXPECT_EQ(types.size(), 3u);
}
