// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "core/result.h"
#include "model/functioncosts.h"

#include <string>

struct sqlite3;

namespace perfwb::store {

// The optional per-function figures of an imported profile in a .perfwb report:
//   cost_columns(id INTEGER PRIMARY KEY, name TEXT, unit TEXT)
//   function_costs(frame INTEGER, column INTEGER, value REAL, PRIMARY KEY(frame, column))
// Only measured cells are stored. The tables exist only when a profile has such
// figures (an imported cProfile, Scalene or callgrind file), so other reports keep
// schema version 1 and older readers, which never look for them, read the rest.
class FunctionCostStore {
public:
    // Replaces the tables' rows inside the caller's transaction; writes nothing for
    // empty costs. Returns false on an SQLite error.
    static bool write(sqlite3 *db, const model::FunctionCosts &costs);
    // Reads the tables if the report has them; `frameCount` bounds valid frame ids.
    static Status read(sqlite3 *db, std::size_t frameCount, model::FunctionCosts &out, const std::string &path);
};

} // namespace perfwb::store
