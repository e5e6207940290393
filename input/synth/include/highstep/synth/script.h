#pragma once
// Scripts: what the synthetic player does, one action a line.
//
// Text format (a '#' starts a comment; blank lines are ignored; times in seconds):
//   empty S                       nobody on the board for S seconds
//   step-on [left|right]          step onto the board to stand (first foot; default left)
//   stand S                       quiet stance on two feet
//   lean X_MM Y_MM S              move the CoP to (X, Y) mm from the feet's centre, hold S, come back
//   one-leg left|right [S]        single-leg stance on that leg for S seconds, no drive
//   knee-drive left|right [S]     knee drive; the side is the STANCE leg (as in the analysis JSON)
//   step-off [left|right]         step off the board (the last foot to leave; default left)
//   step-up left|right            step-up with that lead leg, controlled lowering
//   step-up-drop left|right       step-up lowered fast (a drop)
//   step-up-knee left|right [S]   step-up finishing on the lead leg with the other knee driven up for S
// Optional key=value settings after the positional ones:
//   peak=BW (1.1–1.3) for knee-drive and step-ups, lowering=S for step-ups,
//   hold=S (same as the trailing S), share=R (right-foot share 0.3–0.7) for step-on/stand.
// Unset values are drawn from realistic ranges with the session's seed.
// Order matters: step-ups start and end with an empty board; stand, lean, one-leg
// and knee-drive need the player on the board. Violations are errors with file:line.
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "highstep/synth/truth.h"

namespace highstep::synth {

// A problem in a script. what() reads "NAME:LINE: message".
class ScriptError : public std::runtime_error {
public:
    ScriptError(const std::string& name, int line, const std::string& message);
    int line() const { return line_; }
private:
    int line_;
};

enum class ActionKind {
    empty, step_on, stand, lean, one_leg, knee_drive, step_off, step_up, step_up_drop, step_up_knee,
};
const char* to_string(ActionKind kind);  // the script keyword, e.g. "step-up-knee"

struct Action {
    ActionKind kind = ActionKind::empty;
    Side side = Side::left;
    std::optional<double> seconds;      // duration (empty, stand, lean, one-leg) or hold (knee drives)
    double x_mm = 0.0, y_mm = 0.0;      // lean target
    std::optional<double> peak_bw;
    std::optional<double> lowering_s;
    std::optional<double> right_share;
    int line = 0;                       // script line, 0 for built-in scripts
};

struct Script {
    std::string name;
    std::vector<Action> actions;
};

// Parses the text format above. Throws ScriptError with name:line.
Script parse_script(std::istream& in, const std::string& name);
Script load_script(const std::filesystem::path& path);

// Built-in scripts. `reps` scales how many reps/holds the exercise scripts contain.
//   baseline    empty, step on, quiet stance, leans in four directions, step off
//   step-ups    step-ups alternating lead leg, controlled lowering
//   knee-drives knee drives alternating stance leg, between quiet stances
//   holds       one-leg holds left and right
//   mixed       all of the above, drops and step-ups with a knee drive at the top
std::vector<std::string> named_script_names();
// Throws std::invalid_argument for an unknown name.
Script named_script(const std::string& name, int reps = 8);

}  // namespace highstep::synth
