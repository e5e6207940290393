#include "music_clock.h"

#include <algorithm>
#include <cmath>

namespace highstep::app {

double heard_stream_frame(long long unqueued_frames, double source_offset_s, double latency_s, int rate_hz) {
    return static_cast<double>(unqueued_frames) + (source_offset_s - latency_s) * rate_hz;
}

void StreamClock::update(double heard_frame, double heard_steady_s, double session_s, double steady_s, int rate_hz) {
    // The session time of the stream frame heard now, as an offset of the stream's clock.
    const double heard_now = heard_frame + (steady_s - heard_steady_s) * rate_hz;
    const double offset = session_s - heard_now / rate_hz;
    if (!synced_) estimates_.clear();
    estimates_.emplace_back(steady_s, offset);
    while (!estimates_.empty() && estimates_.front().first < steady_s - kWindow_s) estimates_.pop_front();
    // The source's position moves once per device update while time goes on, so a
    // reading is never ahead of the truth and the freshest ones give the smallest
    // offset: the minimum over the window is the best estimate.
    double best = offset;
    for (const auto& e : estimates_) best = std::min(best, e.second);
    if (!synced_ || std::fabs(best - offset_s_) > kTolerance_s) {
        offset_s_ = best;
        synced_ = true;
    }
}

}  // namespace highstep::app
