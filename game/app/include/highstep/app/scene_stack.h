#pragma once
// The stack of scenes. Changes asked for during a frame (a menu choice pushing the
// next screen, a scene closing itself) are queued and applied between frames, so a
// scene is never destroyed while one of its own functions is running.
#include <memory>
#include <string_view>
#include <variant>
#include <vector>

#include "highstep/app/scene.h"

namespace highstep::app {

class SceneStack {
public:
    void push(std::unique_ptr<Scene> scene);      // queued
    void pop();                                   // queued: removes the top scene
    void replace(std::unique_ptr<Scene> scene);   // queued: pop, then push
    void reset(std::unique_ptr<Scene> scene);     // queued: clear all, then push
    void pop_to(std::string_view id);             // queued: pop until a scene with this id is on top

    // Applies queued changes in order; returns true if the top scene changed.
    bool apply_pending();

    Scene* top() const { return scenes_.empty() ? nullptr : scenes_.back().get(); }
    bool empty() const { return scenes_.empty(); }
    std::size_t size() const { return scenes_.size(); }
    std::string_view top_id() const;
    bool has_pending() const { return !pending_.empty(); }

    // Gives an action to the top scene; false if it did not handle it.
    bool dispatch(Action action);
    bool dispatch_text(std::string_view utf8);
    void frame(double now_s);   // the top scene's once-per-frame hook
    void step(double dt_s);
    // Draws from the topmost full-screen scene up through the overlays above it.
    void draw(Gfx& gfx, double alpha);

private:
    struct Push { std::unique_ptr<Scene> scene; };
    struct Pop {};
    struct Reset { std::unique_ptr<Scene> scene; };
    struct PopTo { std::string id; };
    using Change = std::variant<Push, Pop, Reset, PopTo>;
    std::vector<std::unique_ptr<Scene>> scenes_;
    std::vector<Change> pending_;
};

}  // namespace highstep::app
