// SPDX-License-Identifier: GPL-3.0-or-later
#include "allocationstore.h"

#include "sqlitestatement.h"

namespace perfwb::store {

namespace {

std::int64_t asInt(std::uint64_t v)
{
    return static_cast<std::int64_t>(v);
}

} // namespace

bool AllocationStore::write(sqlite3 *db, const model::AllocationTable &table)
{
    if (table.empty())
        return true;
    if (sqlite3_exec(db,
                     "CREATE TABLE IF NOT EXISTS allocations(stack INTEGER PRIMARY KEY, calls INTEGER NOT NULL,"
                     " bytes INTEGER NOT NULL, leaked_bytes INTEGER NOT NULL, leaked_blocks INTEGER NOT NULL,"
                     " temporary INTEGER NOT NULL, peak_bytes INTEGER NOT NULL, peak_time_ns INTEGER NOT NULL);"
                     "DELETE FROM allocations;",
                     nullptr, nullptr, nullptr) != SQLITE_OK)
        return false;
    SqliteStatement insert;
    if (insert.prepare(db, "INSERT INTO allocations VALUES(?,?,?,?,?,?,?,?)") != SQLITE_OK)
        return false;
    auto row = [&](std::int64_t stack, const model::AllocationStats &s, std::int64_t peakTime) {
        insert.bindInt(1, stack);
        insert.bindInt(2, asInt(s.calls));
        insert.bindInt(3, asInt(s.bytes));
        insert.bindInt(4, asInt(s.leakedBytes));
        insert.bindInt(5, asInt(s.leakedBlocks));
        insert.bindInt(6, asInt(s.temporary));
        insert.bindInt(7, asInt(s.peakBytes));
        insert.bindInt(8, peakTime);
        return insert.execute() == SQLITE_DONE;
    };
    if (!row(-1, table.totals, table.peakTimeNs))
        return false;
    for (std::size_t i = 0; i < table.size(); ++i)
        if (!row(table.stacks[i], table.stats[i], 0))
            return false;
    return true;
}

Status AllocationStore::read(sqlite3 *db, std::size_t stackCount, model::AllocationTable &out, const std::string &path)
{
    const auto exists = hasTable(db, "allocations", path);
    if (!exists || !*exists)
        return exists.status(); // recorded without --alloc
    SqliteStatement s;
    if (s.prepare(db, "SELECT stack, calls, bytes, leaked_bytes, leaked_blocks, temporary, peak_bytes, peak_time_ns"
                      " FROM allocations ORDER BY stack") != SQLITE_OK)
        return makeError(path + ": damaged report (allocations: " + sqlite3_errmsg(db) + ")");
    int rc;
    while ((rc = s.step()) == SQLITE_ROW) {
        model::AllocationStats st;
        st.calls = static_cast<std::uint64_t>(s.columnInt(1));
        st.bytes = static_cast<std::uint64_t>(s.columnInt(2));
        st.leakedBytes = static_cast<std::uint64_t>(s.columnInt(3));
        st.leakedBlocks = static_cast<std::uint64_t>(s.columnInt(4));
        st.temporary = static_cast<std::uint64_t>(s.columnInt(5));
        st.peakBytes = static_cast<std::uint64_t>(s.columnInt(6));
        const std::int64_t stack = s.columnInt(0);
        if (stack == -1) {
            out.totals = st;
            out.peakTimeNs = s.columnInt(7);
        } else if (stack >= 0 && static_cast<std::uint64_t>(stack) < stackCount) {
            out.row(static_cast<model::StackId>(stack)) = st;
        } else {
            return makeError(path + ": damaged report (an allocation row refers to stack " + std::to_string(stack) +
                             ", which does not exist)");
        }
    }
    if (rc != SQLITE_DONE)
        return makeError(path + ": " + sqlite3_errmsg(db));
    return {};
}

} // namespace perfwb::store
