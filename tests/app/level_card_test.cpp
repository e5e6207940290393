// Level select's card for a player: "Your best" says what the player did on the level.
// A level left from the pause menu keeps its reps but has no score; the card said
// "not played yet" after it.
#include <gtest/gtest.h>

#include <filesystem>

#include "app_harness.h"
#include "highstep/core/level/level_file.h"
#include "highstep/store/session_log.h"
#include "scenes/scenes.h"

namespace highstep::app {
namespace {

using testing::AppHarness;

TEST(LevelCard, ALevelEndedEarlyIsNotCalledNotPlayed) {
    AppHarness h;
    h.ctx().levels = core::load_level_directory(std::filesystem::path(HIGHSTEP_SOURCE_DIR) / "levels").levels;
    const store::Player kim = h.choose_new_player("Kim");
    h.open(make_level_select_scene(h.ctx()));
    ASSERT_EQ(h.probe("your_best"), "not played yet");  // Foothills, the first level
    // Foothills started and left from the pause menu after a rep.
    store::SessionStart start;
    start.player_id = kim.id;
    start.level_id = "hill-1";
    store::SessionLog early(h.db(), start);
    early.add_rep(store::RepRecord{});
    h.open(make_level_select_scene(h.ctx()));
    EXPECT_EQ(h.probe("your_best"), "1 ended early, none finished");
}

}  // namespace
}  // namespace highstep::app
