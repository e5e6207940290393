// The labelled real sessions (../shared/data/people) changed in ways that keep their
// labels: the recogniser must find the same single-leg stances in them. What is checked
// after us is other sessions of the same study and other people, so what matters is
// that the rules hold for people, not that they fit six files: a board the other way
// round under the same people, a recording that starts with someone already on the
// board, a board whose empty reading is off by other amounts, a slower board.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "highstep/core/recognise/analysis.h"
#include "highstep/input/recording.h"
#include "people_labels.h"
#include "people_weigh_in.h"

using namespace highstep::core;
using Samples = std::vector<highstep::BoardSample>;

namespace {

struct Case {
    people::Session labels;
    Samples samples;
};

enum class Path { analyze, weigh_in };

struct Tally {
    int labelled = 0, found = 0, on_time = 0, invented = 0, weight_off = 0;
    int worse = 0;  // labelled stances on time in the original recording and not in the changed one
    std::string detail;
};

// The starts of the labelled stances not found on time in the unchanged recordings: the
// changed ones must do as well, not better.
using NotOnTime = std::map<std::string, std::vector<double>>;

// One changed recording, scored against its changed labels. `weight_known`: the
// recording shows the empty board, so the body weight can be measured (a recording that
// starts with someone on it and never shows the empty board has only the factory zero).
people::Score run(Path path, const std::string& what, const Case& c, bool weight_known, Tally& t,
                  const NotOnTime* original = nullptr) {
    double bw_kg = 0.0;
    std::vector<Event> events;
    if (path == Path::weigh_in) {
        events = people::with_weigh_in(c.samples, c.labels, bw_kg, false);
    } else {
        Analysis a = analyze(c.samples);
        events = std::move(a.events);
        bw_kg = a.body_weight_kg;
    }
    const people::Score sc = people::score(c.labels, people::single_leg_events(events));
    t.labelled += sc.labelled, t.found += sc.found, t.on_time += sc.on_time, t.invented += sc.invented;
    const bool off = weight_known && std::fabs(bw_kg - c.labels.body_weight_kg) > 2.0;
    t.weight_off += off ? 1 : 0;
    int worse = 0;
    if (original != nullptr) {
        const auto& before = original->at(c.labels.name);
        for (const double start_s : sc.not_on_time_s) {
            if (std::find(before.begin(), before.end(), start_s) == before.end()) ++worse;
        }
    }
    t.worse += worse;
    if (!sc.not_on_time_s.empty() || sc.invented > 0 || off) {
        t.detail.append(what).append(": body weight ").append(std::to_string(bw_kg)).append(" kg\n");
        t.detail.append(sc.detail);
    }
    return sc;
}

void report(const std::string& how, const Tally& t) {
    std::cout << how << ": " << t.found << "/" << t.labelled << " found, " << t.on_time << " within 1 s ("
              << t.worse << " fewer than unchanged), " << t.invented << " invented, " << t.weight_off
              << " body weights off by over 2 kg\n"
              << t.detail;
}

// `allowed_invented`: events the labels do not have that a change is known to add (each
// named where it is allowed).
void expect_as_unchanged(const Tally& t, int allowed_invented = 0) {
    EXPECT_EQ(t.found, t.labelled);
    EXPECT_EQ(t.worse, 0);
    EXPECT_LE(t.invented, allowed_invented);
    EXPECT_EQ(t.weight_off, 0);
}

std::vector<Case> originals() {
    std::vector<Case> out;
    for (auto& s : people::read_labels(people::data_dir() / "labels.json")) {
        auto rec = highstep::read_recording(people::data_dir() / (s.name + ".csv"));
        out.push_back({std::move(s), std::move(rec.samples)});
    }
    return out;
}

NotOnTime not_on_time(Path path, const std::vector<Case>& cases) {
    NotOnTime out;
    Tally ignored;
    for (const auto& c : cases) out[c.labels.name] = run(path, c.labels.name, c, true, ignored).not_on_time_s;
    return out;
}

// The unchanged recordings, and what `analyze` and the game's weigh-in did not find on
// time in them (worked out once per test: each changed recording is compared with it).
struct Unchanged {
    std::vector<Case> cases = originals();
    NotOnTime by_analyze = not_on_time(Path::analyze, cases);
    NotOnTime by_weigh_in = not_on_time(Path::weigh_in, cases);
};

// Each changed case of `change` through `analyze` and the game's weigh-in.
template <class Change>
void check_both_paths(const std::string& how, const Unchanged& u, Change change, int allowed_invented = 0) {
    for (const Path path : {Path::analyze, Path::weigh_in}) {
        Tally t;
        for (const auto& c : u.cases) {
            run(path, c.labels.name, change(c), true, t, path == Path::analyze ? &u.by_analyze : &u.by_weigh_in);
        }
        report(std::string{path == Path::analyze ? "analyze, " : "game, "}.append(how), t);
        expect_as_unchanged(t, allowed_invented);
    }
}

// Each labelled stance on the other leg.
void swap_legs(Case& c) {
    for (auto& l : c.labels.one_leg) l.side = l.side == Side::left ? Side::right : Side::left;
}

// (a) Left and right swapped: each row's left sensors read the right ones'.
Case mirrored(Case c) {
    for (auto& x : c.samples) {
        std::swap(x.tl, x.tr);
        std::swap(x.bl, x.br);
    }
    swap_legs(c);
    return c;
}

// (b) Everything before `from_s` cut away (and everything after `to_s`). A labelled stance already under way at `from_s`, with 2 s or more of it left,
// is a stance from the first sample (the person is on one leg when the data starts); with
// less left it is not scored, and nothing found inside it is made up. One still under way
// at `to_s` is not scored either.
Case cut(const Case& c, double from_s, double to_s) {
    Case out;
    out.labels = c.labels;
    out.labels.one_leg.clear();
    for (const auto& l : c.labels.one_leg) {
        if (l.end_s <= from_s || l.start_s >= to_s) continue;
        if (l.end_s > to_s) {
            // The data ends on one leg: how that stance is judged cannot be scored.
            out.labels.ambiguous.push_back({std::max(from_s, l.start_s - 1.0), to_s});
        } else if (l.start_s >= from_s) {
            out.labels.one_leg.push_back(l);
        } else if (l.end_s - from_s >= people::kLabelledMinS) {
            out.labels.one_leg.push_back({l.side, from_s, l.end_s});
        } else {
            out.labels.ambiguous.push_back({from_s, l.end_s});
        }
    }
    for (const auto& x : c.samples) {
        if (x.t_s >= from_s && x.t_s <= to_s) out.samples.push_back(x);
    }
    return out;
}

bool empty_board_seen(const Case& c, double from_s, double to_s) {
    // The labels' step-ons: an empty board before one of them inside the cut.
    return std::any_of(c.labels.step_on_s.begin(), c.labels.step_on_s.end(),
                       [&](double t) { return t > from_s + 0.5 && t < to_s; });
}

// (c) Another untared zero: a constant added to each sensor over the whole recording.
Case offset(Case c, const std::array<float, 4>& kg) {
    for (auto& x : c.samples) {
        x.tl += kg[0], x.tr += kg[1], x.bl += kg[2], x.br += kg[3];
    }
    return c;
}

// (d) A slower board: the loads read at an even `rate_hz`, interpolated between the
// recording's own samples (rows stamped with the same time averaged first); a gap of
// over 0.1 s in the recording stays a gap.
Case resampled(const Case& c, double rate_hz) {
    Samples distinct;
    int n = 0;
    for (const auto& x : c.samples) {
        if (!distinct.empty() && distinct.back().t_s == x.t_s) {
            auto& d = distinct.back();
            ++n;
            d.tl += (x.tl - d.tl) / static_cast<float>(n), d.tr += (x.tr - d.tr) / static_cast<float>(n);
            d.bl += (x.bl - d.bl) / static_cast<float>(n), d.br += (x.br - d.br) / static_cast<float>(n);
        } else {
            distinct.push_back(x);
            n = 1;
        }
    }
    Case out;
    out.labels = c.labels;
    if (distinct.size() < 2) return out;
    const double t0_s = distinct.front().t_s;
    std::size_t i = 0;
    for (long k = 0;; ++k) {
        const double t_s = t0_s + static_cast<double>(k) / rate_hz;
        while (i + 1 < distinct.size() && distinct[i + 1].t_s < t_s) ++i;
        if (i + 1 >= distinct.size()) break;
        const auto& a = distinct[i];
        const auto& b = distinct[i + 1];
        if (b.t_s - a.t_s > 0.1) continue;
        const auto w = static_cast<float>((t_s - a.t_s) / (b.t_s - a.t_s));
        highstep::BoardSample s;
        s.t_s = t_s;
        s.tl = a.tl + w * (b.tl - a.tl), s.tr = a.tr + w * (b.tr - a.tr);
        s.bl = a.bl + w * (b.bl - a.bl), s.br = a.br + w * (b.br - a.br);
        out.samples.push_back(s);
    }
    return out;
}

}  // namespace

