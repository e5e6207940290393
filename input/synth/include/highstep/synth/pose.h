#pragma once
// What the body does on the board at one instant, and a track of such poses over
// time. Both drivers of the body model (the scripted generator and the keyboard
// simulated board) describe movement as keyframed poses; the body model turns a
// pose into four sensor loads.
#include <vector>

namespace highstep::synth {

struct Pose {
    double left_bw = 0.0;    // vertical load under the left foot on the board, × body weight (0 = not on the board)
    double right_bw = 0.0;   // same, right foot
    double lean_x_mm = 0.0;  // CoP shift within the feet, + player's right (leaning, or off-centre on one foot)
    double lean_y_mm = 0.0;  // CoP shift, + player's front
    double sway = 1.0;       // sway amplitude factor: 1 = quiet two-foot stance, ~2.5 = one leg

    double total_bw() const { return left_bw + right_bw; }
};

// Keyframes with smooth (C1, "smoothstep") interpolation between them: loads rise
// and fall like muscles do, with no corners, and a keyframe at a peak is a real
// maximum. Before the first keyframe the first pose holds, after the last the last.
class PoseTrack {
public:
    struct Key {
        double t_s = 0.0;
        Pose pose;
    };

    // Adds a keyframe; t_s must not be before the last keyframe's time.
    void add(double t_s, const Pose& pose);
    // Holds the last pose until t_s (adds a copy of it at t_s).
    void hold_until(double t_s);
    // Drops every keyframe after t_s and ends the track with the pose it had at t_s
    // (used by the simulated board when the player changes intent mid-movement).
    void cut_at(double t_s);
    // Forgets keyframes no longer needed to evaluate times >= t_s (the simulated
    // board calls this so a long game does not grow the track without end).
    void drop_before(double t_s);

    Pose at(double t_s) const;
    bool empty() const { return keys_.empty(); }
    double end_s() const { return keys_.empty() ? 0.0 : keys_.back().t_s; }
    const Pose& last() const;
    const std::vector<Key>& keys() const { return keys_; }

    // First time in [from_s, to_s] at which total load reaches at least `bw`
    // (searched on a 1 ms grid of the interpolated track), or to_s if never.
    double first_time_total_at_least(double bw, double from_s, double to_s) const;
    // Highest total load in [from_s, to_s].
    double max_total_bw(double from_s, double to_s) const;

private:
    std::vector<Key> keys_;
};

}  // namespace highstep::synth
