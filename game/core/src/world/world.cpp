// The world factory and the body bookkeeping shared by the three level worlds.
#include <algorithm>

#include "world/world_box2d.h"

namespace highstep::core {

const char* to_string(ClimbStage stage) {
    switch (stage) {
        case ClimbStage::ready: return "ready";
        case ClimbStage::stepping: return "stepping";
        case ClimbStage::top: return "top";
        case ClimbStage::lowering: return "lowering";
    }
    return "ready";
}

const char* to_string(BodyRole role) {
    switch (role) {
        case BodyRole::ground: return "ground";
        case BodyRole::ledge: return "ledge";
        case BodyRole::runner: return "runner";
        case BodyRole::sprinter: return "sprinter";
        case BodyRole::ghost: return "ghost";
        case BodyRole::finish_line: return "finish_line";
        case BodyRole::pivot: return "pivot";
        case BodyRole::platform: return "platform";
        case BodyRole::block: return "block";
        case BodyRole::ball: return "ball";
    }
    return "ground";
}

std::unique_ptr<World> make_world(const Level& level, int total_reps, double rep_period_s) {
    switch (level.type) {
        case LevelType::hill_climb: return detail::make_hill_world(level, total_reps);
        case LevelType::sprint_start: return detail::make_sprint_world(level, rep_period_s);
        case LevelType::balance_tower: return detail::make_tower_world(level);
    }
    return detail::make_hill_world(level, total_reps);
}

namespace detail {

BodyList::BodyList() : world_(std::make_unique<b2World>(b2Vec2(0.0f, static_cast<float>(-kGravity_m_s2)))) {}

b2Body* BodyList::add_box(BodyRole role, b2BodyType type, double x_m, double y_m, double half_w_m, double half_h_m,
                          double density, double friction, bool sensor) {
    b2BodyDef def;
    def.type = type;
    def.position.Set(static_cast<float>(x_m), static_cast<float>(y_m));
    b2Body* body = world_->CreateBody(&def);
    b2PolygonShape shape;
    shape.SetAsBox(static_cast<float>(half_w_m), static_cast<float>(half_h_m));
    b2FixtureDef fixture;
    fixture.shape = &shape;
    fixture.density = static_cast<float>(density);
    fixture.friction = static_cast<float>(friction);
    fixture.isSensor = sensor;
    body->CreateFixture(&fixture);
    bodies_.push_back({body, role, ShapeKind::box, half_w_m, half_h_m, 0.0});
    return body;
}

b2Body* BodyList::add_circle(BodyRole role, b2BodyType type, double x_m, double y_m, double radius_m,
                             double density, double friction) {
    b2BodyDef def;
    def.type = type;
    def.position.Set(static_cast<float>(x_m), static_cast<float>(y_m));
    b2Body* body = world_->CreateBody(&def);
    b2CircleShape shape;
    shape.m_radius = static_cast<float>(radius_m);
    b2FixtureDef fixture;
    fixture.shape = &shape;
    fixture.density = static_cast<float>(density);
    fixture.friction = static_cast<float>(friction);
    body->CreateFixture(&fixture);
    bodies_.push_back({body, role, ShapeKind::circle, 0.0, 0.0, radius_m});
    return body;
}

void BodyList::remove(b2Body* body) {
    bodies_.erase(std::remove_if(bodies_.begin(), bodies_.end(), [&](const TrackedBody& t) { return t.body == body; }),
                  bodies_.end());
    world_->DestroyBody(body);
}

void BodyList::step(double dt_s) {
    world_->Step(static_cast<float>(dt_s), kVelocityIterations, kPositionIterations);
}

std::vector<BodyView> BodyList::views() const {
    std::vector<BodyView> out;
    out.reserve(bodies_.size());
    for (const TrackedBody& t : bodies_) {
        BodyView v;
        v.role = t.role;
        v.shape = t.shape;
        const b2Vec2 p = t.body->GetPosition();
        v.x_m = p.x;
        v.y_m = p.y;
        v.angle_rad = t.body->GetAngle();
        v.half_w_m = t.half_w_m;
        v.half_h_m = t.half_h_m;
        v.radius_m = t.radius_m;
        out.push_back(v);
    }
    return out;
}

}  // namespace detail
}  // namespace highstep::core
