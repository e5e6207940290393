#pragma once
// A play session of one level: board samples in, HUD state, world, sound cues and
// the result out. Pure (no clock: the caller says what time it is) and
// deterministic: the same samples and the same advance_to() times give the same
// result; a headless replay is run_headless().
//
// Use (live, per frame):
//   for each sample polled from the board: session.push_sample(s);
//   session.set_board_connected(source.state() != SourceState::lost);
//   session.advance_to(now_s);                // fixed steps of settings.step_s
//   draw(session.hud(), session.world_view()); play(session.take_cues());
//   if (session.finished()) show(session.result());
//
// Time is the samples' clock (BoardSample::t_s) less the time the board was lost
// (board_lost_s()): the game clock. The recogniser runs on it too, so a wait for a
// lost board is cut out of what it sees. The program starts at the first sample (or
// the first advance_to()), counts in, then runs the sets.
#include <array>
#include <deque>
#include <memory>
#include <optional>
#include <vector>

#include "highstep/core/recognise/events.h"
#include "highstep/core/level/level.h"
#include "highstep/core/recognise/recognizer.h"
#include "highstep/core/score/scoring.h"
#include "highstep/core/signal/signal.h"
#include "highstep/core/world/world.h"
#include "highstep/input/board_sample.h"

namespace highstep::core {

class GhostTimeline;

struct SessionSettings {
    double step_s = 1.0 / 120.0;       // fixed simulation step
    double input_offset_ms = 0.0;      // the player's offset (see judge_timing)
    double body_weight_kg = 0.0;       // from the weigh-in; 0 = estimate from the signal
    std::optional<std::array<float, 4>> tare_kg;  // empty-board offsets tl, tr, bl, br
    SignalSettings signal;             // orientation, learned foot positions
    OffsetCalibrationSettings calibration;
    double stability_window_s = 2.0;   // the HUD's live stability meter looks this far back
    double popup_s = 0.8;              // how long a judgement pop-up stays
    // Drive by events instead of the recogniser (push_event()); samples still feed
    // the HUD's CoP and loads. For the simulated board before the recognisers exist.
    bool external_events = false;
    // Sprint Start: race this recorded run (core/ghost.h) instead of the level's
    // fixed rival pace. Shared: the timeline is made once and never changes.
    std::shared_ptr<const GhostTimeline> ghost;
};

enum class Phase {
    count_in,   // get ready: the metronome runs, the first lead leg is called
    active,     // a set is running
    rest,       // between sets, counting down (a rep ends the rest early)
    finished,   // all sets done (or finish() was called)
};
const char* to_string(Phase phase);

enum class CueKind {
    tick,        // metronome beat; `accent` on the first beat of a bar of 4
    lead_leg,    // "left"/"right" leg leads next (play it on that side)
    judgement,   // a rep was judged: a step-up at its contact, a knee drive as the foot leaves
                 // (a hold, which has no timing: by its points, ≥900 perfect, ≥750 great, ≥500 good)
    settled,     // the rest of a rep was settled (lowering, hold, steadiness): a softer sound
    taken_back,  // a judged contact did not become a rep: its judgement is withdrawn
    combo,       // combo reached a multiple of 10
    set_done,    // a set was completed
    rest_over,   // rest is over: go
    result,      // session finished; `grade` says how well
    board_lost,  // paused: reconnect the board
    board_back,  // resumed
};
const char* to_string(CueKind kind);

struct SoundCue {
    CueKind kind = CueKind::tick;
    double t_s = 0.0;            // session time the cue belongs to
    Side side = Side::left;      // lead_leg, judgement: which side (for stereo placement)
    Judgement judgement = Judgement::perfect;  // judgement
    bool accent = false;         // tick: first beat of a bar
    Grade grade = Grade::D;      // result
    int combo = 0;               // combo
};

struct JudgementPopup {
    bool timed = true;           // false for a balance hold: show the points, not a judgement
    bool taken_back = false;     // the contact did not become a rep: show it withdrawn
    Judgement judgement = Judgement::perfect;
    double error_ms = 0.0;       // + late
    Side side = Side::left;
    int points = 0;
    double age_s = 0.0;          // since it appeared
};

// The rest of a rep, settled once the movement is over: shown smaller, under the
// judgement given at the contact.
struct SettlePopup {
    RepKind kind = RepKind::step_up;
    int points = 0;              // the rep's whole points (timing included)
    int added_points = 0;        // what settling added to the timing points given at the contact
    double lowering_s = 0.0;     // step-ups: the lowering
    bool dropped = false;        // step-ups: the lowering was a drop (no control)
    bool slow_lowering = false;  // step-ups: the lowering reached its target
    double hold_s = 0.0;         // knee drives (and step-ups ending in one): the hold
    double stability = 0.0;      // 0..100, as the live meter showed it
    bool has_stability = false;
    double age_s = 0.0;
};

// What the live meter shows now: what matters for the part of the exercise the player is
// in. Never red for doing the exercise right: between reps it rests.
enum class MeterKind {
    idle,              // between reps, stepping on or off: nothing to judge (shown grey)
    steadiness,        // at the top of a step-up, in a knee drive's hold, in a balance hold
    lowering_control,  // lowering: how much of a slow, controlled lowering is done
};
const char* to_string(MeterKind kind);  // "idle", "steadiness", "lowering_control"

struct HudState {
    double t_s = 0.0;               // session time
    Phase phase = Phase::count_in;
    bool paused_board_lost = false; // show "Reconnect your board"; the session is frozen
    // board
    bool cop_valid = false;
    double cop_x_mm = 0.0;          // + right
    double cop_y_mm = 0.0;          // + front
    double target_x_mm = 0.0;       // where the CoP should be (target zone centre)
    double target_y_mm = 0.0;
    double target_radius_mm = 40.0;
    double left_kg = 0.0;
    double right_kg = 0.0;
    double body_weight_kg = 0.0;
    Stance stance = Stance::off;
    // Where the feet are, as the signal learned them: the HUD shows each foot's load
    // from where the CoP sits between them (app's weight_share).
    double stance_centre_x_mm = 0.0;
    double half_stance_mm = 0.0;    // 0: not learned yet
    // program
    int set = 1;                    // 1-based current set (the last one once finished)
    int sets = 1;
    int reps_left = 0;              // reps done this set, per leg
    int reps_right = 0;
    int reps_per_leg = 0;
    int reps_done_total = 0;        // all sets
    Side lead = Side::left;         // leg called for the next rep
    bool two_feet = false;          // a two-foot balance level: no lead leg
    double count_in_remaining_s = 0.0;
    double rest_remaining_s = 0.0;
    // tempo
    bool has_beat = false;
    double beat_phase = 0.0;        // 0 on a beat .. 1
    long beat_index = -1;
    double tempo_bpm = 0.0;
    std::optional<JudgementPopup> popup;
    std::optional<SettlePopup> settle;  // the last rep's settled rest
    int combo = 0;                  // includes a judged contact not settled yet
    int score = 0;                  // includes the timing points of a judged contact not settled yet
    // the live meter (MeterKind): 0..100
    MeterKind meter = MeterKind::idle;
    double meter_value = 0.0;
    // steadiness: on balance levels over the last stability_window_s; on step-up and
    // knee-drive levels what the meter shows while it shows steadiness (else 0)
    double stability = 0.0;
    // holds (knee drive / balance)
    bool holding = false;
    double hold_s = 0.0;
    double hold_target_s = 0.0;
};

class Session {
public:
    Session(const Level& level, const SessionSettings& settings = {});
    ~Session();
    Session(Session&&) noexcept;
    Session& operator=(Session&&) noexcept;

