// SPDX-License-Identifier: GPL-3.0-or-later
// The .perfwb report file: round trips of every table and metadata field, secrets
// never reaching the file, incremental flushes, a writer killed with SIGKILL, and
// files that are not (or no longer) good reports.
#include "formats/profileloader.h"
#include "reportfixtures.h"
#include "store/reportreader.h"
#include "store/reportschema.h"
#include "store/reportwriter.h"

#include "model/secretredactor.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <atomic>
#include <csignal>
#include <random>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace perfwb;
using namespace perfwb::testing;
using store::ReportReader;
using store::ReportWriter;

namespace {

void execSql(const QString &file, const char *sql)
{
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(file.toUtf8().constData(), &db), SQLITE_OK);
    char *error = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &error);
    const QString message = QString::fromUtf8(error ? error : "");
    sqlite3_free(error);
    sqlite3_close(db);
    QVERIFY2(rc == SQLITE_OK, qPrintable(message));
}

bool writeBytes(const QString &file, const QByteArray &data)
{
    QFile f(file);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
}

} // namespace

class TestReportFile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void roundTripEveryField();
    void roundTripEmptyProfile();
    void eventsRoundTrip();
    void eventsOfDroppedSamples();
    void damagedEvents_data();
    void damagedEvents();
    void secretsNeverReachTheFile();
    void incrementalFlushes();
    void liveReportIsReadable();
    void droppedSamplesStayInTheFile();
    void writerKilled_data();
    void writerKilled();
    void badFiles_data();
    void badFiles();
    void reportWithoutTotalsReads();
    void shortSqliteFileIsNotFolded();
    void saveToMissingDirectory();
    void failedSaveLeavesNothing();
    void createReplacesStaleReport();
    void misuseIsAnError();

private:
    std::unique_ptr<QTemporaryDir> dir_;
    QString path(const QString &name) const { return dir_->filePath(name); }
};

void TestReportFile::init()
{
    dir_ = std::make_unique<QTemporaryDir>();
    QVERIFY(dir_->isValid());
}

void TestReportFile::roundTripEveryField()
{
    const model::Profile written = makeFullProfile(5000);
    const std::string file = path("full.perfwb").toStdString();
    const Status saved = ReportWriter::save(file, written);
    QVERIFY2(saved, saved.message().c_str());
    QCOMPARE(filesIn(dir_->path()), QStringList{"full.perfwb"});

    model::Profile read;
    const Status st = ReportReader::read(file, read);
    QVERIFY2(st, st.message().c_str());
    compareProfiles(written, read);
    if (QTest::currentTestFailed())
        return;
    // The secret value was redacted before the writer saw it.
    QCOMPARE(read.meta.environment()[2].second, std::string(model::SecretRedactor::kRedacted));
    QVERIFY(ReportReader::looksLikeReport(fileBytes(path("full.perfwb")).left(100).toStdString()));
}

void TestReportFile::roundTripEmptyProfile()
{
    const model::Profile empty;
    const std::string file = path("empty.perfwb").toStdString();
    QVERIFY(ReportWriter::save(file, empty));
    model::Profile read;
    const Status st = ReportReader::read(file, read);
    QVERIFY2(st, st.message().c_str());
    compareProfiles(empty, read);
}

namespace {
// makeFullProfile sampled with three events: every third sample of each.
model::Profile makeThreeEventProfile(std::size_t samples)
{
    model::Profile p = makeFullProfile(samples);
    p.events = {{"cycles", model::WeightKind::Samples},
                {"instructions", model::WeightKind::Samples},
                {"Dr", model::WeightUnit::fromName("Dr")}};
    for (std::size_t i = 0; i < p.samples.size(); ++i)
        p.samples.setEvent(i, static_cast<std::uint16_t>(i % 3));
    return p;
}

QString schemaVersion(const QString &file)
{
    sqlite3 *db = nullptr;
    QString version;
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_open(file.toUtf8().constData(), &db) == SQLITE_OK &&
        sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = 'schema_version'", -1, &stmt, nullptr) ==
            SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW)
        version = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return version;
}
} // namespace

