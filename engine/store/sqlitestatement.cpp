// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlitestatement.h"

#include <utility>

namespace perfwb::store {

SqliteStatement::SqliteStatement(SqliteStatement &&other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr))
{}

SqliteStatement &SqliteStatement::operator=(SqliteStatement &&other) noexcept
{
    if (this != &other) {
        finalize();
        stmt_ = std::exchange(other.stmt_, nullptr);
    }
    return *this;
}

int SqliteStatement::prepare(sqlite3 *db, std::string_view sql)
{
    finalize();
    return sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
}

Result<bool> hasTable(sqlite3 *db, const char *table, const std::string &path)
{
    SqliteStatement exists;
    int rc = exists.prepare(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    if (rc == SQLITE_OK) {
        exists.bindText(1, table);
        rc = exists.step();
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return makeError(path + ": " + sqlite3_errmsg(db));
    return rc == SQLITE_ROW;
}

void SqliteStatement::finalize()
{
    if (stmt_ != nullptr) {
        sqlite3_finalize(stmt_);
        stmt_ = nullptr;
    }
}

} // namespace perfwb::store
