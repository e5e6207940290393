#include "highstep/app/sounds.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>

namespace highstep::app {

namespace {

constexpr double kTau = 2.0 * std::numbers::pi;

// One note: a sine with a few harmonics, a 3 ms attack (no click from a hard edge)
// and an exponential decay.
void add_tone(std::vector<float>& out, int rate, double start_s, double length_s, double freq_hz, double gain,
              double decay_s, double harmonic2 = 0.0, double harmonic3 = 0.0) {
    const auto first = static_cast<std::size_t>(start_s * rate);
    const auto n = static_cast<std::size_t>(length_s * rate);
    if (out.size() < first + n) out.resize(first + n, 0.0f);
    const double attack_s = 0.003;
    for (std::size_t i = 0; i < n; ++i) {
        const double t = static_cast<double>(i) / rate;
        const double env = std::min(1.0, t / attack_s) * std::exp(-t / decay_s) *
                           std::min(1.0, (length_s - t) / 0.004);  // fade the tail to zero
        const double ph = kTau * freq_hz * t;
        const double v = std::sin(ph) + harmonic2 * std::sin(2 * ph) + harmonic3 * std::sin(3 * ph);
        out[first + i] += static_cast<float>(gain * env * v);
    }
}

// A short noise burst (the "tick" transient of a woodblock), deterministic.
void add_noise(std::vector<float>& out, int rate, double start_s, double length_s, double gain, double decay_s) {
    const auto first = static_cast<std::size_t>(start_s * rate);
    const auto n = static_cast<std::size_t>(length_s * rate);
    if (out.size() < first + n) out.resize(first + n, 0.0f);
    std::uint32_t state = 0x12345678u;
    for (std::size_t i = 0; i < n; ++i) {
        state = state * 1664525u + 1013904223u;
        const double r = static_cast<double>(state >> 8) / static_cast<double>(1u << 24) * 2.0 - 1.0;
        const double t = static_cast<double>(i) / rate;
        out[first + i] += static_cast<float>(gain * r * std::exp(-t / decay_s));
    }
}

void normalise(std::vector<float>& pcm, float peak) {
    float m = 0.0f;
    for (float v : pcm) m = std::max(m, std::abs(v));
    if (m > 0.0f) {
        for (float& v : pcm) v *= peak / m;
    }
}

}  // namespace

const char* to_string(Sound sound) {
    switch (sound) {
        case Sound::click: return "click";
        case Sound::click_accent: return "click_accent";
        case Sound::cue_lead: return "cue_lead";
        case Sound::perfect: return "perfect";
        case Sound::good: return "good";
        case Sound::ok: return "ok";
        case Sound::miss: return "miss";
        case Sound::set_complete: return "set_complete";
        case Sound::rest_over: return "rest_over";
        case Sound::level_complete: return "level_complete";
        case Sound::level_failed: return "level_failed";
        case Sound::menu_move: return "menu_move";
        case Sound::menu_confirm: return "menu_confirm";
        case Sound::board_lost: return "board_lost";
    }
    return "?";
}

std::vector<float> synthesize(Sound sound, int rate) {
    std::vector<float> pcm;
    switch (sound) {
        case Sound::click:  // woodblock: high tone + noise tick, very short
            add_tone(pcm, rate, 0.0, kClickLength_s, 1600.0, 0.8, 0.010, 0.3);
            add_noise(pcm, rate, 0.0, 0.006, 0.3, 0.002);
            normalise(pcm, 0.7f);
            break;
        case Sound::click_accent:
            add_tone(pcm, rate, 0.0, kClickLength_s, 2400.0, 0.9, 0.012, 0.3);
            add_noise(pcm, rate, 0.0, 0.006, 0.35, 0.002);
            normalise(pcm, 0.9f);
            break;
        case Sound::cue_lead:  // rising two-note call, clearly placed in space
            add_tone(pcm, rate, 0.0, 0.12, 660.0, 0.6, 0.08, 0.4, 0.2);
            add_tone(pcm, rate, 0.10, 0.18, 990.0, 0.6, 0.10, 0.4, 0.2);
            normalise(pcm, 0.8f);
            break;
        case Sound::perfect:  // bright major arpeggio
            add_tone(pcm, rate, 0.00, 0.12, 1046.5, 0.5, 0.08, 0.2);
            add_tone(pcm, rate, 0.06, 0.12, 1318.5, 0.5, 0.08, 0.2);
            add_tone(pcm, rate, 0.12, 0.25, 1568.0, 0.5, 0.12, 0.2);
            normalise(pcm, 0.7f);
            break;
        case Sound::good:
            add_tone(pcm, rate, 0.00, 0.12, 880.0, 0.5, 0.08, 0.2);
            add_tone(pcm, rate, 0.07, 0.20, 1174.7, 0.5, 0.10, 0.2);
            normalise(pcm, 0.6f);
            break;
        case Sound::ok:
            add_tone(pcm, rate, 0.0, 0.18, 740.0, 0.5, 0.08, 0.3);
            normalise(pcm, 0.5f);
            break;
        case Sound::miss:  // low, dull, falling
            add_tone(pcm, rate, 0.0, 0.12, 220.0, 0.6, 0.08, 0.6, 0.4);
            add_tone(pcm, rate, 0.08, 0.20, 165.0, 0.6, 0.10, 0.6, 0.4);
            normalise(pcm, 0.6f);
            break;
        case Sound::set_complete:
            add_tone(pcm, rate, 0.00, 0.15, 784.0, 0.5, 0.10, 0.2);
            add_tone(pcm, rate, 0.12, 0.15, 988.0, 0.5, 0.10, 0.2);
            add_tone(pcm, rate, 0.24, 0.40, 1175.0, 0.5, 0.20, 0.2);
            normalise(pcm, 0.7f);
            break;
        case Sound::rest_over:  // a bell: inharmonic partials, long decay
            add_tone(pcm, rate, 0.0, 0.8, 880.0, 0.6, 0.30, 0.0, 0.0);
            add_tone(pcm, rate, 0.0, 0.8, 880.0 * 2.76, 0.25, 0.15);
            add_tone(pcm, rate, 0.0, 0.8, 880.0 * 5.40, 0.12, 0.08);
            normalise(pcm, 0.7f);
            break;
        case Sound::level_complete: {  // fanfare: C E G C'
            const double notes[] = {523.3, 659.3, 784.0, 1046.5};
            for (int i = 0; i < 4; ++i) {
                add_tone(pcm, rate, 0.13 * i, i == 3 ? 0.7 : 0.16, notes[i], 0.5, i == 3 ? 0.3 : 0.1, 0.3, 0.1);
            }
            normalise(pcm, 0.8f);
            break;
        }
        case Sound::level_failed: {
            const double notes[] = {392.0, 349.2, 311.1};
            for (int i = 0; i < 3; ++i) add_tone(pcm, rate, 0.18 * i, 0.3, notes[i], 0.5, 0.15, 0.4, 0.2);
            normalise(pcm, 0.6f);
            break;
        }
        case Sound::menu_move:
            add_tone(pcm, rate, 0.0, 0.04, 1200.0, 0.4, 0.015);
            normalise(pcm, 0.35f);
            break;
        case Sound::menu_confirm:
            add_tone(pcm, rate, 0.00, 0.06, 900.0, 0.4, 0.03);
            add_tone(pcm, rate, 0.05, 0.10, 1350.0, 0.4, 0.04);
            normalise(pcm, 0.5f);
            break;
        case Sound::board_lost:
            add_tone(pcm, rate, 0.00, 0.20, 600.0, 0.5, 0.12, 0.3);
            add_tone(pcm, rate, 0.22, 0.30, 400.0, 0.5, 0.15, 0.3);
            normalise(pcm, 0.6f);
            break;
    }
    return pcm;
}

}  // namespace highstep::app
