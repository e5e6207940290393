// The real Wii Balance Board recordings of ../shared/data/real (read in place, never copied).
#include <algorithm>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "highstep/core/recognise/analysis.h"
#include "highstep/input/recording.h"

using namespace highstep::core;
namespace fs = std::filesystem;

namespace {

fs::path real_dir() { return fs::path(HIGHSTEP_REAL_DATA_DIR); }

#define SKIP_WITHOUT_REAL_DATA()                                                                  \
    if (!fs::is_directory(real_dir())) {                                                          \
        GTEST_SKIP() << "real recordings not found at " << real_dir() << " (../shared/data/real)"; \
    }

std::vector<fs::path> real_files() {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(real_dir())) {
        if (entry.path().extension() == ".csv") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

highstep::Recording load(const std::string& name) { return highstep::read_recording(real_dir() / name); }

template <class T>
std::size_t count(const std::vector<Event>& events) {
    return static_cast<std::size_t>(
        std::count_if(events.begin(), events.end(), [](const Event& e) { return std::holds_alternative<T>(e); }));
}

// Median of the raw total load in [from, to]: what the scale would say.
double median_total(const highstep::Recording& r, double from_s, double to_s) {
    std::vector<double> v;
    for (const auto& s : r.samples) {
        if (s.t_s >= from_s && s.t_s <= to_s) v.push_back(s.total_kg());
    }
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
    return v[v.size() / 2];
}

// Marker pairs (start, stop) by name prefix, e.g. "szybkie_" gives all fast-lean windows.
std::vector<std::pair<double, double>> windows(const highstep::Recording& r, const std::string& start,
                                               const std::string& stop) {
    std::vector<std::pair<double, double>> out;
    std::vector<double> starts, stops;
    for (const auto& m : r.markers) {
        if (m.name == start) starts.push_back(m.t_s);
        if (m.name == stop) stops.push_back(m.t_s);
    }
    for (std::size_t i = 0; i < std::min(starts.size(), stops.size()); ++i) out.emplace_back(starts[i], stops[i]);
    return out;
}

}  // namespace

TEST(RealRecordings, NoStepUpsOrKneeDrivesAnywhere) {
    SKIP_WITHOUT_REAL_DATA();
    const auto files = real_files();
    ASSERT_EQ(files.size(), 16u);
    for (const auto& f : files) {
        const auto rec = highstep::read_recording(f);
        const Analysis a = analyze(rec.samples);
        EXPECT_EQ(count<StepUpEvent>(a.events), 0u) << f.filename();
        EXPECT_EQ(count<KneeDriveEvent>(a.events), 0u) << f.filename();
        EXPECT_GT(a.body_weight_kg, 45.0) << f.filename();
    }
}

TEST(RealRecordings, BaselineAndLeaningWindowsHaveNoExerciseEvents) {
    SKIP_WITHOUT_REAL_DATA();
    int checked = 0;
    for (const auto& f : real_files()) {
        const auto rec = highstep::read_recording(f);
        for (const auto& [a, b] : {std::pair{std::string("ss_start"), std::string("ss_stop")},
                                   {"ss_oczy_start", "ss_oczy_stop"},
                                   {"szybkie_start", "szybkie_stop"},
                                   {"start", "stop"}}) {
            for (const auto& [from, to] : windows(rec, a, b)) {
                AnalysisSettings s;
                s.from_s = from;
                s.to_s = to;
                const Analysis an = analyze(rec.samples, s);
                EXPECT_EQ(count<StepUpEvent>(an.events), 0u) << f.filename() << " " << from;
                EXPECT_EQ(count<KneeDriveEvent>(an.events), 0u) << f.filename() << " " << from;
                if (a.starts_with("ss_")) {  // quiet standing: nothing at all happens
                    EXPECT_TRUE(an.events.empty()) << f.filename() << " " << from;
                }
                ++checked;
            }
        }
    }
    EXPECT_EQ(checked, 38);  // 6 quiet-stance windows, 4 lean windows in each of 8 files
}

TEST(RealRecordings, BaselineBodyWeightIsSteady) {
    SKIP_WITHOUT_REAL_DATA();
    for (const char* name : {"dk_wii_baseline.csv", "mg_wii_baseline.csv"}) {
        const auto rec = load(name);
        const double scale = median_total(rec, rec.marker_t_s("ss_start"), rec.marker_t_s("ss_stop"));
        const Analysis whole = analyze(rec.samples);
        EXPECT_NEAR(whole.body_weight_kg, scale, 0.01 * scale) << name;
        // The same in each window: the estimate does not wander.
        for (const auto& [from, to] : {windows(rec, "ss_start", "ss_stop")[0], windows(rec, "ss_oczy_start", "ss_oczy_stop")[0]}) {
            AnalysisSettings s;
            s.from_s = from;
            s.to_s = to;
            EXPECT_NEAR(analyze(rec.samples, s).body_weight_kg, scale, 0.01 * scale) << name << " " << from;
        }
    }
}

TEST(RealRecordings, StepOnWhereTheLoadRises) {
    SKIP_WITHOUT_REAL_DATA();
    const auto rec = load("dk_wii_baseline.csv");
    // The first sample carrying more than 5 kg is the foot landing.
    double rise_s = -1.0, last_empty_s = -1.0;
    for (const auto& s : rec.samples) {
        if (s.total_kg() > 5.0) {
            rise_s = s.t_s;
            break;
        }
        last_empty_s = s.t_s;
    }
    ASSERT_GT(rise_s, 0.0);
    const Analysis a = analyze(rec.samples);
    ASSERT_FALSE(a.events.empty());
    const auto* on = std::get_if<StepOnEvent>(&a.events.front());
    ASSERT_NE(on, nullptr);
    EXPECT_GE(on->t_s, last_empty_s - 1e-9);
    EXPECT_LE(on->t_s, rise_s + 1e-9);
    EXPECT_EQ(count<StepOnEvent>(a.events), 1u);
    EXPECT_EQ(count<StepOffEvent>(a.events), 0u);  // the recording ends with the player on the board
}

TEST(RealRecordings, StepOffWhereTheLoadFalls) {
    SKIP_WITHOUT_REAL_DATA();
    // The baseline recording reversed in time (mirrored about its end) steps off where
    // the original stepped on.
    const auto rec = load("dk_wii_baseline.csv");
    std::vector<highstep::BoardSample> reversed;
    const double end_s = rec.samples.back().t_s;
    for (auto it = rec.samples.rbegin(); it != rec.samples.rend(); ++it) {
        highstep::BoardSample s = *it;
        s.t_s = end_s - s.t_s;
        reversed.push_back(s);
    }
    const Analysis a = analyze(reversed);
    ASSERT_EQ(count<StepOffEvent>(a.events), 1u);
    const auto* off = std::get_if<StepOffEvent>(&a.events.back());
    ASSERT_NE(off, nullptr);
    EXPECT_NEAR(off->t_s, end_s - 0.859, 0.02);
    EXPECT_EQ(count<StepOnEvent>(a.events), 0u);  // on the board from the first sample
}

TEST(RealRecordings, EyesOpenQuietStanceInTheLiteratureRange) {
    SKIP_WITHOUT_REAL_DATA();
    // Quiet stance, eyes open, healthy adults (Prieto et al. 1996; Clark et al. 2010 on
    // a Wii board): mean velocity about 5-20 mm/s, RMS 1.5-6 mm (ML smaller than AP),
    // 95 % ellipse a few tens to a few hundred mm^2.
    for (const char* name : {"dk_wii_baseline.csv", "mg_wii_baseline.csv", "dk_new_tech_baseline_with_feedback.csv",
                             "mg_new_tech_baseline_with_feedback.csv"}) {
        const auto rec = load(name);
        AnalysisSettings s;
        s.from_s = rec.marker_t_s("ss_start");
        s.to_s = rec.marker_t_s("ss_stop");
        const Analysis a = analyze(rec.samples, s);
        const StabilityMeasures& m = a.stability;
        EXPECT_GT(m.duration_s, 15.0) << name;  // nearly all of the 20 s window is quiet
        EXPECT_GT(m.mean_velocity_mm_s, 4.0) << name;
        EXPECT_LT(m.mean_velocity_mm_s, 20.0) << name;
        EXPECT_GT(m.rms_ml_mm, 0.8) << name;
        EXPECT_LT(m.rms_ml_mm, 6.0) << name;
        EXPECT_GT(m.rms_ap_mm, 1.5) << name;
        EXPECT_LT(m.rms_ap_mm, 8.0) << name;
        EXPECT_GT(m.ellipse95_mm2, 30.0) << name;
        EXPECT_LT(m.ellipse95_mm2, 600.0) << name;
        EXPECT_NEAR(m.path_length_mm, m.mean_velocity_mm_s * m.duration_s, 1e-6) << name;
    }
}

TEST(RealRecordings, EyesClosedSwaysMoreThanEyesOpenForDk) {
    SKIP_WITHOUT_REAL_DATA();
    // Romberg: without vision, sway grows. dk's recording shows it clearly in the
    // ellipse; a test that the window really selects different data.
    const auto rec = load("dk_wii_baseline.csv");
    AnalysisSettings open, closed;
    open.from_s = rec.marker_t_s("ss_start");
    open.to_s = rec.marker_t_s("ss_stop");
    closed.from_s = rec.marker_t_s("ss_oczy_start");
    closed.to_s = rec.marker_t_s("ss_oczy_stop");
    EXPECT_GT(analyze(rec.samples, closed).stability.ellipse95_mm2, analyze(rec.samples, open).stability.ellipse95_mm2);
}
