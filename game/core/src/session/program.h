#pragma once
// The training program as a state machine: count-in, sets of reps per leg with
// the lead leg called out, rest between sets, the end. Private to the session.
#include <vector>

#include "highstep/core/level/level.h"
#include "highstep/core/session/session.h"

namespace highstep::core::detail {

inline SoundCue cue_at(CueKind kind, double t_s, Side side = Side::left) {
    SoundCue cue;
    cue.kind = kind;
    cue.t_s = t_s;
    cue.side = side;
    return cue;
}

class ProgramState {
public:
    ProgramState(const Level& level, double start_s);

    // Moves count-in and rest on to the next set when their time is up.
    void update(double t_s, std::vector<SoundCue>& cues);
    // A rep (or hold) on `side` at t_s. Returns false when it does not count: the
    // program is over, or that leg has done its reps in this set. A rep during the
    // count-in or the rest starts the set early (a player who is ready should not wait).
    bool accept_rep(Side side, double t_s, std::vector<SoundCue>& cues);

    Phase phase() const { return phase_; }
    int set() const { return set_; }
    int reps(Side side) const { return side == Side::left ? left_ : right_; }
    int reps_done_total() const { return done_total_; }
    Side lead() const { return lead_; }
    bool set_just_started() const { return set_started_; }  // since the last clear_flags()
    bool set_just_ended() const { return set_ended_; }
    void clear_flags() { set_started_ = false; set_ended_ = false; }
    double count_in_remaining_s(double t_s) const;
    double rest_remaining_s(double t_s) const;
    // Ends the program early (finish()).
    void stop() { phase_ = Phase::finished; }

private:
    void start_set(double t_s, std::vector<SoundCue>& cues);
    void choose_lead(Side last);
    bool leg_full(Side side) const;

    const Level& level_;
    bool two_feet_;
    Phase phase_ = Phase::count_in;
    int set_ = 1;
    int left_ = 0;   // reps this set (two-foot holds count here)
    int right_ = 0;
    int done_total_ = 0;
    Side lead_ = Side::left;
    double count_in_end_s_;
    double rest_end_s_ = 0.0;
    bool set_started_ = false;
    bool set_ended_ = false;
};

}  // namespace highstep::core::detail
