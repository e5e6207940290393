// The program state machine behind the session (see program.h).
#include "session/program.h"

#include <algorithm>

namespace highstep::core::detail {

namespace {
Side other(Side s) { return s == Side::left ? Side::right : Side::left; }
Side first_lead(LeadOrder order) { return order == LeadOrder::right_first ? Side::right : Side::left; }
}  // namespace

ProgramState::ProgramState(const Level& level, double start_s)
    : level_(level),
      two_feet_(level.exercise == Exercise::balance_two_feet),
      lead_(first_lead(level.program.lead_order)),
      count_in_end_s_(start_s + level.program.count_in_s) {}

double ProgramState::count_in_remaining_s(double t_s) const {
    return phase_ == Phase::count_in ? std::max(0.0, count_in_end_s_ - t_s) : 0.0;
}

double ProgramState::rest_remaining_s(double t_s) const {
    return phase_ == Phase::rest ? std::max(0.0, rest_end_s_ - t_s) : 0.0;
}

void ProgramState::start_set(double t_s, std::vector<SoundCue>& cues) {
    if (phase_ == Phase::rest) {
        cues.push_back(cue_at(CueKind::rest_over, t_s));
    }
    phase_ = Phase::active;
    left_ = 0;
    right_ = 0;
    lead_ = first_lead(level_.program.lead_order);
    set_started_ = true;
    if (!two_feet_) cues.push_back(cue_at(CueKind::lead_leg, t_s, lead_));
}

void ProgramState::update(double t_s, std::vector<SoundCue>& cues) {
    if (phase_ == Phase::count_in && t_s >= count_in_end_s_) start_set(t_s, cues);
    if (phase_ == Phase::rest && t_s >= rest_end_s_) {
        ++set_;
        start_set(t_s, cues);
    }
}

bool ProgramState::leg_full(Side side) const {
    if (two_feet_) return left_ >= level_.program.reps_per_leg;
    return reps(side) >= level_.program.reps_per_leg;
}

void ProgramState::choose_lead(Side last) {
    switch (level_.program.lead_order) {
        case LeadOrder::alternate: lead_ = leg_full(other(last)) ? last : other(last); break;
        case LeadOrder::left_first: lead_ = leg_full(Side::left) ? Side::right : Side::left; break;
        case LeadOrder::right_first: lead_ = leg_full(Side::right) ? Side::left : Side::right; break;
    }
}

bool ProgramState::accept_rep(Side side, double t_s, std::vector<SoundCue>& cues) {
    if (phase_ == Phase::finished) return false;
    if (phase_ == Phase::count_in) start_set(t_s, cues);
    if (phase_ == Phase::rest) {
        ++set_;
        start_set(t_s, cues);
    }
    if (two_feet_) side = Side::left;
    if (leg_full(side)) return false;
    (side == Side::left ? left_ : right_) += 1;
    ++done_total_;
    const bool set_done = two_feet_ ? left_ >= level_.program.reps_per_leg
                                    : left_ >= level_.program.reps_per_leg && right_ >= level_.program.reps_per_leg;
    if (!set_done) {
        const Side before = lead_;
        choose_lead(side);
        // Call the lead leg when it changes (alternate: every rep; blocks: once per switch).
        if (!two_feet_ && (lead_ != before || level_.program.lead_order == LeadOrder::alternate)) {
            cues.push_back(cue_at(CueKind::lead_leg, t_s, lead_));
        }
        return true;
    }
    set_ended_ = true;
    cues.push_back(cue_at(CueKind::set_done, t_s));
    if (set_ >= level_.program.sets) {
        phase_ = Phase::finished;
    } else {
        phase_ = Phase::rest;
        rest_end_s_ = t_s + level_.program.rest_s;
    }
    return true;
}

}  // namespace highstep::core::detail
