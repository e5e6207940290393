// Stability score, rep quality, grades, the Scorer's sets, combo and symmetry.
#include <gtest/gtest.h>

#include <cmath>

#include "highstep/core/score/scoring.h"

using namespace highstep::core;

namespace {

StabilityMeasures measures(double velocity, double rms_ml, double rms_ap, double area, double duration = 10.0) {
    StabilityMeasures m;
    m.mean_velocity_mm_s = velocity;
    m.rms_ml_mm = rms_ml;
    m.rms_ap_mm = rms_ap;
    m.ellipse95_mm2 = area;
    m.duration_s = duration;
    m.samples = 1000;
    m.path_length_mm = velocity * duration;
    return m;
}

}  // namespace

TEST(StabilityScore, EndsOfTheScaleAndLogMiddle) {
    const StabilityReference ref = default_stability_reference(StanceKind::two_feet);
    EXPECT_DOUBLE_EQ(stability_score(measures(5.0, 1.0, 1.0, 50.0), ref), 100.0);
    EXPECT_DOUBLE_EQ(stability_score(measures(80.0, 20.0, 20.0, 9000.0), ref), 0.0);
    // Each measure at the geometric mean of good and poor scores 50, so the total is 50.
    const double v = std::sqrt(ref.good_velocity_mm_s * ref.poor_velocity_mm_s);
    const double rms = std::sqrt(ref.good_rms_mm * ref.poor_rms_mm);
    const double area = std::sqrt(ref.good_ellipse_mm2 * ref.poor_ellipse_mm2);
    EXPECT_NEAR(stability_score(measures(v, rms, 0.0, area), ref), 50.0, 1e-9);
    // Only the velocity good (50 % weight), the rest poor: 50.
    EXPECT_NEAR(stability_score(measures(1.0, 30.0, 0.0, 1e5), ref), 50.0, 1e-9);
}

TEST(StabilityScore, SameSwayScoresHigherAgainstTheOneFootReference) {
    const StabilityMeasures one_leg_typical = measures(35.0, 6.0, 7.0, 900.0);
    const double two = stability_score(one_leg_typical, default_stability_reference(StanceKind::two_feet));
    const double one = stability_score(one_leg_typical, default_stability_reference(StanceKind::one_foot));
    EXPECT_LT(two, 30.0);
    EXPECT_GT(one, 55.0);
}

TEST(StabilityScore, TooShortWindowScoresZero) {
    const StabilityReference ref = default_stability_reference(StanceKind::two_feet);
    EXPECT_DOUBLE_EQ(stability_score(measures(5.0, 1.0, 1.0, 50.0, 0.1), ref), 0.0);
    StabilityMeasures empty;
    EXPECT_DOUBLE_EQ(stability_score(empty, ref), 0.0);
}

TEST(Grade, Boundaries) {
    EXPECT_EQ(grade_for(1.0), Grade::S);
    EXPECT_EQ(grade_for(0.90), Grade::S);
    EXPECT_EQ(grade_for(0.8999), Grade::A);
    EXPECT_EQ(grade_for(0.80), Grade::A);
    EXPECT_EQ(grade_for(0.7999), Grade::B);
    EXPECT_EQ(grade_for(0.65), Grade::B);
    EXPECT_EQ(grade_for(0.6499), Grade::C);
    EXPECT_EQ(grade_for(0.50), Grade::C);
    EXPECT_EQ(grade_for(0.4999), Grade::D);
    EXPECT_EQ(grade_for(0.0), Grade::D);
    EXPECT_STREQ(to_string(Grade::S), "S");
}

namespace {

RepQualitySettings quality() {
    RepQualitySettings q;
    q.lowering_target_s = 1.3;
    q.lowering_drop_s = 0.3;
    q.peak_target_bw = 1.2;
    q.hold_target_s = 2.0;
    return q;
}

RepInput step_up(Judgement j, double lowering_s, double peak_bw, Side side = Side::left) {
    RepInput r;
    r.kind = RepKind::step_up;
    r.side = side;
    r.timing = TimingResult{j, 0.0, 0.0, 0.0};
    r.lowering_s = lowering_s;
    r.peak_bw = peak_bw;
    return r;
}

const StabilityReference kTwo = default_stability_reference(StanceKind::two_feet);
const StabilityReference kOne = default_stability_reference(StanceKind::one_foot);

}  // namespace