// Several events survive a save: each sample keeps its event. Every report is schema 3
// (sample blocks); an older perfwb refuses it rather than misread it.
void TestReportFile::eventsRoundTrip()
{
    const model::Profile written = makeThreeEventProfile(5000);
    const QString file = path("events.perfwb");
    QVERIFY(ReportWriter::save(file.toStdString(), written));
    QCOMPARE(schemaVersion(file), QString("3"));
    model::Profile read;
    const Status st = ReportReader::read(file.toStdString(), read);
    QVERIFY2(st, st.message().c_str());
    compareProfiles(written, read);
    QCOMPARE(read.events[2].unit.name(), std::string_view("Dr"));

    const QString single = path("single.perfwb");
    QVERIFY(ReportWriter::save(single.toStdString(), makeFullProfile(100)));
    QCOMPARE(schemaVersion(single), QString("3"));
}

// A writer that flushes and drops its samples batch by batch still stores each sample's
// event at the sample's place in the file.
void TestReportFile::eventsOfDroppedSamples()
{
    const std::string file = path("events-dropped.perfwb").toStdString();
    auto writer = ReportWriter::create(file);
    QVERIFY(writer);
    model::Profile p;
    p.events = {{"cycles", model::WeightKind::Samples}, {"instructions", model::WeightKind::Samples}};
    const auto t = p.internThread(1, 1, "main");
    const auto stack = p.stacks.intern(model::kEmptyStack, p.internFrame("main"));
    std::int64_t n = 0;
    const auto addSamples = [&](int count) {
        for (int i = 0; i < count; ++i, ++n)
            p.addSample(n, t, stack, 1, static_cast<std::uint16_t>(n % 7 == 0 ? 1 : 0));
    };
    addSamples(300);
    QVERIFY((*writer)->flush(p));
    QVERIFY((*writer)->dropWrittenSamples(p.samples));
    addSamples(200);
    QVERIFY((*writer)->finish(p));
    model::Profile read;
    const Status st = ReportReader::read(file, read);
    QVERIFY2(st, st.message().c_str());
    QCOMPARE(read.samples.size(), std::size_t(500));
    QCOMPARE(read.events, p.events);
    for (std::size_t i = 0; i < read.samples.size(); ++i)
        QCOMPARE(read.samples.event(i), std::uint16_t(i % 7 == 0 ? 1 : 0));
}

void TestReportFile::damagedEvents_data()
{
    QTest::addColumn<QString>("edit");
    QTest::addColumn<QString>("reason");
    QTest::newRow("event out of range") << "UPDATE sample_events SET event = 7 WHERE sample = 1"
                                        << "damaged report (the event row of sample 1 is not valid)";
    QTest::newRow("sample out of range") << "UPDATE sample_events SET sample = 999999 WHERE sample = 1"
                                         << "damaged report (the event row of sample 999999 is not valid)";
    QTest::newRow("event 0 listed") << "UPDATE sample_events SET event = 0 WHERE sample = 1"
                                    << "damaged report (the event row of sample 1 is not valid)";
    QTest::newRow("one event left") << "DELETE FROM events WHERE id > 0"
                                    << "damaged report (an events table with fewer than two events)";
    QTest::newRow("ids with a gap") << "DELETE FROM events WHERE id = 1"
                                    << "damaged report (event ids are not 0, 1, 2, ...)";
}

void TestReportFile::damagedEvents()
{
    QFETCH(QString, edit);
    QFETCH(QString, reason);
    const QString file = path("events.perfwb");
    QVERIFY(ReportWriter::save(file.toStdString(), makeThreeEventProfile(3000)));
    execSql(file, edit.toUtf8().constData());
    model::Profile out;
    const Status st = ReportReader::read(file.toStdString(), out);
    QVERIFY(!st);
    QVERIFY2(QString::fromStdString(st.message()).contains(reason), st.message().c_str());
}