TEST(PeoplePerturbed, MirroredLeftAndRight) {
    SKIP_WITHOUT_PEOPLE_DATA();
    check_both_paths("mirrored", Unchanged{}, [](const Case& c) { return mirrored(c); });
}

TEST(PeoplePerturbed, StartedPartWay) {
    // 3 s before a stance the person is on the board or stepping on; 0.5 s before,
    // mid-movement; 1 and 3 s after its start, on one leg at the first sample.
    // Through `analyze` only: the game weighs in first.
    SKIP_WITHOUT_PEOPLE_DATA();
    const auto cases = originals();
    const NotOnTime before = not_on_time(Path::analyze, cases);
    for (const double before_s : {3.0, 0.5, -1.0, -3.0}) {
        Tally t;
        for (const auto& c : cases) {
            for (const auto& l : c.labels.one_leg) {
                const double from_s = l.start_s - before_s;
                if (l.end_s - from_s < people::kLabelledMinS) continue;  // not a stance of 2 s from there
                // To the recording's end. (Ending it too, 10-60 s after the stance, finds
                // what bench/README.md lists under "Real people": not asserted here.)
                const double to_s = c.samples.back().t_s;
                run(Path::analyze, c.labels.name + " from " + std::to_string(from_s) + " s", cut(c, from_s, to_s),
                    empty_board_seen(c, from_s, to_s), t, &before);
            }
        }
        report(std::string{"started "}
                   .append(std::to_string(std::fabs(before_s)))
                   .append(before_s >= 0.0 ? " s before a stance" : " s into a stance"),
               t);
        expect_as_unchanged(t);
    }
}

