// Challenge files from another household: import_challenge_json() validates the
// whole file (including each embedded recording) and imports it in one
// transaction. One in-memory database serves every run: a file that imports
// once is then imported again as "already here", as a re-import would be.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "highstep/store/challenge_file.h"
#include "highstep/store/database.h"

namespace store = highstep::store;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static store::Database db(":memory:");
    try {
        (void)store::import_challenge_json(db, std::string_view(reinterpret_cast<const char*>(data), size),
                                           "fuzz-challenge.json");
    } catch (const store::StoreError&) {
        // ChallengeFileError for a bad file; StoreError if SQLite refuses a value.
    }
    return 0;
}
