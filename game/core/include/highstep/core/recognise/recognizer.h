#pragma once
// Online recognition: each sample is seen once, in order; events come out as
// soon as they are certain. The game runs this live; `analyze` runs it over a
// recording. Deterministic: the same samples give the same events. Besides the
// events (reps, holds, settled once over), it streams the movement phases (phases.h).
#include <memory>
#include <vector>

#include "highstep/core/recognise/events.h"
#include "highstep/core/recognise/phases.h"
#include "highstep/core/signal/signal.h"
#include "highstep/input/board_sample.h"

namespace highstep::core {

class Recognizer {
public:
    explicit Recognizer(const SignalSettings& settings = {});
    ~Recognizer();
    Recognizer(Recognizer&&) noexcept;
    Recognizer& operator=(Recognizer&&) noexcept;

    // Feeds one sample (t_s must not go backwards). Appends any events that became
    // certain with this sample to `out` and returns how many were appended.
    std::size_t push(const BoardSample& sample, std::vector<Event>& out);
    // The same, and appends the movement phases this sample made known to `phases`
    // (phases.h: each within two samples of its moment).
    std::size_t push(const BoardSample& sample, std::vector<Event>& out, std::vector<MovementPhase>& phases);
    // Flushes events still open at the end of a recording (e.g. a hold in progress).
    std::size_t finish(std::vector<Event>& out);

    const SignalFrame& frame() const;  // the latest processed sample
    double body_weight_kg() const;     // 0 until known
    // The board's empty readings jumped past the contact level: a "landing" never carried
    // 1 kg (SignalSettings::board_blips, for the next recogniser on the same board).
    bool board_blips() const;
    // Body weight known from a weigh-in (skips estimating it from the signal).
    void set_body_weight_kg(double kg);
    // Zero offsets from an empty board (kg per sensor: tl, tr, bl, br).
    void set_tare(float tl, float tr, float bl, float br);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace highstep::core
