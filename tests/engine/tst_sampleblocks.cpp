// SPDX-License-Identifier: GPL-3.0-or-later
// Samples in a .perfwb report: the block codec (schema 3), reports whose blocks were
// damaged by hand, and reports of schema 1 and 2 (a row a sample), which still read.
#include "formats/profileloader.h"
#include "reportfixtures.h"
#include "store/reportreader.h"
#include "store/reportwriter.h"
#include "store/sampleblock.h"

#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <functional>
#include <limits>

using namespace perfwb;
using namespace perfwb::testing;
using store::ReportReader;
using store::ReportWriter;
using store::SampleBlock;

namespace {

using Samples = std::vector<model::Sample>;

bool execSql(sqlite3 *db, const std::string &sql)
{
    char *error = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK)
        qWarning("%s: %s", sql.c_str(), error ? error : "");
    sqlite3_free(error);
    return rc == SQLITE_OK;
}

// Every sample of a schema 3 report, decoded with the reader's own codec.
bool readBlocks(sqlite3 *db, Samples &out)
{
    sqlite3_stmt *stmt = nullptr;
    bool ok =
        sqlite3_prepare_v2(db, "SELECT count, data FROM sample_blocks ORDER BY first", -1, &stmt, nullptr) == SQLITE_OK;
    while (ok && sqlite3_step(stmt) == SQLITE_ROW) {
        const auto *data = static_cast<const char *>(sqlite3_column_blob(stmt, 1));
        const std::string_view bytes(data ? data : "", static_cast<std::size_t>(sqlite3_column_bytes(stmt, 1)));
        ok = SampleBlock::decode(bytes, static_cast<std::size_t>(sqlite3_column_int64(stmt, 0)), out);
    }
    sqlite3_finalize(stmt);
    return ok;
}

bool writeBlocks(sqlite3 *db, const Samples &samples)
{
    model::SampleTable table;
    for (const model::Sample &s : samples)
        table.add(s);
    sqlite3_stmt *stmt = nullptr;
    bool ok = execSql(db, "DELETE FROM sample_blocks") &&
              sqlite3_prepare_v2(db, "INSERT INTO sample_blocks(first, count, data) VALUES(?, ?, ?)", -1, &stmt,
                                 nullptr) == SQLITE_OK;
    for (std::size_t i = 0; ok && i < table.size(); i += SampleBlock::kMaxSamples) {
        const std::size_t n = std::min(SampleBlock::kMaxSamples, table.size() - i);
        std::string bytes;
        SampleBlock::encode(table, i, i + n, bytes);
        sqlite3_bind_int64(stmt, 1, static_cast<sqlite3_int64>(i));
        sqlite3_bind_int64(stmt, 2, static_cast<sqlite3_int64>(n));
        sqlite3_bind_blob64(stmt, 3, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
        ok = sqlite3_step(stmt) == SQLITE_DONE && sqlite3_reset(stmt) == SQLITE_OK;
    }
    sqlite3_finalize(stmt);
    return ok;
}

// Changes a saved report's samples as a hand edit would, keeping the stored totals.
bool editSamples(const QString &file, const std::function<void(Samples &)> &edit)
{
    sqlite3 *db = nullptr;
    Samples samples;
    bool ok = sqlite3_open(file.toUtf8().constData(), &db) == SQLITE_OK && readBlocks(db, samples);
    if (ok)
        edit(samples);
    ok = ok && writeBlocks(db, samples);
    sqlite3_close(db);
    return ok;
}

// Rewrites a schema 3 report the way perfwb wrote it before blocks: a `samples` row a
// sample, schema 1 (2 with events).
bool toRowSchema(const QString &file)
{
    sqlite3 *db = nullptr;
    Samples samples;
    bool ok = sqlite3_open(file.toUtf8().constData(), &db) == SQLITE_OK && readBlocks(db, samples) &&
              execSql(db, "BEGIN; CREATE TABLE samples(time_ns INTEGER NOT NULL, thread INTEGER NOT NULL, "
                          "stack INTEGER NOT NULL, weight INTEGER NOT NULL); DROP TABLE sample_blocks;");
    sqlite3_stmt *stmt = nullptr;
    ok = ok && sqlite3_prepare_v2(db, "INSERT INTO samples VALUES(?, ?, ?, ?)", -1, &stmt, nullptr) == SQLITE_OK;
    for (std::size_t i = 0; ok && i < samples.size(); ++i) {
        sqlite3_bind_int64(stmt, 1, samples[i].timeNs);
        sqlite3_bind_int64(stmt, 2, samples[i].thread);
        sqlite3_bind_int64(stmt, 3, samples[i].stack);
        sqlite3_bind_int64(stmt, 4, static_cast<sqlite3_int64>(samples[i].weight));
        ok = sqlite3_step(stmt) == SQLITE_DONE && sqlite3_reset(stmt) == SQLITE_OK;
    }
    sqlite3_finalize(stmt);
    ok = ok && execSql(db, "UPDATE meta SET value = CASE WHEN EXISTS(SELECT 1 FROM sqlite_master WHERE name = "
                           "'events') THEN '2' ELSE '1' END WHERE key = 'schema_version'; COMMIT;");
    sqlite3_close(db);
    return ok;
}

model::Profile makeEventProfile(std::size_t samples)
{
    model::Profile p = makeFullProfile(samples);
    p.events = {{"cpu-clock", model::WeightKind::Samples}, {"page-faults", model::WeightKind::Samples}};
    for (std::size_t i = 0; i < p.samples.size(); i += 3)
        p.samples.setEvent(i, 1);
    return p;
}

} // namespace

