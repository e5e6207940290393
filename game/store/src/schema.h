#pragma once
#include <sqlite3.h>

#include <string>

namespace highstep::store {

// Brings the open database to kSchemaVersion: creates it when empty, migrates
// an older version in one transaction, refuses a newer one (StoreError).
void create_or_migrate(sqlite3* db, const std::string& file);

}  // namespace highstep::store
