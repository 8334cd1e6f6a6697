// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportschema.h"

#include "sqlitestatement.h"

#include <QCoreApplication>

namespace perfwb::store {

namespace {

// Ids are the model's indexes (0-based, dense), so reading needs no id mapping.
// Samples are stored in blocks (SampleBlock), keyed by their first sample's position.
constexpr const char *kCreateSql = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE strings(id INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE TABLE frames(id INTEGER PRIMARY KEY, function INTEGER NOT NULL, module INTEGER NOT NULL,
                    file INTEGER NOT NULL, line INTEGER NOT NULL, inlined INTEGER NOT NULL, kind TEXT NOT NULL);
CREATE TABLE stack_nodes(id INTEGER PRIMARY KEY, parent INTEGER NOT NULL, frame INTEGER NOT NULL);
CREATE TABLE sample_blocks(first INTEGER PRIMARY KEY, count INTEGER NOT NULL, data BLOB NOT NULL);
CREATE TABLE threads(id INTEGER PRIMARY KEY, pid INTEGER NOT NULL, tid INTEGER NOT NULL, name INTEGER NOT NULL,
                     start_ns INTEGER NOT NULL, end_ns INTEGER NOT NULL);
CREATE TABLE processes(id INTEGER PRIMARY KEY, pid INTEGER NOT NULL, parent_pid INTEGER NOT NULL,
                       name INTEGER NOT NULL, start_ns INTEGER NOT NULL, end_ns INTEGER NOT NULL);
CREATE TABLE timelines(id INTEGER PRIMARY KEY, name TEXT NOT NULL, unit TEXT NOT NULL);
CREATE TABLE timeline_points(timeline INTEGER NOT NULL, time_ns INTEGER NOT NULL, value REAL NOT NULL);
CREATE TABLE marks(id INTEGER PRIMARY KEY, name TEXT NOT NULL, category TEXT NOT NULL, start_ns INTEGER NOT NULL,
                   end_ns INTEGER NOT NULL, tid INTEGER NOT NULL);
CREATE TABLE run(key TEXT PRIMARY KEY, value) WITHOUT ROWID;
CREATE TABLE run_command_line(position INTEGER PRIMARY KEY, arg TEXT NOT NULL);
CREATE TABLE run_environment(position INTEGER PRIMARY KEY, name TEXT NOT NULL, value TEXT NOT NULL);
CREATE TABLE run_extra(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
)sql";

} // namespace

int ReportSchema::create(sqlite3 *db)
{
    const std::string pageSize = "PRAGMA page_size=" + std::to_string(kPageSize);
    int rc = sqlite3_exec(db, pageSize.c_str(), nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        return rc;
    rc = sqlite3_exec(db, kCreateSql, nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK) {
        SqliteStatement insert;
        rc = insert.prepare(db, "INSERT INTO meta(key, value) VALUES(?, ?)");
        const std::string version = std::to_string(kBaseVersion);
        const std::string creator = createdBy();
        const std::pair<const char *, std::string_view> rows[] = {
            {kMetaFormat, kFormat}, {kMetaSchemaVersion, version}, {kMetaCreatedBy, creator}};
        for (const auto &[key, value] : rows) {
            if (rc != SQLITE_OK)
                break;
            insert.bindText(1, key);
            insert.bindText(2, value);
            rc = insert.execute() == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db);
        }
    }
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    // Only while the transaction is open: SQLite ends it itself on a full disk, and a
    // ROLLBACK then would replace the real error with "no transaction is active".
    if (rc != SQLITE_OK && sqlite3_get_autocommit(db) == 0)
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    return rc;
}

std::string ReportSchema::createdBy()
{
    const QString version = QCoreApplication::applicationVersion();
    return version.isEmpty() ? std::string("perfwb") : "perfwb " + version.toStdString();
}

} // namespace perfwb::store
