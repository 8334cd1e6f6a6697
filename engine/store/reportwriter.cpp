// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportwriter.h"

#include "allocationstore.h"
#include "eventstore.h"
#include "functioncoststore.h"
#include "reportschema.h"
#include "sampleblock.h"
#include "sqlitestatement.h"
#include "threadcpustore.h"

#include "io/fileio.h"
#include "model/secretredactor.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace perfwb::store {

namespace {

// Timeline points go this many to a statement: the per-statement cost dominates inserts of
// three numbers (an allocation recording's heap timeline has a point per 512 events).
constexpr std::size_t kPointChunk = 64;

// Incremental: WAL with synchronous=NORMAL, so a SIGKILL keeps every committed flush
// and a read-only reader can still open the report (a rollback journal would have to
// be rolled back first, which a read-only reader cannot do). Bulk: a private temporary
// file that is renamed into place only when complete, so it needs no journal at all.
enum class Mode { Incremental, Bulk };

Error ioError(const std::string &path, const char *what)
{
    return makeError(path + ": " + what + ": " + std::strerror(errno));
}

// A fresh, empty file beside `path` (same directory, so rename() stays atomic).
Result<std::string> createTempBeside(const std::string &path)
{
    std::string tmp = path + ".tmp-XXXXXX";
    const int fd = ::mkstemp(tmp.data());
    if (fd < 0)
        return ioError(path, "cannot create");
    // mkstemp creates 0600; a report is an ordinary file of the user.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
    ::close(fd);
    return tmp;
}

void removeSideFiles(const std::string &file)
{
    for (const char *suffix : {"-wal", "-shm", "-journal"})
        ::unlink((file + suffix).c_str());
}

void removeFileAndSideFiles(const std::string &file)
{
    ::unlink(file.c_str());
    removeSideFiles(file);
}

bool syncFile(const std::string &file)
{
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

} // namespace

struct ReportWriter::State {
    std::string file; // the file actually open: a temporary one while save() runs
    Mode mode = Mode::Incremental;

    SqliteStatement begin, commit, rollback;
    SqliteStatement insertString, insertFrame, insertNode, insertBlock;
    SqliteStatement upsertThread, upsertProcess, trimProcesses;
    SqliteStatement upsertTimeline, insertPoint, insertPointChunk, insertMark;
    SqliteStatement clearRun, clearCommandLine, clearEnvironment, clearExtra;
    SqliteStatement insertRun, insertArg, insertEnv, insertExtra;

