#include "highstep/app/board_nav.h"

#include <algorithm>
#include <cmath>

namespace highstep::app {

using core::Stance;

BoardNav::BoardNav(const BoardNavSettings& settings) : settings_(settings) {}

void BoardNav::reset() {
    lean_.reset();
    lean_fired_ = false;
    centre_seen_ = false;
    lifted_from_both_ = false;
}

double BoardNav::lean_x_mm(const core::SignalFrame& f) const {
    if (f.half_stance_mm <= 0.0) return settings_.lean_x_mm;
    return std::min(settings_.lean_x_mm, settings_.lean_x_stance_fraction * f.half_stance_mm);
}

std::optional<Action> BoardNav::lean_direction(const core::SignalFrame& f) const {
    if (!f.cop_valid || f.stance != Stance::both) return std::nullopt;
    // Normalise each axis by its threshold so the stronger lean wins.
    const double nx = f.cop_x_mm / lean_x_mm(f);
    const double ny = f.cop_y_mm / settings_.lean_y_mm;
    if (std::abs(nx) < 1.0 && std::abs(ny) < 1.0) return std::nullopt;
    if (std::abs(nx) >= std::abs(ny)) return nx > 0 ? Action::right : Action::left;
    return ny > 0 ? Action::up : Action::down;
}

void BoardNav::push(const core::SignalFrame& f, std::vector<Action>& out) {
    // Button: confirm on the press edge.
    if (f.button && !button_) out.push_back(Action::confirm);
    button_ = f.button;

    // Step detection on stance changes.
    if (f.stance != stance_) {
        const bool single = f.stance == Stance::left || f.stance == Stance::right;
        if (stance_ == Stance::off) off_duration_s_ = f.t_s - stance_since_s_;
        if (f.stance == Stance::off) lifted_from_both_ = false;
        if (stance_ == Stance::both && single) {
            lifted_from_both_ = true;
            lift_start_s_ = f.t_s;
        } else if (f.stance == Stance::both && lifted_from_both_) {
            if (f.t_s - lift_start_s_ <= settings_.step_max_s) out.push_back(Action::confirm);
            lifted_from_both_ = false;
        } else if (f.stance == Stance::both && off_duration_s_ >= settings_.empty_before_step_on_s) {
            out.push_back(Action::confirm);  // stepped onto a board that was empty
            centre_seen_ = false;            // the first lean must come from standing centred
        }
        if (f.stance == Stance::both) off_duration_s_ = 0.0;
        stance_ = f.stance;
        stance_since_s_ = f.t_s;
    }

    // Lean detection.
    const std::optional<Action> dir = lean_direction(f);
    if (f.cop_valid && f.stance == Stance::both) {
        const double rx = std::abs(f.cop_x_mm) / lean_x_mm(f);
        const double ry = std::abs(f.cop_y_mm) / settings_.lean_y_mm;
        if (rx < settings_.rearm_fraction && ry < settings_.rearm_fraction) {
            centre_seen_ = true;
            lean_.reset();
            lean_fired_ = false;
        }
    }
    if (!dir || !centre_seen_) {
        if (!dir) { lean_.reset(); lean_fired_ = false; }
        return;
    }
    if (lean_ != dir) {
        lean_ = dir;
        lean_since_s_ = f.t_s;
        lean_fired_ = false;
    }
    if (!lean_fired_ && f.t_s - lean_since_s_ >= settings_.lean_hold_s) {
        out.push_back(*dir);
        lean_fired_ = true;
        last_fire_s_ = f.t_s;
    } else if (lean_fired_ && f.t_s - last_fire_s_ >= settings_.repeat_s) {
        out.push_back(*dir);
        last_fire_s_ = f.t_s;
    }
}

}  // namespace highstep::app
