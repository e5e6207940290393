#pragma once
// Private helpers shared by the three Box2D worlds: a list of bodies with their
// role and shape, turned into plain BodyViews for the renderer.
#include <box2d/box2d.h>

#include <memory>
#include <vector>

#include "highstep/core/world/world.h"

namespace highstep::core::detail {

struct TrackedBody {
    b2Body* body = nullptr;
    BodyRole role = BodyRole::ground;
    ShapeKind shape = ShapeKind::box;
    double half_w_m = 0.0;
    double half_h_m = 0.0;
    double radius_m = 0.0;
};

constexpr int kVelocityIterations = 8;
constexpr int kPositionIterations = 3;
constexpr double kGravity_m_s2 = 9.81;

// Owns the b2World and remembers every body it made, in draw order.
class BodyList {
public:
    BodyList();
    b2World& world() { return *world_; }
    const b2World& world() const { return *world_; }

    b2Body* add_box(BodyRole role, b2BodyType type, double x_m, double y_m, double half_w_m, double half_h_m,
                    double density, double friction, bool sensor = false);
    b2Body* add_circle(BodyRole role, b2BodyType type, double x_m, double y_m, double radius_m, double density,
                       double friction);
    void remove(b2Body* body);
    void step(double dt_s);
    std::vector<BodyView> views() const;

private:
    std::unique_ptr<b2World> world_;
    std::vector<TrackedBody> bodies_;
};

std::unique_ptr<World> make_hill_world(const Level& level, int total_reps);
std::unique_ptr<World> make_sprint_world(const Level& level, double rep_period_s);
std::unique_ptr<World> make_tower_world(const Level& level);

}  // namespace highstep::core::detail