    // Queues a board sample; it is processed by the step whose time covers its t_s.
    // False when it is not played: the board is lost (call set_board_connected() before
    // pushing the samples read with it), or its time went back.
    bool push_sample(const BoardSample& sample);
    // With settings.external_events: an event from another recogniser (e.g. the
    // simulated board's own), processed at the next step.
    void push_event(const Event& event);
    // The board is gone (false) or back (true). While gone the session is frozen:
    // no steps, no beats, no rest countdown. It resumes where it stopped with the first
    // sample pushed, or the first advance_to(), after the board is back: that sample
    // follows the last one before the loss. A rep the loss cut in two is judged from
    // what was seen; one whose contact (or weight shift) fell while the board was out
    // is not judged (docs/session.md, "Board lost").
    void set_board_connected(bool connected);
    // Runs fixed steps until the session time reaches t_s (never goes back).
    void advance_to(double t_s);
    // Ends the session now (end of a recording, player quit): flushes the recogniser,
    // scores what is open, moves to Phase::finished.
    void finish();

    const HudState& hud() const;
    WorldView world_view() const;
    // Cues produced since the last call, in time order.
    std::vector<SoundCue> take_cues();
    // Events the recogniser produced so far, game time (for the results screen and tests).
    const std::vector<Event>& events() const;
    // Movement phases the recogniser streamed so far, game time (recognise/phases.h).
    const std::vector<MovementPhase>& phases() const;
    bool finished() const;
    // Board time left out of the session clock so far because the board was lost
    // (game time = board time − this): a recording of the run leaves it out too.
    double board_lost_s() const;
    // The beat grid reps are judged against (inactive when the level has no beat;
    // meaningful once the first sample or advance_to() started the session).
    const BeatGrid& beat_grid() const;
    // The result so far; final once finished().
    SessionResult result() const;
    const Level& level() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Plays a whole recording through a fresh session, as fast as possible, and
// returns the final result. Deterministic.
SessionResult run_headless(const Level& level, const std::vector<BoardSample>& samples,
                           const SessionSettings& settings = {});

}  // namespace highstep::core