TEST(PeoplePerturbed, AnotherUntaredZero) {
    // On top of the study board's own -3.6 to -7.3 kg: -5 and +1.5 kg on alternate sides
    // (both ways round), -20 kg a corner (a board reading 87 kg light).
    SKIP_WITHOUT_PEOPLE_DATA();
    const Unchanged u;
    for (const auto& kg : {std::array<float, 4>{-5.0f, 1.5f, -5.0f, 1.5f}, std::array<float, 4>{1.5f, -5.0f, 1.5f, -5.0f},
                           std::array<float, 4>{-20.0f, -20.0f, -20.0f, -20.0f}}) {
        std::string how{"offset kg"};
        for (const float v : kg) how.append(" ").append(std::to_string(v));
        check_both_paths(how, u, [&](const Case& c) { return offset(c, kg); });
    }
}

TEST(PeoplePerturbed, ASlowerBoard) {
    SKIP_WITHOUT_PEOPLE_DATA();
    const Unchanged u;
    for (const double rate_hz : {50.0, 40.0}) {
        check_both_paths(std::to_string(rate_hz).append(" Hz"), u, [&](const Case& c) { return resampled(c, rate_hz); });
    }
}

namespace {

// Each sensor's empty reading, followed through the recording: the study's board reads
// below zero when empty and its zero moves when something is left on it. A sample whose
// total is within 5 kg of the recording's lowest is the empty board.
std::vector<std::array<float, 4>> empty_zeros(const Samples& samples) {
    float lowest_kg = 1e9f;
    for (const auto& x : samples) lowest_kg = std::min(lowest_kg, x.tl + x.tr + x.bl + x.br);
    std::vector<std::array<float, 4>> out;
    out.reserve(samples.size());
    std::array<float, 4> zero{};
    bool known = false;
    for (const auto& x : samples) {
        if (x.tl + x.tr + x.bl + x.br < lowest_kg + 5.0f) {
            const std::array<float, 4> now{x.tl, x.tr, x.bl, x.br};
            if (!known) zero = now;
            for (std::size_t i = 0; i < 4; ++i) zero[i] += 0.2f * (now[i] - zero[i]);
            known = true;
        }
        out.push_back(zero);
    }
    // Before the first empty sample, the first one's zero.
    const auto first = std::find_if(samples.begin(), samples.end(), [&](const highstep::BoardSample& x) {
        return x.tl + x.tr + x.bl + x.br < lowest_kg + 5.0f;
    });
    const auto k = static_cast<std::size_t>(first - samples.begin());
    for (std::size_t i = 0; i < k && k < out.size(); ++i) out[i] = out[k];
    return out;
}

// (e) Another person: what the board carries above its empty reading, times `factor`
// (the same movements by someone lighter or heavier).
Case scaled(Case c, float factor) {
    const auto zeros = empty_zeros(c.samples);
    for (std::size_t i = 0; i < c.samples.size(); ++i) {
        auto& x = c.samples[i];
        const auto& z = zeros[i];
        x.tl = z[0] + factor * (x.tl - z[0]), x.tr = z[1] + factor * (x.tr - z[1]);
        x.bl = z[2] + factor * (x.bl - z[2]), x.br = z[3] + factor * (x.br - z[3]);
    }
    c.labels.body_weight_kg *= factor;
    return c;
}

// (f) The same person standing elsewhere on the board: the load above the empty reading
// moved `dx_mm` to the right and `dy_mm` to the front (a point load's share of each
// sensor is linear in its place, so the move adds a share of the total to one side).
void move_sample(highstep::BoardSample& x, const std::array<float, 4>& z, double dx_mm, double dy_mm) {
    constexpr double kWidthMm = 433.0, kDepthMm = 238.0;  // between the sensors
    const auto rx = static_cast<float>(dx_mm / kWidthMm), ry = static_cast<float>(dy_mm / kDepthMm);
    float tl = x.tl - z[0], tr = x.tr - z[1], bl = x.bl - z[2], br = x.br - z[3];
    const float total = tl + tr + bl + br;
    const float front = tl + tr, left = tl + bl;
    // Left to right in proportion to front and back, then back to front likewise.
    const float f_share = total != 0.0f ? front / total : 0.5f;
    tl -= rx * total * f_share, tr += rx * total * f_share;
    bl -= rx * total * (1.0f - f_share), br += rx * total * (1.0f - f_share);
    const float l_share = total != 0.0f ? (left - rx * total) / total : 0.5f;
    bl -= ry * total * l_share, tl += ry * total * l_share;
    br -= ry * total * (1.0f - l_share), tr += ry * total * (1.0f - l_share);
    x.tl = z[0] + tl, x.tr = z[1] + tr, x.bl = z[2] + bl, x.br = z[3] + br;
}

Case moved(Case c, double dx_mm, double dy_mm) {
    const auto zeros = empty_zeros(c.samples);
    for (std::size_t i = 0; i < c.samples.size(); ++i) move_sample(c.samples[i], zeros[i], dx_mm, dy_mm);
    return c;
}

// (g) The board turned round under the same person: each sensor reads the opposite
// corner's load, so the person's left is the board's right.
Case turned_round(Case c) {
    for (auto& x : c.samples) {
        std::swap(x.tl, x.br);
        std::swap(x.tr, x.bl);
    }
    swap_legs(c);
    return c;
}

// (h) A noisier board: `sd_kg` of white noise added to each sensor (fixed seed).
Case noisier(Case c, double sd_kg) {
    std::mt19937 rng(7);
    std::normal_distribution<float> noise(0.0f, static_cast<float>(sd_kg));
    for (auto& x : c.samples) {
        x.tl += noise(rng), x.tr += noise(rng), x.bl += noise(rng), x.br += noise(rng);
    }
    return c;
}

}  // namespace

