// The play session: samples → recogniser → program, scoring and world, in fixed
// steps. See session.h for the contract and docs/session.md for the design.
#include "highstep/core/session/session.h"

#include <algorithm>
#include <cmath>
#include <deque>

#include "highstep/core/session/ghost.h"
#include "session/program.h"
#include "session/session_holds.h"

namespace highstep::core {

const char* to_string(Phase phase) {
    switch (phase) {
        case Phase::count_in: return "count_in";
        case Phase::active: return "active";
        case Phase::rest: return "rest";
        case Phase::finished: return "finished";
    }
    return "count_in";
}

const char* to_string(CueKind kind) {
    switch (kind) {
        case CueKind::tick: return "tick";
        case CueKind::lead_leg: return "lead_leg";
        case CueKind::judgement: return "judgement";
        case CueKind::settled: return "settled";
        case CueKind::taken_back: return "taken_back";
        case CueKind::combo: return "combo";
        case CueKind::set_done: return "set_done";
        case CueKind::rest_over: return "rest_over";
        case CueKind::result: return "result";
        case CueKind::board_lost: return "board_lost";
        case CueKind::board_back: return "board_back";
    }
    return "tick";
}

const char* to_string(MeterKind kind) {
    switch (kind) {
        case MeterKind::idle: return "idle";
        case MeterKind::steadiness: return "steadiness";
        case MeterKind::lowering_control: return "lowering_control";
    }
    return "idle";
}

namespace {

constexpr double kHistory_s = 30.0;          // CoP kept for stability windows of reps
constexpr double kKneeDriveWait_s = 1.5;     // how long a step-up waits for its knee drive
constexpr double kStanceWidth_mm = 110.0;    // default foot x (target zone) when not learned
constexpr double kTopSettle_s = 0.4;         // after reaching the top, time to settle before sway counts
constexpr double kHoldSettle_s = 0.3;        // a knee drive's hold: finding the balance before sway counts
// The meter at a step-up's top looks this far behind: a weight shift onto the lead leg is
// known (single_leg, lowering) up to ~0.37 s after it began (p99, docs/signal.md), and the
// shift is the lowering, not the top. So the top's meter never takes the shift in, and the
// last value it shows is the steadiness the rep stores.
constexpr double kTopMeterLag_s = 0.4;
// A judged contact whose rep has not come this long after the board went empty (the foot
// came back) never will: it is taken back. The recogniser settles a rep a few samples
// after the board is empty; this leaves room for slow boards and gaps.
constexpr double kTakeBackWait_s = 1.0;
constexpr double kSameContactS = 0.5;        // a step_on this much before the judged contact is an earlier visit's
constexpr double kSettlePopup_s = 1.6;       // how long the settled rest of a rep stays

// The sound a hold earns (it has no timing): its points on the judgement scale.
Judgement quality_judgement(int points) {
    if (points >= 900) return Judgement::perfect;
    if (points >= 750) return Judgement::great;
    if (points >= 500) return Judgement::good;
    return Judgement::miss;
}

// The recogniser as the level needs it: where knee drives are asked at step-up tops, the
// driven foot put down on the box still ends one (SignalSettings).
SignalSettings signal_for(const Level& level, SignalSettings s) {
    s.knee_drives_at_step_up_tops = level.exercise == Exercise::step_up_knee_drive;
    return s;
}

// A single-leg hold at the top of a step-up: a knee drive, or a one-leg hold when
// the recogniser saw no drive peak (the player still held the top).
struct TopHold {
    double start_s = 0.0;
    double end_s = 0.0;
    double hold_s = 0.0;
    double peak_bw = 0.0;
    StabilityMeasures stability;
};

struct PendingStepUp {
    StepUpEvent event;
    double received_s = 0.0;  // game time
};

// A moment judged at once (a step-up's contact, a knee drive's foot leaving the board)
// whose rep is not settled yet. Game time throughout.
struct PendingJudgement {
    RepKind kind = RepKind::step_up;
    Side side = Side::left;
    double t_s = 0.0;            // the judged moment
    double entry_s = 0.0;        // knee drive: the single-leg stance began
    double feedback_s = 0.0;     // when the judgement was shown and heard
    TimingResult timing;
    int points = 0;              // the timing points given at once
    std::optional<double> top_s;       // full weight reached (step-ups)
    std::optional<double> lowering_s;  // lowering began (step-ups)
    std::optional<double> over_s;      // board empty / foot back: the rep is due
    bool confirmed = false;      // the rep arrived (a step-up waiting for its knee drive)
};

}  // namespace

struct Session::Impl {
    Level level;
    SessionSettings settings;
    Recognizer recognizer;
    std::unique_ptr<detail::ProgramState> program;
    Scorer scorer;
    std::unique_ptr<World> world;
    OffsetCalibrator calibrator;
    BeatGrid grid;
    HudState hud;
    std::vector<SoundCue> cues;
    std::vector<Event> events;            // everything the recogniser said (board time)
    std::vector<MovementPhase> phases;    // every movement phase it streamed (board time)
    std::optional<PendingJudgement> pending;  // judged at once, not settled yet
    std::deque<BoardSample> samples;      // waiting for their step, in game time
    std::vector<Event> external;          // push_event() queue
    std::deque<CopPoint> history;         // game time
    std::vector<PendingStepUp> pending_step_ups;
    std::vector<TopHold> recent_holds;    // single-leg holds a step-up may end in
    detail::HoldTracker holds;