TEST(ScoreRep, StepUpWorkedByHand) {
    // Great (0.8), lowering 0.8 s → (0.8−0.3)/(1.3−0.3) = 0.5, peak 1.1 → 0.1/0.2 = 0.5, no
    // stability window (its 0.10 weight is left out): (0.4·0.8 + 0.35·0.5 + 0.15·0.5) / 0.9.
    const RepScore s = score_rep(step_up(Judgement::great, 0.8, 1.1), quality(), kTwo, kOne);
    EXPECT_NEAR(s.lowering_value, 0.5, 1e-9);
    EXPECT_NEAR(s.drive_value, 0.5, 1e-9);
    EXPECT_EQ(s.points, static_cast<int>(std::lround(1000.0 * (0.32 + 0.175 + 0.075) / 0.9)));
    // A perfect rep with a slow lowering and a full drive earns all points.
    EXPECT_EQ(score_rep(step_up(Judgement::perfect, 1.5, 1.25), quality(), kTwo, kOne).points, kMaxRepPoints);
    // A drop earns no lowering credit.
    EXPECT_DOUBLE_EQ(score_rep(step_up(Judgement::perfect, 0.2, 1.25), quality(), kTwo, kOne).lowering_value, 0.0);
}

TEST(ScoreRep, KneeDriveHoldAgainstTarget) {
    RepInput r;
    r.kind = RepKind::knee_drive;
    r.timing = TimingResult{Judgement::perfect, 0.0, 0.0, 0.0};
    r.hold_s = 1.0;
    r.peak_bw = 1.2;
    r.has_hold = true;
    const RepScore half = score_rep(r, quality(), kTwo, kOne);
    EXPECT_NEAR(half.hold_value, 0.5, 1e-9);
    r.hold_s = 3.0;
    const RepScore full = score_rep(r, quality(), kTwo, kOne);
    EXPECT_DOUBLE_EQ(full.hold_value, 1.0);
    EXPECT_GT(full.points, half.points);
}

TEST(ScoreRep, BalanceHoldIsStabilityAndTime) {
    RepInput r;
    r.kind = RepKind::hold;
    r.two_feet = true;
    r.hold_s = 2.0;
    r.stability = measures(5.0, 1.0, 1.0, 50.0);
    r.stability_stance = StanceKind::two_feet;
    EXPECT_EQ(score_rep(r, quality(), kTwo, kOne).points, kMaxRepPoints);
    r.hold_s = 1.0;  // half the target, perfectly steady: 0.5·0.5 + 0.5·1
    EXPECT_EQ(score_rep(r, quality(), kTwo, kOne).points, 750);
}

TEST(Scorer, SetsComboSymmetryAndGrade) {
    Scorer scorer("test", 2, 4, 25.0);
    scorer.begin_set(1);
    auto add = [&](Judgement j, Side side, double peak, double t) {
        RepInput in = step_up(j, 1.5, peak, side);
        in.t_s = t;
        in.timing->error_ms = j == Judgement::perfect ? 10.0 : 150.0;
        scorer.add_rep(score_rep(in, quality(), kTwo, kOne));
    };
    add(Judgement::perfect, Side::left, 1.2, 0.0);
    add(Judgement::perfect, Side::right, 1.2, 2.0);
    add(Judgement::miss, Side::left, 1.2, 4.0);
    EXPECT_EQ(scorer.combo(), 0);
    add(Judgement::good, Side::right, 1.1, 6.0);
    EXPECT_EQ(scorer.combo(), 1);
    scorer.end_set(true);
    const SessionResult r = scorer.result(false, 30.0, std::nullopt);
    EXPECT_EQ(r.reps, 4);
    EXPECT_EQ(r.reps_target, 8);
    EXPECT_EQ(r.max_score, 8000);
    EXPECT_EQ(r.max_combo, 2);
    EXPECT_EQ(r.judgements[static_cast<std::size_t>(Judgement::perfect)], 2);
    EXPECT_EQ(r.judgements[static_cast<std::size_t>(Judgement::miss)], 1);
    EXPECT_EQ(r.sets.size(), 1u);
    EXPECT_TRUE(r.sets[0].completed);
    EXPECT_EQ(r.symmetry.left.reps, 2);
    EXPECT_EQ(r.symmetry.right.reps, 2);
    EXPECT_DOUBLE_EQ(r.symmetry.reps_pct, 100.0);
    EXPECT_NEAR(r.symmetry.left.mean_peak_bw, 1.2, 1e-9);
    EXPECT_NEAR(r.symmetry.right.mean_peak_bw, 1.15, 1e-9);
    EXPECT_NEAR(r.symmetry.peak_pct, 100.0 * 1.15 / 1.2, 1e-9);
    EXPECT_NEAR(r.mean_abs_error_ms, (10 + 10 + 150 + 150) / 4.0, 1e-9);
    EXPECT_NEAR(r.interval_spread_ms, 0.0, 1e-9);  // every 2 s exactly
    EXPECT_DOUBLE_EQ(r.input_offset_ms, 25.0);
    // Half the program's reps are missing, so even perfect reps cannot pass C.
    EXPECT_LE(r.score, 4000);
    EXPECT_EQ(r.grade, grade_for(r.score / 8000.0));
    EXPECT_EQ(r.grade, Grade::D);
}