TEST(PeoplePerturbed, LighterAndHeavierPeople) {
    // The study's people weigh 46-80 kg; players weigh 30-150.
    SKIP_WITHOUT_PEOPLE_DATA();
    const Unchanged u;
    for (const float factor : {0.6f, 1.6f}) {
        check_both_paths(std::string{"loads x"}.append(std::to_string(factor)), u,
                         [&](const Case& c) { return scaled(c, factor); });
    }
}

TEST(PeoplePerturbed, StandingElsewhereOnTheBoard) {
    // 40 mm to either side, 30 mm to the front. Standing 40 mm right, a pause of the
    // weight on its way from the first foot was taken for the two-foot rest and 42 s of
    // still two-foot standing read as a hold on the other leg (likewise three times 40 mm
    // left): the sway tells them apart (detect_single_leg.cpp). 40 mm left, Andreia steps
    // straight onto her right leg 125 mm from the middle, and a one-sample sensor misread
    // under her first foot hid it: her stance began 11 s late (stance_classifier.cpp, the
    // lone foot). 40 mm left on a 40 Hz board: JoaoPedro1000's first still second on two
    // feet, while he shifted the weight about after stepping on, put the centre 90 mm
    // right of his quiet stance; 40 s of it read as a left-leg stance, and a restless 5 s
    // after the next step-on as a hold (quiet standing now moves the centre).
    SKIP_WITHOUT_PEOPLE_DATA();
    const Unchanged u;
    struct Move {
        double dx_mm, dy_mm, rate_hz;  // 0: as recorded
    };
    for (const Move m : {Move{40.0, 0.0, 0.0}, Move{-40.0, 0.0, 0.0}, Move{0.0, 30.0, 0.0}, Move{-40.0, 0.0, 40.0}}) {
        std::string how = std::string{"moved "}.append(std::to_string(m.dx_mm)).append(" mm right, ").append(std::to_string(m.dy_mm)).append(" mm front");
        if (m.rate_hz > 0.0) how.append(", at ").append(std::to_string(m.rate_hz)).append(" Hz");
        check_both_paths(how, u, [&](const Case& c) {
            Case out = moved(c, m.dx_mm, m.dy_mm);
            return m.rate_hz > 0.0 ? resampled(out, m.rate_hz) : out;
        });
    }
}

TEST(PeoplePerturbed, ABoardTurnedRound) {
    SKIP_WITHOUT_PEOPLE_DATA();
    check_both_paths("turned round", Unchanged{}, [](const Case& c) { return turned_round(c); });
}

TEST(PeoplePerturbed, ANoisierBoard) {
    SKIP_WITHOUT_PEOPLE_DATA();
    const Unchanged u;
    check_both_paths("noise +0.1 kg a sensor", u, [](const Case& c) { return noisier(c, 0.1); });
}

namespace {

// (i) A board that drops out: no samples for `gap_s` every `every_s` (real boards lose up to
// 0.7 s at a time).
Case with_gaps(Case c, double every_s, double gap_s) {
    Samples out;
    for (const auto& x : c.samples) {
        const double phase = std::fmod(x.t_s, every_s);
        if (phase < gap_s) continue;
        out.push_back(x);
    }
    c.samples = std::move(out);
    return c;
}

// (j) A zero that drifts: one sensor's reading moves by `kg_per_min` all session long.
Case drifting(Case c, double kg_per_min) {
    const double t0 = c.samples.front().t_s;
    for (auto& x : c.samples) x.tl += static_cast<float>(kg_per_min * (x.t_s - t0) / 60.0);
    return c;
}
}  // namespace

TEST(PeoplePerturbed, ABoardThatDropsOut) {
    SKIP_WITHOUT_PEOPLE_DATA();
    const Unchanged u;
    check_both_paths("0.4 s gaps every 7 s", u, [](const Case& c) { return with_gaps(c, 7.0, 0.4); });
    check_both_paths("0.7 s gaps every 13 s", u, [](const Case& c) { return with_gaps(c, 13.0, 0.7); });
}

TEST(PeoplePerturbed, AZeroThatDrifts) {
    // The tare follows the empty board between visits; a visit lasts up to a minute here.
    SKIP_WITHOUT_PEOPLE_DATA();
    const Unchanged u;
    for (const double kg_per_min : {1.0, -1.0}) {
        check_both_paths(std::string{"one sensor drifting "}.append(std::to_string(kg_per_min)).append(" kg/min"), u,
                         [&](const Case& c) { return drifting(c, kg_per_min); });
    }
}