    bool started = false;
    double start_s = 0.0;   // game time of the start
    double t_s = 0.0;       // game time now
    double paused_total_s = 0.0;   // board time lost to pauses: game = board − paused_total
    bool connected = true;
    bool paused = false;
    double last_board_s = 0.0;
    // Game time of the last sample queued (the recogniser runs on game time too, so the
    // wait for a lost board is cut out of what it sees; docs/session.md, "Board lost").
    std::optional<double> last_game_s;
    // Gaps in what the board showed: from the last sample before a loss to the first
    // after it (game time). A moment dated inside one was not seen.
    std::vector<std::pair<double, double>> gaps;
    std::optional<double> gap_from_s;  // a gap whose first sample back has not come yet
    long last_beat = -1;
    double charge_started_s = -1.0;

    Impl(const Level& lvl, const SessionSettings& s)
        : level(lvl),
          settings(s),
          recognizer(signal_for(lvl, s.signal)),
          scorer(lvl.id, lvl.program.sets, lvl.reps_per_set(), s.input_offset_ms),
          calibrator(s.calibration),
          holds(lvl) {
        if (settings.body_weight_kg > 0.0) recognizer.set_body_weight_kg(settings.body_weight_kg);
        if (settings.tare_kg) {
            const auto& t = *settings.tare_kg;
            recognizer.set_tare(t[0], t[1], t[2], t[3]);
        }
        const double period = level.has_beat() ? 60.0 / level.program.tempo_bpm : 0.0;
        // A rep takes four beats at the level's tempo (up, up, down, down) for step-ups
        // and knee drives; the ghost's pace and the hill's length follow from that.
        world = make_world(level, level.program.sets * level.reps_per_set(), 4.0 * period);
        hud.sets = level.program.sets;
        hud.reps_per_leg = level.program.reps_per_leg;
        hud.two_feet = level.exercise == Exercise::balance_two_feet;
        hud.has_beat = level.has_beat();
        hud.tempo_bpm = level.program.tempo_bpm;
        hud.hold_target_s = level.program.hold_target_s;
        hud.body_weight_kg = settings.body_weight_kg;
    }

    void start(double game_s) {
        started = true;
        start_s = game_s;
        t_s = game_s;
        program = std::make_unique<detail::ProgramState>(level, game_s);
        grid.bpm = level.program.tempo_bpm;
        if (grid.active()) {
            // Beat 0 falls so that a beat lands exactly where the count-in ends.
            const double period = grid.period_s();
            const double count_in = level.program.count_in_s;
            grid.start_s = game_s + count_in - std::floor(count_in / period + 1e-9) * period;
        }
        scorer.begin_set(1);
    }

    // ------------------------------------------------------------- reps

    bool timed_level() const { return level.has_beat() && level.type != LevelType::balance_tower; }
    bool ends_in_hold() const { return level.exercise == Exercise::step_up_knee_drive; }

    // The judgement of a moment, given at once: pop-up, sound, combo and timing points
    // in this very step (docs/session.md, "Judge at the moment, settle at the end").
    void judge_now(RepKind kind, Side side, double moment_s, double entry_s) {
        if (pending) take_back();  // a new movement began before the last one became a rep
        PendingJudgement j;
        j.kind = kind;
        j.side = side;
        j.t_s = moment_s;
        j.entry_s = entry_s;
        j.feedback_s = t_s;
        j.timing = judge_timing(moment_s, grid, settings.input_offset_ms, level.scoring.windows);
        j.points = timing_points(kind, ends_in_hold(), j.timing.judgement);
        pending = j;
        SoundCue cue = detail::cue_at(CueKind::judgement, t_s, side);
        cue.judgement = j.timing.judgement;
        cues.push_back(cue);
        const int combo = shown_combo();
        if (combo > 0 && combo % 10 == 0) {
            SoundCue c = detail::cue_at(CueKind::combo, t_s);
            c.combo = combo;
            cues.push_back(c);
        }
        JudgementPopup popup;
        popup.judgement = j.timing.judgement;
        popup.error_ms = j.timing.error_ms;
        popup.side = side;
        popup.points = j.points;
        hud.popup = popup;
        hud.settle.reset();
    }

    // The combo as the player sees it: a judged moment not settled yet counts already.
    int shown_combo() const {
        if (!pending) return scorer.combo();
        return pending->timing.judgement == Judgement::miss ? 0 : scorer.combo() + 1;
    }

