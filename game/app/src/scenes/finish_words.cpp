#include "scenes/finish_words.h"

namespace highstep::app {

std::string finish_headline(core::LevelType type, bool completed, bool running_home, int ledge, int ledges) {
    if (!completed) return "Session over";
    switch (type) {
        case core::LevelType::hill_climb: return ledges > 0 && ledge >= ledges ? "Summit reached!" : "Program complete!";
        case core::LevelType::sprint_start: return running_home ? "Run home!" : "Over the finish line!";
        case core::LevelType::balance_tower: return "Tower complete!";
    }
    return "Program complete!";
}

std::string result_badge(bool personal_best, bool level_record, bool had_previous_best) {
    // A level record needs someone's earlier score (store::FinishOutcome::level_record).
    if (level_record) return "New level record!";
    if (personal_best) return had_previous_best ? "Personal best!" : "First score on this level!";
    return "";
}

const char* reps_label(bool holds) { return holds ? "Holds" : "Reps"; }

}  // namespace highstep::app
