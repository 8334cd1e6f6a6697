// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "core/result.h"
#include "model/profile.h"

#include <string>

struct sqlite3;

namespace perfwb::store {

// The optional per-thread CPU times of a recording in a .perfwb report:
//   thread_cpu(thread INTEGER PRIMARY KEY, cpu_ns INTEGER, samples_taken INTEGER)
// One row per thread whose CPU time the kernel gave (ThreadInfo::cpuNs). The table exists
// only in recordings that have such times; older readers never look for it.
class ThreadCpuStore {
public:
    // Replaces the table's rows inside the caller's transaction. False on an SQLite error.
    static bool write(sqlite3 *db, const std::vector<model::ThreadInfo> &threads);
    // Reads the table if the report has it, into threads already read.
    static Status read(sqlite3 *db, model::Profile &out, const std::string &path);
};

} // namespace perfwb::store
