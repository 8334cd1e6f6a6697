// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportreader.h"

#include "allocationstore.h"
#include "eventstore.h"
#include "functioncoststore.h"
#include "io/fileio.h"
#include "reportschema.h"
#include "sampleblock.h"
#include "sqlitestatement.h"
#include "threadcpustore.h"

#include "model/secretredactor.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <limits>
#include <sys/stat.h>
#include <vector>

namespace perfwb::store {

namespace {

constexpr std::string_view kSqliteMagic("SQLite format 3\0", 16);

std::uint32_t readBigEndian(std::string_view bytes, std::size_t offset, std::size_t size)
{
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < size; ++i)
        v = (v << 8U) | static_cast<unsigned char>(bytes[offset + i]);
    return v;
}

bool fitsInt32(std::int64_t v)
{
    return v >= std::numeric_limits<std::int32_t>::min() && v <= std::numeric_limits<std::int32_t>::max();
}

// Loads one report into a profile. Every id read from the file is checked before it
// is used, so a damaged report ends as an error, never as a crash in analysis.
class Loader {
public:
    Loader(const std::string &path, model::Profile &out)
        : path_(path)
        , out_(out)
    {}
    ~Loader() { sqlite3_close_v2(db_); }
    Loader(const Loader &) = delete;
    Loader &operator=(const Loader &) = delete;

    Status run();

private:
    Status open();
    Status checkFormat();
    Status readStrings();
    Status readFrames();
    Status readStackNodes();
    Status readThreadsAndProcesses();
    Status readSamples();
    Status readSampleRows();
    Status readSampleBlocks();
    Status addSample(const model::Sample &sample);
    Status readTimelines();
    Status readMarks();
    Status readRunMetadata();
    Status readRunLists();
    Status readAllocations() { return AllocationStore::read(db_, out_.stacks.size(), out_.allocations, path_); }
    Status readFunctionCosts() { return FunctionCostStore::read(db_, out_.frames.size(), out_.functionCosts, path_); }
    Status readThreadCpu() { return ThreadCpuStore::read(db_, out_, path_); }
    Status readEvents() { return EventStore::read(db_, out_, path_); }
    Status checkTotals();

    Status prepare(SqliteStatement &stmt, std::string_view sql);
    Result<std::int64_t> count(std::string_view sql);
    Error failure(int rc) const;
    Error damaged(const std::string &detail) const { return makeError(path_ + ": damaged report (" + detail + ")"); }
    bool validString(std::int64_t id) const { return id >= 0 && static_cast<std::size_t>(id) < out_.strings.size(); }
    std::string truncation() const;

    const std::string &path_;
    model::Profile &out_;
    sqlite3 *db_ = nullptr;
    std::string head_;
    int schema_ = 0;
    std::int64_t storedSamples_ = -1; // the report's own totals; -1 in reports older than them
    std::int64_t storedWeight_ = 0;
};

Status Loader::run()
{
    auto head = io::readFileHead(path_, 100);
    if (!head)
        return makeError(head.message());
    head_ = std::move(head.value());
    if (head_.empty())
        return makeError(path_ + ": not a perfwb report (empty file)");
    if (!ReportReader::looksLikeReport(head_))
        return makeError(path_ + ": not a perfwb report (not a SQLite database)");
    if (head_.size() < 100) // SQLite's header alone is 100 bytes
        return makeError(path_ + ": truncated report (" + std::to_string(head_.size()) +
                         " bytes, less than a SQLite header)");
    if (out_.strings.size() != 1 || out_.frames.size() != 0 || out_.stacks.size() != 1 || !out_.samples.empty() ||
        !out_.threads().empty() || !out_.processes.empty() || !out_.timelines.empty() || !out_.marks.empty())
        return makeError(path_ + ": cannot read a report into a profile that already holds data");

    for (auto step :
         {&Loader::open, &Loader::checkFormat, &Loader::readStrings, &Loader::readFrames, &Loader::readStackNodes,
          &Loader::readThreadsAndProcesses, &Loader::readSamples, &Loader::readTimelines, &Loader::readMarks,
          &Loader::readRunMetadata, &Loader::readRunLists, &Loader::readAllocations, &Loader::readFunctionCosts,
          &Loader::readThreadCpu, &Loader::readEvents, &Loader::checkTotals}) {
        if (Status st = (this->*step)(); !st)
            return st;
    }
    if (const int rc = sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr); rc != SQLITE_OK)
        return failure(rc);
    return {};
}

