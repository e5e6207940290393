// Balance Tower: the centre of pressure tilts a platform on a pivot (a revolute
// joint with a motor that follows the target angle), carrying a stack of blocks
// and rolling balls. A steady player keeps them on; sway shakes them off.
#include <algorithm>
#include <cmath>
#include <numbers>

#include "world/world_box2d.h"

namespace highstep::core::detail {
namespace {

constexpr double kPivotY_m = 1.5;
constexpr double kPlatformHalfH_m = 0.1;
constexpr double kBlockHalf_m = 0.3;
constexpr double kBallRadius_m = 0.22;
constexpr double kFollowGain_per_s = 6.0;  // motor speed per radian of error: ~0.2 s to follow
constexpr double kDegToRad = std::numbers::pi / 180.0;

class TowerWorld final : public World {
public:
    explicit TowerWorld(const TowerWorldParams& params) : params_(params) {
        bodies_.add_box(BodyRole::ground, b2_staticBody, 0.0, -0.5, 30.0, 0.5, 0.0, 0.8);
        pivot_ = bodies_.add_box(BodyRole::pivot, b2_staticBody, 0.0, 0.5 * kPivotY_m - 0.1, 0.2,
                                 0.5 * kPivotY_m - 0.1, 0.0, 0.5);
        platform_ = bodies_.add_box(BodyRole::platform, b2_dynamicBody, 0.0, kPivotY_m, 0.5 * params_.platform_width_m,
                                    kPlatformHalfH_m, 2.0, 0.9);
        b2RevoluteJointDef joint;
        joint.Initialize(pivot_, platform_, b2Vec2(0.0f, static_cast<float>(kPivotY_m)));
        joint.enableLimit = true;
        joint.lowerAngle = static_cast<float>(-params_.max_tilt_deg * kDegToRad);
        joint.upperAngle = static_cast<float>(params_.max_tilt_deg * kDegToRad);
        joint.enableMotor = true;
        joint.maxMotorTorque = 20000.0f;  // strong enough to hold any load it carries
        joint.motorSpeed = 0.0f;
        joint_ = static_cast<b2RevoluteJoint*>(bodies_.world().CreateJoint(&joint));
        build_stack();
    }

    void tilt(const TiltAction& action) override {
        // CoP to the right tips the right end down (a negative, clockwise angle).
        // A non-finite CoP (no load) must never reach Box2D: treat it as level.
        if (!std::isfinite(action.cop_dx_mm)) {
            target_rad_ = 0.0;
            return;
        }
        const double deg = std::clamp(action.cop_dx_mm * params_.tilt_deg_per_mm, -params_.max_tilt_deg,
                                      params_.max_tilt_deg);
        target_rad_ = -deg * kDegToRad;
    }

    void reset_tower(const ResetTowerAction&) override {
        for (b2Body* b : loads_) bodies_.remove(b);
        loads_.clear();
        target_rad_ = 0.0;
        platform_->SetTransform(b2Vec2(0.0f, static_cast<float>(kPivotY_m)), 0.0f);
        platform_->SetAngularVelocity(0.0f);
        platform_->SetLinearVelocity(b2Vec2(0.0f, 0.0f));
        build_stack();
    }

    void step(double dt_s) override {
        const double error = target_rad_ - joint_->GetJointAngle();
        joint_->SetMotorSpeed(static_cast<float>(kFollowGain_per_s * error));
        bodies_.step(dt_s);
    }

    WorldView view() const override {
        WorldView v;
        v.bodies = bodies_.views();
        v.tilt_deg = -joint_->GetJointAngle() / kDegToRad;
        v.blocks_total = static_cast<int>(loads_.size());
        // A load still counts while it is above the platform's lowest possible edge.
        const double floor_y = kPivotY_m - 0.5 * params_.platform_width_m * std::sin(params_.max_tilt_deg * kDegToRad) - 0.2;
        for (const b2Body* b : loads_) {
            if (b->GetPosition().y > floor_y) ++v.blocks_on;
        }
        v.camera.center_x_m = 0.0;
        v.camera.center_y_m = kPivotY_m + 1.0;
        v.camera.view_width_m = std::max(8.0, params_.platform_width_m * 2.0);
        return v;
    }

private:
    void build_stack() {
        double y = kPivotY_m + kPlatformHalfH_m;
        for (int i = 0; i < params_.blocks; ++i) {
            y += kBlockHalf_m;
            loads_.push_back(bodies_.add_box(BodyRole::block, b2_dynamicBody, 0.0, y + 0.005, kBlockHalf_m,
                                             kBlockHalf_m, 0.5, 0.8));
            y += kBlockHalf_m + 0.01;
        }
        // Balls sit in a row either side of the stack.
        // Balls sit in a row either side of the stack; those that do not fit on a
        // narrow platform go in a row above.
        const double first_x = kBlockHalf_m + kBallRadius_m + 0.1;
        const double pitch = 2.0 * kBallRadius_m + 0.05;
        const double room = 0.5 * params_.platform_width_m - first_x - kBallRadius_m;
        const int per_row = std::max(1, static_cast<int>(std::floor(room / pitch)) + 1);
        for (int i = 0; i < params_.balls; ++i) {
            const double side = (i % 2 == 0) ? 1.0 : -1.0;
            const int k = i / 2;
            const double x = side * (first_x + (k % per_row) * pitch);
            const double y = kPivotY_m + kPlatformHalfH_m + kBallRadius_m + 0.005 + (k / per_row) * pitch;
            loads_.push_back(bodies_.add_circle(BodyRole::ball, b2_dynamicBody, x, y, kBallRadius_m, 0.5, 0.6));
        }
    }

    TowerWorldParams params_;
    BodyList bodies_;
    b2Body* pivot_ = nullptr;
    b2Body* platform_ = nullptr;
    b2RevoluteJoint* joint_ = nullptr;
    std::vector<b2Body*> loads_;
    double target_rad_ = 0.0;
};

}  // namespace

std::unique_ptr<World> make_tower_world(const Level& level) {
    return std::make_unique<TowerWorld>(level.world.tower);
}

}  // namespace highstep::core::detail