TEST(ToJson, CarriesTheResult) {
    Scorer scorer("hill-1", 1, 2, 0.0);
    scorer.begin_set(1);
    scorer.add_rep(score_rep(step_up(Judgement::perfect, 1.5, 1.25), quality(), kTwo, kOne));
    scorer.end_set(false);
    const std::string json = to_json(scorer.result(false, 12.5, 42.0));
    EXPECT_NE(json.find("\"level\": \"hill-1\""), std::string::npos);
    EXPECT_NE(json.find("\"perfect\": 1"), std::string::npos);
    EXPECT_NE(json.find("\"suggested_offset_ms\": 42.0"), std::string::npos);
    EXPECT_NE(json.find("\"grade\": \"C\""), std::string::npos);  // 1000 of 2000 points
    // One rep: no interval, nothing known of the rhythm (not a spread of 0).
    EXPECT_NE(json.find("\"interval_spread_ms\": null"), std::string::npos);
}

TEST(Scorer, TwoRepsASetSayNothingOfTheRhythm) {
    // Foothills asks one rep per leg: two contacts, one interval. Its results said
    // "Rhythm: steps varied by ± 0 ms", a metronome-steady player, whatever they did.
    Scorer scorer("hill-1", 2, 2, 0.0);
    for (int set = 1; set <= 2; ++set) {
        scorer.begin_set(set);
        RepInput a = step_up(Judgement::perfect, 1.5, 1.2, Side::left);
        RepInput b = step_up(Judgement::good, 1.5, 1.2, Side::right);
        a.t_s = 10.0 * set;
        b.t_s = 10.0 * set + (set == 1 ? 2.0 : 3.1);
        scorer.add_rep(score_rep(a, quality(), kTwo, kOne));
        scorer.add_rep(score_rep(b, quality(), kTwo, kOne));
        scorer.end_set(true);
    }
    EXPECT_FALSE(scorer.result(false, 30.0, std::nullopt).interval_spread_measured);
    // A third rep in a set gives two intervals to compare.
    Scorer three("hill-1", 1, 3, 0.0);
    three.begin_set(1);
    for (const double t_s : {10.0, 12.0, 14.5}) {
        RepInput r = step_up(Judgement::perfect, 1.5, 1.2, Side::left);
        r.t_s = t_s;
        three.add_rep(score_rep(r, quality(), kTwo, kOne));
    }
    three.end_set(true);
    const SessionResult r = three.result(false, 30.0, std::nullopt);
    EXPECT_TRUE(r.interval_spread_measured);
    EXPECT_NEAR(r.interval_spread_ms, std::sqrt(2.0) * 250.0, 1e-6);  // intervals 2.0 and 2.5 s
}

TEST(Scorer, ATopTooShortToMeasureIsNoSteadinessNotZero) {
    // Keys pressed quickly on the simulated board (A, D, D, A on the beat) give step-ups
    // whose top lasts under the 0.3 s a steadiness needs: the live meter says "–", and
    // so must the rep and the results. They counted such reps as steady 0: the results
    // said 3 / 100 after a clean game, and "weaker leg 0 %".
    const StabilityMeasures still = measures(5.0, 1.0, 1.0, 50.0, 2.0);
    StabilityMeasures brief = still;
    brief.duration_s = 0.2;
    brief.samples = 20;
    RepInput measured = step_up(Judgement::perfect, 1.5, 1.2, Side::left);
    measured.stability = still;
    RepInput unmeasured = step_up(Judgement::perfect, 1.5, 1.2, Side::right);
    unmeasured.stability = brief;
    const RepScore a = score_rep(measured, quality(), kTwo, kOne);
    const RepScore b = score_rep(unmeasured, quality(), kTwo, kOne);
    EXPECT_FALSE(stability_measured(unmeasured.stability));
    EXPECT_TRUE(stability_measured(measured.stability));
    // No steadiness is left out of the rep's quality, as with no window at all.
    RepInput none = unmeasured;
    none.stability = StabilityMeasures{};
    EXPECT_EQ(b.points, score_rep(none, quality(), kTwo, kOne).points);

    Scorer scorer("test", 1, 2, 0.0);
    scorer.begin_set(1);
    scorer.add_rep(a);
    scorer.add_rep(b);
    scorer.end_set(true);
    const SessionResult r = scorer.result(false, 10.0, std::nullopt);
    EXPECT_NEAR(r.stability_score, a.stability, 1e-9);
    EXPECT_NEAR(r.stability.duration_s, 2.0, 1e-9);
    EXPECT_NEAR(r.symmetry.left.mean_stability, a.stability, 1e-9);
    EXPECT_EQ(r.symmetry.right.stability_reps, 0);  // nothing measured on that leg
    EXPECT_EQ(r.symmetry.left.stability_reps, 1);
    EXPECT_DOUBLE_EQ(r.symmetry.stability_pct, 100.0);  // not compared, not 0 %
    const std::string json = to_json(r);
    EXPECT_EQ(json.find("\"stability\": 0.0"), std::string::npos);
}
