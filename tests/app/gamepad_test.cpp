// A gamepad through the real input path: SDL's virtual joystick
// (SDL_JoystickAttachVirtualEx, seen by the game controller API as a standard
// pad) → SDL events → InputMapper → the real scenes. D-pad, stick, A/B/Start,
// triggers and shoulders, and pads plugged in and pulled out mid-game.
#include <gtest/gtest.h>

#include <SDL.h>

#include "app_harness.h"
#include "highstep/store/players.h"
#include "input_map.h"
#include "scenes/scenes.h"

namespace highstep::app {
namespace {

using testing::AppHarness;

// A virtual pad with every standard button and axis, in the game controller
// layout (button i is SDL_GameControllerButton i, axis i SDL_GameControllerAxis i).
class VirtualPad {
public:
    VirtualPad() {
        SDL_VirtualJoystickDesc desc{};
        desc.version = SDL_VIRTUAL_JOYSTICK_DESC_VERSION;
        desc.type = SDL_JOYSTICK_TYPE_GAMECONTROLLER;
        desc.naxes = SDL_CONTROLLER_AXIS_MAX;
        desc.nbuttons = SDL_CONTROLLER_BUTTON_MAX;
        desc.button_mask = (1u << SDL_CONTROLLER_BUTTON_MAX) - 1u;
        desc.axis_mask = (1u << SDL_CONTROLLER_AXIS_MAX) - 1u;
        desc.name = "HighStep test pad";
        const int index = SDL_JoystickAttachVirtualEx(&desc);
        if (index < 0) return;
        joystick_ = SDL_JoystickOpen(index);
        if (!joystick_) return;
        id_ = SDL_JoystickInstanceID(joystick_);
        // Triggers rest fully released (a trigger axis runs -32768..32767).
        axis(SDL_CONTROLLER_AXIS_TRIGGERLEFT, -32768);
        axis(SDL_CONTROLLER_AXIS_TRIGGERRIGHT, -32768);
    }
    ~VirtualPad() { unplug(); }
    VirtualPad(const VirtualPad&) = delete;
    VirtualPad& operator=(const VirtualPad&) = delete;

    bool ok() const { return joystick_ != nullptr; }
    void button(SDL_GameControllerButton b, bool down) { SDL_JoystickSetVirtualButton(joystick_, b, down ? 1 : 0); }
    void axis(SDL_GameControllerAxis a, Sint16 v) { SDL_JoystickSetVirtualAxis(joystick_, a, v); }
    // Pulls the pad out, even with buttons held.
    void unplug() {
        if (!joystick_) return;
        SDL_JoystickClose(joystick_);
        joystick_ = nullptr;
        for (int i = 0; i < SDL_NumJoysticks(); ++i) {
            if (SDL_JoystickGetDeviceInstanceID(i) == id_) SDL_JoystickDetachVirtual(i);
        }
    }

private:
    SDL_Joystick* joystick_ = nullptr;
    SDL_JoystickID id_ = -1;
};

class Gamepad : public ::testing::Test {
protected:
    void SetUp() override {
        if (SDL_InitSubSystem(SDL_INIT_GAMECONTROLLER | SDL_INIT_EVENTS) != 0) {
            GTEST_SKIP() << "SDL game controller subsystem unavailable: " << SDL_GetError();
        }
        store::Player p;
        p.name = "Alice";
        store::add_player(h_.db(), p);
    }
    void TearDown() override {
        mapper_.reset();
        SDL_QuitSubSystem(SDL_INIT_GAMECONTROLLER | SDL_INIT_EVENTS);
    }

    InputMode mode() {
        const Scene* top = h_.scenes().top();
        if (!top) return InputMode::menu;
        if (top->wants_text()) return InputMode::text;
        return top->wants_board_nav() ? InputMode::menu : InputMode::board;
    }
    // One frame of the game loop's input part: SDL events through the mapper, then
    // the actions to the top scene (as GameApp::run does).
    void frame() {
        now_s_ += 1.0 / 60.0;
        std::vector<Action> actions;
        SDL_Event e;
        while (SDL_PollEvent(&e)) mapper_->handle(e, mode(), actions);
        mapper_->update(now_s_, mode(), actions);
        for (Action a : actions) h_.scenes().dispatch(a);
        h_.scenes().apply_pending();
    }
    void press(VirtualPad& pad, SDL_GameControllerButton b) {
        pad.button(b, true);
        frame();
        pad.button(b, false);
        frame();
    }

