#pragma once
// Hand-built board signals for tests: the load under each foot as a piecewise-linear
// function of time, turned into the four sensor loads of a Wii board. Small and
// exact, so a test can say precisely what happened and when.
#include <cmath>
#include <cstdint>
#include <vector>

#include "highstep/input/board_sample.h"

namespace highstep::test {

struct FootLoads {
    double t_s;
    double left_kg;
    double right_kg;
};

struct BoardScript {
    std::vector<FootLoads> keys;     // in time order; loads interpolate linearly between keys
    double left_foot_x_mm = -100.0;  // where each foot's CoP sits on the board
    double right_foot_x_mm = 100.0;
    double rate_hz = 100.0;
    double jitter_frac = 0.0;        // spacing varies by up to this fraction of a period
    double noise_kg = 0.0;           // uniform noise per sensor, +-this
    double gap_from_s = -1.0;        // no samples in [gap_from_s, gap_to_s)
    double gap_to_s = -1.0;
    bool rotated_180 = false;        // the board is turned round under the player
    float offset_kg[4] = {0, 0, 0, 0};  // per-sensor zero error (tl, tr, bl, br)
    // A foot carrying the player alone sways side to side by up to this (two sines, sd
    // 0.8 x this): people on one leg sway 3-12 mm sd, on two feet 0.4-2 mm.
    double one_leg_sway_mm = 0.0;
    // From `from_s` on, both feet `dx_mm` right of where they stood at first (put down
    // elsewhere on the next visit); the last move begun applies.
    struct FeetMove {
        double from_s, dx_mm;
    };
    std::vector<FeetMove> feet_moves;

    // The script starts here: add(t, left, right) appends a key.
    BoardScript& add(double t_s, double left_kg, double right_kg) {
        keys.push_back({t_s, left_kg, right_kg});
        return *this;
    }

    FootLoads at(double t_s) const {
        if (t_s <= keys.front().t_s) return keys.front();
        for (std::size_t i = 1; i < keys.size(); ++i) {
            if (t_s <= keys[i].t_s) {
                const FootLoads& a = keys[i - 1];
                const FootLoads& b = keys[i];
                const double f = (t_s - a.t_s) / (b.t_s - a.t_s);
                return {t_s, a.left_kg + f * (b.left_kg - a.left_kg), a.right_kg + f * (b.right_kg - a.right_kg)};
            }
        }
        return keys.back();
    }

    std::vector<BoardSample> samples() const {
        std::vector<BoardSample> out;
        std::uint64_t state = 12345;
        auto uniform = [&state]() {  // deterministic, portable
            state = state * 6364136223846793005ull + 1442695040888963407ull;
            return static_cast<double>(state >> 11) / static_cast<double>(1ull << 53);
        };
        const double period = 1.0 / rate_hz;
        for (double t = keys.front().t_s; t <= keys.back().t_s; t += period * (1.0 + jitter_frac * (2.0 * uniform() - 1.0))) {
            if (t >= gap_from_s && t < gap_to_s) continue;
            const FootLoads f = at(t);
            // A foot at x splits its load between the right and left sensor pairs by lever
            // arm; front and back share it equally (feet centred front to back).
            const double w = 433.0;
            const double pi = 3.141592653589793;
            const double sway_mm = f.left_kg > 0.0 && f.right_kg > 0.0
                                       ? 0.0
                                       : one_leg_sway_mm * (std::sin(2.0 * pi * 0.8 * t) + 0.5 * std::sin(2.0 * pi * 2.1 * t + 1.0));
            double moved_mm = 0.0;
            for (const FeetMove& m : feet_moves) {
                if (t >= m.from_s) moved_mm = m.dx_mm;
            }
            const double lr = f.left_kg * ((left_foot_x_mm + moved_mm + sway_mm) / w + 0.5);
            const double rr = f.right_kg * ((right_foot_x_mm + moved_mm + sway_mm) / w + 0.5);
            const double right_side = lr + rr;
            const double left_side = f.left_kg + f.right_kg - right_side;
            double tl = left_side / 2, bl = left_side / 2, tr = right_side / 2, br = right_side / 2;
            if (rotated_180) {
                std::swap(tl, br);
                std::swap(tr, bl);
            }
            BoardSample s;
            s.t_s = t;
            s.tl = static_cast<float>(tl + offset_kg[0] + noise_kg * (2.0 * uniform() - 1.0));
            s.tr = static_cast<float>(tr + offset_kg[1] + noise_kg * (2.0 * uniform() - 1.0));
            s.bl = static_cast<float>(bl + offset_kg[2] + noise_kg * (2.0 * uniform() - 1.0));
            s.br = static_cast<float>(br + offset_kg[3] + noise_kg * (2.0 * uniform() - 1.0));
            out.push_back(s);
        }
        return out;
    }
};

}  // namespace highstep::test

namespace highstep::test {

// Movements shaped by hand, unlike the project's generator (different rise profiles,
// pre-loads, small drive peaks, restless standing), appended at the script's end.
// Loads are in multiples of the body weight `bw_kg`. Each returns the moment the
// event's truth is defined by (see each).
struct HandPlayer {
    BoardScript& b;
    double bw_kg;

    double now() const { return b.keys.back().t_s; }
    // Load `l` on the left foot and `r` on the right (BW), `dt_s` after the last key.
    HandPlayer& to(double dt_s, double l, double r) {
        b.add(now() + dt_s, l * bw_kg, r * bw_kg);
        return *this;
    }
    HandPlayer& wait(double dt_s) {
        const FootLoads last = b.keys.back();
        b.add(now() + dt_s, last.left_kg, last.right_kg);
        return *this;
    }
    // Right-foot share `share` on two feet, reached over `dt_s`.
    HandPlayer& stand(double dt_s, double share) { return to(dt_s, 1.0 - share, share); }
    // One foot's load (BW) on `right` side, the other foot off.
    HandPlayer& one(double dt_s, bool right, double load) {
        return right ? to(dt_s, 0.0, load) : to(dt_s, load, 0.0);
    }
    // From a step-up's lead foot (on `right` side): push to 1.2 BW, hold `hold_s` on the
    // lead leg (the other knee driven up), then lower over `lowering_s` and step off.
    HandPlayer& knee_top(bool right, double hold_s, double lowering_s) {
        return one(0.3, right, 1.2).one(0.2, right, 1.0).wait(hold_s).one(0.3, right, 0.92)
            .one(lowering_s, right, 0.25).one(0.15, right, 0.0).wait(2.0);
    }
};

}  // namespace highstep::test
