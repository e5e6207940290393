#pragma once
// Stance from the tared total load and the CoP, with hysteresis and a minimum dwell.
#include <cstddef>
#include <deque>
#include <optional>
#include <vector>

#include "highstep/core/signal/signal.h"

namespace highstep::core::detail {

struct StanceInput {
    double t_s = 0.0;
    double total_kg = 0.0;     // tared
    bool cop_valid = false;
    double cop_x_mm = 0.0;
    double body_weight_kg = 0.0;  // 0 = unknown: only off/partial can be told
    double noise_kg = 0.0;
};

// A stretch of CoP that stays within `still_mm` of its own mean so far (a foot alone, a
// rest). The mean, not the first sample: the first moments after a landing are the
// noisiest (a small load) and the 30 ms CoP is still converging there.
struct StillStretch {
    bool on = false;
    double since_s = 0.0;
    std::size_t samples = 0;
    double sum_x_mm = 0.0;
    double sum_mm = 0.0;
    // Adds a sample (x_mm decides stillness, value_mm is averaged); true when it began
    // a new stretch.
    bool add(double t_s, double x_mm, double value_mm, double still_mm) {
        const double mean = samples ? sum_x_mm / static_cast<double>(samples) : x_mm;
        const bool fresh = !on || x_mm - mean > still_mm || mean - x_mm > still_mm;
        if (fresh) *this = {true, t_s, 0, 0.0, 0.0};
        ++samples;
        sum_x_mm += x_mm;
        sum_mm += value_mm;
        return fresh;
    }
    double mean_mm() const { return samples ? sum_mm / static_cast<double>(samples) : 0.0; }
};

class StanceClassifier {
public:
    explicit StanceClassifier(const SignalSettings& settings);
    void push(const StanceInput& in);

    Stance stance() const { return stance_; }
    double since_s() const { return since_s_; }
    double centre_x_mm() const;
    double half_stance_mm() const;  // centre to a foot, the mean of the two sides
    // Where that side's foot stands was measured (a weigh-in, or the foot seen carrying
    // the player alone), not assumed from the other foot or the default.
    bool foot_seen(bool right) const;
    // ... but only told by where the player stood still (three places, assume_feet): the
    // ends of that row may be two feet leaning, not a foot alone.
    bool foot_told(bool right) const;
    double half_stance_mm(bool right) const;  // centre to that side's foot
    // A foot seen carrying the player alone (the recogniser's knee-drive holds): where
    // that side's foot is. Ignored when a weigh-in gave the feet.
    void observe_foot(Stance side, double x_mm);
    // The tare has just taken the load on the board into its zero (something put down).
    void board_took_load();
    // The feet and the two-foot centre told from the places the player stood still at full
    // load, when no foot was ever seen alone (see watch_places); assumed from the start
    // when the same data is run again.
    std::optional<FeetPlaces> feet_from_places() const;
    // No foot seen alone yet and the feet neither given nor told: they may yet be told.
    bool feet_unseen() const;
    // The places the player stands still on may still tell the feet: none seen alone, or
    // after this visit's lone foot a gap in the data hid the rest of the stepping on or
    // the shift that followed, before any rest on two feet.
    bool feet_to_tell() const;
    void assume_feet(const FeetPlaces& feet);

private:
    Stance target(const StanceInput& in) const;   // what this sample says, with hysteresis
    Stance full_load_target(double bw) const;  // two feet or which leg (a full load, the CoP valid)
    double on_threshold_kg(const StanceInput& in) const;
    double contact_level_kg(const StanceInput& in) const;
    double onset_s(const StanceInput& in) const;  // first contact, from the raw history
    double empty_s(const StanceInput& in) const;  // last contact, from the raw history
    double full_load_s(const StanceInput& in) const;  // where the load reached full weight
    double still_here_since_s() const;                // the CoP near where it is now since
    void learn_centre(const StanceInput& in, double dt_s);
    void seed_stance_width();  // from the lone foot, once the centre is first learned
    void watch_lone_foot(const StanceInput& in);
    double lone_foot_min_kg(const StanceInput& in) const;  // the least load a lone foot is seen with
    double person_kg(const StanceInput& in) const;         // a load this heavy is a person's
    double cop_noise_mm(double noise_kg, double load_kg) const;  // the CoP's noise (sd) at that load
    void watch_rest(const StanceInput& in);
    void take_rest(double x_mm, double kg, double since_s);  // this visit's rest is there
    void forget_rest();                                      // a new visit: no rest yet
    void end_pending_rest(const StanceInput& in);            // the CoP left a pending rest
    void watch_places(const StanceInput& in);
    bool rest_is_reference(double bw) const;  // the rest stands in for the centre not yet learned
    void place_foot(double x_mm);       // a lone foot, on whichever side of the centre it is
    void new_visit();                   // the board emptied: the next visit's feet may be elsewhere
    void learn_visit_centre(const StanceInput& in);