namespace {

// (k) A quicker or slower person: every time (samples and labels) times `factor`.
Case stretched(Case c, double factor) {
    for (auto& x : c.samples) x.t_s *= factor;
    for (auto& l : c.labels.one_leg) l.start_s *= factor, l.end_s *= factor;
    for (auto& a : c.labels.ambiguous) a.from_s *= factor, a.to_s *= factor;
    for (auto& a : c.labels.two_feet) a.from_s *= factor, a.to_s *= factor;
    for (auto& t : c.labels.step_on_s) t *= factor;
    for (auto& t : c.labels.step_off_s) t *= factor;
    return c;
}

// (l) Steadier (k < 1) or less steady (k > 1) on one leg: inside each labelled stance
// (from 1 s after its start to 1 s before its end), what moves faster than the loads' 1 s
// average is scaled by `k`.
Case steadier(Case c, float k) {
    const auto n = c.samples.size();
    std::vector<std::array<double, 4>> sums(n + 1, {0.0, 0.0, 0.0, 0.0});
    for (std::size_t i = 0; i < n; ++i) {
        const auto& x = c.samples[i];
        sums[i + 1] = {sums[i][0] + x.tl, sums[i][1] + x.tr, sums[i][2] + x.bl, sums[i][3] + x.br};
    }
    Samples out = c.samples;
    std::size_t lo = 0, hi = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double t_s = c.samples[i].t_s;
        while (c.samples[lo].t_s < t_s - 0.5) ++lo;
        while (hi < n && c.samples[hi].t_s <= t_s + 0.5) ++hi;
        const bool inside = std::any_of(c.labels.one_leg.begin(), c.labels.one_leg.end(), [&](const people::Stance& l) {
            return t_s > l.start_s + 1.0 && t_s < l.end_s - 1.0;
        });
        if (!inside) continue;
        const auto m = static_cast<double>(hi - lo);
        const auto mean = [&](std::size_t j) { return static_cast<float>((sums[hi][j] - sums[lo][j]) / m); };
        const auto& x = c.samples[i];
        auto& o = out[i];
        o.tl = mean(0) + k * (x.tl - mean(0)), o.tr = mean(1) + k * (x.tr - mean(1));
        o.bl = mean(2) + k * (x.bl - mean(2)), o.br = mean(3) + k * (x.br - mean(3));
    }
    c.samples = std::move(out);
    return c;
}

}  // namespace

TEST(PeoplePerturbed, AQuickerPerson) {
    // The same movements a fifth and three tenths quicker. A fifth quicker, Diana's
    // touch-down at 462.3 s (0.26 s under 0.8 BW) took 0.21 s and read as none: her
    // stance ran on 1.9 s (stance_classifier.cpp, support elsewhere). Slower: ASlowerPerson.
    SKIP_WITHOUT_PEOPLE_DATA();
    const Unchanged u;
    for (const double factor : {0.8, 0.7}) {
        check_both_paths(std::string{"times x"}.append(std::to_string(factor)), u,
                         [&](const Case& c) { return stretched(c, factor); });
    }
}

TEST(PeoplePerturbed, ASlowerPerson) {
    // The same movements 1.15 times slower. x 1.25 (measured, not asserted) makes two
    // 2.0-2.1 s stances the labels (2 s or more) do not have: Diana's 1.6 s on one leg
    // between her last touch-down and her step-off (a knee drive), and JoaoPedro1000's
    // 1.2 s hold 2 s after stepping on (83 % on that foot). Three until stepping on stopped
    // being a knee drive (detect_single_leg.cpp): Joao's first foot at 137.2 s too.
    SKIP_WITHOUT_PEOPLE_DATA();
    check_both_paths("times x1.15", Unchanged{}, [](const Case& c) { return stretched(c, 1.15); });
}

TEST(PeoplePerturbed, ASteadierPersonOnOneLeg) {
    // The study's people sway 3.0-11.6 mm (sd) side to side on one leg; on two feet
    // 0.4-2.2 mm, and a long still stance on a foot never seen alone is two feet
    // (detect_single_leg.cpp). A steadier person (0.4 x the sway) keeps every stance,
    // Andreia's three too, on a foot never seen alone (she steps straight onto it, 180 mm
    // out: beyond where two feet can put the CoP). (0.25 x: the same, measured.)
    SKIP_WITHOUT_PEOPLE_DATA();
    check_both_paths("one-leg sway x0.4", Unchanged{}, [](const Case& c) { return steadier(c, 0.4f); });
}

TEST(PeoplePerturbed, ALessSteadyPersonOnOneLeg) {
    // Half as much again of the sway and wobble inside each labelled stance, side to side
    // and up and down (the study's eyes-closed stances already sway up to 11.6 mm): every
    // stance on time, none made up. (x 2, measured and not asserted: two boundaries over
    // 1 s. Catia's dip at 366.5 s, 0.83 BW for 0.2 s and not made up by a rise after it,
    // support elsewhere the labels did not mark, then goes under the 0.8 BW of a
    // touch-down; Diana's bouncing at the start of her 369.8 s stance, 0.8-1.2 BW, goes to
    // 0.63-1.4 BW, and dips that deep read as touch-downs until 371.3 s.)
    SKIP_WITHOUT_PEOPLE_DATA();
    check_both_paths("one-leg sway x1.5", Unchanged{}, [](const Case& c) { return steadier(c, 1.5f); });
}


