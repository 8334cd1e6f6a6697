// SPDX-License-Identifier: GPL-3.0-or-later
#include "threadcpustore.h"

#include "sqlitestatement.h"

#include <algorithm>
#include <cstdint>

namespace perfwb::store {

bool ThreadCpuStore::write(sqlite3 *db, const std::vector<model::ThreadInfo> &threads)
{
    if (std::none_of(threads.begin(), threads.end(), [](const auto &t) { return t.cpuNs >= 0; }))
        return true;
    if (sqlite3_exec(db,
                     "CREATE TABLE IF NOT EXISTS thread_cpu(thread INTEGER PRIMARY KEY, cpu_ns INTEGER NOT NULL,"
                     " samples_taken INTEGER NOT NULL); DELETE FROM thread_cpu;",
                     nullptr, nullptr, nullptr) != SQLITE_OK)
        return false;
    SqliteStatement row;
    if (row.prepare(db, "INSERT INTO thread_cpu VALUES(?,?,?)") != SQLITE_OK)
        return false;
    for (std::size_t i = 0; i < threads.size(); ++i) {
        const model::ThreadInfo &t = threads[i];
        if (t.cpuNs < 0)
            continue;
        row.bindInt(1, static_cast<std::int64_t>(i));
        row.bindInt(2, t.cpuNs);
        row.bindInt(3, static_cast<std::int64_t>(std::min<std::uint64_t>(t.samplesTaken, INT64_MAX)));
        if (row.execute() != SQLITE_DONE)
            return false;
    }
    return true;
}

Status ThreadCpuStore::read(sqlite3 *db, model::Profile &out, const std::string &path)
{
    const auto exists = hasTable(db, "thread_cpu", path);
    if (!exists || !*exists)
        return exists.status();
    const auto damaged = [&](const std::string &what) { return makeError(path + ": damaged report (" + what + ")"); };
    SqliteStatement rows;
    if (rows.prepare(db, "SELECT thread, cpu_ns, samples_taken FROM thread_cpu") != SQLITE_OK)
        return damaged(std::string("thread CPU times: ") + sqlite3_errmsg(db));
    int rc;
    while ((rc = rows.step()) == SQLITE_ROW) {
        const std::int64_t thread = rows.columnInt(0), cpuNs = rows.columnInt(1), taken = rows.columnInt(2);
        if (thread < 0 || static_cast<std::uint64_t>(thread) >= out.threads().size() || cpuNs < 0 || taken < 0)
            return damaged("the CPU time row of thread " + std::to_string(thread) + " is not valid");
        model::ThreadInfo &t = out.thread(static_cast<model::ThreadIndex>(thread));
        t.cpuNs = cpuNs;
        t.samplesTaken = static_cast<std::uint64_t>(taken);
    }
    if (rc != SQLITE_DONE)
        return damaged(std::string("thread CPU times: ") + sqlite3_errmsg(db));
    return {};
}

} // namespace perfwb::store
