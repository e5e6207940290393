// Hill Climb: a climber goes up a hill of ledges, one ledge per step-up rep, and
// mirrors the rep as the player does it (docs/session.md, "The world follows the body"):
// at the lead foot's contact it puts that foot on the next ledge; it rises onto the
// ledge as the load on the board grows to body weight; it stands tall at the top; while
// the player lowers, it steadies on the new ledge and the control meter fills. When the
// rep is settled it walks on to the front of the new ledge, ready for the next one. A
// contact that is taken back, or a Miss, sends it back down to the ledge it came from
// (a Miss slips and wobbles: the rep counts, the hill does not).
//
// The ledges are static Box2D bodies; the climber is a kinematic body placed where the
// rep puts it, eased over a few steps so the noise of the load does not shake it.
#include <algorithm>
#include <cmath>

#include "world/world_box2d.h"

namespace highstep::core::detail {
namespace {

constexpr double kRunnerHalfW_m = 0.18;
constexpr double kRunnerHalfH_m = 0.45;
constexpr double kReadyBack_m = 0.3;     // waiting this far back from the next riser (a step's reach)
constexpr double kOnto_m = 0.3;          // at the top, this far onto the next ledge
constexpr double kFootOnLedge_m = 0.1;   // the lead foot lands this far onto the next ledge
constexpr double kEaseTau_s = 0.04;      // the climber follows its target this quickly
constexpr double kWalk_m_s = 1.6;        // walking on to the front of the new ledge
constexpr double kSlideBack_s = 0.35;    // back down to the ledge it came from
constexpr double kStumble_s = 0.8;       // a Miss wobbles this long

class HillWorld final : public World {
public:
    HillWorld(const HillWorldParams& params, int ledges) : params_(params), ledges_(std::max(1, ledges)) {
        // Ledge i is a block from below the ground up to i * height, one ledge wide.
        // The bottom and the summit are wider so the camera never shows their ends.
        for (int i = 0; i <= ledges_; ++i) {
            const double top = i * params_.ledge_height_m;
            const double bottom = -1.0;
            double left = i * params_.ledge_width_m;
            double right = left + params_.ledge_width_m;
            if (i == 0) left -= 8.0;
            if (i == ledges_) right += 8.0;
            bodies_.add_box(i == 0 ? BodyRole::ground : BodyRole::ledge, b2_staticBody, 0.5 * (left + right),
                            0.5 * (top + bottom), 0.5 * (right - left), 0.5 * (top - bottom), 0.0, 0.9);
        }
        x_m_ = ready_x(0);
        y_m_ = ledge_top_y(0);
        runner_ = bodies_.add_box(BodyRole::runner, b2_kinematicBody, x_m_, y_m_ + kRunnerHalfH_m, kRunnerHalfW_m,
                                  kRunnerHalfH_m, 1.0, 0.9);
    }

    void climb(const ClimbAction& action) override {
        if (ledge_ >= ledges_) return;  // at the summit: nothing left to climb
        climb_ = action;
        climb_.rise = std::clamp(action.rise, 0.0, 1.0);
        climb_.control = std::clamp(action.control, 0.0, 1.0);
        if (action.stage != ClimbStage::ready) back_left_s_ = 0.0;
    }

    void settle_climb(const SettleClimbAction& action) override {
        if (action.counts) {
            ledge_ = std::min(ledge_ + 1, ledges_);
        } else {
            back_left_s_ = kSlideBack_s;  // eases back down to where it came from
            if (action.stumble) stumble_left_s_ = kStumble_s;
        }
        climb_ = ClimbAction{};
    }

    void step(double dt_s) override {
        time_s_ += dt_s;
        back_left_s_ = std::max(0.0, back_left_s_ - dt_s);
        stumble_left_s_ = std::max(0.0, stumble_left_s_ - dt_s);
        double target_x = ready_x(ledge_);
        double target_y = ledge_top_y(ledge_);
        if (climb_.stage != ClimbStage::ready && ledge_ < ledges_) {
            // Up onto the next ledge with the load: from waiting at the riser to standing
            // just over its edge.
            const double r = climb_.stage == ClimbStage::stepping ? climb_.rise : 1.0;
            target_x = ready_x(ledge_) + r * (kReadyBack_m + kOnto_m);
            target_y = ledge_top_y(ledge_) + r * params_.ledge_height_m;
            x_m_ = ease(x_m_, target_x, dt_s);
            y_m_ = ease(y_m_, target_y, dt_s);
        } else if (back_left_s_ > 0.0) {
            x_m_ = ease(x_m_, target_x, dt_s, kSlideBack_s / 4.0);
            y_m_ = ease(y_m_, target_y, dt_s, kSlideBack_s / 4.0);
        } else {
            // Settled: walk on along the ledge (never back up a riser), standing on it.
            y_m_ = target_y;
            x_m_ = x_m_ < target_x ? std::min(target_x, x_m_ + kWalk_m_s * dt_s) : ease(x_m_, target_x, dt_s);
        }
        const double wobble = stumble_left_s_ > 0.0 ? 0.35 * std::sin(time_s_ * 18.0) * stumble_left_s_ / kStumble_s : 0.0;
        runner_->SetTransform(b2Vec2(static_cast<float>(x_m_), static_cast<float>(y_m_ + kRunnerHalfH_m)),
                              static_cast<float>(wobble));
        bodies_.step(dt_s);
    }

    WorldView view() const override {
        WorldView v;
        v.bodies = bodies_.views();
        v.camera.center_x_m = x_m_ + 1.5;
        v.camera.center_y_m = y_m_ + kRunnerHalfH_m + 1.0;
        v.camera.view_width_m = 10.0;
        v.ledge = ledge_;
        v.ledges = ledges_;
        v.climb_stage = climb_.stage;
        v.foot_on_next = climb_.stage != ClimbStage::ready && ledge_ < ledges_;
        v.rise = climb_.stage == ClimbStage::stepping ? climb_.rise : (v.foot_on_next ? 1.0 : 0.0);
        v.control = climb_.stage == ClimbStage::lowering ? climb_.control : 0.0;
        if (v.foot_on_next) {
            v.lead_foot_x_m = (ledge_ + 1) * params_.ledge_width_m + kFootOnLedge_m;
            v.lead_foot_y_m = ledge_top_y(ledge_ + 1);
        }
        v.stumbling = stumble_left_s_ > 0.0;
        v.runner_x_m = x_m_;
        v.finished = ledge_ >= ledges_;
        return v;
    }

private:
    double ledge_top_y(int i) const { return i * params_.ledge_height_m; }
    // Where the climber waits on ledge i: near the front, a short step from the next riser.
    // On the summit: its middle.
    double ready_x(int i) const {
        if (i >= ledges_) return (i + 0.5) * params_.ledge_width_m;
        return (i + 1) * params_.ledge_width_m - kReadyBack_m;
    }
    static double ease(double from, double to, double dt_s, double tau_s = kEaseTau_s) {
        return from + (to - from) * (1.0 - std::exp(-dt_s / tau_s));
    }

    HillWorldParams params_;
    int ledges_;
    BodyList bodies_;
    b2Body* runner_ = nullptr;
    ClimbAction climb_;
    int ledge_ = 0;
    double x_m_ = 0.0;   // the climber's feet
    double y_m_ = 0.0;
    double back_left_s_ = 0.0;
    double stumble_left_s_ = 0.0;
    double time_s_ = 0.0;
};

}  // namespace

std::unique_ptr<World> make_hill_world(const Level& level, int total_reps) {
    return std::make_unique<HillWorld>(level.world.hill, total_reps);
}

}  // namespace highstep::core::detail