namespace {

// (m) Feet nearer together: the load above the empty reading moved toward the board's
// middle, side to side, so that the CoP's distance from it is `k` times what it was (the
// front/back split of each side kept).
void narrow_sample(highstep::BoardSample& x, const std::array<float, 4>& z, float k) {
    const float tl = x.tl - z[0], tr = x.tr - z[1], bl = x.bl - z[2], br = x.br - z[3];
    const float total = tl + tr + bl + br, left = tl + bl, right = tr + br;
    const float left_kg = (total - k * (right - left)) / 2.0f, right_kg = (total + k * (right - left)) / 2.0f;
    const float left_front = std::fabs(left) > 0.5f ? tl / left : 0.5f;
    const float right_front = std::fabs(right) > 0.5f ? tr / right : 0.5f;
    x.tl = z[0] + left_kg * left_front, x.bl = z[2] + left_kg * (1.0f - left_front);
    x.tr = z[1] + right_kg * right_front, x.br = z[3] + right_kg * (1.0f - right_front);
}

Case narrower(Case c, float k) {
    const auto zeros = empty_zeros(c.samples);
    for (std::size_t i = 0; i < c.samples.size(); ++i) narrow_sample(c.samples[i], zeros[i], k);
    return c;
}

// (n) The feet placed anew at each visit: from the first empty board after each labelled
// step-off (a foot left resting keeps its place until it leaves too), the next
// placement's feet `apart` times as far apart and `dx_mm` to the right.
struct Placement {
    double dx_mm;
    float apart;
};

Case placed_anew(Case c, const std::vector<Placement>& by_visit) {
    const auto zeros = empty_zeros(c.samples);
    std::size_t visit = 0, stepped_off = 0;
    for (std::size_t i = 0; i < c.samples.size(); ++i) {
        auto& x = c.samples[i];
        const auto& z = zeros[i];
        while (stepped_off < c.labels.step_off_s.size() && c.labels.step_off_s[stepped_off] < x.t_s) ++stepped_off;
        const float load_kg = (x.tl - z[0]) + (x.tr - z[1]) + (x.bl - z[2]) + (x.br - z[3]);
        if (visit < stepped_off && load_kg < 2.0f) visit = stepped_off;
        const Placement& p = by_visit[std::min(visit, by_visit.size() - 1)];
        narrow_sample(x, z, p.apart);
        move_sample(x, z, p.dx_mm, 0.0);
    }
    return c;
}

}  // namespace

TEST(PeoplePerturbed, FeetNearerTogether) {
    // The study's people stand on one leg 170-200 mm from the board's middle; a player on
    // the board's foot marks stands nearer. x 0.85 and x 0.7 (one leg at 120-140 mm) find
    // every stance on time. One more event either way, not asserted as made up:
    // JoaoPedro1000 at 165.1 s, 2 s after stepping on, has 83 % of his weight on the right
    // foot for seconds, the CoP 72 mm inside that foot (labelled two feet, and ended by the
    // 60 mm rule, stance_classifier.cpp), and nearer together 1.3 s of it with 90 % on that
    // foot come within the 50 mm that enters one leg: a hold of 2.4-2.6 s. (x 0.6,
    // measured: Diana's pause at 68 mm on her way from the first foot is taken for the
    // two-foot rest, and a 2.3 s left hold is made up.)
    SKIP_WITHOUT_PEOPLE_DATA();
    const Unchanged u;
    for (const float k : {0.85f, 0.7f}) {
        check_both_paths(std::string{"side to side x"}.append(std::to_string(k)), u,
                         [&](const Case& c) { return narrower(c, k); }, 1);
    }
}

namespace {

// Several changes at once (SeveralChangesAtOnce, DISABLED_WiderDraws), applied in one order.
struct Mix {
    bool swap_sides = false;
    float loads = 1.0f;  // what the board carries above its empty reading, times this
    float apart = 1.0f;  // the feet this many times as far apart
    double dx_mm = 0.0, dy_mm = 0.0;
    std::array<float, 4> kg{};  // added to each corner
    double drift_kg_per_min = 0.0;
    double sd_kg = 0.0;
    double pace = 1.0;     // every time times this
    double rate_hz = 0.0;  // 0: as recorded
    bool gaps = false;     // 0.5 s every 11 s

    Case apply(const Case& c) const {
        Case out = swap_sides ? mirrored(c) : c;
        out = offset(moved(narrower(scaled(out, loads), apart), dx_mm, dy_mm), kg);
        if (drift_kg_per_min != 0.0) out = drifting(out, drift_kg_per_min);
        if (sd_kg > 0.0) out = noisier(out, sd_kg);
        out = stretched(out, pace);
        if (rate_hz > 0.0) out = resampled(out, rate_hz);
        return gaps ? with_gaps(out, 11.0, 0.5) : out;
    }

