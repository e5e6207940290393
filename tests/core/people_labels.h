#pragma once
// The labelled real sessions of ../shared/data/people (labels.json beside the
// recordings, made by eye; see its README): reading the labels, and scoring what the
// recogniser found against them. Read in place, never copied into the project.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "highstep/core/recognise/events.h"

namespace people {

inline std::filesystem::path data_dir() { return std::filesystem::path(HIGHSTEP_PEOPLE_DATA_DIR); }

#define SKIP_WITHOUT_PEOPLE_DATA()                                                                          \
    if (!std::filesystem::is_regular_file(people::data_dir() / "labels.json")) {                             \
        GTEST_SKIP() << "labelled sessions not found at " << people::data_dir() << " (../shared/data/people)"; \
    }

constexpr double kLabelledMinS = 2.0;  // the labels list every single-leg stance this long or longer

struct Stance {
    highstep::core::Side side = highstep::core::Side::left;  // stance leg
    double start_s = 0.0, end_s = 0.0;
};

struct Span {
    double from_s = 0.0, to_s = 0.0;
};

struct Session {
    std::string name;
    double body_weight_kg = 0.0;
    std::vector<double> step_on_s;
    std::vector<double> step_off_s;
    std::vector<Stance> one_leg;    // every single-leg stance of 2 s or more
    std::vector<Span> two_feet;     // quiet two-foot standing
    std::vector<Span> ambiguous;    // too ambiguous to score
};

inline std::vector<Session> read_labels(const std::filesystem::path& file) {
    std::ifstream in(file);
    const nlohmann::json j = nlohmann::json::parse(in);
    std::vector<Session> out;
    for (const auto& [name, s] : j.at("sessions").items()) {
        Session session;
        session.name = name;
        session.body_weight_kg = s.at("body_weight_kg").get<double>();
        session.step_on_s = s.value("step_on_s", std::vector<double>{});
        session.step_off_s = s.value("step_off_s", std::vector<double>{});
        for (const auto& l : s.at("one_leg")) {
            session.one_leg.push_back({l.at("side") == "right" ? highstep::core::Side::right : highstep::core::Side::left,
                                       l.at("start_s").get<double>(), l.at("end_s").get<double>()});
        }
        for (const auto& w : s.value("two_feet_quiet", nlohmann::json::array())) {
            session.two_feet.push_back({w.at(0).get<double>(), w.at(1).get<double>()});
        }
        for (const auto& a : s.value("ambiguous_s", nlohmann::json::array())) {
            session.ambiguous.push_back({a.at(0).get<double>(), a.at(1).get<double>()});
        }
        out.push_back(session);
    }
    return out;
}

// A single-leg event of the recogniser: a one-leg hold or a knee drive.
struct Found {
    const char* type;
    highstep::core::Side side;
    double start_s, end_s;
};

inline std::vector<Found> single_leg_events(const std::vector<highstep::core::Event>& events) {
    std::vector<Found> out;
    for (const auto& e : events) {
        if (const auto* h = std::get_if<highstep::core::OneLegHoldEvent>(&e)) {
            out.push_back({"one_leg_hold", h->side, h->start_s, h->end_s});
        } else if (const auto* k = std::get_if<highstep::core::KneeDriveEvent>(&e)) {
            out.push_back({"knee_drive", k->side, k->start_s, k->end_s});
        }
    }
    return out;
}

struct Score {
    int labelled = 0;        // single-leg stances in the labels
    int found = 0;           // ... overlapped by an event on the same leg
    int on_time = 0;         // ... whose start and end are both within 1 s
    int knee_drives = 0;     // found stances of over 5 s reported as knee drives (long, still: holds)
    int invented = 0;        // events of 2 s or more not on a labelled stance of that leg nor in
                             // an ambiguous span, and any event in quiet two-foot standing
    int in_two_feet = 0;     // ... of them, overlapping a labelled quiet two-foot window
    int short_unlabelled = 0;  // shorter events elsewhere: the labels list only stances of 2 s
                               // or more, so these cannot be judged from them (counted, not failed)
    std::string detail;      // one line per miss, late boundary or invented event
    std::vector<double> not_on_time_s;  // starts of the labelled stances missed or not within tolerance
};

// Matches each labelled stance to the event of the same leg that overlaps it most
// (each event used once); an event left over counts as invented unless it lies within
// an ambiguous span or inside a labelled stance of its leg (a stance split in two:
// the labelled one is then late anyway).
inline Score score(const Session& s, const std::vector<Found>& found, double tolerance_s = 1.0) {
    Score sc;
    std::vector<bool> used(found.size(), false);
    std::ostringstream d;
    for (const Stance& l : s.one_leg) {
        ++sc.labelled;
        int best = -1;
        double best_overlap = 0.0;
        for (std::size_t i = 0; i < found.size(); ++i) {
            if (used[i] || found[i].side != l.side) continue;
            const double overlap = std::min(found[i].end_s, l.end_s) - std::max(found[i].start_s, l.start_s);
            if (overlap > best_overlap) {
                best_overlap = overlap;
                best = static_cast<int>(i);
            }
        }
        const char* leg = l.side == highstep::core::Side::right ? "right" : "left";
        if (best < 0) {
            d << "  missed " << leg << " " << l.start_s << "-" << l.end_s << " s\n";
            sc.not_on_time_s.push_back(l.start_s);
            continue;
        }
        used[static_cast<std::size_t>(best)] = true;
        const Found& f = found[static_cast<std::size_t>(best)];
        ++sc.found;
        if (std::string(f.type) == "knee_drive" && l.end_s - l.start_s > 5.0) ++sc.knee_drives;
        // A boundary inside an ambiguous span next to the labelled one cannot be judged
        // ("too ambiguous to score": partial support, bouncing at the end of a stance).
        auto near = [&](double got_s, double want_s) {
            if (std::fabs(got_s - want_s) <= tolerance_s) return true;
            return std::any_of(s.ambiguous.begin(), s.ambiguous.end(), [&](const Span& a) {
                return got_s >= a.from_s && got_s <= a.to_s && want_s >= a.from_s - tolerance_s &&
                       want_s <= a.to_s + tolerance_s;
            });
        };
        if (near(f.start_s, l.start_s) && near(f.end_s, l.end_s)) {
            ++sc.on_time;
        } else {
            sc.not_on_time_s.push_back(l.start_s);
            d << "  " << leg << " " << l.start_s << "-" << l.end_s << " s found as " << f.type << " " << f.start_s << "-"
              << f.end_s << " s\n";
        }
    }
    for (std::size_t i = 0; i < found.size(); ++i) {
        if (used[i]) continue;
        const Found& f = found[i];
        auto within = [&](double from_s, double to_s) { return f.start_s >= from_s - 0.5 && f.end_s <= to_s + 0.5; };
        const bool excused =
            std::any_of(s.ambiguous.begin(), s.ambiguous.end(), [&](const Span& a) { return within(a.from_s, a.to_s); }) ||
            std::any_of(s.one_leg.begin(), s.one_leg.end(),
                        [&](const Stance& l) { return l.side == f.side && within(l.start_s, l.end_s); });
        if (excused) continue;
        const bool two_feet = std::any_of(s.two_feet.begin(), s.two_feet.end(), [&](const Span& w) {
            return std::min(f.end_s, w.to_s) > std::max(f.start_s, w.from_s);
        });
        if (!two_feet && f.end_s - f.start_s < kLabelledMinS) {
            ++sc.short_unlabelled;
            d << "  short, unlabelled " << f.type << " " << (f.side == highstep::core::Side::right ? "right" : "left")
              << " " << f.start_s << "-" << f.end_s << " s\n";
            continue;
        }
        ++sc.invented;
        if (two_feet) ++sc.in_two_feet;
        d << "  invented " << f.type << " " << (f.side == highstep::core::Side::right ? "right" : "left") << " "
          << f.start_s << "-" << f.end_s << " s" << (two_feet ? " (in quiet two-foot standing)" : "") << "\n";
    }
    sc.detail = d.str();
    return sc;
}

}  // namespace people
