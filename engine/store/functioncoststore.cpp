// SPDX-License-Identifier: GPL-3.0-or-later
#include "functioncoststore.h"

#include "sqlitestatement.h"

#include <cmath>
#include <vector>

namespace perfwb::store {

bool FunctionCostStore::write(sqlite3 *db, const model::FunctionCosts &costs)
{
    if (costs.empty())
        return true;
    if (sqlite3_exec(db,
                     "CREATE TABLE IF NOT EXISTS cost_columns(id INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                     " unit TEXT NOT NULL);"
                     "CREATE TABLE IF NOT EXISTS function_costs(frame INTEGER NOT NULL, column INTEGER NOT NULL,"
                     " value REAL NOT NULL, PRIMARY KEY(frame, column)) WITHOUT ROWID;"
                     "DELETE FROM cost_columns; DELETE FROM function_costs;",
                     nullptr, nullptr, nullptr) != SQLITE_OK)
        return false;
    SqliteStatement column;
    if (column.prepare(db, "INSERT INTO cost_columns VALUES(?,?,?)") != SQLITE_OK)
        return false;
    for (std::size_t c = 0; c < costs.columns().size(); ++c) {
        column.bindInt(1, static_cast<std::int64_t>(c));
        column.bindText(2, costs.columns()[c].name);
        column.bindText(3, costs.columns()[c].unit);
        if (column.execute() != SQLITE_DONE)
            return false;
    }
    SqliteStatement cell;
    if (cell.prepare(db, "INSERT INTO function_costs VALUES(?,?,?)") != SQLITE_OK)
        return false;
    for (const auto frame : costs.frames()) {
        for (std::size_t c = 0; c < costs.columns().size(); ++c) {
            const auto v = costs.value(frame, c);
            if (!v)
                continue;
            cell.bindInt(1, frame);
            cell.bindInt(2, static_cast<std::int64_t>(c));
            cell.bindReal(3, *v);
            if (cell.execute() != SQLITE_DONE)
                return false;
        }
    }
    return true;
}

Status FunctionCostStore::read(sqlite3 *db, std::size_t frameCount, model::FunctionCosts &out, const std::string &path)
{
    const auto exists = hasTable(db, "cost_columns", path);
    if (!exists || !*exists)
        return exists.status();
    const auto damaged = [&](const std::string &what) { return makeError(path + ": damaged report (" + what + ")"); };
    SqliteStatement columns;
    if (columns.prepare(db, "SELECT id, name, unit FROM cost_columns ORDER BY id") != SQLITE_OK)
        return damaged(std::string("cost columns: ") + sqlite3_errmsg(db));
    std::vector<std::size_t> index; // stored id -> column in `out`
    while (columns.step() == SQLITE_ROW) {
        if (columns.columnInt(0) != static_cast<std::int64_t>(index.size()))
            return damaged("cost column ids are not 0, 1, 2, ...");
        index.push_back(out.column(columns.columnText(1), columns.columnText(2)));
    }
    SqliteStatement cells;
    if (cells.prepare(db, "SELECT frame, column, value FROM function_costs") != SQLITE_OK)
        return damaged(std::string("function costs: ") + sqlite3_errmsg(db));
    int rc;
    while ((rc = cells.step()) == SQLITE_ROW) {
        const std::int64_t frame = cells.columnInt(0);
        const std::int64_t column = cells.columnInt(1);
        const double value = cells.columnReal(2);
        if (frame < 0 || static_cast<std::uint64_t>(frame) >= frameCount || column < 0 ||
            static_cast<std::uint64_t>(column) >= index.size() || !std::isfinite(value))
            return damaged("a function cost refers to frame " + std::to_string(frame) + ", column " +
                           std::to_string(column));
        out.set(static_cast<model::FrameId>(frame), index[static_cast<std::size_t>(column)], value);
    }
    if (rc != SQLITE_DONE)
        return damaged(std::string("function costs: ") + sqlite3_errmsg(db));
    return {};
}

} // namespace perfwb::store
