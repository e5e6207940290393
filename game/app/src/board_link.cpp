#include "board_link.h"

#include <array>
#include <cmath>
#include <utility>

#include "highstep/synth/simulated_board.h"

namespace highstep::app {

namespace {
constexpr std::size_t kRecent = 64;          // ~0.6 s at 100 Hz
constexpr std::size_t kMaxPerFrame = 4096;   // a stalled frame still ends
constexpr double kForeignClock_s = 1.0;      // stamps this far from the wall clock are a recording's own
}  // namespace

BoardLink::BoardLink(std::unique_ptr<SampleSource> source, synth::SimulatedBoard* sim)
    : source_(std::move(source)), sim_(sim) {
    recent_.reserve(kRecent);
}

BoardLink::~BoardLink() = default;

void BoardLink::poll(double wall_s, double game_minus_wall_s, std::vector<Action>& nav_out) {
    samples_.clear();
    events_.clear();
    if (sim_) sim_->advance_to(wall_s);
    for (std::size_t i = 0; i < kMaxPerFrame; ++i) {
        std::optional<BoardSample> s = source_->poll();
        if (!s) break;
        // A replayed recording stamps samples on its own clock (starting near 0):
        // map it onto the wall clock once, at its first sample.
        if (!have_offset_) {
            have_offset_ = true;
            if (std::abs(s->t_s - wall_s) > kForeignClock_s) source_to_wall_s_ = wall_s - s->t_s;
        }
        BoardSample g = *s;
        g.t_s = s->t_s + source_to_wall_s_ + game_minus_wall_s;
        // Time never goes backwards on the game clock (a dropped stall moves the
        // mapping back; the first samples after it are held at the last time).
        if (g.t_s < last_t_s_) g.t_s = last_t_s_;
        last_t_s_ = g.t_s;
        samples_.push_back(g);
        scratch_events_.clear();
        recognizer_.push(g, scratch_events_);
        events_.insert(events_.end(), scratch_events_.begin(), scratch_events_.end());
        nav_.push(recognizer_.frame(), nav_out);
        if (recent_.size() < kRecent) {
            recent_.push_back(*s);
        } else {
            recent_[recent_next_] = *s;
            recent_next_ = (recent_next_ + 1) % kRecent;
        }
        ++total_samples_;
    }
}

const core::SignalFrame& BoardLink::frame() const { return recognizer_.frame(); }

void BoardLink::set_tare(float tl, float tr, float bl, float br) {
    tare_kg_ = std::array<float, 4>{tl, tr, bl, br};
    recognizer_.set_tare(tl, tr, bl, br);
}

void BoardLink::set_body_weight_kg(double kg) {
    body_weight_kg_ = kg;
    recognizer_.set_body_weight_kg(kg);
}

void BoardLink::set_rotated_180(bool rotated) {
    if (rotated == rotated_) return;
    rotated_ = rotated;
    core::SignalSettings settings;
    settings.rotated_180 = rotated;
    recognizer_ = core::Recognizer(settings);
    // Turning the board round swaps diagonal sensors; a tare taken in the other
    // frame is swapped the same way (the swap is its own inverse).
    if (tare_kg_) {
        std::swap((*tare_kg_)[0], (*tare_kg_)[3]);
        std::swap((*tare_kg_)[1], (*tare_kg_)[2]);
        recognizer_.set_tare((*tare_kg_)[0], (*tare_kg_)[1], (*tare_kg_)[2], (*tare_kg_)[3]);
    }
    if (body_weight_kg_ > 0.0) recognizer_.set_body_weight_kg(body_weight_kg_);
    nav_.reset();
}

std::array<float, 4> BoardLink::recent_raw_mean(std::size_t n) const {
    std::array<float, 4> sum{};
    if (recent_.empty()) return sum;
    n = std::min(n, recent_.size());
    // Walk back from the newest sample in the ring.
    const std::size_t newest = recent_.size() < kRecent ? recent_.size() - 1 : (recent_next_ + kRecent - 1) % kRecent;
    for (std::size_t k = 0; k < n; ++k) {
        const BoardSample& s = recent_[(newest + kRecent - k) % kRecent];
        sum[0] += s.tl;
        sum[1] += s.tr;
        sum[2] += s.bl;
        sum[3] += s.br;
    }
    for (float& v : sum) v /= static_cast<float>(n);
    if (rotated_) {
        std::swap(sum[0], sum[3]);
        std::swap(sum[1], sum[2]);
    }
    return sum;
}

}  // namespace highstep::app
