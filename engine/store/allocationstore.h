// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "core/result.h"
#include "model/allocationtable.h"

#include <string>

struct sqlite3;

namespace perfwb::store {

// The optional `allocations` table of a .perfwb report (runs recorded with --alloc):
//   allocations(stack INTEGER PRIMARY KEY, calls, bytes, leaked_bytes, leaked_blocks,
//               temporary, peak_bytes, peak_time_ns)
// One row per allocation stack; the row with stack -1 holds the totals (peak_bytes:
// the peak heap, peak_time_ns: when). The table exists only when a run has
// allocations, so reports without it keep schema version 1 and older readers,
// which never look for it, read the rest unchanged.
class AllocationStore {
public:
    static constexpr const char *kTable = "allocations";
    // Replaces the table's rows with `table` inside the caller's transaction.
    // Writes nothing (and creates nothing) for an empty table. Returns false on an
    // SQLite error.
    static bool write(sqlite3 *db, const model::AllocationTable &table);
    // Reads the table if the report has one; `stackCount` bounds valid stack ids.
    static Status read(sqlite3 *db, std::size_t stackCount, model::AllocationTable &out, const std::string &path);
};

} // namespace perfwb::store