    // A judged moment that did not become a rep: its judgement, combo and points are
    // withdrawn, and the world goes back to where it was.
    void take_back() {
        if (!pending) return;
        JudgementPopup popup;
        popup.taken_back = true;
        popup.judgement = pending->timing.judgement;
        popup.error_ms = pending->timing.error_ms;
        popup.side = pending->side;
        hud.popup = popup;
        cues.push_back(detail::cue_at(CueKind::taken_back, t_s, pending->side));
        if (level.type == LevelType::hill_climb) world->settle_climb(SettleClimbAction{false, false});
        pending.reset();
    }

    void add_rep(RepInput rep) {
        // A moment already judged keeps the judgement the player saw and heard: this rep's
        // own. Without a weigh-in a visit may be judged only during a later one, whose
        // contact is pending by then: that judgement is the later rep's, not this one's.
        std::optional<PendingJudgement> judged;
        if (pending && pending->kind == rep.kind && rep.t_s >= pending->t_s - kSameContactS) {
            judged = pending;
            pending.reset();
        }
        // The program moves on now (a rest starts when the set's last rep is known),
        // while the judgement uses the judged moment.
        if (!program->accept_rep(rep.side, t_s, cues)) {
            if (judged) {
                pending = judged;
                take_back();
            }
            return;
        }
        if (judged) {
            rep.t_s = judged->t_s;
            rep.timing = judged->timing;
            rep.feedback_s = judged->feedback_s;
            calibrator.push(judged->timing.raw_error_ms);
        } else {
            rep.feedback_s = t_s;
            if (timed_level() && rep.kind != RepKind::hold) {
                rep.timing = judge_timing(rep.t_s, grid, settings.input_offset_ms, level.scoring.windows);
                calibrator.push(rep.timing->raw_error_ms);
            }
        }
        const RepScore score = score_rep(rep, level.scoring.quality, level.scoring.two_feet, level.scoring.one_foot);
        scorer.add_rep(score);
        if (judged) {
            settle_cue(score, *judged);
        } else {
            // Judged only now (a hold, or a rep whose moment the phases did not show): the
            // whole judgement at once, as a timed rep's contact would have had it.
            SoundCue cue = detail::cue_at(CueKind::judgement, t_s, rep.side);
            cue.judgement = rep.timing ? rep.timing->judgement : quality_judgement(score.points);
            cues.push_back(cue);
            const int combo = scorer.combo();
            if (rep.timing && combo > 0 && combo % 10 == 0) {
                SoundCue c = detail::cue_at(CueKind::combo, t_s);
                c.combo = combo;
                cues.push_back(c);
            }
            JudgementPopup popup;
            popup.timed = rep.timing.has_value();
            popup.judgement = rep.timing ? rep.timing->judgement : Judgement::perfect;
            popup.error_ms = rep.timing ? rep.timing->error_ms : 0.0;
            popup.side = rep.side;
            popup.points = score.points;
            hud.popup = popup;
        }
        drive_world(score);
        if (program->set_just_ended()) {
            scorer.end_set(true);
            if (program->phase() != Phase::finished) scorer.begin_set(program->set() + 1);
            else cues.push_back(result_cue());
        }
        program->clear_flags();
    }

    // The rest of a rep judged at its moment: a smaller pop-up and a softer sound.
    void settle_cue(const RepScore& score, const PendingJudgement& judged) {
        SettlePopup s;
        s.kind = score.input.kind;
        s.points = score.points;
        s.added_points = score.points - judged.points;
        s.lowering_s = score.input.lowering_s;
        s.dropped = score.input.kind == RepKind::step_up && score.input.lowering_s <= level.scoring.quality.lowering_drop_s;
        s.slow_lowering = score.input.kind == RepKind::step_up &&
                          score.input.lowering_s >= level.scoring.quality.lowering_target_s;
        s.hold_s = score.input.has_hold ? score.input.hold_s : 0.0;
        s.has_stability = stability_measured(score.input.stability);
        s.stability = score.stability;
        hud.settle = s;
        SoundCue cue = detail::cue_at(CueKind::settled, t_s, score.input.side);
        cue.judgement = quality_judgement(score.points);
        cues.push_back(cue);
    }

    void drive_world(const RepScore& score) {
        switch (level.type) {
            case LevelType::hill_climb: {
                const bool miss = score.input.timing && score.input.timing->judgement == Judgement::miss;
                world->settle_climb(SettleClimbAction{!miss, miss});
                break;
            }
            case LevelType::sprint_start: {
                BurstAction burst;
                burst.power = 0.5 * score.hold_value + 0.5 * score.stability / 100.0;
                burst.peak = score.drive_value;
                world->burst(burst);
                charge_started_s = -1.0;
                break;
            }
            case LevelType::balance_tower: break;
        }
    }