    AppHarness h_;
    std::unique_ptr<InputMapper> mapper_;
    double now_s_ = 0.0;
};

TEST_F(Gamepad, DpadAndButtonsDriveTheMenus) {
    VirtualPad pad;
    ASSERT_TRUE(pad.ok()) << SDL_GetError();
    mapper_ = std::make_unique<InputMapper>();  // finds the pad already plugged in
    frame();
    EXPECT_TRUE(mapper_->gamepad_connected());
    h_.open(make_title_scene(h_.ctx()));
    // Title: Play, Learn the moves, Players, Quit. Down twice, A: the player list.
    press(pad, SDL_CONTROLLER_BUTTON_DPAD_DOWN);
    press(pad, SDL_CONTROLLER_BUTTON_DPAD_DOWN);
    press(pad, SDL_CONTROLLER_BUTTON_A);
    ASSERT_EQ(h_.top(), "players");
    // Right: Alice's settings; right twice more: +10 ms; B leaves without saving.
    press(pad, SDL_CONTROLLER_BUTTON_DPAD_RIGHT);
    ASSERT_EQ(h_.top(), "player_settings");
    press(pad, SDL_CONTROLLER_BUTTON_DPAD_RIGHT);
    press(pad, SDL_CONTROLLER_BUTTON_DPAD_RIGHT);
    EXPECT_EQ(h_.probe("offset_ms"), "10");
    press(pad, SDL_CONTROLLER_BUTTON_DPAD_DOWN);
    EXPECT_EQ(h_.probe("row"), "2") << "down skips the disabled auto-sync row";
    press(pad, SDL_CONTROLLER_BUTTON_B);
    ASSERT_EQ(h_.top(), "players");
    EXPECT_DOUBLE_EQ(store::find_player(h_.db(), "Alice")->input_offset_ms, 0.0);
    // Start chooses too: Alice goes on to the board check.
    press(pad, SDL_CONTROLLER_BUTTON_START);
    ASSERT_EQ(h_.top(), "weigh_in");
    ASSERT_TRUE(h_.ctx().player);
    EXPECT_EQ(h_.ctx().player->player.name, "Alice");
}

TEST_F(Gamepad, HeldStickMovesAndRepeatsInMenusAndStopsWhenLetGo) {
    VirtualPad pad;
    ASSERT_TRUE(pad.ok()) << SDL_GetError();
    mapper_ = std::make_unique<InputMapper>();
    h_.open(make_player_settings_scene(h_.ctx(), *store::find_player(h_.db(), "Alice")));
    pad.axis(SDL_CONTROLLER_AXIS_LEFTX, 32767);
    for (int i = 0; i < 60; ++i) frame();  // one second held
    const int held = std::stoi(h_.probe("offset_ms"));
    EXPECT_GT(held, 5) << "the held stick repeats";
    EXPECT_LT(held, 60) << "but not every frame";
    pad.axis(SDL_CONTROLLER_AXIS_LEFTX, 0);
    for (int i = 0; i < 60; ++i) frame();
    EXPECT_EQ(std::stoi(h_.probe("offset_ms")), held);
    pad.axis(SDL_CONTROLLER_AXIS_LEFTY, 32767);  // stick down
    frame();
    EXPECT_EQ(h_.probe("row"), "2") << "reset (enabled now the offset is not 0); auto-sync has nothing";
}

TEST_F(Gamepad, TriggersAndShouldersDriveTheSimulatedBoardWhilePlaying) {
    VirtualPad pad;
    ASSERT_TRUE(pad.ok()) << SDL_GetError();
    mapper_ = std::make_unique<InputMapper>();
    h_.ctx().player = PlayerProfile{};
    h_.open(make_weigh_in_scene(h_.ctx()));
    ASSERT_EQ(mode(), InputMode::board);
    frame();
    EXPECT_FALSE(mapper_->controls().left_knee_up) << "a released trigger is not a knee drive";
    press(pad, SDL_CONTROLLER_BUTTON_LEFTSHOULDER);
    press(pad, SDL_CONTROLLER_BUTTON_RIGHTSHOULDER);
    EXPECT_TRUE(mapper_->controls().left_foot_on);
    EXPECT_TRUE(mapper_->controls().right_foot_on);
    pad.axis(SDL_CONTROLLER_AXIS_TRIGGERRIGHT, 32767);
    frame();
    EXPECT_TRUE(mapper_->controls().right_knee_up);
    pad.axis(SDL_CONTROLLER_AXIS_TRIGGERRIGHT, -32768);
    pad.button(SDL_CONTROLLER_BUTTON_A, true);
    frame();
    EXPECT_FALSE(mapper_->controls().right_knee_up);
    EXPECT_TRUE(mapper_->controls().drive) << "A held pushes into the board";
}

TEST_F(Gamepad, PluggingAndPullingPadsMidGameIsSafe) {
    mapper_ = std::make_unique<InputMapper>();
    frame();
    EXPECT_FALSE(mapper_->gamepad_connected());
    h_.ctx().player = PlayerProfile{};
    h_.open(make_weigh_in_scene(h_.ctx()));
    auto first = std::make_unique<VirtualPad>();
    ASSERT_TRUE(first->ok()) << SDL_GetError();
    frame();
    ASSERT_TRUE(mapper_->gamepad_connected()) << "a pad plugged in mid-game is taken";
    // Pulled out while the right knee and A are held: nothing stays stuck.
    first->axis(SDL_CONTROLLER_AXIS_TRIGGERRIGHT, 32767);
    first->button(SDL_CONTROLLER_BUTTON_A, true);
    frame();
    ASSERT_TRUE(mapper_->controls().drive);
    ASSERT_TRUE(mapper_->controls().right_knee_up);
    first->unplug();
    frame();
    EXPECT_FALSE(mapper_->gamepad_connected());
    EXPECT_FALSE(mapper_->controls().drive);
    EXPECT_FALSE(mapper_->controls().right_knee_up);
    // Two pads: the second waits; when the first goes, the second takes over.
    auto a = std::make_unique<VirtualPad>();
    auto b = std::make_unique<VirtualPad>();
    ASSERT_TRUE(a->ok() && b->ok());
    frame();
    EXPECT_TRUE(mapper_->gamepad_connected());
    a->unplug();
    frame();
    EXPECT_TRUE(mapper_->gamepad_connected()) << "the other pad is picked up";
    h_.scenes().reset(make_player_scene(h_.ctx()));
    h_.scenes().apply_pending();
    press(*b, SDL_CONTROLLER_BUTTON_DPAD_RIGHT);
    EXPECT_EQ(h_.top(), "player_settings") << "and works";
    b->unplug();
    frame();
    EXPECT_FALSE(mapper_->gamepad_connected());
}

}  // namespace
}  // namespace highstep::app
