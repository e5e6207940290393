// The --script test hook: parsing with file:line errors, and running against a host.
#include <gtest/gtest.h>

#include "script.h"

#include "../fuzz/fuzz_regressions.h"

using namespace highstep::app;

namespace {

class FakeHost : public ScriptHost {
public:
    double t = 0.0;
    std::string scene = "title";
    std::string reps = "0";
    std::vector<SDL_Event> events;
    std::vector<std::string> shots;
    double now_s() const override { return t; }
    std::string scene_id() const override { return scene; }
    std::string probe(const std::string& key) const override { return key == "reps" ? reps : ""; }
    void inject(const SDL_Event& e) override { events.push_back(e); }
    void request_screenshot(const std::filesystem::path& p) override { shots.push_back(p.string()); }
    void resize(int, int) override {}
};

}  // namespace

TEST(Script, ErrorsNameTheScriptAndLine) {
    try {
        Script::parse("wait 1\nkey Return\nkey NoSuchKey\n", "demo.txt");
        FAIL() << "expected a ScriptError";
    } catch (const ScriptError& e) {
        EXPECT_STREQ(e.what(), "demo.txt:3: unknown key 'NoSuchKey'");
    }
    EXPECT_THROW(Script::parse("wait soon\n", "x"), ScriptError);
    EXPECT_THROW(Script::parse("jump 3\n", "x"), ScriptError);
    EXPECT_THROW(Script::parse("wait_probe reps ~ 3\n", "x"), ScriptError);
    EXPECT_THROW(Script::parse("resize 10 10\n", "x"), ScriptError);
}

TEST(Script, WaitsOnTheGameClockAndInjectsKeys) {
    FakeHost host;
    Script s = Script::parse("# a comment\nwait 0.5\nkey Return\nscreenshot a.bmp\nquit\n", "s");
    EXPECT_FALSE(s.run_frame(host).has_value());
    EXPECT_TRUE(host.events.empty());
    host.t = 0.6;
    EXPECT_FALSE(s.run_frame(host).has_value());
    ASSERT_EQ(host.events.size(), 2u);
    EXPECT_EQ(host.events[0].type, SDL_KEYDOWN);
    EXPECT_EQ(host.events[0].key.keysym.sym, SDLK_RETURN);
    EXPECT_EQ(host.events[1].type, SDL_KEYUP);
    EXPECT_FALSE(s.run_frame(host).has_value());
    EXPECT_EQ(host.shots, std::vector<std::string>{"a.bmp"});
    EXPECT_EQ(s.run_frame(host), 0);
}

TEST(Script, AWaitThatTimesOutFailsWithExitCode3) {
    FakeHost host;
    Script s = Script::parse("wait_probe reps >= 2 1.0\nquit\n", "s");
    EXPECT_FALSE(s.run_frame(host).has_value());
    host.t = 0.5;
    host.reps = "1";
    EXPECT_FALSE(s.run_frame(host).has_value());
    host.t = 1.5;
    EXPECT_EQ(s.run_frame(host), 3);
}

TEST(Script, AWaitThatIsMetMovesOn) {
    FakeHost host;
    Script s = Script::parse("wait_scene play 5\nwait_probe reps >= 2\nquit\n", "s");
    EXPECT_FALSE(s.run_frame(host).has_value());
    host.scene = "play";
    host.reps = "2";
    host.t = 1.0;
    EXPECT_EQ(s.run_frame(host), 0);
}

// Found by fuzz_app_script: "text" with nothing after it threw std::out_of_range
// out of the parser, and "resize 1e300 600" cast a huge double to int.
TEST(Script, FuzzFoundInputsAreRefusedWithTheLine) {
    const auto files = highstep::fuzz_regressions::files("fuzz_app_script");
    ASSERT_FALSE(files.empty());
    for (const auto& file : files) {
        try {
            Script::parse(highstep::fuzz_regressions::read(file), "regression");
            ADD_FAILURE() << file << " parsed";
        } catch (const ScriptError& e) {
            EXPECT_NE(std::string(e.what()).find("regression:1: "), std::string::npos) << e.what();
        }
    }
    EXPECT_THROW(Script::parse("text\n", "x"), ScriptError);
    EXPECT_THROW(Script::parse("resize 640 nan\n", "x"), ScriptError);
    EXPECT_EQ(Script::parse("text  Anna B \n", "x").commands().at(0).arg, "Anna B");
}
