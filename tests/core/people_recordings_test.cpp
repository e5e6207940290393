// Real people on a Wii Balance Board (../shared/data/people, labels by eye in
// labels.json; read in place, never copied). Every single-leg stance of 2 s or more is
// found on the right leg with start and end within 1 s, no single-leg event is made up
// while a person stands on two feet, and the body weight is within 2 kg: as `analyze`
// sees a recording (no weigh-in) and as the game does (a weigh-in's tare and weight).
// The recordings are untared (the empty board reads −4 to −8 kg) and the empty reading
// changes during a session.
#include <array>
#include <filesystem>
#include <iostream>
#include <optional>
#include <utility>

#include <gtest/gtest.h>

#include "highstep/core/recognise/analysis.h"
#include "highstep/core/recognise/recognizer.h"
#include "highstep/input/recording.h"
#include "people_labels.h"
#include "people_weigh_in.h"

using namespace highstep::core;

namespace {

struct Totals {
    int labelled = 0, found = 0, on_time = 0, invented = 0, in_two_feet = 0, knee_drives = 0, short_unlabelled = 0;
    void add(const people::Score& sc) {
        labelled += sc.labelled, found += sc.found, on_time += sc.on_time;
        invented += sc.invented, in_two_feet += sc.in_two_feet, knee_drives += sc.knee_drives;
        short_unlabelled += sc.short_unlabelled;
    }
};

enum class Path { analyze, weigh_in, weigh_in_with_feet };

void check(const char* how, Path path) {
    const auto sessions = people::read_labels(people::data_dir() / "labels.json");
    ASSERT_FALSE(sessions.empty());
    Totals t;
    for (const auto& s : sessions) {
        const auto rec = highstep::read_recording(people::data_dir() / (s.name + ".csv"));
        double bw_kg = 0.0;
        std::vector<Event> events;
        if (path != Path::analyze) {
            events = people::with_weigh_in(rec.samples, s, bw_kg, path == Path::weigh_in_with_feet);
        } else {
            const Analysis a = analyze(rec.samples);
            events = a.events;
            bw_kg = a.body_weight_kg;
        }
        const people::Score sc = people::score(s, people::single_leg_events(events));
        t.add(sc);
        std::cout << how << " " << s.name << ": " << sc.on_time << "/" << sc.labelled << " on time, " << sc.found
                  << " found, " << sc.invented << " invented, body weight " << bw_kg << " kg (scale "
                  << s.body_weight_kg << ")\n"
                  << sc.detail;
        EXPECT_EQ(sc.found, sc.labelled) << s.name << "\n" << sc.detail;
        EXPECT_EQ(sc.in_two_feet, 0) << s.name << "\n" << sc.detail;
        if (path != Path::weigh_in_with_feet) {
            EXPECT_EQ(sc.invented, 0) << s.name << "\n" << sc.detail;
        }
        EXPECT_EQ(sc.knee_drives, 0) << s.name << ": a long still single-leg stance is a hold";
        EXPECT_NEAR(bw_kg, s.body_weight_kg, 2.0) << s.name;
    }
    std::cout << how << " total: " << t.found << "/" << t.labelled << " found, " << t.on_time << " within 1 s, "
              << t.invented << " invented (" << t.in_two_feet << " in quiet two-foot standing), " << t.knee_drives
              << " long stances as knee drives, " << t.short_unlabelled << " shorter than 2 s and unlabelled\n";
    // Every boundary within 1 s (JoaoPedro1000's stance of 342.7 s began 1.15 s early
    // until a stance stepped into is dated from where the board carried the whole weight).
    EXPECT_EQ(t.on_time, t.labelled);
    // With the feet from a weigh-in one more single-leg event is found that the labels do
    // not have: JoaoPedro1000 165.1-167.3 s, 2 s after stepping on, on the foot that
    // stepped on first (the other side's sensors at 13 %), drifting back onto two feet.
    if (path == Path::weigh_in_with_feet) {
        EXPECT_LE(t.invented, 1);
    }
}

}  // namespace

TEST(PeopleRecordings, AnalyzeFindsEverySingleLegStanceAndTheWeight) {
    SKIP_WITHOUT_PEOPLE_DATA();
    check("analyze", Path::analyze);
}

TEST(PeopleRecordings, GameWithAWeighInFindsEverySingleLegStance) {
    SKIP_WITHOUT_PEOPLE_DATA();
    check("game", Path::weigh_in);
}

TEST(PeopleRecordings, GameWithAWeighInThatLearnedTheFeet) {
    SKIP_WITHOUT_PEOPLE_DATA();
    check("game+feet", Path::weigh_in_with_feet);
}