void TestReportFile::secretsNeverReachTheFile()
{
    const QByteArray secrets[] = {"ghp_Zq8v1SECRETVALUEgithub", "hunter2-db-password-value", "sk-live-apikey-value-77"};
    model::Profile p = makeFullProfile(100);
    p.meta.setEnvironment({{"GITHUB_TOKEN", secrets[0].toStdString()},
                           {"DB_PASSWORD", secrets[1].toStdString()},
                           {"API_KEY", secrets[2].toStdString()},
                           {"VISIBLE", "plain-value-123"}});
    // Both ways of writing: save() and an incremental writer.
    const std::string saved = path("saved.perfwb").toStdString();
    QVERIFY(ReportWriter::save(saved, p));
    const std::string flushed = path("flushed.perfwb").toStdString();
    auto writer = ReportWriter::create(flushed);
    QVERIFY2(writer, writer.status().message().c_str());
    QVERIFY((*writer)->flush(p));
    QVERIFY((*writer)->finish(p));

    for (const std::string &file : {saved, flushed}) {
        const QByteArray raw = fileBytes(QString::fromStdString(file));
        QVERIFY(raw.size() > 0);
        QVERIFY2(raw.contains("plain-value-123"), "the environment is stored at all");
        for (const QByteArray &secret : secrets)
            QVERIFY2(!raw.contains(secret), secret.constData());
        model::Profile read;
        QVERIFY(ReportReader::read(file, read));
        QCOMPARE(read.meta.environment().size(), std::size_t(4));
        for (std::size_t i = 0; i < 3; ++i)
            QCOMPARE(read.meta.environment()[i].second, std::string(model::SecretRedactor::kRedacted));
        QCOMPARE(read.meta.environment()[3].second, std::string("plain-value-123"));
    }
}

void TestReportFile::incrementalFlushes()
{
    const std::string file = path("incremental.perfwb").toStdString();
    auto writer = ReportWriter::create(file);
    QVERIFY2(writer, writer.status().message().c_str());
    model::Profile p;
    for (int batch = 0; batch < 3; ++batch) {
        addBatch(p, batch, 3000);
        const Status st = (*writer)->flush(p);
        QVERIFY2(st, st.message().c_str());
    }
    // A flush with nothing new is fine and changes nothing.
    QVERIFY((*writer)->flush(p));
    QVERIFY((*writer)->finish(p));

    model::Profile read;
    const Status st = ReportReader::read(file, read);
    QVERIFY2(st, st.message().c_str());
    compareProfiles(makeBatches(3, 3000), read);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(read.samples.size(), std::size_t(9000));
    QCOMPARE(read.strings.view(read.thread(1).name), std::string_view("renamed-in-2"));
    // One file, in rollback-journal mode (header bytes 18 and 19 are 1), no -wal beside it.
    QCOMPARE(filesIn(dir_->path()), QStringList{"incremental.perfwb"});
    const QByteArray head = fileBytes(path("incremental.perfwb")).left(100);
    QCOMPARE(int(head.at(18)), 1);
    QCOMPARE(int(head.at(19)), 1);
    QCOMPARE((uchar(head.at(16)) << 8) | uchar(head.at(17)), store::ReportSchema::kPageSize);
}

void TestReportFile::liveReportIsReadable()
{
    const std::string file = path("live.perfwb").toStdString();
    auto writer = ReportWriter::create(file);
    QVERIFY(writer);
    model::Profile p;
    addBatch(p, 0, 1000);
    QVERIFY((*writer)->flush(p));
    addBatch(p, 1, 1000);
    QVERIFY((*writer)->flush(p));
    addBatch(p, 2, 1000); // added, not flushed yet

    model::Profile read;
    const Status st = ReportReader::read(file, read);
    QVERIFY2(st, st.message().c_str());
    compareProfiles(makeBatches(2, 1000), read);
    QVERIFY((*writer)->finish(p));
}