class TestSampleBlocks : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void codecRoundTrip_data();
    void codecRoundTrip();
    void codecRefuses_data();
    void codecRefuses();
    void blocksSplitAndRead_data();
    void blocksSplitAndRead();
    void rowSchemaReportsRead_data();
    void rowSchemaReportsRead();
    void damagedSamples_data();
    void damagedSamples();
    void overflowingWeightsAreRefused();

private:
    std::unique_ptr<QTemporaryDir> dir_;
    QString path(const QString &name) const { return dir_->filePath(name); }
};

void TestSampleBlocks::init()
{
    dir_ = std::make_unique<QTemporaryDir>();
    QVERIFY(dir_->isValid());
}

void TestSampleBlocks::codecRoundTrip_data()
{
    QTest::addColumn<QList<qint64>>("times");
    QTest::addColumn<quint64>("weight");
    const qint64 min = std::numeric_limits<qint64>::min(), max = std::numeric_limits<qint64>::max();
    QTest::newRow("increasing") << QList<qint64>{1000, 2000, 2001, 1'000'000'000'000} << quint64(1);
    QTest::newRow("out of order") << QList<qint64>{50, 10, 40, -3, 0} << quint64(7);
    QTest::newRow("extremes") << QList<qint64>{max, min, max, 0, min} << std::numeric_limits<quint64>::max();
    QTest::newRow("one sample") << QList<qint64>{-1} << quint64(0);
}

void TestSampleBlocks::codecRoundTrip()
{
    QFETCH(QList<qint64>, times);
    QFETCH(quint64, weight);
    model::SampleTable table;
    table.add({0, 0, 0, 5, 0}); // before the range: not encoded
    for (qsizetype i = 0; i < times.size(); ++i)
        table.add({times[i], static_cast<model::ThreadIndex>(i * 1000), std::numeric_limits<model::StackId>::max(),
                   weight, 0});
    std::string bytes;
    SampleBlock::encode(table, 1, table.size(), bytes);
    Samples out;
    QVERIFY(SampleBlock::decode(bytes, static_cast<std::size_t>(times.size()), out));
    QCOMPARE(out.size(), static_cast<std::size_t>(times.size()));
    for (std::size_t i = 0; i < out.size(); ++i) {
        const model::Sample expected = table.at(i + 1);
        QCOMPARE(out[i].timeNs, expected.timeNs);
        QCOMPARE(out[i].thread, expected.thread);
        QCOMPARE(out[i].stack, expected.stack);
        QCOMPARE(out[i].weight, expected.weight);
    }
}

