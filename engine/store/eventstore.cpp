// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventstore.h"

#include "reportschema.h"
#include "sqlitestatement.h"

#include <cstdint>
#include <limits>

namespace perfwb::store {

static_assert(EventStore::kSchemaVersion <= ReportSchema::kVersion);

bool EventStore::write(sqlite3 *db, const model::Profile &profile, std::size_t from, std::size_t firstPosition)
{
    if (profile.events.empty())
        return true;
    const std::string create =
        "CREATE TABLE IF NOT EXISTS events(id INTEGER PRIMARY KEY, name TEXT NOT NULL, unit TEXT NOT NULL);"
        "CREATE TABLE IF NOT EXISTS sample_events(sample INTEGER PRIMARY KEY, event INTEGER NOT NULL);"
        "UPDATE meta SET value = '" +
        std::to_string(kSchemaVersion) + "' WHERE key = 'schema_version' AND CAST(value AS INTEGER) < " +
        std::to_string(kSchemaVersion) + ";"; // raises the version, never lowers it
    if (sqlite3_exec(db, create.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK)
        return false;
    SqliteStatement event;
    if (event.prepare(db, "INSERT OR REPLACE INTO events(id, name, unit) VALUES(?, ?, ?)") != SQLITE_OK)
        return false;
    for (std::size_t i = 0; i < profile.events.size(); ++i) {
        event.bindInt(1, static_cast<std::int64_t>(i));
        event.bindText(2, profile.events[i].name);
        event.bindText(3, profile.events[i].unit.name());
        if (event.execute() != SQLITE_DONE)
            return false;
    }
    SqliteStatement row;
    if (row.prepare(db, "INSERT INTO sample_events(sample, event) VALUES(?, ?)") != SQLITE_OK)
        return false;
    const model::SampleTable &samples = profile.samples;
    for (std::size_t i = from; i < samples.size(); ++i) {
        if (samples.event(i) == 0)
            continue;
        row.bindInt(1, static_cast<std::int64_t>(firstPosition + i - from));
        row.bindInt(2, samples.event(i));
        if (row.execute() != SQLITE_DONE)
            return false;
    }
    return true;
}

Status EventStore::read(sqlite3 *db, model::Profile &out, const std::string &path)
{
    const auto exists = hasTable(db, "events", path);
    if (!exists || !*exists)
        return exists.status();
    const auto damaged = [&](const std::string &what) { return makeError(path + ": damaged report (" + what + ")"); };
    SqliteStatement events;
    if (events.prepare(db, "SELECT id, name, unit FROM events ORDER BY id") != SQLITE_OK)
        return damaged(std::string("events: ") + sqlite3_errmsg(db));
    std::vector<model::EventType> read;
    int rc;
    while ((rc = events.step()) == SQLITE_ROW) {
        if (events.columnInt(0) != static_cast<std::int64_t>(read.size()) ||
            read.size() >= std::numeric_limits<std::uint16_t>::max())
            return damaged("event ids are not 0, 1, 2, ...");
        read.push_back({std::string(events.columnText(1)), model::WeightUnit::fromName(events.columnText(2))});
    }
    if (rc != SQLITE_DONE)
        return damaged(std::string("events: ") + sqlite3_errmsg(db));
    if (read.size() < 2)
        return damaged("an events table with fewer than two events");
    SqliteStatement rows;
    if (rows.prepare(db, "SELECT sample, event FROM sample_events") != SQLITE_OK)
        return damaged(std::string("sample events: ") + sqlite3_errmsg(db));
    while ((rc = rows.step()) == SQLITE_ROW) {
        const std::int64_t sample = rows.columnInt(0);
        const std::int64_t event = rows.columnInt(1);
        if (sample < 0 || static_cast<std::uint64_t>(sample) >= out.samples.size() || event < 1 ||
            static_cast<std::uint64_t>(event) >= read.size())
            return damaged("the event row of sample " + std::to_string(sample) + " is not valid");
        out.samples.setEvent(static_cast<std::size_t>(sample), static_cast<std::uint16_t>(event));
    }
    if (rc != SQLITE_DONE)
        return damaged(std::string("sample events: ") + sqlite3_errmsg(db));
    out.events = std::move(read);
    return {};
}

} // namespace perfwb::store