void TestReportFile::droppedSamplesStayInTheFile()
{
    // A recorder empties its sample table after each flush; the file still gets every
    // sample once, and the stored totals count all of them (the reader checks them).
    const std::string file = path("dropped.perfwb").toStdString();
    auto writer = ReportWriter::create(file);
    QVERIFY(writer);
    model::Profile p;
    addBatch(p, 0, 2000);
    addBatch(p, 1, 500);
    QVERIFY(!(*writer)->dropWrittenSamples(p.samples)); // nothing written yet: kept
    QCOMPARE(p.samples.size(), std::size_t(2500));
    QVERIFY((*writer)->flush(p));
    QVERIFY((*writer)->dropWrittenSamples(p.samples));
    QCOMPARE(p.samples.size(), std::size_t(0));
    addBatch(p, 2, 1500);
    QVERIFY((*writer)->flush(p));
    QVERIFY((*writer)->dropWrittenSamples(p.samples));
    addBatch(p, 3, 700); // left for finish()
    QVERIFY((*writer)->finish(p));

    model::Profile read;
    const Status st = ReportReader::read(file, read);
    QVERIFY2(st, st.message().c_str());
    QCOMPARE(read.samples.size(), std::size_t(2000 + 500 + 1500 + 700));
    model::Profile all;
    addBatch(all, 0, 2000);
    addBatch(all, 1, 500);
    addBatch(all, 2, 1500);
    addBatch(all, 3, 700);
    for (std::size_t i = 0; i < all.samples.size(); ++i) {
        QCOMPARE(read.samples.time(i), all.samples.time(i));
        QCOMPARE(read.samples.stack(i), all.samples.stack(i));
        QCOMPARE(read.samples.thread(i), all.samples.thread(i));
        QCOMPARE(read.samples.weight(i), all.samples.weight(i));
    }
}

void TestReportFile::writerKilled_data()
{
    QTest::addColumn<bool>("midFlush");
    QTest::newRow("killed between flushes") << false;
    QTest::newRow("killed in the middle of a large flush") << true;
}

void TestReportFile::writerKilled()
{
    QFETCH(bool, midFlush);
    const std::string file = path("crash.perfwb").toStdString();
    const std::string wal = file + "-wal";
    constexpr std::size_t kBatch = 5000;
    constexpr std::size_t kLargeBatch = 2'000'000; // larger than the writer's page cache

    const pid_t child = ::fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        model::Profile p;
        auto writer = ReportWriter::create(file);
        if (!writer)
            ::_exit(10);
        addBatch(p, 0, kBatch);
        if (!(*writer)->flush(p))
            ::_exit(11);
        addBatch(p, 1, kBatch);
        if (!(*writer)->flush(p))
            ::_exit(12);
        if (!midFlush)
            ::raise(SIGKILL);
        auto sizeOf = [](const std::string &name) {
            struct stat st {};
            return ::stat(name.c_str(), &st) == 0 ? st.st_size : off_t(0);
        };
        const off_t walAfterTwo = sizeOf(wal);
        const off_t fileAfterTwo = sizeOf(file);
        addBatch(p, 2, kLargeBatch);
        std::atomic<bool> done{false};
        // Kills once the open transaction has spilled pages to disk, i.e. truly mid-write:
        // into the -wal file (WAL mode), or into the report itself (rollback journal).
        std::thread killer([&] {
            while (!done) {
                if (sizeOf(wal) > walAfterTwo + (4 << 20) || sizeOf(file) > fileAfterTwo + (4 << 20))
                    ::raise(SIGKILL);
                ::usleep(1000);
            }
        });
        (void)(*writer)->flush(p); // the child is killed inside it; its result never matters
        done = true;
        killer.join();
        ::_exit(13); // the third flush finished before the kill: the test proves nothing
    }
    int status = 0;
    QCOMPARE(::waitpid(child, &status, 0), child);
    QVERIFY2(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
             qPrintable(QStringLiteral("child exited with %1").arg(WEXITSTATUS(status))));

    const QByteArray before = fileBytes(QString::fromStdString(file));
    const QByteArray walBefore = fileBytes(QString::fromStdString(wal));
    QVERIFY2(!walBefore.isEmpty(), "a killed writer leaves its -wal file");
    model::Profile read;
    const Status st = ReportReader::read(file, read);
    QVERIFY2(st, st.message().c_str());
    compareProfiles(makeBatches(2, kBatch), read);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(read.samples.size(), 2 * kBatch);
    // Reading opened the file read-only: the report and its -wal are unchanged.
    QVERIFY(fileBytes(QString::fromStdString(file)) == before);
    QVERIFY(fileBytes(QString::fromStdString(wal)) == walBefore);
}

