// Sprint Start: a sprinter races a ghost rival down a straight. Each knee drive
// charges while it is held (the sprinter crouches lower) and bursts forward when
// the knee comes down; hold time and steadiness set the power, the drive peak
// adds to the burst. The ghost keeps the level's pace: ghost_m_per_rep metres per
// rep at the tempo, and waits while the player rests; or, racing a recorded run,
// it is moved to that run's distance at each step (GhostPositionAction).
// The track is the whole program run perfectly (sprint_track_length_m), so the
// line never comes before the last rep; when the program is done (RunHomeAction)
// both run home at the same speed, the one ahead crossing first.
#include <algorithm>
#include <cmath>
#include <optional>

#include "world/world_box2d.h"

namespace highstep::core::detail {
namespace {

constexpr double kSprinterHalfW_m = 0.2;
constexpr double kSprinterHalfH_m = 0.45;
// Speed falls off as exp(-damping·t), so a burst at speed v carries v / damping
// metres: 6 m/s at full power covers 5 m, a little over the default ghost's 4 m per rep.
constexpr double kLinearDamping_per_s = 1.2;
// After the last rep: a sprinter's top speed, so a run home of 30 m takes 3 s.
constexpr double kRunHome_m_s = 10.0;
// The level's rival stops at the line (a kinematic step can land a hair short).
constexpr double kAtTheLine_m = 1e-3;

class SprintWorld final : public World {
public:
    SprintWorld(const SprintWorldParams& params, double track_length_m, double rep_period_s)
        : params_(params),
          track_length_m_(track_length_m),
          ghost_speed_m_s_(rep_period_s > 0.0 ? params.ghost_m_per_rep / rep_period_s : 0.0) {
        const double length = track_length_m_ + 30.0;
        bodies_.add_box(BodyRole::ground, b2_staticBody, 0.5 * length - 10.0, -0.5, 0.5 * length, 0.5, 0.0, 0.0);
        bodies_.add_box(BodyRole::finish_line, b2_staticBody, track_length_m_, 1.0, 0.05, 1.0, 0.0, 0.0, true);
        ghost_ = bodies_.add_box(BodyRole::ghost, b2_kinematicBody, 0.0, kSprinterHalfH_m, kSprinterHalfW_m,
                                 kSprinterHalfH_m, 0.0, 0.0, true);
        sprinter_ = bodies_.add_box(BodyRole::sprinter, b2_dynamicBody, 0.0, kSprinterHalfH_m + 0.01,
                                    kSprinterHalfW_m, kSprinterHalfH_m, 1.0, 0.0);
        sprinter_->SetFixedRotation(true);
        sprinter_->SetLinearDamping(static_cast<float>(kLinearDamping_per_s));
    }

    void charge(const ChargeAction& action) override {
        charge_ = std::isfinite(action.charge) ? std::clamp(action.charge, 0.0, 1.0) : 0.0;
    }

    void burst(const BurstAction& action) override {
        charge_ = 0.0;
        if (finished()) return;
        // Non-finite inputs count as nothing rather than poisoning the physics.
        const double power = std::isfinite(action.power) ? std::clamp(action.power, 0.0, 1.0) : 0.0;
        const double peak = std::isfinite(action.peak) ? std::clamp(action.peak, 0.0, 1.0) : 0.0;
        // Power (hold time and steadiness) sets most of the speed; the drive peak is the kick.
        const double speed = params_.burst_m_s * (0.2 + 0.8 * power) * (0.75 + 0.25 * peak);
        const b2Vec2 v = sprinter_->GetLinearVelocity();
        sprinter_->SetLinearVelocity(b2Vec2(v.x + static_cast<float>(speed), v.y));
    }

    void ghost(const GhostAction& action) override { ghost_running_ = action.running; }
    void ghost_at(const GhostPositionAction& action) override {
        if (std::isfinite(action.x_m)) ghost_target_m_ = action.x_m;
    }

