#pragma once
// Turns what the core session scored into what the store keeps: one rep or hold
// record as it happens (each its own transaction, so nothing done is lost), a set
// summary, and the final result. The play scene calls these; they are plain
// functions so a headless runner can store results the same way.
#include "highstep/core/level.h"
#include "highstep/core/scoring.h"
#include "highstep/store/session_log.h"

namespace highstep::app {

// "step_up", "knee_drive" or "balance", as the store's SessionStart wants it.
const char* store_exercise(const core::Level& level);

// Step-ups and knee drives become RepRecords, holds become HoldRecords.
bool is_hold(const core::RepScore& rep);
store::RepRecord to_rep_record(const core::RepScore& rep, int set_index, int rep_index);
store::HoldRecord to_hold_record(const core::RepScore& rep, int set_index, int hold_index, double target_s);
store::SetRecord to_set_record(const core::SetResult& set);
store::SessionResult to_store_result(const core::SessionResult& result);

}  // namespace highstep::app
