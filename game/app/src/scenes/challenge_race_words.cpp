#include "scenes/challenge_race_words.h"

#include <cstdio>

namespace highstep::app::race {

Words words(const core::RaceResult& race, const std::string& ghost_name) {
    Words w;
    const std::string ghost = ghost_name + "'s ghost";
    if (race.tie) {
        w.headline = "Dead heat with " + ghost;
        w.margin = race.by_time ? "the same time at the line" : "side by side at the end";
        return w;
    }
    w.headline = race.player_won ? "You beat " + ghost + "!" : ghost + " won";
    char buf[48];
    if (race.by_time) {
        std::snprintf(buf, sizeof buf, "by %.2f s", race.margin_s);
    } else {
        std::snprintf(buf, sizeof buf, "by %.1f m", race.margin_m);
    }
    w.margin = buf;
    return w;
}

}  // namespace highstep::app::race
