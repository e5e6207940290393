#pragma once
// How the results screen words a race against a challenge's ghost.
#include <string>

#include "highstep/core/session/ghost.h"

namespace highstep::app::race {

struct Words {
    std::string headline;  // "You beat Ada's ghost!", "Ada's ghost won", "Dead heat with Ada's ghost"
    std::string margin;    // "by 1.3 s" (both crossed the line) or "by 12.4 m"
};

Words words(const core::RaceResult& race, const std::string& ghost_name);

}  // namespace highstep::app::race
