#pragma once
// The Box2D world of a level, behind plain data: the session drives it with a few
// actions, the renderer draws WorldView (shapes in world metres, y up) and never
// touches Box2D. Fixed step; deterministic for the same actions and steps.
#include <memory>
#include <optional>
#include <vector>

#include "highstep/core/level/level.h"
#include "highstep/core/score/scoring.h"

namespace highstep::core {

// Hill Climb: the part of a step-up the climber is in (the player's, as it happens).
enum class ClimbStage {
    ready,     // on its ledge, waiting for the next contact
    stepping,  // lead foot on the next ledge, rising onto it with the load
    top,       // standing tall on the next ledge
    lowering,  // lowering with control (the player steps back down)
};
const char* to_string(ClimbStage stage);  // "ready", "stepping", "top", "lowering"

struct Vec2m {
    double x_m = 0.0;
    double y_m = 0.0;
};

// What a body is, so the renderer can choose how to draw it.
enum class BodyRole { ground, ledge, runner, sprinter, ghost, finish_line, pivot, platform, block, ball };
const char* to_string(BodyRole role);

enum class ShapeKind { box, circle };

struct BodyView {
    BodyRole role = BodyRole::ground;
    ShapeKind shape = ShapeKind::box;
    double x_m = 0.0;          // centre, world metres, y up
    double y_m = 0.0;
    double angle_rad = 0.0;    // counter-clockwise
    double half_w_m = 0.0;     // box half extents (before rotation)
    double half_h_m = 0.0;
    double radius_m = 0.0;     // circle
};

// Where the renderer should look: keep this point in view, about this wide.
struct CameraHint {
    double center_x_m = 0.0;
    double center_y_m = 0.0;
    double view_width_m = 12.0;
};

struct WorldView {
    std::vector<BodyView> bodies;  // in draw order (background first)
    CameraHint camera;
    // Hill Climb: the climber mirrors the rep the player is doing now
    int ledge = 0;                 // ledge the climber stands on (0 = the bottom)
    int ledges = 0;                // ledges of the hill (the summit is ledges)
    ClimbStage climb_stage = ClimbStage::ready;
    bool foot_on_next = false;     // the lead foot is on the next ledge (from the contact on)
    double rise = 0.0;             // 0..1: how far up onto the next ledge (the load on the board)
    double control = 0.0;          // 0..1 while lowering: how much of a controlled lowering is done
    double lead_foot_x_m = 0.0;    // while foot_on_next: where the lead foot stands on the next ledge
    double lead_foot_y_m = 0.0;    // ... (its top)
    bool stumbling = false;        // a Miss or a taken-back contact: sliding back down
    // Sprint Start
    double charge = 0.0;           // 0..1 while a knee drive is held
    double runner_x_m = 0.0;       // sprinter / runner position
    double ghost_x_m = 0.0;
    double finish_x_m = 0.0;
    double elapsed_s = 0.0;        // world time since the level started (the session's, pauses left out)
    std::optional<double> runner_finish_s;  // elapsed_s when the sprinter crossed the line
    std::optional<double> ghost_finish_s;   // elapsed_s when the rival crossed it
    // Balance Tower
    double tilt_deg = 0.0;         // platform tilt, + is right side down
    int blocks_on = 0;             // blocks and balls still on the platform
    int blocks_total = 0;
    bool finished = false;         // summit reached / finish line crossed
};

// What the session tells the world.
struct ClimbAction {         // Hill Climb, every step: where the player is in the rep
    ClimbStage stage = ClimbStage::ready;
    double rise = 0.0;       // stepping: the load on the board / body weight, 0..1
    double control = 0.0;    // lowering: time lowering / the lowering target, 0..1
};
struct SettleClimbAction {   // Hill Climb: the rep is over
    bool counts = true;      // stays up on the new ledge; false: back down (taken back, or a Miss)
    bool stumble = false;    // a Miss: it slips back off the ledge
};
struct ChargeAction {        // Sprint Start: a knee drive is being held (0..1 of the hold target)
    double charge = 0.0;
};
struct BurstAction {         // Sprint Start: the knee came down
    double power = 1.0;      // 0..1, from hold time and steadiness
    double peak = 1.0;       // 0..1, from the drive peak
};
struct TiltAction {          // Balance Tower: CoP offset from the hold's reference, mm
    double cop_dx_mm = 0.0;
    double cop_dy_mm = 0.0;
};
struct ResetTowerAction {};  // Balance Tower: a new hold starts with a fresh stack
struct GhostAction {         // Sprint Start: the rival runs (true) or waits (false, e.g. rest)
    bool running = false;
};
struct RunHomeAction {};     // Sprint Start: the program is done, both runners run to the line
struct GhostPositionAction { // Sprint Start racing a recorded run (core/ghost.h): where the
    double x_m = 0.0;        // rival is at the end of this step, metres (replaces the pace)
};

class World {
public:
    virtual ~World() = default;
    virtual void climb(const ClimbAction&) {}
    virtual void settle_climb(const SettleClimbAction&) {}
    virtual void charge(const ChargeAction&) {}
    virtual void burst(const BurstAction&) {}
    virtual void tilt(const TiltAction&) {}
    virtual void reset_tower(const ResetTowerAction&) {}
    virtual void ghost(const GhostAction&) {}
    virtual void ghost_at(const GhostPositionAction&) {}
    virtual void run_home(const RunHomeAction&) {}
    // Advances by dt_s (the session's fixed step).
    virtual void step(double dt_s) = 0;
    virtual WorldView view() const = 0;
};

// Builds the world of the level's type. `rep_period_s` is the time per rep at the
// level's tempo (the rival's pace); `total_reps` sizes the hill.
std::unique_ptr<World> make_world(const Level& level, int total_reps, double rep_period_s);

// Sprint Start: the track is as long as the whole program (every set, every rep)
// run perfectly, each rep's full burst carrying its full stride. So the line never
// comes before the last rep; when the program is done the sprinter runs home.
double sprint_stride_m(const Level& level);
double sprint_track_length_m(const Level& level);

}  // namespace highstep::core