Status Loader::open()
{
    // Read-only: reading never changes a report, not even one a crashed writer left behind.
    if (const int rc = sqlite3_open_v2(path_.c_str(), &db_, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
        rc != SQLITE_OK)
        return failure(rc);
    sqlite3_extended_result_codes(db_, 1);
    // A report being recorded is readable too; its writer's commits are short.
    sqlite3_busy_timeout(db_, 5000);
    // One read transaction: every table comes from the same flush of a live writer.
    if (const int rc = sqlite3_exec(db_, "BEGIN", nullptr, nullptr, nullptr); rc != SQLITE_OK)
        return failure(rc);
    return {};
}

Status Loader::checkFormat()
{
    SqliteStatement meta;
    if (const int rc = meta.prepare(db_, "SELECT key, value FROM meta"); rc != SQLITE_OK) {
        if (rc == SQLITE_ERROR)
            return makeError(path_ + ": not a perfwb report (a SQLite database without perfwb tables)");
        return failure(rc);
    }
    std::string format;
    std::string version;
    int rc = SQLITE_OK;
    while ((rc = meta.step()) == SQLITE_ROW) {
        if (meta.columnText(0) == ReportSchema::kMetaFormat)
            format = meta.columnText(1);
        else if (meta.columnText(0) == ReportSchema::kMetaSchemaVersion)
            version = meta.columnText(1);
    }
    if (rc != SQLITE_DONE)
        return failure(rc);
    if (format != ReportSchema::kFormat)
        return makeError(path_ + ": not a perfwb report (a SQLite database of another program)");
    int schema = 0;
    const auto [end, ec] = std::from_chars(version.data(), version.data() + version.size(), schema);
    if (ec != std::errc() || end != version.data() + version.size() || schema < 1)
        return damaged("schema version '" + version + "'");
    if (schema > ReportSchema::kVersion)
        return makeError(path_ + ": written by a newer perfwb (schema " + std::to_string(schema) +
                         ", this perfwb reads up to " + std::to_string(ReportSchema::kVersion) + ")");
    schema_ = schema;
    return {};
}

Status Loader::readStrings()
{
    SqliteStatement s;
    if (Status st = prepare(s, "SELECT id, text FROM strings ORDER BY id"); !st)
        return st;
    std::int64_t expected = 0;
    int rc = SQLITE_OK;
    for (; (rc = s.step()) == SQLITE_ROW; ++expected) {
        if (s.columnInt(0) != expected)
            return damaged("string ids are not 0, 1, 2, ...");
        const std::string_view text = s.columnText(1);
        // Id 0 is the empty string of every StringTable; any other string is unique.
        if (expected == 0 ? !text.empty() : out_.strings.intern(text) != expected)
            return damaged("string " + std::to_string(expected) + " is stored twice");
    }
    if (rc != SQLITE_DONE)
        return failure(rc);
    return {};
}

Status Loader::readFrames()
{
    SqliteStatement s;
    if (Status st = prepare(s, "SELECT id, function, module, file, line, inlined, kind FROM frames ORDER BY id"); !st)
        return st;
    std::int64_t expected = 0;
    int rc = SQLITE_OK;
    for (; (rc = s.step()) == SQLITE_ROW; ++expected) {
        auto where = [&] { return "frame " + std::to_string(expected); };
        if (s.columnInt(0) != expected)
            return damaged("frame ids are not 0, 1, 2, ...");
        model::Frame f;
        const std::int64_t function = s.columnInt(1), module = s.columnInt(2), file = s.columnInt(3);
        if (!validString(function) || !validString(module) || !validString(file))
            return damaged(where() + " refers to a string that does not exist");
        const std::int64_t line = s.columnInt(4), inlined = s.columnInt(5);
        if (line < 0 || line > std::numeric_limits<std::uint32_t>::max() || (inlined != 0 && inlined != 1))
            return damaged(where() + " has a bad line or inlined flag");
        if (!model::frameKindFromName(s.columnText(6), f.kind))
            return damaged(where() + " has an unknown kind '" + std::string(s.columnText(6)) + "'");
        f.function = static_cast<model::StringId>(function);
        f.module = static_cast<model::StringId>(module);
        f.file = static_cast<model::StringId>(file);
        f.line = static_cast<std::uint32_t>(line);
        f.inlined = inlined != 0;
        if (out_.frames.intern(f) != expected)
            return damaged(where() + " is stored twice");
    }
    if (rc != SQLITE_DONE)
        return failure(rc);
    return {};
}

Status Loader::readStackNodes()
{
    SqliteStatement s;
    if (Status st = prepare(s, "SELECT id, parent, frame FROM stack_nodes ORDER BY id"); !st)
        return st;
    const auto frameCount = static_cast<std::int64_t>(out_.frames.size());
    std::int64_t expected = 1; // node 0, the empty stack, is not stored
    int rc = SQLITE_OK;
    for (; (rc = s.step()) == SQLITE_ROW; ++expected) {
        auto where = [&] { return "stack node " + std::to_string(expected); };
        if (s.columnInt(0) != expected)
            return damaged("stack node ids are not 1, 2, 3, ...");
        const std::int64_t parent = s.columnInt(1), frame = s.columnInt(2);
        // Parents come first: the invariant every tree walk in analysis relies on.
        if (parent < 0 || parent >= expected)
            return damaged(where() + " has parent " + std::to_string(parent));
        if (frame < 0 || frame >= frameCount)
            return damaged(where() + " refers to frame " + std::to_string(frame) + " that does not exist");
        if (out_.stacks.intern(static_cast<model::StackId>(parent), static_cast<model::FrameId>(frame)) != expected)
            return damaged(where() + " is stored twice");
    }
    if (rc != SQLITE_DONE)
        return failure(rc);
    return {};
}

Status Loader::readThreadsAndProcesses()
{
    SqliteStatement s;
    if (Status st = prepare(s, "SELECT id, pid, tid, name, start_ns, end_ns FROM threads ORDER BY id"); !st)
        return st;
    std::int64_t expected = 0;
    int rc = SQLITE_OK;
    for (; (rc = s.step()) == SQLITE_ROW; ++expected) {
        const std::int64_t pid = s.columnInt(1), tid = s.columnInt(2), name = s.columnInt(3);
        if (s.columnInt(0) != expected || !fitsInt32(pid) || !fitsInt32(tid) || !validString(name))
            return damaged("thread " + std::to_string(expected) + " is not valid");
        const auto index = out_.internThread(static_cast<std::int32_t>(pid), static_cast<std::int32_t>(tid),
                                             out_.strings.view(static_cast<model::StringId>(name)));
        if (index != expected)
            return damaged("thread " + std::to_string(expected) + " is stored twice");
        out_.thread(index).startNs = s.columnInt(4);
        out_.thread(index).endNs = s.columnInt(5);
    }
    if (rc != SQLITE_DONE)
        return failure(rc);

    if (Status st = prepare(s, "SELECT id, pid, parent_pid, name, start_ns, end_ns FROM processes ORDER BY id"); !st)
        return st;
    for (expected = 0; (rc = s.step()) == SQLITE_ROW; ++expected) {
        const std::int64_t pid = s.columnInt(1), parent = s.columnInt(2), name = s.columnInt(3);
        if (s.columnInt(0) != expected || !fitsInt32(pid) || !fitsInt32(parent) || !validString(name))
            return damaged("process " + std::to_string(expected) + " is not valid");
        model::ProcessInfo p;
        p.pid = static_cast<std::int32_t>(pid);
        p.parentPid = static_cast<std::int32_t>(parent);
        p.name = static_cast<model::StringId>(name);
        p.startNs = s.columnInt(4);
        p.endNs = s.columnInt(5);
        out_.processes.push_back(p);
    }
    if (rc != SQLITE_DONE)
        return failure(rc);
    return {};
}

Status Loader::readSamples()
{
    return schema_ <= ReportSchema::kLastRowSamplesVersion ? readSampleRows() : readSampleBlocks();
}

Status Loader::addSample(const model::Sample &sample)
{
    if (sample.thread >= out_.threads().size() || sample.stack >= out_.stacks.size())
        return damaged("sample " + std::to_string(out_.samples.size()) + " refers to thread " +
                       std::to_string(sample.thread) + ", stack " + std::to_string(sample.stack) +
                       " that do not exist");
    out_.samples.add(sample);
    return {};
}

// Schema 3 on: blocks of samples, each a blob (SampleBlock), in order of their first sample.
Status Loader::readSampleBlocks()
{
    auto total = count("SELECT coalesce(sum(count), 0) FROM sample_blocks");
    if (!total)
        return total.status();
    // Sized once up front (a damaged count only costs a smaller or larger reservation).
    out_.samples.reserve(static_cast<std::size_t>(std::clamp<std::int64_t>(total.value(), 0, 1 << 28)));

    SqliteStatement s;
    if (Status st = prepare(s, "SELECT first, count, data FROM sample_blocks ORDER BY first"); !st)
        return st;
    std::vector<model::Sample> block;
    int rc = SQLITE_OK;
    while ((rc = s.step()) == SQLITE_ROW) {
        const std::int64_t first = s.columnInt(0), n = s.columnInt(1);
        const std::string where = "sample block at " + std::to_string(first);
        if (first != static_cast<std::int64_t>(out_.samples.size()))
            return damaged(where + " does not follow sample " + std::to_string(out_.samples.size()) +
                           " (samples are missing or stored twice)");
        block.clear();
        if (n < 1 || n > static_cast<std::int64_t>(SampleBlock::kMaxSamples) ||
            !SampleBlock::decode(s.columnBlob(2), static_cast<std::size_t>(n), block))
            return damaged(where + " is not " + std::to_string(n) + " samples");
        for (const model::Sample &sample : block) {
            if (Status st = addSample(sample); !st)
                return st;
        }
    }
    if (rc != SQLITE_DONE)
        return failure(rc);
    return {};
}

// Schema 1 and 2: a row a sample.
Status Loader::readSampleRows()
{
    // Sized once up front: the model then holds exactly 24 bytes a sample.
    auto total = count("SELECT count(*) FROM samples");
    if (!total)
        return total.status();
    out_.samples.reserve(static_cast<std::size_t>(total.value()));

    SqliteStatement s;
    if (Status st = prepare(s, "SELECT time_ns, thread, stack, weight FROM samples ORDER BY rowid"); !st)
        return st;
    int rc = SQLITE_OK;
    while ((rc = s.step()) == SQLITE_ROW) {
        // Negative ids become huge unsigned values, so one comparison checks both ends.
        const auto thread = static_cast<std::uint64_t>(s.columnInt(1));
        const auto stack = static_cast<std::uint64_t>(s.columnInt(2));
        if (thread >= out_.threads().size() || stack >= out_.stacks.size())
            return damaged("sample " + std::to_string(out_.samples.size()) + " refers to thread " +
                           std::to_string(s.columnInt(1)) + ", stack " + std::to_string(s.columnInt(2)) +
                           " that do not exist");
        out_.samples.add({s.columnInt(0), static_cast<model::ThreadIndex>(thread), static_cast<model::StackId>(stack),
                          static_cast<std::uint64_t>(s.columnInt(3))});
    }
    if (rc != SQLITE_DONE)
        return failure(rc);
    return {};
}

Status Loader::readTimelines()
{
    SqliteStatement s;
    if (Status st = prepare(s, "SELECT id, name, unit FROM timelines ORDER BY id"); !st)
        return st;
    int rc = SQLITE_OK;
    while ((rc = s.step()) == SQLITE_ROW) {
        if (s.columnInt(0) != static_cast<std::int64_t>(out_.timelines.size()))
            return damaged("timeline ids are not 0, 1, 2, ...");
        out_.timelines.push_back({std::string(s.columnText(1)), std::string(s.columnText(2)), {}});
    }
    if (rc != SQLITE_DONE)
        return failure(rc);

    const auto timelineCount = static_cast<std::uint64_t>(out_.timelines.size());
    if (Status st = prepare(s, "SELECT timeline, count(*) FROM timeline_points GROUP BY timeline"); !st)
        return st;
    while ((rc = s.step()) == SQLITE_ROW) {
        const auto timeline = static_cast<std::uint64_t>(s.columnInt(0));
        if (timeline >= timelineCount)
            return damaged("a timeline point refers to timeline " + std::to_string(s.columnInt(0)) +
                           " that does not exist");
        out_.timelines[timeline].points.reserve(static_cast<std::size_t>(s.columnInt(1)));
    }
    if (rc != SQLITE_DONE)
        return failure(rc);

    // Each flush appends the new points of every timeline: rowid order is time order per timeline.
    if (Status st = prepare(s, "SELECT timeline, time_ns, value FROM timeline_points ORDER BY rowid"); !st)
        return st;
    while ((rc = s.step()) == SQLITE_ROW) {
        // Timeline ids were all checked by the GROUP BY above (same read transaction).
        out_.timelines[static_cast<std::size_t>(s.columnInt(0))].points.push_back({s.columnInt(1), s.columnReal(2)});
    }
    if (rc != SQLITE_DONE)
        return failure(rc);
    return {};
}

Status Loader::readMarks()
{
    SqliteStatement s;
    if (Status st = prepare(s, "SELECT id, name, category, start_ns, end_ns, tid FROM marks ORDER BY id"); !st)
        return st;
    int rc = SQLITE_OK;
    while ((rc = s.step()) == SQLITE_ROW) {
        const std::int64_t tid = s.columnInt(5);
        if (s.columnInt(0) != static_cast<std::int64_t>(out_.marks.size()) || !fitsInt32(tid))
            return damaged("mark " + std::to_string(out_.marks.size()) + " is not valid");
        model::Mark m;
        m.name = s.columnText(1);
        m.category = s.columnText(2);
        m.startNs = s.columnInt(3);
        m.endNs = s.columnInt(4);
        m.tid = static_cast<std::int32_t>(tid);
        out_.marks.push_back(std::move(m));
    }
    if (rc != SQLITE_DONE)
        return failure(rc);
    return {};
}

Status Loader::readRunMetadata()
{
    SqliteStatement s;
    if (Status st = prepare(s, "SELECT key, value FROM run"); !st)
        return st;
    model::RunMetadata &meta = out_.meta;
    const std::pair<const char *, std::string *> texts[] = {
        {ReportSchema::kRunWorkingDir, &meta.workingDir},
        {ReportSchema::kRunHost, &meta.host},
        {ReportSchema::kRunSamplerEvent, &meta.sampler.event},
        {ReportSchema::kRunSamplerCallGraph, &meta.sampler.callGraph},
        {ReportSchema::kRunLabel, &meta.runLabel},
        {ReportSchema::kRunSourceFormat, &meta.sourceFormat},
    };
    std::string weightUnit;
    std::int64_t exited = 0, exitCode = 0, exitSignal = 0, frequency = 0, lost = 0;
    const std::pair<const char *, std::int64_t *> integers[] = {
        {ReportSchema::kRunStartTime, &meta.startTimeUnixNs},
        {ReportSchema::kRunDuration, &meta.durationNs},
        {ReportSchema::kRunExited, &exited},
        {ReportSchema::kRunExitCode, &exitCode},
        {ReportSchema::kRunExitSignal, &exitSignal},
        {ReportSchema::kRunSamplerFrequency, &frequency},
        {ReportSchema::kRunLostSamples, &lost},
        {ReportSchema::kRunSampleCount, &storedSamples_},
        {ReportSchema::kRunTotalWeight, &storedWeight_},
    };
    int rc = SQLITE_OK;
    while ((rc = s.step()) == SQLITE_ROW) {
        const std::string_view key = s.columnText(0);
        for (const auto &[name, target] : texts) {
            if (key == name)
                *target = s.columnText(1);
        }
        if (key == ReportSchema::kRunWeightUnit)
            weightUnit = s.columnText(1);
        for (const auto &[name, target] : integers) {
            if (key != name)
                continue;
            if (s.columnType(1) != SQLITE_INTEGER)
                return damaged("run value '" + std::string(key) + "' is not a number");
            *target = s.columnInt(1);
        }
        // Keys this version does not know are skipped (none are written at schema 1).
    }
    if (rc != SQLITE_DONE)
        return failure(rc);
    if (!fitsInt32(exitCode) || !fitsInt32(exitSignal) || !fitsInt32(frequency))
        return damaged("run exit status or sampler frequency out of range");
    meta.exited = exited != 0;
    meta.exitCode = static_cast<int>(exitCode);
    meta.exitSignal = static_cast<int>(exitSignal);
    meta.sampler.frequencyHz = static_cast<int>(frequency);
    meta.lostSamples = static_cast<std::uint64_t>(lost);
    meta.weightUnit = model::WeightUnit::fromName(weightUnit);
    return {};
}

Status Loader::readRunLists()
{
    model::RunMetadata &meta = out_.meta;
    SqliteStatement s;
    if (Status st = prepare(s, "SELECT arg FROM run_command_line ORDER BY position"); !st)
        return st;
    int rc = SQLITE_OK;
    std::vector<std::string> args;
    while ((rc = s.step()) == SQLITE_ROW)
        args.emplace_back(s.columnText(0));
    if (rc != SQLITE_DONE)
        return failure(rc);
    // Redacted again, as everything below: a report written by another tool, or by an older
    // perfwb with fewer rules, must not bring secrets in either.
    meta.setCommandLine(std::move(args));

    if (Status st = prepare(s, "SELECT name, value FROM run_environment ORDER BY position"); !st)
        return st;
    model::EnvironmentList env;
    while ((rc = s.step()) == SQLITE_ROW)
        env.emplace_back(s.columnText(0), s.columnText(1));
    if (rc != SQLITE_DONE)
        return failure(rc);
    meta.setEnvironment(env);

    if (Status st = prepare(s, "SELECT key, value FROM run_extra"); !st)
        return st;
    while ((rc = s.step()) == SQLITE_ROW)
        meta.extra.emplace(s.columnText(0), model::SecretRedactor::redactVariable(s.columnText(0), s.columnText(1)));
    if (rc != SQLITE_DONE)
        return failure(rc);
    return {};
}

Status Loader::prepare(SqliteStatement &stmt, std::string_view sql)
{
    if (const int rc = stmt.prepare(db_, sql); rc != SQLITE_OK)
        return failure(rc);
    return {};
}

Result<std::int64_t> Loader::count(std::string_view sql)
{
    SqliteStatement s;
    if (const int rc = s.prepare(db_, sql); rc != SQLITE_OK)
        return failure(rc);
    if (const int rc = s.step(); rc != SQLITE_ROW)
        return failure(rc);
    return s.columnInt(0);
}

Status Loader::checkTotals()
{
    std::uint64_t weight = 0;
    for (std::size_t i = 0; i < out_.samples.size(); ++i)
        weight += out_.samples.weight(i);
    const bool totalsAgree = storedSamples_ < 0 || (out_.samples.size() == static_cast<std::uint64_t>(storedSamples_) &&
                                                    weight == static_cast<std::uint64_t>(storedWeight_));
    // A file shorter than its header says lost pages, whatever tables they held. Only a
    // finished report: a live writer's -wal file holds pages the main file has not yet.
    struct stat wal {};
    const std::string cut = ::stat((path_ + "-wal").c_str(), &wal) == 0 ? std::string() : truncation();
    if (totalsAgree && cut.empty())
        return {};
    // Partial data must not pass for the whole run: say what is there and what was lost.
    std::string what = path_ + ": truncated or damaged";
    if (!cut.empty())
        what += " (" + cut.substr(cut.find('(') + 1);
    const std::string of = storedSamples_ < 0 ? "" : " of " + std::to_string(storedSamples_);
    what += ": " + std::to_string(out_.samples.size()) + of + " samples recovered";
    if (!totalsAgree)
        what += " (total weight " + std::to_string(weight) + " of " +
                std::to_string(static_cast<std::uint64_t>(storedWeight_)) + ")";
    return makeError(what);
}

std::string Loader::truncation() const
{
    // The header's page count is trustworthy only while its "version valid for"
    // field matches the change counter.
    if (head_.size() < 100 || readBigEndian(head_, 24, 4) != readBigEndian(head_, 92, 4))
        return {};
    std::uint64_t pageSize = readBigEndian(head_, 16, 2);
    if (pageSize == 1)
        pageSize = 65536;
    const std::uint64_t expected = pageSize * readBigEndian(head_, 28, 4);
    struct stat st {};
    if (::stat(path_.c_str(), &st) != 0 || static_cast<std::uint64_t>(st.st_size) >= expected)
        return {};
    return "truncated report (" + std::to_string(st.st_size) + " of " + std::to_string(expected) + " bytes)";
}

Error Loader::failure(int rc) const
{
    const std::string reason = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    if (const std::string cut = truncation(); !cut.empty())
        return makeError(path_ + ": " + cut);
    switch (rc & 0xff) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_ERROR: // a missing table or column in a file that says it is a report
        return damaged(reason);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return makeError(path_ + ": report is locked by another program (" + reason + ")");
    case SQLITE_READONLY:
        if (rc == SQLITE_READONLY_ROLLBACK)
            return makeError(path_ + ": report was left mid-write with a hot rollback journal; "
                                     "open it read-write once (e.g. with sqlite3) to recover it");
        return makeError(path_ + ": cannot read report (" + reason + ")");
    case SQLITE_NOMEM:
        return makeError(path_ + ": out of memory while reading the report");
    case SQLITE_CANTOPEN:
        return makeError(path_ + ": cannot open report (" + reason + ")");
    default:
        return makeError(path_ + ": cannot read report (" + reason + ")");
    }
}

} // namespace

Status ReportReader::read(const std::string &path, model::Profile &out)
{
    Loader loader(path, out);
    return loader.run();
}

bool ReportReader::looksLikeReport(std::string_view head)
{
    // Without the NUL: a file cut inside the magic is a damaged report, not folded stacks.
    return head.starts_with(kSqliteMagic.substr(0, kSqliteMagic.size() - 1));
}

} // namespace perfwb::store