    std::string describe() const {
        return std::string{swap_sides ? "swapped," : "as recorded,"}
            .append(" loads x").append(std::to_string(loads)).append(", feet x").append(std::to_string(apart))
            .append(", ").append(std::to_string(dx_mm)).append(" mm right, ").append(std::to_string(dy_mm))
            .append(" mm front, +").append(std::to_string(sd_kg)).append(" kg noise, ").append(std::to_string(rate_hz))
            .append(" Hz, times x").append(std::to_string(pace)).append(gaps ? ", 0.5 s gaps" : "")
            .append(drift_kg_per_min != 0.0 ? ", drifting zero" : "");
    }
};

double uniform(std::mt19937& rng, double lo, double hi) {
    return lo + (hi - lo) * (static_cast<double>(rng()) / 4294967296.0);
}

// 100, 50 or 40 Hz (0: as recorded), drawn evenly.
double draw_rate_hz(std::mt19937& rng) {
    return std::array<double, 3>{0.0, 50.0, 40.0}[static_cast<std::size_t>(uniform(rng, 0.0, 2.999))];
}

}  // namespace

TEST(PeoplePerturbed, SeveralChangesAtOnce) {
    // Other people differ from these five in several ways at once. Twelve draws (fixed
    // seed) of: sides swapped or not, loads x 0.75-1.3, feet x 0.85-1.0 as far apart,
    // standing up to 25 mm to either side, up to 0.06 kg more noise a sensor, 100 / 50 /
    // 40 Hz, the movements x 0.85-1.1 of the time, and -5..+2 kg a corner. One made-up
    // hold is allowed, as in FeetNearerTogether: JoaoPedro1000's 83 % on one foot at
    // 165.1 s reads as one once the feet are nearer together (4 of the 12 draws; 8 before
    // the CoP 60 mm, not 65, inside the stance foot ended one leg).
    // Before a first foot resting lightly was watched until a person's load came
    // (RealPeopleShapes.AFootRestingLightlyBeforeTheWeightComesIsSeenAlone), draw 9 also
    // made up a 2.7 s hold for Joao, his weight shifted about after stepping on.
    SKIP_WITHOUT_PEOPLE_DATA();
    const Unchanged u;
    std::mt19937 rng(2026);
    for (int k = 0; k < 12; ++k) {
        Mix m;
        m.swap_sides = uniform(rng, 0.0, 1.0) < 0.5;
        m.loads = static_cast<float>(uniform(rng, 0.75, 1.3));
        m.dx_mm = uniform(rng, -25.0, 25.0);
        m.sd_kg = uniform(rng, 0.0, 0.06);
        m.rate_hz = draw_rate_hz(rng);
        m.pace = uniform(rng, 0.85, 1.1);
        for (float& v : m.kg) v = static_cast<float>(uniform(rng, -5.0, 2.0));
        m.apart = static_cast<float>(uniform(rng, 0.85, 1.0));
        check_both_paths(std::string{"mix "}.append(std::to_string(k)).append(": ").append(m.describe()), u,
                         [&](const Case& c) { return m.apply(c); }, 1);
    }
}

// One draw of changes through both paths: whether it gives the unchanged findings both
// ways (printing what it gives where not).
template <class Change>
bool as_unchanged_both_ways(const std::string& how, const Unchanged& u, Change change) {
    bool ok = true;
    for (const Path path : {Path::analyze, Path::weigh_in}) {
        Tally t;
        for (const auto& c : u.cases) {
            run(path, c.labels.name, change(c), true, t, path == Path::analyze ? &u.by_analyze : &u.by_weigh_in);
        }
        if (t.found == t.labelled && t.worse == 0 && t.invented == 0 && t.weight_off == 0) continue;
        ok = false;
        report(std::string{path == Path::analyze ? "analyze, " : "game, "}.append(how), t);
    }
    return ok;
}

// Not run by the suite: a measurement (bench/README.md, "Wider draws"). Draws many
// changes at once over wider ranges than SeveralChangesAtOnce, gaps in the data and a
// drifting zero among them, and prints what each draw finds that the unchanged files do
// not, with a tally. HIGHSTEP_DRAWS (80) and HIGHSTEP_DRAW_SEED (1000) choose the draws.
// build/tests/core/test_core --gtest_also_run_disabled_tests --gtest_filter='*WiderDraws'
TEST(PeoplePerturbed, DISABLED_WiderDraws) {
    SKIP_WITHOUT_PEOPLE_DATA();
    const Unchanged u;
    const char* draws_env = std::getenv("HIGHSTEP_DRAWS");
    const char* seed_env = std::getenv("HIGHSTEP_DRAW_SEED");
    const int draws = draws_env != nullptr ? std::atoi(draws_env) : 80;
    const unsigned seed0 = seed_env != nullptr ? static_cast<unsigned>(std::atoi(seed_env)) : 1000u;
    std::map<std::string, int> failed;  // by what the draw had
    int clean = 0;
    for (int k = 0; k < draws; ++k) {
        std::mt19937 rng(seed0 + static_cast<unsigned>(k));
        Mix m;
        m.swap_sides = uniform(rng, 0.0, 1.0) < 0.5;
        m.loads = static_cast<float>(uniform(rng, 0.6, 1.6));
        m.dx_mm = uniform(rng, -40.0, 40.0);
        m.dy_mm = uniform(rng, -25.0, 25.0);
        m.sd_kg = uniform(rng, 0.0, 0.1);
        m.pace = uniform(rng, 0.8, 1.15);
        m.apart = static_cast<float>(uniform(rng, 0.0, 1.0) < 0.5 ? 1.0 : uniform(rng, 0.85, 1.0));
        m.rate_hz = draw_rate_hz(rng);
        m.gaps = uniform(rng, 0.0, 1.0) < 0.3;
        m.drift_kg_per_min = uniform(rng, 0.0, 1.0) < 0.3 ? uniform(rng, -1.0, 1.0) : 0.0;
        for (float& v : m.kg) v = static_cast<float>(uniform(rng, -6.0, 2.0));
        const std::string how = std::string{"draw "}.append(std::to_string(seed0 + static_cast<unsigned>(k))).append(": ").append(m.describe());
        const bool ok = as_unchanged_both_ways(how, u, [&](const Case& c) { return m.apply(c); });
        if (ok) {
            ++clean;
        } else {
            ++failed[std::string{m.gaps ? "with gaps" : "no gaps"}.append(m.apart < 1.0f ? ", feet nearer" : "").append(m.pace > 1.05 ? ", slower" : "")];
        }
    }
    std::cout << clean << " of " << draws << " draws give the unchanged findings both ways; the others, by what they had:\n";
    for (const auto& [what, n] : failed) std::cout << "  " << what << ": " << n << "\n";
}

