// Hill Climb: a runner jumps up a hill of ledges, one ledge per step-up rep. The
// judgement shapes the jump: Perfect lands in the middle of the next ledge,
// Great and Good land nearer its edge, a Miss jumps too low, hits the riser and
// tumbles back (the rep still counts; the hill does not).
#include <cmath>
#include <algorithm>
#include <deque>

#include "world/world_box2d.h"

namespace highstep::core::detail {
namespace {

constexpr double kRunnerHalfW_m = 0.18;
constexpr double kRunnerHalfH_m = 0.45;
constexpr double kClearance_m = 0.35;     // how far above the next ledge a good jump peaks
constexpr double kRecoverAfter_s = 0.8;   // a tumbling runner gets up after resting this long

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
        runner_ = bodies_.add_box(BodyRole::runner, b2_dynamicBody, ledge_centre_x(0), kRunnerHalfH_m + 0.01,
                                  kRunnerHalfW_m, kRunnerHalfH_m, 1.0, 0.9);
        runner_->SetFixedRotation(true);
    }

    void jump(const JumpAction& action) override { pending_.push_back(action.judgement); }

    void step(double dt_s) override {
        time_s_ += dt_s;
        update_ground_state(dt_s);
        if (grounded_ && !pending_.empty() && !tumbling_) {
            launch(pending_.front());
            pending_.pop_front();
        }
        bodies_.step(dt_s);
    }

    WorldView view() const override {
        WorldView v;
        v.bodies = bodies_.views();
        const b2Vec2 p = runner_->GetPosition();
        v.camera.center_x_m = p.x + 1.5;
        v.camera.center_y_m = p.y + 1.0;
        v.camera.view_width_m = 10.0;
        v.ledge = ledge_;
        v.ledges = ledges_;
        v.stumbling = tumbling_;
        v.airborne = !grounded_;
        v.runner_x_m = p.x;
        v.finished = ledge_ >= ledges_;
        return v;
    }

private:
    double ledge_centre_x(int i) const { return (i + 0.5) * params_.ledge_width_m; }
    double ledge_top_y(int i) const { return i * params_.ledge_height_m; }

    int ledge_under(double x_m) const {
        const int i = static_cast<int>(std::floor(x_m / params_.ledge_width_m));
        return std::clamp(i, 0, ledges_);
    }

    void update_ground_state(double dt_s) {
        bool touching = false;
        for (b2ContactEdge* e = runner_->GetContactList(); e; e = e->next) {
            if (e->contact->IsTouching()) touching = true;
        }
        const b2Vec2 v = runner_->GetLinearVelocity();
        const bool was_grounded = grounded_;
        grounded_ = touching && std::fabs(v.y) < 0.05f && launched_for_s_ > 0.1;
        launched_for_s_ += dt_s;
        if (grounded_ && !was_grounded && !tumbling_) {
            // A judged landing sticks: the runner stops instead of sliding on.
            runner_->SetLinearVelocity(b2Vec2(0.0f, 0.0f));
        }
        if (grounded_) ledge_ = ledge_under(runner_->GetPosition().x);
        if (tumbling_) {
            rest_s_ = (touching && v.Length() < 0.1f && std::fabs(runner_->GetAngularVelocity()) < 0.2f) ? rest_s_ + dt_s : 0.0;
            if (rest_s_ >= kRecoverAfter_s) recover();
        }
    }

    void launch(Judgement judgement) {
        const b2Vec2 p = runner_->GetPosition();
        const int target = std::min(ledge_ + 1, ledges_);
        const double half = 0.5 * params_.ledge_width_m;
        // Where on the next ledge it lands: the middle for Perfect, nearer the edge
        // the worse the timing; still on it for everything but a Miss.
        double aim_x = ledge_centre_x(target);
        if (judgement == Judgement::great) aim_x -= 0.35 * half;
        if (judgement == Judgement::good) aim_x -= 0.65 * half;
        if (target == ledge_ && ledge_ == ledges_) aim_x = p.x + 0.3;  // at the summit: a hop in place
        const double dy = ledge_top_y(target) + kRunnerHalfH_m - p.y;
        double apex = std::max(0.0, dy) + kClearance_m;
        if (judgement == Judgement::miss) {
            // Too low and too short: a hop that falls short of the riser and topples
            // backwards, on the ledge it started from.
            apex = 0.4 * std::max(dy, 0.2);
            aim_x = std::min(p.x + 0.3, (ledge_ + 1) * params_.ledge_width_m - 2.0 * kRunnerHalfH_m);
            runner_->SetFixedRotation(false);
            tumbling_ = true;
            rest_s_ = 0.0;
        }
        const double g = kGravity_m_s2;
        const double vy = std::sqrt(2.0 * g * apex);
        const double t_up = vy / g;
        const double t_down = std::sqrt(2.0 * std::max(0.0, apex - dy) / g);
        const double flight = judgement == Judgement::miss ? t_up : t_up + t_down;
        const double vx = (aim_x - p.x) / std::max(flight, 0.05);
        runner_->SetLinearVelocity(b2Vec2(static_cast<float>(vx), static_cast<float>(vy)));
        if (judgement == Judgement::miss) runner_->SetAngularVelocity(3.0f);  // backwards
        grounded_ = false;
        launched_for_s_ = 0.0;
    }

    void recover() {
        // Gets up where it fell, upright, ready for the next rep.
        const b2Vec2 p = runner_->GetPosition();
        const int i = ledge_under(p.x);
        runner_->SetTransform(b2Vec2(p.x, static_cast<float>(ledge_top_y(i) + kRunnerHalfH_m + 0.01)), 0.0f);
        runner_->SetAngularVelocity(0.0f);
        runner_->SetLinearVelocity(b2Vec2(0.0f, 0.0f));
        runner_->SetFixedRotation(true);
        tumbling_ = false;
        ledge_ = i;
    }

    HillWorldParams params_;
    int ledges_;
    BodyList bodies_;
    b2Body* runner_ = nullptr;
    std::deque<Judgement> pending_;  // reps that came while the runner was in the air
    int ledge_ = 0;
    bool grounded_ = false;
    bool tumbling_ = false;
    double rest_s_ = 0.0;
    double launched_for_s_ = 1.0;
    double time_s_ = 0.0;
};

}  // namespace

std::unique_ptr<World> make_hill_world(const Level& level, int total_reps) {
    return std::make_unique<HillWorld>(level.world.hill, total_reps);
}

}  // namespace highstep::core::detail