    SoundCue result_cue() {
        SoundCue cue = detail::cue_at(CueKind::result, t_s);
        cue.grade = scorer.result(true, t_s - start_s, std::nullopt).grade;
        return cue;
    }

    // A moment dated inside a gap (a contact or a weight shift that happened while the
    // board was out) was not seen: its rep is not judged.
    bool unseen(double moment_s) const {
        for (const auto& [from, to] : gaps) {
            if (moment_s >= from && moment_s < to) return true;
        }
        return false;
    }

    // The board is back: the session resumes where it stopped, which is now `board_s`.
    // (A sample queued before the loss and not stepped yet keeps its place before it.)
    void resume(double board_s) {
        const double resume_game_s = std::max(t_s, last_game_s.value_or(t_s));
        paused_total_s = std::max(paused_total_s, board_s - resume_game_s);
        paused = false;
        gap_from_s = last_game_s;
    }

    StabilityMeasures stability_between(double from_s, double to_s) const {
        std::vector<CopPoint> pts;
        for (const CopPoint& p : history) {
            if (p.t_s >= from_s && p.t_s <= to_s) pts.push_back(p);
        }
        return compute_stability(pts);
    }

    // The top of a step-up as the live meter measured it: from settling at full weight
    // (the push-off peak and the trail foot's landing excluded) to the start of the
    // lowering. From the phases when they were seen, else from the settled rep. The
    // lowering ends the top at whichever of the two saw it first: a first top without a
    // weigh-in is known only once the body weight is, after the trail foot has left, so
    // no single_leg phase came and the lowering phase is where the load left full
    // weight, after the whole weight shift onto the lead leg (a 0.83 s top with the
    // simulated board measured that shift as steadiness 8, the meter having shown "-").
    std::pair<double, double> top_window(const StepUpEvent& e) const {
        double from = e.top_s, to = e.end_s - e.lowering_s;
        if (pending && pending->kind == RepKind::step_up && pending->top_s && pending->lowering_s &&
            *pending->lowering_s > *pending->top_s) {
            from = *pending->top_s;
            to = std::min(to, *pending->lowering_s);
        }
        return {from + kTopSettle_s, to};
    }

    void score_step_up(const StepUpEvent& e, const std::optional<TopHold>& drive) {
        RepInput rep;
        rep.kind = RepKind::step_up;
        rep.side = e.lead;
        rep.t_s = e.start_s;
        rep.lowering_s = e.lowering_s;
        rep.peak_bw = e.peak_bw;
        if (ends_in_hold()) {
            rep.has_hold = true;
            if (drive) {
                rep.hold_s = drive->hold_s;
                rep.stability = drive->stability;
                rep.stability_stance = StanceKind::one_foot;
                rep.peak_bw = std::max(rep.peak_bw, drive->peak_bw);
            }
        } else {
            const auto [from, to] = top_window(e);
            rep.stability = stability_between(from, to);
            rep.stability_stance = StanceKind::two_feet;
        }
        add_rep(rep);
    }

    void score_hold(const detail::FinishedHold& h) {
        RepInput rep;
        rep.kind = RepKind::hold;
        rep.side = h.side;
        rep.two_feet = level.exercise == Exercise::balance_two_feet;
        rep.t_s = h.start_s;
        rep.hold_s = h.hold_s;
        rep.has_hold = true;
        rep.stability = stability_between(h.settled_s, h.end_s);
        rep.stability_stance = rep.two_feet ? StanceKind::two_feet : StanceKind::one_foot;
        add_rep(rep);
    }

    // ------------------------------------------------------------- phases

    void handle_phase(const MovementPhase& p) {
        phases.push_back(p);
        if (!started || program->phase() == Phase::finished) return;
        const double moment_s = p.t_s;
        switch (p.type) {
            case PhaseType::foot_down:
                if (level.type == LevelType::hill_climb && timed_level() && !unseen(moment_s)) {
                    judge_now(RepKind::step_up, p.side.value_or(program->lead()), moment_s, moment_s);
                }
                break;
            case PhaseType::full_weight:
                if (pending && pending->kind == RepKind::step_up && !pending->top_s) pending->top_s = moment_s;
                break;
            case PhaseType::lowering:
                if (pending && pending->kind == RepKind::step_up && pending->top_s && !pending->lowering_s) {
                    pending->lowering_s = moment_s;
                }
                break;
            case PhaseType::board_empty:
                if (pending && pending->kind == RepKind::step_up) pending->over_s = t_s;
                break;
            case PhaseType::single_leg:
                // At the top of a plain step-up a foot leaving is the trail foot stepping back
                // down: the lowering begins with the weight shifting onto the lead leg.
                if (pending && pending->kind == RepKind::step_up && pending->top_s && !pending->lowering_s &&
                    !ends_in_hold()) {
                    pending->lowering_s = std::max(*pending->top_s, p.shift_start_s);
                }
                // A knee drive is certain once the foot has left the board; it is judged at the
                // weight shift that began it.
                if (level.type == LevelType::sprint_start && timed_level() && p.side && !unseen(p.shift_start_s)) {
                    judge_now(RepKind::knee_drive, *p.side, p.shift_start_s, moment_s);
                }
                break;
            case PhaseType::foot_back:
                if (pending && pending->kind == RepKind::knee_drive) pending->over_s = t_s;
                break;
            case PhaseType::foot_side:
                // The contact was judged at once on the called lead; its own side came a few
                // samples later. The judgement stays; the pop-up names the foot that landed.
                if (pending && pending->kind == RepKind::step_up && p.side && std::fabs(pending->t_s - moment_s) < 1e-9) {
                    pending->side = *p.side;
                    if (hud.popup && !hud.popup->taken_back) hud.popup->side = *p.side;
                }
                break;
        }
    }

