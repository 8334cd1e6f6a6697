// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "core/result.h"
#include "model/profile.h"

#include <string>

struct sqlite3;

namespace perfwb::store {

// The events of a profile sampled with several (model::Profile::events) in a .perfwb report:
//   events(id INTEGER PRIMARY KEY, name TEXT, unit TEXT)
//   sample_events(sample INTEGER PRIMARY KEY, event INTEGER)  -- only samples of events >= 1,
//                                                             -- by position in `samples`
// Both exist only in reports of several events, which are schema version 2: an older perfwb
// refuses them rather than add the events into one cost. Reports of one event stay version 1.
class EventStore {
public:
    static constexpr int kSchemaVersion = 2;

    // Writes the events and the events of samples [from, size) of `samples`, which are the
    // report's samples [firstPosition, ...), inside the caller's transaction.
    static bool write(sqlite3 *db, const model::Profile &profile, std::size_t from, std::size_t firstPosition);
    // Reads the tables if the report has them, into samples already read.
    static Status read(sqlite3 *db, model::Profile &out, const std::string &path);
};

} // namespace perfwb::store