void TestSampleBlocks::codecRefuses_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("count");
    // One good sample: time 2 (zigzag 4), thread 1, stack 2, weight 1.
    const QByteArray one("\x04\x01\x02\x01", 4);
    QTest::newRow("empty, one expected") << QByteArray() << 1;
    QTest::newRow("one sample, two expected") << one << 2;
    QTest::newRow("a byte left over") << one + QByteArray(1, '\0') << 1;
    QTest::newRow("cut inside a varint") << QByteArray("\x04\x01\x82", 3) << 1;
    QTest::newRow("varint of 11 bytes") << QByteArray(10, '\xff') + QByteArray("\x01\x01\x01\x01", 4) << 1;
    QTest::newRow("varint past 64 bits") << QByteArray(9, '\xff') + QByteArray("\x02\x01\x01\x01", 4) << 1;
    QTest::newRow("thread past 32 bits") << QByteArray("\x04\x80\x80\x80\x80\x10\x02\x01", 8) << 1;
    QTest::newRow("stack past 32 bits") << QByteArray("\x04\x01\x80\x80\x80\x80\x10\x01", 8) << 1;
}

void TestSampleBlocks::codecRefuses()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, count);
    Samples out;
    QVERIFY(!SampleBlock::decode(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())),
                                 static_cast<std::size_t>(count), out));
}

void TestSampleBlocks::blocksSplitAndRead_data()
{
    QTest::addColumn<int>("samples");
    QTest::addColumn<int>("blocks");
    const int max = static_cast<int>(SampleBlock::kMaxSamples);
    QTest::newRow("none") << 0 << 0;
    QTest::newRow("one") << 1 << 1;
    QTest::newRow("one block, full") << max << 1;
    QTest::newRow("one over") << max + 1 << 2;
    QTest::newRow("many") << 5 * max + 17 << 6;
}

// Samples are cut into blocks of at most kMaxSamples, and read back whole.
void TestSampleBlocks::blocksSplitAndRead()
{
    QFETCH(int, samples);
    QFETCH(int, blocks);
    const model::Profile written = makeFullProfile(static_cast<std::size_t>(samples));
    const QString file = path("blocks.perfwb");
    QVERIFY(ReportWriter::save(file.toStdString(), written));
    sqlite3 *db = nullptr;
    sqlite3_stmt *stmt = nullptr;
    QCOMPARE(sqlite3_open(file.toUtf8().constData(), &db), SQLITE_OK);
    QCOMPARE(sqlite3_prepare_v2(db, "SELECT count(*) FROM sample_blocks", -1, &stmt, nullptr), SQLITE_OK);
    QCOMPARE(sqlite3_step(stmt), SQLITE_ROW);
    const int stored = sqlite3_column_int(stmt, 0);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    QCOMPARE(stored, blocks);
    model::Profile read;
    const Status st = ReportReader::read(file.toStdString(), read);
    QVERIFY2(st, st.message().c_str());
    compareProfiles(written, read);
}

void TestSampleBlocks::rowSchemaReportsRead_data()
{
    QTest::addColumn<bool>("events");
    QTest::newRow("schema 1") << false;
    QTest::newRow("schema 2 (events)") << true;
}

// Reports written before sample blocks (a `samples` row a sample) read as they did.
void TestSampleBlocks::rowSchemaReportsRead()
{
    QFETCH(bool, events);
    const model::Profile written = events ? makeEventProfile(20000) : makeFullProfile(20000);
    const QString file = path("rows.perfwb");
    QVERIFY(ReportWriter::save(file.toStdString(), written));
    QVERIFY(toRowSchema(file));
    model::Profile read;
    const Status st = ReportReader::read(file.toStdString(), read);
    QVERIFY2(st, st.message().c_str());
    compareProfiles(written, read);
}