    SignalSettings settings_;
    double bw_known_s_ = -1.0;       // first sample with a body weight (weigh-in or learned)
    double bw_kg_ = 0.0;             // the latest body weight (0: not known yet)
    bool feet_known_ = false;
    double centre_x_mm_ = 0.0;
    double half_stance_mm_ = 100.0;
    double centre_learned_s_ = 0.0;  // time on two feet the centre has been learned over
    bool foot_seen_ = false;         // a foot seen alone on the board, and where
    double foot_x_mm_ = 0.0;
    double foot_kg_ = 0.0;           // the most that lone foot carried while still
    StillStretch lone_;              // the current still-partial-load stretch (raw CoP x averaged)
    double lone_raw_[3] = {0.0, 0.0, 0.0};  // its last three raw CoPs (a ring)
    std::size_t lone_raw_n_ = 0;
    bool lone_taken_ = false;        // this stretch's foot position is recorded
    double lone_stance_since_s_ = -1.0;  // the stance the foot was last taken in
    // The first still two-foot rest after the lone foot (before the centre is learned).
    bool rest_seen_ = false;
    double rest_x_mm_ = 0.0;
    double rest_kg_ = 0.0;            // the load as it rested
    double rest_since_s_ = -1.0;      // where that still stretch began
    double near_foot_kg_ = 0.0;       // the load when the CoP was last at the lone foot
    StillStretch quiet_;              // the current quiet full-load stretch (learn_centre)
    StillStretch rest_stretch_;       // the current still stretch ...
    double rest_min_kg_ = 0.0;        // ... and the least load in it
    // A rest the CoP came to with no foot seen, still moving on the slow CoP: a pause or
    // a turn of weight shifting, told by where it goes next (watch_rest).
    struct PendingRest {
        double x_mm, kg, since_s, towards;  // towards: +1 came from the left, -1 from the right
    };
    std::optional<PendingRest> rest_pending_;
    // Still places at full load while no foot has been seen alone (CoP x means), the
    // current still stretch, and whether it is recorded; the feet told from them.
    bool empty_seen_ = false;  // the board was seen empty: later visits stepped on in the recording
    std::vector<double> places_mm_;
    StillStretch place_;
    bool place_taken_ = false;
    std::optional<FeetPlaces> feet_from_places_;
    // Each foot's CoP x where it was last seen alone (0 = left, 1 = right).
    bool side_known_[2] = {false, false};
    bool side_told_[2] = {false, false};  // that side's place came from still places (assume_feet), not a foot seen alone
    double side_x_mm_[2] = {0.0, 0.0};
    bool side_this_visit_[2] = {false, false};  // that side's place was seen since the board last emptied
    // The centre of the visit under way, not yet told by its still seconds on two feet.
    bool visit_had_person_ = false;  // the board carried the person since it last emptied
    bool visit_centre_pending_ = false;
    StillStretch visit_;
    // A lone foot is a person's only once the board carries a person: until then, what
    // was known before it, to go back to if the tare takes the load into its zero
    // (something put down on the board, not a foot).
    struct Feet {
        bool foot_seen;
        double foot_x_mm, foot_kg;
        bool side_known[2], side_told[2];
        double side_x_mm[2];
        bool side_this_visit[2];
    };
    std::optional<Feet> before_lone_foot_;
    void watch_person(const StanceInput& in);

    // Lightly smoothed total and CoP x (30 ms): classification must not follow noise.
    bool primed_ = false;
    double last_t_s_ = 0.0;
    double data_since_s_ = 0.0;   // first sample after the last gap in the data
    bool after_gap_ = false;      // this visit's first loaded sample came after a gap ...
    double loaded_from_s_ = 0.0;  // ... at this time
    bool stepping_on_hidden_ = false;  // a gap began before or just after this visit's contact
    bool shift_hidden_ = false;        // after its lone foot, before any rest, a gap hid this visit's shift
    double total_s_kg_ = 0.0;
    double contact_peak_kg_ = 0.0;        // the most the board carried since this contact ...
    double contact_peak_since_s_ = -1.0;  // ... dated here (the lone foot's window)
    double x_s_mm_ = 0.0;
    double x_slow_mm_ = 0.0;  // 0.25 s smoothed CoP x
    bool cop_was_valid_ = false;  // the last sample had a CoP

    double low_since_s_ = -1.0;  // the load below kSupportedBw x BW since (-1: it is not)

    Stance stance_ = Stance::off;
    double since_s_ = 0.0;
    Stance candidate_ = Stance::off;
    double candidate_since_s_ = 0.0;
    std::size_t candidate_samples_ = 0;
    bool candidate_empty_ = false;      // the candidate is an empty board read under any contact level ...
    bool candidate_after_gap_ = false;  // ... since a gap

    struct Point {
        double t_s;
        double kg;
        double x_mm;  // the 30 ms CoP x (held where the CoP is undefined)
    };
    std::deque<Point> history_;  // raw tared totals, last 3 s, for contact and full-load timing
};

}  // namespace highstep::core::detail