void TestReportFile::badFiles_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("reason");
    QTest::newRow("missing file") << "missing"
                                  << "No such file or directory";
    QTest::newRow("directory") << "directory"
                               << "is a directory";
    QTest::newRow("empty file") << "empty"
                                << "not a perfwb report (empty file)";
    QTest::newRow("random bytes") << "random"
                                  << "not a perfwb report (not a SQLite database)";
    QTest::newRow("text file") << "text"
                               << "not a perfwb report (not a SQLite database)";
    QTest::newRow("SQLite header then garbage") << "fake header"
                                                << "damaged report";
    QTest::newRow("truncated at half") << "truncated"
                                       << "truncated report";
    // A cut inside the last pages used to read with exit 0 and wrong totals.
    QTest::newRow("cut inside the last page") << "cut 100"
                                              << "truncated or damaged (";
    QTest::newRow("cut by one byte") << "cut 1"
                                     << "truncated or damaged (";
    QTest::newRow("only the SQLite magic") << "magic only"
                                           << "truncated report (15 bytes, less than a SQLite header)";
    QTest::newRow("unrelated SQLite database") << "unrelated"
                                               << "not a perfwb report (a SQLite database without";
    QTest::newRow("meta of another program") << "other meta"
                                             << "not a perfwb report (a SQLite database of another";
    QTest::newRow("newer schema") << "schema 99"
                                  << "written by a newer perfwb (schema 99, this perfwb reads up to 3)";
    QTest::newRow("bad schema version") << "schema text"
                                        << "damaged report (schema version 'one')";
    QTest::newRow("stack parent after child") << "bad parent"
                                              << "damaged report (stack node 3 has parent 9)";
    QTest::newRow("stack frame out of range") << "bad node frame"
                                              << "damaged report (stack node 2 refers to frame";
    QTest::newRow("frame string out of range") << "bad frame string"
                                               << "damaged report (frame 1 refers to a string";
    QTest::newRow("duplicate string") << "duplicate string"
                                      << "damaged report (string 2 is stored twice)";
    QTest::newRow("missing table") << "missing table"
                                   << "damaged report (no such table: sample_blocks)";
    QTest::newRow("function cost of a missing frame") << "bad cost frame"
                                                      << "damaged report (a function cost refers to frame 77777";
    QTest::newRow("function cost of a missing column") << "bad cost column"
                                                       << "damaged report (a function cost refers to frame 1, column 9";
    QTest::newRow("CPU time of a missing thread") << "bad thread cpu"
                                                  << "damaged report (the CPU time row of thread 77";
    QTest::newRow("negative CPU time") << "negative thread cpu"
                                       << "damaged report (the CPU time row of thread 1 is not valid)";
    QTest::newRow("overwritten pages") << "overwritten"
                                       << "damaged report";
}