void TestSampleBlocks::damagedSamples_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("reason");
    QTest::newRow("sample stack out of range") << "bad stack"
                                               << "damaged report (sample 0 refers to thread 0, stack 424242";
    QTest::newRow("sample thread out of range") << "bad thread"
                                                << "damaged report (sample 4 refers to thread 7,";
    QTest::newRow("a weight changed") << "weight changed"
                                      << "200000 of 200000 samples recovered (total weight";
    QTest::newRow("blocks after the first lost")
        << "DELETE FROM sample_blocks WHERE first > 0"
        << "truncated or damaged: 8192 of 200000 samples recovered (total weight";
    QTest::newRow("a block lost") << "DELETE FROM sample_blocks WHERE first = 8192"
                                  << "damaged report (sample block at 16384 does not follow sample 8192";
    QTest::newRow("a block stored twice") << "UPDATE sample_blocks SET first = 8191 WHERE first = 8192"
                                          << "damaged report (sample block at 8191 does not follow sample 8192";
    QTest::newRow("a block cut short") << "UPDATE sample_blocks SET data = substr(data, 1, 100) WHERE first = 0"
                                       << "damaged report (sample block at 0 is not 8192 samples)";
    QTest::newRow("a count too large") << "UPDATE sample_blocks SET count = 9000 WHERE first = 0"
                                       << "damaged report (sample block at 0 is not 9000 samples)";
    QTest::newRow("a count of zero") << "UPDATE sample_blocks SET count = 0 WHERE first = 0"
                                     << "damaged report (sample block at 0 is not 0 samples)";
    QTest::newRow("data not a blob") << "UPDATE sample_blocks SET data = 'text' WHERE first = 8192"
                                     << "damaged report (sample block at 8192 is not 8192 samples)";
    QTest::newRow("no sample_blocks") << "DROP TABLE sample_blocks"
                                      << "damaged report (no such table: sample_blocks)";
    // The same damage in a schema 1 report.
    QTest::newRow("rows: stack out of range") << "rows: UPDATE samples SET stack = 424242 WHERE rowid = 1"
                                              << "damaged report (sample 0 refers to";
    QTest::newRow("rows: thread out of range") << "rows: UPDATE samples SET thread = 3 WHERE rowid = 5"
                                               << "damaged report (sample 4 refers to";
    QTest::newRow("rows: negative stack") << "rows: UPDATE samples SET stack = -1 WHERE rowid = 1"
                                          << "damaged report (sample 0 refers to";
    QTest::newRow("rows: samples lost") << "rows: DELETE FROM samples WHERE rowid > 100"
                                        << "truncated or damaged: 100 of 200000 samples recovered (total weight";
    QTest::newRow("rows: weight changed") << "rows: UPDATE samples SET weight = weight + 1 WHERE rowid = 9"
                                          << "200000 of 200000 samples recovered (total weight";
    QTest::newRow("rows: no samples table") << "rows: DROP TABLE samples"
                                            << "damaged report (no such table: samples)";
}

// Damaged samples are one error line naming the file, and reading changes nothing.
void TestSampleBlocks::damagedSamples()
{
    QFETCH(QString, kind);
    QFETCH(QString, reason);
    const QString file = path("bad.perfwb");
    QVERIFY(ReportWriter::save(file.toStdString(), makeFullProfile(200000)));
    if (kind == "bad stack") {
        QVERIFY(editSamples(file, [](Samples &s) { s[0].stack = 424242; }));
    } else if (kind == "bad thread") {
        QVERIFY(editSamples(file, [](Samples &s) { s[4].thread = 7; }));
    } else if (kind == "weight changed") {
        QVERIFY(editSamples(file, [](Samples &s) { ++s[9].weight; }));
    } else {
        std::string sql = kind.toStdString();
        if (kind.startsWith(QLatin1String("rows: "))) {
            QVERIFY(toRowSchema(file));
            sql = sql.substr(6);
        }
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(file.toUtf8().constData(), &db), SQLITE_OK);
        const bool ok = execSql(db, sql);
        sqlite3_close(db);
        QVERIFY(ok);
    }
    readIsRefused(file, reason);
}

void TestSampleBlocks::overflowingWeightsAreRefused()
{
    // Hand-edited weights whose sum passes 2^64 showed self above total. An older report
    // (no stored totals), so the loader's own check is what refuses it.
    const QString file = path("huge.perfwb");
    QVERIFY(ReportWriter::save(file.toStdString(), makeFullProfile(100)));
    QVERIFY(
        editSamples(file, [](Samples &s) { s[3].weight = s[4].weight = std::numeric_limits<std::uint64_t>::max(); }));
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(file.toUtf8().constData(), &db), SQLITE_OK);
    const bool ok = execSql(db, "DELETE FROM run WHERE key IN ('sample_count', 'total_weight')");
    sqlite3_close(db);
    QVERIFY(ok);
    model::Profile out;
    const Status st = formats::ProfileLoader::load(file.toStdString(), "", out);
    QVERIFY(!st);
    QVERIFY2(QString::fromStdString(st.message()).contains(QLatin1String("sample weights add up to more than")),
             st.message().c_str());
}

QTEST_GUILESS_MAIN(TestSampleBlocks)
#include "tst_sampleblocks.moc"
