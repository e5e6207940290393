#pragma once
// FluidSynth's warnings and chatter (e.g. about a SoundFont's unusual presets) would
// land in the middle of the program's own output: the music and the effects
// renderers both silence them once.
#include <fluidsynth.h>

namespace highstep::app {

inline void quiet_fluid_logs() {
    static const bool once = [] {
        fluid_set_log_function(FLUID_WARN, nullptr, nullptr);
        fluid_set_log_function(FLUID_INFO, nullptr, nullptr);
        fluid_set_log_function(FLUID_DBG, nullptr, nullptr);
        return true;
    }();
    (void)once;
}

}  // namespace highstep::app
