#pragma once
// The words at the end of a level, on the play screen and the results, kept apart
// from drawing so a test can hold them to the numbers they stand for.
#include <string>

#include "highstep/core/level/level.h"

namespace highstep::app {

// The headline over the play screen when the level ends. Hill Climb says "Summit
// reached!" only when the climber stands on the last ledge: a program finished with
// misses leaves it lower ("Summit reached!" stood over "Ledge 14 / 24").
std::string finish_headline(core::LevelType type, bool completed, bool running_home, int ledge, int ledges);

// The results' badge: "New level record!", "Personal best!", or for a player's first
// score on a level "First score on this level!" (it is a best only once there is
// something to beat); empty when there is no badge.
std::string result_badge(bool personal_best, bool level_record, bool had_previous_best);

// "Reps" for levels counted in reps, "Holds" for the balance levels (the HUD says "Holds").
const char* reps_label(bool holds);

}  // namespace highstep::app