void TestReportFile::badFiles()
{
    QFETCH(QString, kind);
    QFETCH(QString, reason);
    const QString file = path("bad.perfwb");
    const QString good = path("good.perfwb");
    QVERIFY(ReportWriter::save(good.toStdString(), makeFullProfile(200000)));
    const QByteArray goodBytes = fileBytes(good);
    QVERIFY(goodBytes.size() > 64 * 1024);
    std::mt19937 rng(7);
    QByteArray noise(64 * 1024, '\0');
    for (char &c : noise)
        c = static_cast<char>(rng());

    if (kind == "directory") {
        QVERIFY(QDir().mkpath(file));
    } else if (kind == "empty") {
        QVERIFY(writeBytes(file, {}));
    } else if (kind == "random") {
        QVERIFY(writeBytes(file, noise));
    } else if (kind == "text") {
        QVERIFY(writeBytes(file, "main;draw;paint 120\nmain;idle 30\n"));
    } else if (kind == "fake header") {
        QVERIFY(writeBytes(file, QByteArray("SQLite format 3\0", 16) + noise));
    } else if (kind == "truncated") {
        QVERIFY(writeBytes(file, goodBytes.left(goodBytes.size() / 2)));
    } else if (kind.startsWith(QLatin1String("cut "))) {
        QVERIFY(writeBytes(file, goodBytes.left(goodBytes.size() - kind.mid(4).toInt())));
    } else if (kind == "magic only") {
        QVERIFY(writeBytes(file, "SQLite format 3"));
    } else if (kind == "overwritten") {
        QByteArray damaged = goodBytes;
        for (qsizetype i = damaged.size() / 2; i < damaged.size(); ++i)
            damaged[i] = noise[i % noise.size()];
        QVERIFY(writeBytes(file, damaged));
    } else if (kind == "unrelated") {
        execSql(file, "CREATE TABLE people(name TEXT); INSERT INTO people VALUES('ada');");
    } else if (kind == "other meta") {
        execSql(file, "CREATE TABLE meta(key TEXT, value TEXT); INSERT INTO meta VALUES('format', 'someone-else');");
    } else if (kind != "missing") {
        QVERIFY(writeBytes(file, goodBytes));
        const std::map<QString, const char *> edits = {
            {"schema 99", "UPDATE meta SET value = '99' WHERE key = 'schema_version'"},
            {"schema text", "UPDATE meta SET value = 'one' WHERE key = 'schema_version'"},
            {"bad parent", "UPDATE stack_nodes SET parent = 9 WHERE id = 3"},
            {"bad node frame", "UPDATE stack_nodes SET frame = 1000 WHERE id = 2"},
            {"bad frame string", "UPDATE frames SET module = 99999 WHERE id = 1"},
            {"duplicate string", "UPDATE strings SET text = 'main' WHERE id = 2"},
            {"missing table", "DROP TABLE sample_blocks"},
            {"bad cost frame", "UPDATE function_costs SET frame = 77777 WHERE frame = 0"},
            {"bad cost column", "UPDATE function_costs SET column = 9 WHERE frame = 1 AND column = 1"},
            {"bad thread cpu", "UPDATE thread_cpu SET thread = 77"},
            {"negative thread cpu", "UPDATE thread_cpu SET cpu_ns = -5"},
        };
        QVERIFY2(edits.count(kind), qPrintable(kind));
        execSql(file, edits.at(kind));
        if (QTest::currentTestFailed())
            return;
    }
    readIsRefused(file, reason);
}

void TestReportFile::reportWithoutTotalsReads()
{
    // Reports written before the totals were stored still read.
    const QString file = path("old.perfwb");
    const model::Profile in = makeFullProfile(1000);
    QVERIFY(ReportWriter::save(file.toStdString(), in));
    execSql(file, "DELETE FROM run WHERE key IN ('sample_count', 'total_weight')");
    model::Profile out;
    const Status st = ReportReader::read(file.toStdString(), out);
    QVERIFY2(st, st.message().c_str());
    QCOMPARE(out.samples.size(), in.samples.size());
}