    void handle_event(const Event& ev) {
        events.push_back(ev);
        if (!started || program->phase() == Phase::finished) return;
        if (const auto* on = std::get_if<StepOnEvent>(&ev)) {
            // The visit became standing on the board: the contact judged was no rep. Only
            // that visit's own step_on: without a weigh-in a visit that ended before the
            // body weight was known is judged later, during the next one.
            const bool same_visit = pending && on->t_s >= pending->t_s - kSameContactS;
            if (pending && pending->kind == RepKind::step_up && !pending->confirmed && same_visit) take_back();
        } else if (const auto* up = std::get_if<StepUpEvent>(&ev)) {
            if (level.type != LevelType::hill_climb) return;
            if (unseen(up->start_s)) {
                // The foot landed while the board was out: a rep seen only in part after
                // its start is abandoned, not judged at the moment the board came back.
                if (pending && pending->kind == RepKind::step_up && !pending->confirmed) take_back();
                return;
            }
            if (ends_in_hold()) {
                if (pending && pending->kind == RepKind::step_up) pending->confirmed = true;
                pending_step_ups.push_back({*up, t_s});
                resolve_pending(false);
            } else {
                score_step_up(*up, std::nullopt);
            }
        } else if (const auto* hold = std::get_if<OneLegHoldEvent>(&ev)) {
            if (level.type == LevelType::hill_climb) {
                remember_hold({hold->start_s, hold->end_s, hold->end_s - hold->start_s, 0.0, hold->stability});
            } else if (level.type == LevelType::sprint_start && pending && pending->kind == RepKind::knee_drive) {
                take_back();  // a still single-leg stance with no drive: no knee drive
            }
        } else if (const auto* kd = std::get_if<KneeDriveEvent>(&ev)) {
            if (level.type == LevelType::hill_climb) {
                remember_hold({kd->start_s, kd->end_s, kd->hold_s, kd->peak_bw, kd->stability});
            } else if (level.type == LevelType::sprint_start) {
                if (unseen(kd->start_s)) {
                    if (pending && pending->kind == RepKind::knee_drive) take_back();
                    return;
                }
                RepInput rep;
                rep.kind = RepKind::knee_drive;
                rep.side = kd->side;
                rep.t_s = kd->start_s;
                rep.peak_bw = kd->peak_bw;
                rep.hold_s = kd->hold_s;
                rep.has_hold = true;
                // Steadiness over the hold as the recogniser measured it (its own filtered CoP,
                // from the stance's start): the live meter shows the same hold as it goes.
                rep.stability = kd->stability;
                rep.stability_stance = StanceKind::one_foot;
                add_rep(rep);
            }
        }
    }

    // A judged moment whose rep did not follow in time is taken back.
    void expire_pending() {
        if (pending && !pending->confirmed && pending->over_s && t_s - *pending->over_s > kTakeBackWait_s) take_back();
    }

    void remember_hold(const TopHold& hold) {
        recent_holds.push_back(hold);
        if (recent_holds.size() > 8) recent_holds.erase(recent_holds.begin());
        resolve_pending(false);
    }

    // Pairs step-ups with the single-leg hold at their top (whichever the
    // recogniser reported first); gives up waiting after kKneeDriveWait_s.
    void resolve_pending(bool flush) {
        for (auto it = pending_step_ups.begin(); it != pending_step_ups.end();) {
            const StepUpEvent& up = it->event;
            std::optional<TopHold> match;
            for (const TopHold& h : recent_holds) {
                // The longest single-leg stance between contact and the end of the rep.
                if (h.start_s >= up.start_s - 0.05 && h.start_s <= up.end_s + 0.05 &&
                    (!match || h.hold_s > match->hold_s)) {
                    match = h;
                }
            }
            if (match || flush || t_s - it->received_s > kKneeDriveWait_s) {
                const PendingStepUp p = *it;
                it = pending_step_ups.erase(it);
                score_step_up(p.event, match);
            } else {
                ++it;
            }
        }
    }

    // ------------------------------------------------------------- frames

