#pragma once
// Where the weight is: each foot's share of the load on the board, and the line
// the board check shows under its picture ("on the board: 68.2 kg · left 97 % ·
// right 3 %"), so a player sees which foot carries them, not only which foot the
// check asks for.
#include <string>

#include "highstep/core/signal/signal.h"
#include "hud.h"

namespace highstep::app {

struct WeightShare {
    double left_pct = 0.0;   // 0 … 100; both 0 on an empty board
    double right_pct = 0.0;
};

// A footprint carrying at least this share is drawn lit.
constexpr double kFootLoadedPct = 25.0;

// From where the centre of pressure sits between the feet: at a foot's centre, all
// the weight is on that foot. (The board's left and right sensor pairs cannot say
// it: a foot 100 mm from the centre still loads the other side's sensors by a
// quarter.) `half_stance_mm` is the stance centre to a foot (0: not known yet, the
// signal's default 100 mm is used).
WeightShare weight_share(double total_kg, double cop_x_mm, double stance_centre_x_mm, double half_stance_mm);
inline WeightShare weight_share(const core::SignalFrame& f) {
    return f.cop_valid ? weight_share(f.total_kg, f.cop_x_mm, f.stance_centre_x_mm, f.half_stance_mm) : WeightShare{};
}
std::string weight_share_text(double total_kg, const WeightShare& share);

// The picture's load bars as each foot's load (the total times the foot's share) and
// its footprints lit where a foot carries at least kFootLoadedPct.
void show_foot_loads(BoardPicture& pic, double total_kg, const WeightShare& share);

// The board check's picture: the CoP, the footprints lit where the weight is, and the
// load bars as each foot's load by the same measure as the line under the picture
// (the total times the foot's share). The bars showed the left and right sensor
// pairs: "13 / 5" over "left 98 % · right 2 %" for a player on the left foot.
BoardPicture board_check_picture(const core::SignalFrame& f, double body_weight_kg);

}  // namespace highstep::app
