#include "highstep/app/scene_stack.h"

#include <string>

namespace highstep::app {

const char* to_string(Action action) {
    switch (action) {
        case Action::up: return "up";
        case Action::down: return "down";
        case Action::left: return "left";
        case Action::right: return "right";
        case Action::confirm: return "confirm";
        case Action::back: return "back";
        case Action::pause: return "pause";
        case Action::erase: return "erase";
    }
    return "?";
}

void SceneStack::push(std::unique_ptr<Scene> scene) { pending_.emplace_back(Push{std::move(scene)}); }
void SceneStack::pop() { pending_.emplace_back(Pop{}); }
void SceneStack::replace(std::unique_ptr<Scene> scene) {
    pending_.emplace_back(Pop{});
    pending_.emplace_back(Push{std::move(scene)});
}
void SceneStack::reset(std::unique_ptr<Scene> scene) { pending_.emplace_back(Reset{std::move(scene)}); }
void SceneStack::pop_to(std::string_view id) { pending_.emplace_back(PopTo{std::string(id)}); }

std::string_view SceneStack::top_id() const { return top() ? top()->id() : std::string_view{}; }

bool SceneStack::apply_pending() {
    if (pending_.empty()) return false;
    Scene* before = top();
    // Take the queue first: a scene's destructor or on_resume may queue more.
    std::vector<Change> changes = std::move(pending_);
    pending_.clear();
    for (Change& change : changes) {
        if (auto* p = std::get_if<Push>(&change)) {
            if (p->scene) scenes_.push_back(std::move(p->scene));
        } else if (std::holds_alternative<Pop>(change)) {
            if (!scenes_.empty()) scenes_.pop_back();
        } else if (auto* r = std::get_if<Reset>(&change)) {
            scenes_.clear();
            if (r->scene) scenes_.push_back(std::move(r->scene));
        } else if (auto* t = std::get_if<PopTo>(&change)) {
            while (!scenes_.empty() && scenes_.back()->id() != t->id) scenes_.pop_back();
        }
    }
    Scene* after = top();
    if (after && after != before) after->on_resume();
    return after != before;
}

bool SceneStack::dispatch(Action action) { return top() ? top()->on_action(action) : false; }

bool SceneStack::dispatch_text(std::string_view utf8) {
    return top() && top()->wants_text() ? top()->on_text(utf8) : false;
}

void SceneStack::frame(double now_s) {
    if (Scene* s = top()) s->frame(now_s);
}

void SceneStack::step(double dt_s) {
    if (Scene* s = top()) s->step(dt_s);
}

void SceneStack::draw(Gfx& gfx, double alpha) {
    if (scenes_.empty()) return;
    std::size_t first = scenes_.size() - 1;
    while (first > 0 && scenes_[first]->is_overlay()) --first;
    for (std::size_t i = first; i < scenes_.size(); ++i) scenes_[i]->draw(gfx, alpha);
}

}  // namespace highstep::app
