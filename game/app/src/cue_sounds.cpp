#include "highstep/app/cue_sounds.h"

namespace highstep::app {

namespace {
constexpr float kLeadPan = 0.8f;       // the lead-leg call sits well to that side
constexpr float kJudgementPan = 0.3f;  // judgements lean a little towards the working leg
}  // namespace

CueSound sound_for(const core::SoundCue& c) {
    const float side = c.side == core::Side::left ? -1.0f : 1.0f;
    switch (c.kind) {
        case core::CueKind::tick: return {c.accent ? Sound::click_accent : Sound::click, 0.0f, 1.0f};
        case core::CueKind::lead_leg: return {Sound::cue_lead, kLeadPan * side, 1.0f};
        case core::CueKind::judgement: {
            const Sound s = c.judgement == core::Judgement::perfect ? Sound::perfect
                            : c.judgement == core::Judgement::great ? Sound::good
                            : c.judgement == core::Judgement::good  ? Sound::ok
                                                                    : Sound::miss;
            return {s, kJudgementPan * side, 1.0f};
        }
        case core::CueKind::settled:
            // The rest of a rep judged at its contact: the same family, softer, so the beat's
            // judgement stays the sound the player remembers.
            return {c.judgement <= core::Judgement::great ? Sound::good : Sound::ok, kJudgementPan * side, 0.45f};
        case core::CueKind::taken_back: return {Sound::menu_move, kJudgementPan * side, 0.8f};
        case core::CueKind::combo: return {Sound::menu_confirm, 0.0f, 0.8f};
        case core::CueKind::set_done: return {Sound::set_complete, 0.0f, 1.0f};
        case core::CueKind::rest_over: return {Sound::rest_over, 0.0f, 1.0f};
        case core::CueKind::result:
            return {c.grade <= core::Grade::C ? Sound::level_complete : Sound::level_failed, 0.0f, 1.0f};
        case core::CueKind::board_lost: return {Sound::board_lost, 0.0f, 1.0f};
        case core::CueKind::board_back: return {Sound::menu_confirm, 0.0f, 1.0f};
    }
    return {};
}

}  // namespace highstep::app