    void handle_frame(const SignalFrame& f) {
        const double game_s = f.t_s;
        if (f.cop_valid) {
            history.push_back({game_s, f.cop_x_mm, f.cop_y_mm});
            while (!history.empty() && history.front().t_s < game_s - kHistory_s) history.pop_front();
        }
        if (!started || program->phase() == Phase::finished) return;
        // A new balance hold does not start during the rest: standing still on the
        // board there is resting, not the next set (step-ups may start a set early).
        if (level.type == LevelType::balance_tower && (program->phase() != Phase::rest || holds.holding())) {
            detail::HoldUpdate u = holds.update(f, game_s);
            if (u.started) world->reset_tower(ResetTowerAction{});
            if (u.finished_hold) score_hold(*u.finished_hold);
        }
        if (level.type == LevelType::sprint_start) {
            if (is_single_leg(f.stance)) {
                if (charge_started_s < 0.0) charge_started_s = game_s;
                const double target = std::max(0.1, level.program.hold_target_s);
                world->charge(ChargeAction{std::min(1.0, (game_s - charge_started_s) / target)});
            } else if (charge_started_s >= 0.0 && !is_single_leg(f.stance)) {
                charge_started_s = -1.0;
                world->charge(ChargeAction{0.0});
            }
        }
    }

    // ------------------------------------------------------------- steps

    void step_once() {
        const double end_s = t_s + settings.step_s;
        std::vector<Event> out;
        std::vector<MovementPhase> moved;
        // The step's time is set first: what a sample makes known is shown at the end of the
        // step that processes it, the same step for every judgement.
        t_s = end_s;
        while (!samples.empty() && samples.front().t_s <= end_s) {
            const BoardSample s = samples.front();
            samples.pop_front();
            out.clear();
            moved.clear();
            recognizer.push(s, out, moved);
            handle_frame(recognizer.frame());
            if (!settings.external_events) {
                for (const MovementPhase& p : moved) handle_phase(p);
                for (const Event& e : out) handle_event(e);
            } else {
                for (const MovementPhase& p : moved) phases.push_back(p);
            }
        }
        if (settings.external_events) {
            std::vector<Event> ext;
            ext.swap(external);
            for (const Event& e : ext) handle_event(e);
        }
        resolve_pending(false);
        expire_pending();
        // (The scorer's next set was opened when the previous one ended.)
        program->update(t_s, cues);
        program->clear_flags();
        ticks();
        world_actions();
        world->step(settings.step_s);
        if (hud.popup) {
            hud.popup->age_s += settings.step_s;
            if (hud.popup->age_s > settings.popup_s) hud.popup.reset();
        }
        if (hud.settle) {
            hud.settle->age_s += settings.step_s;
            if (hud.settle->age_s > kSettlePopup_s) hud.settle.reset();
        }
    }

    void ticks() {
        if (!grid.active()) return;
        const long beat = grid.beat_index(t_s);
        if (beat == last_beat) return;
        last_beat = beat;
        const Phase p = program->phase();
        // The metronome runs while there is something to keep time for: the
        // count-in and the sets; it is quiet during the rest and after the end.
        if (beat < 0 || (p != Phase::count_in && p != Phase::active)) return;
        SoundCue cue = detail::cue_at(CueKind::tick, grid.start_s + beat * grid.period_s());
        cue.accent = beat % 4 == 0;
        cues.push_back(cue);
    }

    // Where the player is in the step-up now (pending: the contact judged, not settled).
    ClimbAction climb_now() const {
        ClimbAction a;
        if (!pending || pending->kind != RepKind::step_up) return a;
        if (pending->lowering_s) {
            a.stage = ClimbStage::lowering;
            const double until = pending->over_s ? std::min(t_s, *pending->over_s) : t_s;
            const double target = std::max(0.1, level.scoring.quality.lowering_target_s);
            a.control = std::clamp((until - *pending->lowering_s) / target, 0.0, 1.0);
        } else if (pending->top_s) {
            a.stage = ClimbStage::top;
            a.rise = 1.0;
        } else {
            a.stage = ClimbStage::stepping;
            const double bw = body_weight_kg();
            a.rise = bw > 0.0 ? std::clamp(recognizer.frame().total_kg / bw, 0.0, 1.0) : 0.5;
        }
        return a;
    }

    double body_weight_kg() const {
        return recognizer.body_weight_kg() > 0.0 ? recognizer.body_weight_kg() : settings.body_weight_kg;
    }

    void world_actions() {
        if (level.type == LevelType::hill_climb && pending) world->climb(climb_now());
        if (level.type == LevelType::sprint_start) {
            // A recorded ghost is where its run was at the end of this step (t_s
            // already is that time); else the rival keeps the level's pace.
            if (settings.ghost) {
                world->ghost_at(GhostPositionAction{settings.ghost->distance_m(t_s - start_s)});
            } else {
                world->ghost(GhostAction{program->phase() == Phase::active});
            }
            // The whole program done (not stopped early): run home to the line.
            if (program->phase() == Phase::finished &&
                program->reps_done_total() >= level.program.sets * level.reps_per_set()) {
                world->run_home(RunHomeAction{});
            }
        }
        if (level.type == LevelType::balance_tower) {
            const SignalFrame& f = recognizer.frame();
            if (holds.holding() && f.cop_valid && holds.reference()) {
                world->tilt(TiltAction{f.cop_x_mm - holds.reference()->x_mm, f.cop_y_mm - holds.reference()->y_mm});
            } else {
                world->tilt(TiltAction{});
            }
        }
    }