    // How much of each append-only table is already in the file.
    std::size_t strings = 0;
    std::size_t frames = 0;
    std::size_t nodes = 1;          // node 0, the empty stack, is implicit
    std::size_t samples = 0;        // of the profile's sample table
    std::size_t droppedSamples = 0; // written, then dropped from the table by the caller
    std::size_t threads = 0;
    std::size_t marks = 0;
    std::vector<std::size_t> points; // per timeline
    std::uint64_t weight = 0;        // sum of the written samples' weights (wraps like the reader's)
    std::uint64_t pendingWeight = 0; // the same with this flush's samples, until it commits
    std::string blockBytes;          // reused for each block's encoding
};

ReportWriter::ReportWriter(std::string path)
    : path_(std::move(path))
    , state_(std::make_unique<State>())
{}

ReportWriter::~ReportWriter()
{
    if (db_ != nullptr) {
        if (Status st = close(); !st)
            spdlog::warn("{}", st.message());
    }
}

Status ReportWriter::sqliteError(const char *what) const
{
    if (db_ == nullptr)
        return makeError(path_ + ": " + what + ": out of memory");
    // The system's words for a full disk or an I/O error, not SQLite's ("database or disk
    // is full"), so record and import say what df would.
    const int rc = sqlite3_extended_errcode(db_);
    const int sysErrno = sqlite3_system_errno(db_);
    std::string reason = sqlite3_errmsg(db_);
    if ((rc & 0xff) == SQLITE_FULL)
        reason = std::strerror(ENOSPC);
    else if ((rc & 0xff) == SQLITE_IOERR && sysErrno != 0)
        reason = std::strerror(sysErrno);
    return makeError(path_ + ": " + what + ": " + reason);
}

Status ReportWriter::open(const std::string &file, bool bulk, bool createSchema)
{
    State &st = *state_;
    st.file = file;
    st.mode = bulk ? Mode::Bulk : Mode::Incremental;
    if (sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        Status err = sqliteError("cannot open report");
        sqlite3_close(db_);
        db_ = nullptr;
        return err;
    }
    sqlite3_extended_result_codes(db_, 1);
    // Bulk writes go to a private file: no journal, no syncing until the end.
    const char *pragmas = bulk ? "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA locking_mode=EXCLUSIVE;"
                                 "PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;"
                               : "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-4096; PRAGMA temp_store=MEMORY;";
    if (sqlite3_exec(db_, pragmas, nullptr, nullptr, nullptr) != SQLITE_OK)
        return sqliteError("cannot open report");
    if (createSchema && ReportSchema::create(db_) != SQLITE_OK)
        return sqliteError("cannot create report");
    if (!bulk) {
        sqlite3_busy_timeout(db_, 5000);
        SqliteStatement wal;
        if (wal.prepare(db_, "PRAGMA journal_mode=WAL") != SQLITE_OK || wal.step() != SQLITE_ROW)
            return sqliteError("cannot open report");
        if (wal.columnText(0) != "wal")
            spdlog::warn("{}: the file system refuses SQLite's WAL mode; a report cut short by a crash "
                         "will need a read-write open to recover",
                         path_);
    }

    const std::pair<SqliteStatement *, const char *> statements[] = {
        {&st.begin, "BEGIN"},
        {&st.commit, "COMMIT"},
        {&st.rollback, "ROLLBACK"},
        {&st.insertString, "INSERT INTO strings(id, text) VALUES(?, ?)"},
        {&st.insertFrame, "INSERT INTO frames(id, function, module, file, line, inlined, kind) VALUES(?,?,?,?,?,?,?)"},
        {&st.insertNode, "INSERT INTO stack_nodes(id, parent, frame) VALUES(?, ?, ?)"},
        {&st.insertBlock, "INSERT INTO sample_blocks(first, count, data) VALUES(?, ?, ?)"},
        {&st.upsertThread, "INSERT OR REPLACE INTO threads(id, pid, tid, name, start_ns, end_ns) VALUES(?,?,?,?,?,?)"},
        {&st.upsertProcess,
         "INSERT OR REPLACE INTO processes(id, pid, parent_pid, name, start_ns, end_ns) VALUES(?,?,?,?,?,?)"},
        {&st.trimProcesses, "DELETE FROM processes WHERE id >= ?"},
        {&st.upsertTimeline, "INSERT OR REPLACE INTO timelines(id, name, unit) VALUES(?, ?, ?)"},
        {&st.insertPoint, "INSERT INTO timeline_points(timeline, time_ns, value) VALUES(?, ?, ?)"},
        {&st.insertMark, "INSERT INTO marks(id, name, category, start_ns, end_ns, tid) VALUES(?,?,?,?,?,?)"},
        {&st.clearRun, "DELETE FROM run"},
        {&st.clearCommandLine, "DELETE FROM run_command_line"},
        {&st.clearEnvironment, "DELETE FROM run_environment"},
        {&st.clearExtra, "DELETE FROM run_extra"},
        {&st.insertRun, "INSERT INTO run(key, value) VALUES(?, ?)"},
        {&st.insertArg, "INSERT INTO run_command_line(position, arg) VALUES(?, ?)"},
        {&st.insertEnv, "INSERT INTO run_environment(position, name, value) VALUES(?, ?, ?)"},
        {&st.insertExtra, "INSERT INTO run_extra(key, value) VALUES(?, ?)"},
    };
    for (const auto &[stmt, sql] : statements) {
        if (stmt->prepare(db_, sql) != SQLITE_OK)
            return sqliteError("not a writable perfwb report");
    }
    std::string chunk = "INSERT INTO timeline_points(timeline, time_ns, value) VALUES(?,?,?)";
    for (std::size_t i = 1; i < kPointChunk; ++i)
        chunk += ",(?,?,?)";
    if (st.insertPointChunk.prepare(db_, chunk) != SQLITE_OK)
        return sqliteError("not a writable perfwb report");
    return {};
}

Status ReportWriter::close()
{
    const Mode mode = state_->mode;
    const std::string file = state_->file;
    // A fresh State finalizes every statement (SQLite closes only without them) and
    // starts the bookkeeping over for the next open().
    state_ = std::make_unique<State>();
    Status result;
    if (mode == Mode::Incremental) {
        // Leaving WAL mode checkpoints and deletes the -wal file: the report ends as one file.
        if (sqlite3_exec(db_, "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr) != SQLITE_OK)
            spdlog::warn("{}: report left in WAL mode: {}", path_, sqlite3_errmsg(db_));
    }
    if (sqlite3_close(db_) != SQLITE_OK)
        result = sqliteError("cannot close report");
    db_ = nullptr;
    if (result && mode == Mode::Bulk && !syncFile(file))
        result = ioError(path_, "cannot write report");
    return result;
}

void ReportWriter::discard()
{
    if (db_ != nullptr) {
        state_ = std::make_unique<State>(); // finalizes the statements, so close succeeds
        sqlite3_close(db_);
        db_ = nullptr;
    }
    removeFileAndSideFiles(path_);
}

Result<std::unique_ptr<ReportWriter>> ReportWriter::create(const std::string &path)
{
    // The empty report is made in memory and written in one go by io::writeFileAtomically:
    // the file has no name until it is whole, so a recording killed this early leaves
    // nothing behind, and an existing report at `path` survives a failure here.
    auto empty = emptyReport();
    if (!empty)
        return makeError(path + ": cannot create report: " + empty.message());
    // A stale -wal of an earlier report at `path` would be replayed onto the new file.
    removeSideFiles(path);
    if (Status written = io::writeFileAtomically(path, empty.value(), true); !written)
        return makeError(written.message());
    std::unique_ptr<ReportWriter> writer(new ReportWriter(path));
    if (Status opened = writer->open(path, false, false); !opened)
        return makeError(opened.message());
    return writer;
}

Result<std::string> ReportWriter::emptyReport()
{
    sqlite3 *db = nullptr;
    int rc = sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc == SQLITE_OK)
        rc = ReportSchema::create(db);
    sqlite3_int64 size = 0;
    unsigned char *bytes = rc == SQLITE_OK ? sqlite3_serialize(db, "main", &size, 0) : nullptr;
    const std::string error = db != nullptr ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    if (bytes == nullptr)
        return makeError(error);
    std::string out(reinterpret_cast<const char *>(bytes), static_cast<std::size_t>(size));
    sqlite3_free(bytes);
    return out;
}

Status ReportWriter::flush(const model::Profile &profile)
{
    if (db_ == nullptr)
        return makeError(path_ + ": report writer already finished");
    State &st = *state_;
    const auto &timelines = profile.timelines;
    bool shrank = profile.strings.size() < st.strings || profile.frames.size() < st.frames ||
                  profile.stacks.size() < st.nodes || profile.samples.size() < st.samples ||
                  profile.marks.size() < st.marks || profile.threads().size() < st.threads ||
                  timelines.size() < st.points.size();
    for (std::size_t i = 0; i < st.points.size() && !shrank; ++i)
        shrank = timelines[i].points.size() < st.points[i];
    if (shrank)
        return makeError(path_ + ": the profile lost data since the last flush (a writer serves one growing profile)");

    if (st.begin.execute() != SQLITE_DONE)
        return sqliteError("cannot write report");
    if (!writeNewData(profile)) {
        Status err = sqliteError("cannot write report");
        st.rollback.execute();
        return err;
    }
    if (st.commit.execute() != SQLITE_DONE) {
        Status err = sqliteError("cannot write report");
        st.rollback.execute();
        return err;
    }
    st.strings = profile.strings.size();
    st.frames = profile.frames.size();
    st.nodes = profile.stacks.size();
    st.samples = profile.samples.size();
    st.weight = st.pendingWeight;
    st.threads = profile.threads().size();
    st.marks = profile.marks.size();
    st.points.resize(timelines.size());
    for (std::size_t i = 0; i < timelines.size(); ++i)
        st.points[i] = timelines[i].points.size();
    return {};
}

bool ReportWriter::dropWrittenSamples(model::SampleTable &samples)
{
    State &st = *state_;
    // Only what is in the file may go: an unwritten sample would be lost.
    if (st.samples != samples.size())
        return false;
    st.droppedSamples += st.samples;
    st.samples = 0;
    samples.clear();
    return true;
}

bool ReportWriter::writeNewData(const model::Profile &profile)
{
    State &st = *state_;
    for (std::size_t id = st.strings; id < profile.strings.size(); ++id) {
        st.insertString.bindInt(1, static_cast<std::int64_t>(id));
        st.insertString.bindText(2, profile.strings.view(static_cast<model::StringId>(id)));
        if (st.insertString.execute() != SQLITE_DONE)
            return false;
    }
    for (std::size_t id = st.frames; id < profile.frames.size(); ++id) {
        const model::Frame &f = profile.frames.at(static_cast<model::FrameId>(id));
        auto &s = st.insertFrame;
        s.bindInt(1, static_cast<std::int64_t>(id));
        s.bindInt(2, f.function);
        s.bindInt(3, f.module);
        s.bindInt(4, f.file);
        s.bindInt(5, f.line);
        s.bindInt(6, f.inlined ? 1 : 0);
        s.bindText(7, model::frameKindName(f.kind));
        if (s.execute() != SQLITE_DONE)
            return false;
    }
    const auto &nodes = profile.stacks.nodes();
    for (std::size_t id = std::max<std::size_t>(st.nodes, 1); id < nodes.size(); ++id) {
        st.insertNode.bindInt(1, static_cast<std::int64_t>(id));
        st.insertNode.bindInt(2, nodes[id].parent);
        st.insertNode.bindInt(3, nodes[id].frame);
        if (st.insertNode.execute() != SQLITE_DONE)
            return false;
    }
    const model::SampleTable &samples = profile.samples;
    const std::size_t firstNew = st.samples;
    st.pendingWeight = st.weight;
    for (std::size_t k = st.samples; k < samples.size(); ++k)
        st.pendingWeight += samples.weight(k);
    for (std::size_t i = st.samples; i < samples.size(); i += SampleBlock::kMaxSamples) {
        const std::size_t count = std::min(SampleBlock::kMaxSamples, samples.size() - i);
        st.blockBytes.clear();
        SampleBlock::encode(samples, i, i + count, st.blockBytes);
        st.insertBlock.bindInt(1, static_cast<std::int64_t>(st.droppedSamples + i));
        st.insertBlock.bindInt(2, static_cast<std::int64_t>(count));
        st.insertBlock.bindBlob(3, st.blockBytes);
        if (st.insertBlock.execute() != SQLITE_DONE)
            return false;
    }
    return writeSmallTables(profile) && writeTimelinesAndMarks(profile) && writeRunMetadata(profile.meta) &&
           writeTotals(st.droppedSamples + samples.size(), st.pendingWeight) &&
           AllocationStore::write(db_, profile.allocations) && FunctionCostStore::write(db_, profile.functionCosts) &&
           ThreadCpuStore::write(db_, profile.threads()) &&
           EventStore::write(db_, profile, firstNew, st.droppedSamples + firstNew);
}

bool ReportWriter::writeSmallTables(const model::Profile &profile)
{
    State &st = *state_;
    // Threads and processes are few and change (names, end times): rewrite them all.
    const auto &threads = profile.threads();
    for (std::size_t i = 0; i < threads.size(); ++i) {
        const model::ThreadInfo &t = threads[i];
        auto &s = st.upsertThread;
        s.bindInt(1, static_cast<std::int64_t>(i));
        s.bindInt(2, t.pid);
        s.bindInt(3, t.tid);
        s.bindInt(4, t.name);
        s.bindInt(5, t.startNs);
        s.bindInt(6, t.endNs);
        if (s.execute() != SQLITE_DONE)
            return false;
    }
    for (std::size_t i = 0; i < profile.processes.size(); ++i) {
        const model::ProcessInfo &p = profile.processes[i];
        auto &s = st.upsertProcess;
        s.bindInt(1, static_cast<std::int64_t>(i));
        s.bindInt(2, p.pid);
        s.bindInt(3, p.parentPid);
        s.bindInt(4, p.name);
        s.bindInt(5, p.startNs);
        s.bindInt(6, p.endNs);
        if (s.execute() != SQLITE_DONE)
            return false;
    }
    st.trimProcesses.bindInt(1, static_cast<std::int64_t>(profile.processes.size()));
    return st.trimProcesses.execute() == SQLITE_DONE;
}

bool ReportWriter::writeTimelinesAndMarks(const model::Profile &profile)
{
    State &st = *state_;
    for (std::size_t i = 0; i < profile.timelines.size(); ++i) {
        const model::Timeline &tl = profile.timelines[i];
        st.upsertTimeline.bindInt(1, static_cast<std::int64_t>(i));
        st.upsertTimeline.bindText(2, tl.name);
        st.upsertTimeline.bindText(3, tl.unit);
        if (st.upsertTimeline.execute() != SQLITE_DONE)
            return false;
        std::size_t p = i < st.points.size() ? st.points[i] : 0;
        auto bindPoints = [&](SqliteStatement &s, std::size_t count) {
            for (int col = 1; count > 0; --count, ++p) {
                s.bindInt(col++, static_cast<std::int64_t>(i));
                s.bindInt(col++, tl.points[p].timeNs);
                s.bindReal(col++, tl.points[p].value);
            }
            return s.execute() == SQLITE_DONE;
        };
        while (tl.points.size() - p >= kPointChunk) {
            if (!bindPoints(st.insertPointChunk, kPointChunk))
                return false;
        }
        while (p < tl.points.size()) {
            if (!bindPoints(st.insertPoint, 1))
                return false;
        }
    }
    // Marks are append-only: a span is added once it has ended.
    for (std::size_t i = st.marks; i < profile.marks.size(); ++i) {
        const model::Mark &m = profile.marks[i];
        auto &s = st.insertMark;
        s.bindInt(1, static_cast<std::int64_t>(i));
        s.bindText(2, m.name);
        s.bindText(3, m.category);
        s.bindInt(4, m.startNs);
        s.bindInt(5, m.endNs);
        s.bindInt(6, m.tid);
        if (s.execute() != SQLITE_DONE)
            return false;
    }
    return true;
}

bool ReportWriter::writeTotals(std::size_t samples, std::uint64_t weight)
{
    State &st = *state_;
    const std::pair<const char *, std::int64_t> totals[] = {
        {ReportSchema::kRunSampleCount, static_cast<std::int64_t>(samples)},
        {ReportSchema::kRunTotalWeight, static_cast<std::int64_t>(weight)}, // bit pattern, as weights
    };
    for (const auto &[key, value] : totals) {
        st.insertRun.bindText(1, key);
        st.insertRun.bindInt(2, value);
        if (st.insertRun.execute() != SQLITE_DONE)
            return false;
    }
    return true;
}

bool ReportWriter::writeRunMetadata(const model::RunMetadata &meta)
{
    State &st = *state_;
    // A few dozen rows: rewritten whole on every flush, as the run's end fills them in.
    for (SqliteStatement *clear : {&st.clearRun, &st.clearCommandLine, &st.clearEnvironment, &st.clearExtra}) {
        if (clear->execute() != SQLITE_DONE)
            return false;
    }
    auto text = [&](const char *key, std::string_view value) {
        st.insertRun.bindText(1, key);
        st.insertRun.bindText(2, value);
        return st.insertRun.execute() == SQLITE_DONE;
    };
    auto integer = [&](const char *key, std::int64_t value) {
        st.insertRun.bindText(1, key);
        st.insertRun.bindInt(2, value);
        return st.insertRun.execute() == SQLITE_DONE;
    };
    bool ok = text(ReportSchema::kRunWorkingDir, meta.workingDir) && text(ReportSchema::kRunHost, meta.host) &&
              integer(ReportSchema::kRunStartTime, meta.startTimeUnixNs) &&
              integer(ReportSchema::kRunDuration, meta.durationNs) && integer(ReportSchema::kRunExited, meta.exited) &&
              integer(ReportSchema::kRunExitCode, meta.exitCode) &&
              integer(ReportSchema::kRunExitSignal, meta.exitSignal) &&
              text(ReportSchema::kRunSamplerEvent, meta.sampler.event) &&
              integer(ReportSchema::kRunSamplerFrequency, meta.sampler.frequencyHz) &&
              text(ReportSchema::kRunSamplerCallGraph, meta.sampler.callGraph) &&
              text(ReportSchema::kRunLabel, meta.runLabel) &&
              integer(ReportSchema::kRunLostSamples, static_cast<std::int64_t>(meta.lostSamples)) &&
              text(ReportSchema::kRunSourceFormat, meta.sourceFormat) &&
              text(ReportSchema::kRunWeightUnit, meta.weightUnit.name());
    for (std::size_t i = 0; ok && i < meta.commandLine.size(); ++i) {
        st.insertArg.bindInt(1, static_cast<std::int64_t>(i));
        st.insertArg.bindText(2, meta.commandLine[i]);
        ok = st.insertArg.execute() == SQLITE_DONE;
    }
    // environment() is already redacted by RunMetadata::setEnvironment: secrets never get here.
    const auto &env = meta.environment();
    for (std::size_t i = 0; ok && i < env.size(); ++i) {
        st.insertEnv.bindInt(1, static_cast<std::int64_t>(i));
        st.insertEnv.bindText(2, env[i].first);
        st.insertEnv.bindText(3, env[i].second);
        ok = st.insertEnv.execute() == SQLITE_DONE;
    }
    for (auto it = meta.extra.begin(); ok && it != meta.extra.end(); ++it) {
        st.insertExtra.bindText(1, it->first);
        // Imported files bring their own fields (a trace's metadata, a tool's options).
        // Kept in a local: bindText does not copy, the text must live until execute().
        const std::string value = model::SecretRedactor::redactVariable(it->first, it->second);
        st.insertExtra.bindText(2, value);
        ok = st.insertExtra.execute() == SQLITE_DONE;
    }
    return ok;
}

Status ReportWriter::finish(const model::Profile &profile)
{
    if (db_ == nullptr)
        return makeError(path_ + ": report writer already finished");
    Status flushed = flush(profile);
    Status closed = close();
    return flushed ? closed : flushed;
}

Status ReportWriter::save(const std::string &path, const model::Profile &profile)
{
    auto tmp = createTempBeside(path);
    if (!tmp)
        return makeError(tmp.message());
    std::unique_ptr<ReportWriter> writer(new ReportWriter(path));
    Status st = writer->open(tmp.value(), true, true);
    if (st)
        st = writer->flush(profile);
    if (writer->db_ != nullptr) {
        if (Status closed = writer->close(); st && !closed)
            st = closed;
    }
    if (st) {
        // A stale -wal of an earlier report at `path` would be replayed onto the new file.
        removeSideFiles(path);
        if (::rename(tmp->c_str(), path.c_str()) != 0)
            st = ioError(path, "cannot write report");
    }
    if (!st)
        removeFileAndSideFiles(tmp.value());
    return st;
}

} // namespace perfwb::store