namespace {

// Each visit's feet: up to `dx_max_mm` to either side and `apart_min`-1.0 times as far apart
// (twelve visits, more than any session has), and how they were drawn.
std::vector<Placement> draw_placements(std::mt19937& rng, double dx_max_mm, double apart_min, std::string& how) {
    std::vector<Placement> by_visit;
    for (int v = 0; v < 12; ++v) {
        by_visit.push_back({uniform(rng, -dx_max_mm, dx_max_mm), static_cast<float>(uniform(rng, apart_min, 1.0))});
        how.append(" ").append(std::to_string(std::lround(by_visit.back().dx_mm))).append(" mm");
        if (apart_min < 1.0) how.append(" x").append(std::to_string(by_visit.back().apart).substr(0, 4));
    }
    return by_visit;
}

}  // namespace

TEST(PeoplePerturbed, FeetPutDownAnewOnEachVisit) {
    // Each time a person steps on, the feet land somewhere else: here both feet up to
    // 20 mm either way from where they stood, drawn anew for each visit (six fixed draws;
    // these passed before each visit's centre was told by its own still seconds on two
    // feet, stance_classifier.cpp new_visit, and guard it). A foot left resting on the
    // board keeps its place until it leaves too. Up to 30 mm (DISABLED_FeetPutDownAnewDraws,
    // measured): 22 of 40 draws gave the unchanged findings before, 34 now; hand-built:
    // RealPeopleShapes.FeetPutDownElsewhereOnTheNextVisitAreFollowed.
    SKIP_WITHOUT_PEOPLE_DATA();
    const Unchanged u;
    std::mt19937 rng(2028);
    for (int k = 0; k < 6; ++k) {
        std::string how = std::string{"visits, draw "}.append(std::to_string(k)).append(":");
        const auto by_visit = draw_placements(rng, 20.0, 1.0, how);
        check_both_paths(how, u, [&](const Case& c) { return placed_anew(c, by_visit); });
    }
}

// Not run by the suite: a measurement (bench/README.md, "Feet put down anew"). Each
// visit's feet drawn anew, HIGHSTEP_DRAWS (40) draws from HIGHSTEP_DRAW_SEED (8000): up
// to HIGHSTEP_VISIT_DX_MM (30) to either side and HIGHSTEP_VISIT_APART_MIN (1.0) to 1.0
// times as far apart. With HIGHSTEP_DUMP_DIR, each changed recording of the last draw
// is written there (NAME.csv) to be traced.
TEST(PeoplePerturbed, DISABLED_FeetPutDownAnewDraws) {
    SKIP_WITHOUT_PEOPLE_DATA();
    const Unchanged u;
    const auto env = [](const char* name, double otherwise) {
        const char* v = std::getenv(name);
        return v != nullptr ? std::atof(v) : otherwise;
    };
    const int draws = static_cast<int>(env("HIGHSTEP_DRAWS", 40));
    const auto seed0 = static_cast<unsigned>(env("HIGHSTEP_DRAW_SEED", 8000));
    const double dx_max_mm = env("HIGHSTEP_VISIT_DX_MM", 30.0), apart_min = env("HIGHSTEP_VISIT_APART_MIN", 1.0);
    const char* dump_dir = std::getenv("HIGHSTEP_DUMP_DIR");
    int clean = 0;
    for (int k = 0; k < draws; ++k) {
        std::mt19937 rng(seed0 + static_cast<unsigned>(k));
        std::string how = std::string{"visits "}.append(std::to_string(seed0 + static_cast<unsigned>(k))).append(":");
        const auto by_visit = draw_placements(rng, dx_max_mm, apart_min, how);
        if (dump_dir != nullptr && k + 1 == draws) {
            for (const auto& c : u.cases) {
                highstep::Recording r;
                r.samples = placed_anew(c, by_visit).samples;
                highstep::write_recording(std::filesystem::path{dump_dir} / (c.labels.name + ".csv"), r);
            }
        }
        clean += as_unchanged_both_ways(how, u, [&](const Case& c) { return placed_anew(c, by_visit); }) ? 1 : 0;
    }
    std::cout << clean << " of " << draws << " draws give the unchanged findings both ways\n";
}