    // The live meter shows what matters for the part of the exercise the player is in,
    // measured as the rep's result will be (docs/session.md, "Meters").
    void live_meter(const SignalFrame& f) {
        hud.meter = MeterKind::idle;
        hud.meter_value = 0.0;
        auto steadiness = [&](double from_s, double to_s, const StabilityReference& ref) {
            const StabilityMeasures m = stability_between(from_s, to_s);
            // Too short a stretch of sway is no measure yet: rest ("–"), by the same test
            // that leaves it out of the rep's result.
            if (!stability_measured(m)) return;
            hud.meter = MeterKind::steadiness;
            hud.meter_value = stability_score(m, ref);
        };
        switch (level.type) {
            case LevelType::hill_climb:
                if (!pending || pending->kind != RepKind::step_up) break;
                if (pending->lowering_s) {
                    hud.meter = MeterKind::lowering_control;
                    hud.meter_value = 100.0 * climb_now().control;
                } else if (pending->top_s) {
                    // The top: on one foot when a knee drive is held there, else on two.
                    steadiness(*pending->top_s + kTopSettle_s, t_s - kTopMeterLag_s,
                               is_single_leg(f.stance) ? level.scoring.one_foot : level.scoring.two_feet);
                }
                break;
            case LevelType::sprint_start:
                if (pending && pending->kind == RepKind::knee_drive && !pending->over_s) {
                    steadiness(pending->entry_s + kHoldSettle_s, t_s, level.scoring.one_foot);
                }
                break;
            case LevelType::balance_tower:
                if (holds.holding()) {
                    // Over the last few seconds, against the reference of the stance now.
                    steadiness(t_s - settings.stability_window_s, t_s,
                               is_single_leg(f.stance) ? level.scoring.one_foot : level.scoring.two_feet);
                }
                break;
        }
        hud.stability = hud.meter == MeterKind::steadiness ? hud.meter_value : 0.0;
    }

    void refresh_hud() {
        const SignalFrame& f = recognizer.frame();
        hud.t_s = t_s;
        hud.paused_board_lost = paused;
        hud.cop_valid = f.cop_valid;
        hud.cop_x_mm = f.cop_x_mm;
        hud.cop_y_mm = f.cop_y_mm;
        hud.left_kg = f.left_kg;
        hud.right_kg = f.right_kg;
        hud.stance = f.stance;
        hud.stance_centre_x_mm = f.stance_centre_x_mm;
        hud.half_stance_mm = f.half_stance_mm;
        hud.body_weight_kg = recognizer.body_weight_kg() > 0.0 ? recognizer.body_weight_kg() : settings.body_weight_kg;
        if (!started) return;
        hud.phase = program->phase();
        hud.set = program->set();
        hud.reps_left = program->reps(Side::left);
        hud.reps_right = program->reps(Side::right);
        hud.reps_done_total = program->reps_done_total();
        hud.lead = program->lead();
        hud.count_in_remaining_s = program->count_in_remaining_s(t_s);
        hud.rest_remaining_s = program->rest_remaining_s(t_s);
        hud.beat_phase = grid.phase(t_s);
        hud.beat_index = grid.beat_index(t_s);
        hud.combo = shown_combo();
        hud.score = scorer.score() + (pending ? pending->points : 0);
        hud.holding = holds.holding() || charge_started_s >= 0.0;
        hud.hold_s = holds.holding() ? holds.hold_s(t_s) : (charge_started_s >= 0.0 ? t_s - charge_started_s : 0.0);
        live_meter(f);
        // Target zone: under the working foot, or the hold's reference point.
        if (holds.holding() && holds.reference()) {
            hud.target_x_mm = holds.reference()->x_mm;
            hud.target_y_mm = holds.reference()->y_mm;
            hud.target_radius_mm = is_single_leg(f.stance) ? 25.0 : 15.0;
        } else if (hud.two_feet) {
            hud.target_x_mm = 0.0;
            hud.target_y_mm = 0.0;
            hud.target_radius_mm = 40.0;
        } else {
            const double left_x = settings.signal.left_foot_x_mm.value_or(-kStanceWidth_mm);
            const double right_x = settings.signal.right_foot_x_mm.value_or(kStanceWidth_mm);
            hud.target_x_mm = hud.lead == Side::left ? left_x : right_x;
            hud.target_y_mm = 0.0;
            hud.target_radius_mm = 40.0;
        }
    }

