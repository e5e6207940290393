// The scene stack: changes queued and applied between frames, input to the top
// scene, overlays drawn over the scene below.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "highstep/app/scene_stack.h"
#include "offscreen.h"

using namespace highstep::app;

namespace {

struct Log {
    std::vector<std::string> lines;
};

class TestScene : public Scene {
public:
    TestScene(std::string name, Log& log, bool overlay = false, bool handles = true)
        : name_(std::move(name)), log_(log), overlay_(overlay), handles_(handles) {}
    ~TestScene() override { log_.lines.push_back("destroy " + name_); }
    std::string_view id() const override { return name_; }
    void step(double) override { log_.lines.push_back("step " + name_); }
    void draw(Gfx&, double) override { log_.lines.push_back("draw " + name_); }
    bool on_action(Action a) override {
        log_.lines.push_back("action " + name_ + " " + to_string(a));
        return handles_;
    }
    bool is_overlay() const override { return overlay_; }
    void on_resume() override { log_.lines.push_back("resume " + name_); }

private:
    std::string name_;
    Log& log_;
    bool overlay_;
    bool handles_;
};


}  // namespace

TEST(SceneStack, ChangesWaitForApplyPending) {
    Log log;
    SceneStack stack;
    stack.push(std::make_unique<TestScene>("title", log));
    EXPECT_TRUE(stack.empty());  // queued, not applied
    EXPECT_TRUE(stack.apply_pending());
    EXPECT_EQ(stack.top_id(), "title");
    stack.push(std::make_unique<TestScene>("levels", log));
    EXPECT_EQ(stack.top_id(), "title");  // still the old top during this frame
    stack.apply_pending();
    EXPECT_EQ(stack.top_id(), "levels");
    EXPECT_EQ(stack.size(), 2u);
}

TEST(SceneStack, AScenePoppingItselfIsDestroyedOnlyAfterItsCallReturns) {
    Log log;
    SceneStack stack;
    stack.push(std::make_unique<TestScene>("a", log));
    stack.push(std::make_unique<TestScene>("b", log));
    stack.apply_pending();
    stack.pop();
    EXPECT_EQ(std::count(log.lines.begin(), log.lines.end(), "destroy b"), 0);
    stack.apply_pending();
    EXPECT_EQ(std::count(log.lines.begin(), log.lines.end(), "destroy b"), 1);
    EXPECT_EQ(log.lines.back(), "resume a");
}

TEST(SceneStack, ReplaceResetAndPopTo) {
    Log log;
    SceneStack stack;
    stack.reset(std::make_unique<TestScene>("title", log));
    stack.push(std::make_unique<TestScene>("players", log));
    stack.push(std::make_unique<TestScene>("new_player", log));
    stack.apply_pending();
    stack.pop_to("players");
    stack.replace(std::make_unique<TestScene>("weigh_in", log));
    stack.apply_pending();
    EXPECT_EQ(stack.size(), 2u);
    EXPECT_EQ(stack.top_id(), "weigh_in");
    stack.reset(std::make_unique<TestScene>("title", log));
    stack.apply_pending();
    EXPECT_EQ(stack.size(), 1u);
}

TEST(SceneStack, InputGoesToTheTopSceneAndReportsUnhandled) {
    Log log;
    SceneStack stack;
    stack.push(std::make_unique<TestScene>("menu", log, false, true));
    stack.push(std::make_unique<TestScene>("deaf", log, false, false));
    stack.apply_pending();
    EXPECT_FALSE(stack.dispatch(Action::confirm));
    EXPECT_EQ(log.lines.back(), "action deaf confirm");
    stack.pop();
    stack.apply_pending();
    EXPECT_TRUE(stack.dispatch(Action::up));
}

TEST(SceneStack, OnlyTheTopIsSteppedButOverlaysDrawOverTheSceneBelow) {
    Log log;
    SceneStack stack;
    stack.push(std::make_unique<TestScene>("title", log));
    stack.push(std::make_unique<TestScene>("play", log));
    stack.push(std::make_unique<TestScene>("pause", log, true));
    stack.apply_pending();
    log.lines.clear();
    stack.step(1.0 / 120.0);
    highstep::app::testing::Offscreen screen(64, 36);
    stack.draw(screen.gfx(), 0.5);
    EXPECT_EQ(log.lines, (std::vector<std::string>{"step pause", "draw play", "draw pause"}));
}
