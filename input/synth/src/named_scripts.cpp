// The built-in scripts (script.h). Durations and shapes left unset here are
// drawn from realistic ranges by the generator, so one script gives many
// different-looking sessions across seeds.
#include <stdexcept>

#include "highstep/synth/script.h"

namespace highstep::synth {
namespace {

class Builder {
public:
    explicit Builder(std::string name) { script_.name = std::move(name); }

    Builder& add(ActionKind kind, Side side = Side::left, std::optional<double> seconds = {}) {
        Action a;
        a.kind = kind;
        a.side = side;
        a.seconds = seconds;
        script_.actions.push_back(a);
        return *this;
    }
    Builder& lean(double x_mm, double y_mm, double seconds) {
        add(ActionKind::lean, Side::left, seconds);
        script_.actions.back().x_mm = x_mm;
        script_.actions.back().y_mm = y_mm;
        return *this;
    }
    Builder& on_board(double stand_s) {
        return add(ActionKind::step_on).add(ActionKind::stand, Side::left, stand_s);
    }
    Builder& off_board(double empty_s) {
        return add(ActionKind::step_off).add(ActionKind::empty, Side::left, empty_s);
    }
    Script take() { return std::move(script_); }

private:
    Script script_;
};

Side alternate(int i) { return i % 2 == 0 ? Side::left : Side::right; }

void knee_drives(Builder& b, int reps) {
    for (int i = 0; i < reps; ++i) b.add(ActionKind::knee_drive, alternate(i)).add(ActionKind::stand);
}

void holds(Builder& b, int reps) {
    for (int i = 0; i < reps; ++i) b.add(ActionKind::one_leg, alternate(i)).add(ActionKind::stand);
}

}  // namespace

std::vector<std::string> named_script_names() {
    return {"baseline", "step-ups", "knee-drives", "holds", "mixed"};
}

Script named_script(const std::string& name, int reps) {
    if (reps < 1) throw std::invalid_argument("a script needs at least one rep");
    Builder b(name);
    b.add(ActionKind::empty, Side::left, 2.0);
    if (name == "baseline") {
        b.on_board(20.0).lean(40, 0, 3).lean(-40, 0, 3).lean(0, 40, 3).lean(0, -40, 3);
        b.add(ActionKind::stand, Side::left, 10.0).off_board(2.0);
    } else if (name == "step-ups") {
        for (int i = 0; i < reps; ++i) b.add(ActionKind::step_up, alternate(i)).add(ActionKind::empty);
    } else if (name == "knee-drives") {
        b.on_board(3.0);
        knee_drives(b, reps);
        b.off_board(2.0);
    } else if (name == "holds") {
        b.on_board(3.0);
        holds(b, reps);
        b.off_board(2.0);
    } else if (name == "mixed") {
        // Knee drives and holds on the board, then step-ups to it with the
        // variants (knee drive at the top, a drop) mixed in, then more on the board.
        b.on_board(4.0);
        knee_drives(b, (reps + 1) / 2);
        holds(b, (reps + 1) / 2);
        b.lean(30, 20, 2).off_board(2.0);
        for (int i = 0; i < reps; ++i) {
            const ActionKind kind = i % 3 == 1 ? ActionKind::step_up_knee
                                  : i % 3 == 2 ? ActionKind::step_up_drop
                                               : ActionKind::step_up;
            b.add(kind, alternate(i / 3 + i)).add(ActionKind::empty);
        }
        b.on_board(3.0);
        knee_drives(b, reps / 2);
        holds(b, reps / 2);
        b.off_board(2.0);
    } else {
        std::string known;
        for (const std::string& n : named_script_names()) known += (known.empty() ? "" : ", ") + n;
        throw std::invalid_argument("unknown script '" + name + "' (built-in scripts: " + known + ")");
    }
    return b.take();
}

}  // namespace highstep::synth
