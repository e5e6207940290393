#include "play_store.h"

#include <cstdio>
#include <fstream>
#include <sstream>

#include "highstep/store/challenge.h"
#include "highstep/store/challenge_file.h"
#include "highstep/store/session_log.h"
#include "highstep/store/session_recorder.h"

namespace highstep::cli {
namespace {

store::Database open(const std::optional<std::string>& db_path) {
    return store::Database(db_path ? std::filesystem::path(*db_path) : store::default_database_path());
}

}  // namespace

PlayStore::PlayStore(const std::string& player_name, const std::optional<std::string>& db_path,
                     const std::optional<std::string>& challenge, const std::string& level_id) {
    try {
        db_.emplace(open(db_path));
        storage_ = store::check_storage(*db_);
    } catch (const store::StoreError& e) {
        storage_ = store::storage_problem_of(e);
    }
    if (!storage_.ok()) {
        std::fprintf(stderr, "highstep play: %s\n", storage_.sentence().c_str());
        return;
    }
    store::Database& db = *db_;
    std::optional<store::Challenge> c;
    if (challenge) {
        c = store::find_challenge(db, *challenge);
        if (!c) throw store::StoreError("no challenge called '" + *challenge + "' (see `highstep challenge list`)");
        if (const std::string problem = store::check_challenge_level(*c, level_id); !problem.empty()) {
            throw store::StoreError(problem);
        }
        challenge_id_ = c->id;
        if (!store::challenge_open_on(*c, store::local_day(store::now_unix_s()))) {
            std::fprintf(stderr, "highstep play: note: '%s' runs %s to %s; this turn is kept but does not count\n",
                         c->name.c_str(), c->starts_day.c_str(), c->ends_day.c_str());
        }
    }
    if (auto p = store::find_player(db, player_name)) {
        player_ = *p;
    } else {
        store::Player fresh;
        fresh.name = player_name;
        player_ = *store::get_player(db, store::add_player(db, fresh));
        std::fprintf(stderr, "highstep play: added new player '%s' to %s\n", player_.name.c_str(),
                     db.path().string().c_str());
    }
}

void PlayStore::store(const core::Level& level, const core::SessionResult& result, const std::string& recording_path) {
    if (!keeps()) return;
    store::SessionStart start = store::session_start(level, player_.id);
    start.challenge_id = challenge_id_;
    store::SessionRecorder recorder(*db_, start);
    // The recording becomes the run's ghost when it is small enough to travel
    // in a challenge file (the recorder decides); a longer one is not even read.
    std::error_code ec;
    const auto size = std::filesystem::file_size(recording_path, ec);
    if (!ec && size <= store::ChallengeFileLimits{}.max_recording_bytes) {
        std::ifstream in(recording_path, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        recorder.attach_recording(text.str());
    }
    const store::FinishOutcome out = recorder.finish(result);
    std::string news;
    if (out.level_record) {
        news = "; new level record!";
    } else if (out.personal_best && out.previous_best) {
        char buf[96];
        std::snprintf(buf, sizeof buf, "; new personal best (was %.0f)!", *out.previous_best);
        news = buf;
    } else if (out.personal_best) {
        news = "; first run on this level";
    }
    std::fprintf(stderr, "highstep play: stored as session %lld for %s: place %d of the level, %d of %s's own%s\n",
                 static_cast<long long>(out.session_id), player_.name.c_str(), out.rank_overall, out.rank_player,
                 player_.name.c_str(), news.c_str());
}

}  // namespace highstep::cli