    void run_home(const RunHomeAction&) override { running_home_ = true; }

    void step(double dt_s) override {
        const double gx = ghost_->GetPosition().x;
        if (ghost_target_m_ && dt_s > 0.0) {
            // A kinematic body moves exactly velocity × dt in a step: it ends the
            // step at the recorded distance, and drawing can blend between steps.
            ghost_->SetLinearVelocity(b2Vec2(static_cast<float>((*ghost_target_m_ - gx) / dt_s), 0.0f));
        } else {
            const bool ghost_done = gx >= track_length_m_;
            const double speed = running_home_ ? kRunHome_m_s : ghost_running_ ? ghost_speed_m_s_ : 0.0;
            ghost_->SetLinearVelocity(b2Vec2(ghost_done ? 0.0f : static_cast<float>(speed), 0.0f));
        }
        if (running_home_ && !finished()) {
            const b2Vec2 v = sprinter_->GetLinearVelocity();
            sprinter_->SetLinearVelocity(b2Vec2(std::max(v.x, static_cast<float>(kRunHome_m_s)), v.y));
        } else if (finished()) {
            // Past the line: the sprinter coasts to a stop and stays there.
            const b2Vec2 v = sprinter_->GetLinearVelocity();
            sprinter_->SetLinearVelocity(b2Vec2(v.x * 0.9f, v.y));
        }
        bodies_.step(dt_s);
        elapsed_s_ += dt_s;
        if (!finished_ && sprinter_->GetPosition().x >= track_length_m_) {
            finished_ = true;
            finish_s_ = elapsed_s_;
        }
        if (!ghost_finish_s_ && ghost_->GetPosition().x >= track_length_m_ - kAtTheLine_m) ghost_finish_s_ = elapsed_s_;
    }

    WorldView view() const override {
        WorldView v;
        v.bodies = bodies_.views();
        const double sx = sprinter_->GetPosition().x;
        const double gx = ghost_->GetPosition().x;
        v.runner_x_m = sx;
        v.ghost_x_m = gx;
        v.finish_x_m = track_length_m_;
        v.charge = charge_;
        v.finished = finished_;
        v.elapsed_s = elapsed_s_;
        v.runner_finish_s = finish_s_;
        v.ghost_finish_s = ghost_finish_s_;
        // Keep both runners in view when they are close, else follow the player.
        const double spread = std::fabs(sx - gx);
        v.camera.view_width_m = std::clamp(spread + 8.0, 12.0, 30.0);
        v.camera.center_x_m = spread + 8.0 <= 30.0 ? 0.5 * (sx + gx) + 1.0 : sx + 2.0;
        v.camera.center_y_m = 2.0;
        return v;
    }

private:
    bool finished() const { return finished_; }

    SprintWorldParams params_;
    double track_length_m_;
    double ghost_speed_m_s_;
    bool running_home_ = false;
    BodyList bodies_;
    b2Body* sprinter_ = nullptr;
    b2Body* ghost_ = nullptr;
    double charge_ = 0.0;
    bool ghost_running_ = false;
    std::optional<double> ghost_target_m_;
    bool finished_ = false;
    double elapsed_s_ = 0.0;
    std::optional<double> finish_s_;
    std::optional<double> ghost_finish_s_;
};

}  // namespace

std::unique_ptr<World> make_sprint_world(const Level& level, double rep_period_s) {
    return std::make_unique<SprintWorld>(level.world.sprint, sprint_track_length_m(level), rep_period_s);
}

}  // namespace highstep::core::detail

namespace highstep::core {

// A full-power burst at burst_m_s slows as exp(-damping·t): it carries burst / damping.
double sprint_stride_m(const Level& level) { return level.world.sprint.burst_m_s / detail::kLinearDamping_per_s; }

double sprint_track_length_m(const Level& level) {
    return std::max(1, level.program.sets * level.reps_per_set()) * sprint_stride_m(level);
}

}  // namespace highstep::core