void TestReportFile::shortSqliteFileIsNotFolded()
{
    // 15 bytes of "SQLite format 3" were taken for folded stacks by the format sniffer.
    const QString file = path("short.perfwb");
    QVERIFY(writeBytes(file, "SQLite format 3"));
    model::Profile out;
    const Status st = formats::ProfileLoader::load(file.toStdString(), "", out);
    QVERIFY(!st);
    QVERIFY2(QString::fromStdString(st.message()).contains(QLatin1String("truncated report")), st.message().c_str());
    QCOMPARE(out.samples.size(), std::size_t(0));
}

void TestReportFile::saveToMissingDirectory()
{
    const QString file = path("no/such/dir/report.perfwb");
    const Status st = ReportWriter::save(file.toStdString(), makeFullProfile(10));
    QVERIFY(!st);
    QVERIFY2(QString::fromStdString(st.message()).startsWith(file + ": "), st.message().c_str());
    QVERIFY2(st.message().find("No such file or directory") != std::string::npos, st.message().c_str());
    QVERIFY(filesIn(dir_->path()).isEmpty());
    auto writer = ReportWriter::create(file.toStdString());
    QVERIFY(!writer);
    QVERIFY(filesIn(dir_->path()).isEmpty());
}

void TestReportFile::failedSaveLeavesNothing()
{
    // The final rename fails (a directory is in the way) after the whole report was
    // written: the temporary file must go, and the directory stays as it was.
    const QString file = path("taken.perfwb");
    QVERIFY(QDir().mkpath(file + "/inside"));
    const Status st = ReportWriter::save(file.toStdString(), makeFullProfile(1000));
    QVERIFY(!st);
    QVERIFY2(QString::fromStdString(st.message()).startsWith(file + ": "), st.message().c_str());
    QCOMPARE(filesIn(dir_->path()), QStringList{"taken.perfwb"});
    QCOMPARE(filesIn(file), QStringList{"inside"});
}

void TestReportFile::createReplacesStaleReport()
{
    const QString file = path("again.perfwb");
    QVERIFY(ReportWriter::save(file.toStdString(), makeFullProfile(1000)));
    // Left over from an older, crashed recording at the same path.
    QVERIFY(writeBytes(file + "-wal", QByteArray(4096, 'x')));
    auto writer = ReportWriter::create(file.toStdString());
    QVERIFY2(writer, writer.status().message().c_str());
    model::Profile p;
    addBatch(p, 0, 10);
    QVERIFY((*writer)->finish(p));
    model::Profile read;
    const Status st = ReportReader::read(file.toStdString(), read);
    QVERIFY2(st, st.message().c_str());
    compareProfiles(p, read);
    QCOMPARE(filesIn(dir_->path()), QStringList{"again.perfwb"});
}

void TestReportFile::misuseIsAnError()
{
    const std::string file = path("misuse.perfwb").toStdString();
    auto writer = ReportWriter::create(file);
    QVERIFY(writer);
    model::Profile p;
    addBatch(p, 0, 100);
    QVERIFY((*writer)->flush(p));
    // Another, smaller profile: the writer cannot append to the file it wrote.
    QVERIFY(!(*writer)->flush(model::Profile()));
    QVERIFY((*writer)->finish(p));
    QVERIFY(!(*writer)->flush(p));
    QVERIFY(!(*writer)->finish(p));

    model::Profile notEmpty;
    notEmpty.internFrame("x");
    const Status st = ReportReader::read(file, notEmpty);
    QVERIFY(!st);
    QVERIFY2(st.message().find("already holds data") != std::string::npos, st.message().c_str());
}

QTEST_GUILESS_MAIN(TestReportFile)
#include "tst_reportfile.moc"