    void finish() {
        if (!started) start(t_s);
        if (program->phase() == Phase::finished && pending_step_ups.empty() && !holds.holding() && !pending) return;
        // Whatever the recogniser still holds open counts; so does an open hold.
        std::vector<Event> out;
        recognizer.finish(out);
        if (!settings.external_events) {
            for (const Event& e : out) handle_event(e);
        }
        resolve_pending(true);
        take_back();  // a contact whose rep never came (still on the board at the end)
        if (program->phase() != Phase::finished && level.type == LevelType::balance_tower) {
            if (auto h = holds.close(t_s)) score_hold(*h);
        }
        if (program->phase() != Phase::finished) {
            scorer.end_set(false);
            program->stop();
            cues.push_back(result_cue());
        }
        refresh_hud();
    }
};

Session::Session(const Level& level, const SessionSettings& settings)
    : impl_(std::make_unique<Impl>(level, settings)) {}
Session::~Session() = default;
Session::Session(Session&&) noexcept = default;
Session& Session::operator=(Session&&) noexcept = default;

bool Session::push_sample(const BoardSample& sample) {
    Impl& s = *impl_;
    // While the board is lost nothing is played: what a caller still had read from it
    // is after the frozen moment (set_board_connected() comes before the samples read
    // with it, as the play screen does).
    if (!s.connected) return false;
    if (sample.t_s < s.last_board_s) return false;  // time never goes back
    // The first sample from the board come back resumes the session: it follows the
    // last one before the loss.
    if (s.paused) s.resume(sample.t_s);
    s.last_board_s = sample.t_s;
    BoardSample game = sample;
    game.t_s -= s.paused_total_s;
    if (!s.started) s.start(game.t_s);
    if (s.gap_from_s) {
        if (game.t_s > *s.gap_from_s) s.gaps.emplace_back(*s.gap_from_s, game.t_s);
        s.gap_from_s.reset();
    }
    s.last_game_s = game.t_s;
    s.samples.push_back(game);
    return true;
}

void Session::push_event(const Event& event) { impl_->external.push_back(event); }

void Session::set_board_connected(bool connected) {
    Impl& s = *impl_;
    if (connected == s.connected) return;
    s.connected = connected;
    s.cues.push_back(detail::cue_at(connected ? CueKind::board_back : CueKind::board_lost, s.t_s));
    // Frozen from the last step until the board is back: a step is run neither by
    // advance_to() nor by samples; the session resumes with the first sample back or
    // the first advance_to() after set_board_connected(true).
    if (!connected) s.paused = true;
    s.hud.paused_board_lost = s.paused;
}

void Session::advance_to(double board_s) {
    Impl& s = *impl_;
    if (s.paused) {
        if (!s.connected) {
            s.refresh_hud();
            return;
        }
        // Back, and no sample yet: the time spent waiting for the board is taken out
        // of the game clock from here.
        s.resume(board_s);
    }
    const double game_s = board_s - s.paused_total_s;
    if (!s.started) s.start(game_s);
    // Fixed steps; a step ends at or before the target time, so results do not
    // depend on how often the caller advances.
    while (s.t_s + s.settings.step_s <= game_s + 1e-9) s.step_once();
    s.refresh_hud();
}

void Session::finish() { impl_->finish(); }
double Session::board_lost_s() const { return impl_->paused_total_s; }

const HudState& Session::hud() const { return impl_->hud; }
WorldView Session::world_view() const { return impl_->world->view(); }

std::vector<SoundCue> Session::take_cues() {
    std::vector<SoundCue> out;
    out.swap(impl_->cues);
    std::stable_sort(out.begin(), out.end(), [](const SoundCue& a, const SoundCue& b) { return a.t_s < b.t_s; });
    return out;
}

const std::vector<Event>& Session::events() const { return impl_->events; }
const std::vector<MovementPhase>& Session::phases() const { return impl_->phases; }
bool Session::finished() const { return impl_->started && impl_->program->phase() == Phase::finished; }

SessionResult Session::result() const {
    const Impl& s = *impl_;
    return s.scorer.result(s.started && s.program->phase() == Phase::finished &&
                               s.program->reps_done_total() >= s.level.program.sets * s.level.reps_per_set(),
                           s.started ? s.t_s - s.start_s : 0.0, s.calibrator.suggested_offset_ms());
}

const Level& Session::level() const { return impl_->level; }
const BeatGrid& Session::beat_grid() const { return impl_->grid; }

SessionResult run_headless(const Level& level, const std::vector<BoardSample>& samples,
                           const SessionSettings& settings) {
    Session session(level, settings);
    for (const BoardSample& s : samples) {
        session.push_sample(s);
        session.advance_to(s.t_s);
    }
    // Let the last samples' step run, then close what is open.
    if (!samples.empty()) session.advance_to(samples.back().t_s + settings.step_s);
    session.finish();
    return session.result();
}

}  // namespace highstep::core
