// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "core/result.h"

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace perfwb::store {

// One prepared statement, finalized on destruction. The bind/column calls are
// inline because the report reader and writer run them once per sample.
class SqliteStatement {
public:
    SqliteStatement() = default;
    ~SqliteStatement() { finalize(); }
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;
    SqliteStatement(SqliteStatement &&other) noexcept;
    SqliteStatement &operator=(SqliteStatement &&other) noexcept;

    // Returns an SQLite result code (SQLITE_OK on success).
    int prepare(sqlite3 *db, std::string_view sql);
    void finalize();
    bool isPrepared() const { return stmt_ != nullptr; }

    void bindInt(int index, std::int64_t value) { sqlite3_bind_int64(stmt_, index, value); }
    void bindReal(int index, double value) { sqlite3_bind_double(stmt_, index, value); }
    // The text must stay alive until the statement has been stepped.
    void bindText(int index, std::string_view text)
    {
        sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_STATIC, SQLITE_UTF8);
    }
    // The bytes must stay alive until the statement has been stepped.
    void bindBlob(int index, std::string_view bytes)
    {
        sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_STATIC);
    }

    // SQLITE_ROW, SQLITE_DONE or an error code.
    int step() { return sqlite3_step(stmt_); }
    // Runs a statement that returns no rows and makes it ready for the next
    // bindings; returns SQLITE_DONE on success.
    int execute()
    {
        const int rc = sqlite3_step(stmt_);
        sqlite3_reset(stmt_);
        return rc;
    }
    void reset() { sqlite3_reset(stmt_); }

    int columnType(int column) const { return sqlite3_column_type(stmt_, column); }
    std::int64_t columnInt(int column) const { return sqlite3_column_int64(stmt_, column); }
    double columnReal(int column) const { return sqlite3_column_double(stmt_, column); }
    // Valid until the next step(); bytes as stored (SQLite does not check UTF-8).
    std::string_view columnText(int column) const
    {
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(stmt_, column));
        const int bytes = sqlite3_column_bytes(stmt_, column);
        return text ? std::string_view(text, static_cast<std::size_t>(bytes)) : std::string_view();
    }
    // Valid until the next step(); empty for NULL or a zero-length blob.
    std::string_view columnBlob(int column) const
    {
        const auto *data = static_cast<const char *>(sqlite3_column_blob(stmt_, column));
        const int bytes = sqlite3_column_bytes(stmt_, column);
        return data ? std::string_view(data, static_cast<std::size_t>(bytes)) : std::string_view();
    }

private:
    sqlite3_stmt *stmt_ = nullptr;
};

// Whether the report has an optional table (allocations, function costs, thread CPU times,
// events); an error naming `path` when SQLite cannot say.
Result<bool> hasTable(sqlite3 *db, const char *table, const std::string &path);

} // namespace perfwb::store
