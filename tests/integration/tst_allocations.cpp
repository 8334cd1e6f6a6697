// SPDX-License-Identifier: GPL-3.0-or-later
// Allocation reports through the perfwb CLI: a report holding the allocations of
// tests/workloads/allocpattern (tracked with libperfwb_alloctrack.so, read with
// AllocStreamReader, saved as a .perfwb) shown by `perfwb info --json` and exported
// as allocation flamegraphs with `perfwb export --cost`, and the allocation metrics of
// `perfwb diff` on two `perfwb record --alloc` runs.
#include "alloc/allocrecording.h"
#include "formats/difftext.h"
#include "store/reportreader.h"
#include "store/reportwriter.h"
#include "symbolize/symbolizer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <utility>

using namespace perfwb;

namespace {

const QString kPerfwb = QStringLiteral(PERFWB_BINARY);
const QString kWorkload = QStringLiteral(PERFWB_WORKLOAD_DIR "/allocpattern");

struct Out {
    int exitCode = -1;
    QByteArray out, err;
};

Out run(const QString &program, const QStringList &args, const QProcessEnvironment &env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    Out o;
    if (!p.waitForFinished(120000))
        return o;
    o.exitCode = p.exitCode();
    o.out = p.readAllStandardOutput();
    o.err = p.readAllStandardError();
    return o;
}

// `perfwb record [--alloc] -o OUT -- allocpattern pattern`; empty on success, else why not.
QByteArray recordPattern(const QString &out, bool alloc)
{
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PERFWB_ALLOCTRACK_LIB"), QStringLiteral(PERFWB_ALLOCTRACK_LIB));
    QStringList args{QStringLiteral("record"), QStringLiteral("-o"), out};
    if (alloc)
        args.insert(1, QStringLiteral("--alloc"));
    args << QStringLiteral("--") << kWorkload << QStringLiteral("pattern");
    const Out rec = run(kPerfwb, args, env);
    return rec.exitCode == 0 ? QByteArray() : "exit " + QByteArray::number(rec.exitCode) + ": " + rec.err;
}

// The "allocations" object of `perfwb info --json REPORT` (empty without allocations).
QJsonObject allocationsOf(const QString &report)
{
    const Out o = run(kPerfwb, {QStringLiteral("info"), report, QStringLiteral("--json")},
                      QProcessEnvironment::systemEnvironment());
    return QJsonDocument::fromJson(o.out).object().value(QStringLiteral("allocations")).toObject();
}

// The metric called `name` in `perfwb diff --json` output.
QJsonObject diffMetric(const QJsonObject &diff, const QString &name)
{
    for (const auto &v : diff.value(QStringLiteral("metrics")).toArray()) {
        if (v.toObject().value(QStringLiteral("name")).toString() == name)
            return v.toObject();
    }
    return {};
}

} // namespace

class TestAllocations : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString report_;
    QString plainReport_;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        report_ = dir_.filePath(QStringLiteral("alloc.perfwb"));
        qputenv("PERFWB_ALLOCTRACK_LIB", PERFWB_ALLOCTRACK_LIB);
        auto rec = alloc::AllocRecording::prepare(report_.toStdString());
        QVERIFY2(rec, rec ? "" : rec.message().c_str());
        auto env = QProcessEnvironment::systemEnvironment();
        for (const auto &[k, v] : rec->environment())
            env.insert(QString::fromStdString(k), QString::fromStdString(v));
        const Out target = run(kWorkload, {QStringLiteral("pattern")}, env);
        QCOMPARE(target.exitCode, 0);
        model::Profile profile;
        profile.meta.runLabel = "alloc";
        symbolize::Symbolizer sym;
        QVERIFY(rec->finish(sym, profile));
        QVERIFY(store::ReportWriter::save(report_.toStdString(), profile));

        plainReport_ = dir_.filePath(QStringLiteral("plain.perfwb"));
        model::Profile plain;
        plain.addSample(1, plain.internThread(1, 1, "t"), plain.stacks.intern(0, plain.internFrame("f")));
        QVERIFY(store::ReportWriter::save(plainReport_.toStdString(), plain));
    }

    void infoJson()
    {
        const Out o = run(
            kPerfwb,
            {QStringLiteral("info"), report_, QStringLiteral("--json"), QStringLiteral("--top"), QStringLiteral("50")},
            QProcessEnvironment::systemEnvironment());
        QCOMPARE(o.exitCode, 0);
        const QJsonObject a = QJsonDocument::fromJson(o.out).object().value(QStringLiteral("allocations")).toObject();
        QVERIFY2(!a.isEmpty(), o.out.left(300).constData());
        QVERIFY(a.value(QStringLiteral("calls")).toInteger() >= 101010);
        QVERIFY(a.value(QStringLiteral("bytes")).toInteger() >= 4096000 + 1000 + 3200000);
        QVERIFY(a.value(QStringLiteral("peak_bytes")).toInteger() >= 4096000);
        QVERIFY(a.value(QStringLiteral("peak_time_ns")).toInteger() > 0);
        QVERIFY(a.value(QStringLiteral("leaked_bytes")).toInteger() >= 1000);
        QVERIFY(a.value(QStringLiteral("leaked_blocks")).toInteger() >= 10);
        QCOMPARE(a.value(QStringLiteral("temporary")).toInteger(), 100000);
        QHash<QString, QJsonObject> fns;
        for (const auto &v : a.value(QStringLiteral("functions")).toArray())
            fns.insert(v.toObject().value(QStringLiteral("name")).toString(), v.toObject());
        const auto blocks = fns.value(QStringLiteral("alloc_blocks"));
        QCOMPARE(blocks.value(QStringLiteral("calls")).toInteger(), 1000);
        QCOMPARE(blocks.value(QStringLiteral("bytes")).toInteger(), 4096000);
        const auto leak = fns.value(QStringLiteral("leak_some"));
        QCOMPARE(leak.value(QStringLiteral("leaked_bytes")).toInteger(), 1000);
        QCOMPARE(leak.value(QStringLiteral("leaked_blocks")).toInteger(), 10);
        const auto churn = fns.value(QStringLiteral("churn"));
        QCOMPARE(churn.value(QStringLiteral("temporary")).toInteger(), 100000);
        // pattern() calls all three (and puts, whose first call allocates stdout's
        // buffer): its inclusive numbers hold theirs, its own are zero.
        const auto pattern = fns.value(QStringLiteral("pattern"));
        QCOMPARE(pattern.value(QStringLiteral("calls")).toInteger(), 0);
        QVERIFY(pattern.value(QStringLiteral("total_calls")).toInteger() >= 101010);
        QVERIFY(pattern.value(QStringLiteral("total_bytes")).toInteger() >= 4096000 + 1000 + 3200000);

        // Reports without allocations have no allocations object.
        const Out plain = run(kPerfwb, {QStringLiteral("info"), plainReport_, QStringLiteral("--json")},
                              QProcessEnvironment::systemEnvironment());
        QCOMPARE(plain.exitCode, 0);
        QVERIFY(!QJsonDocument::fromJson(plain.out).object().contains(QStringLiteral("allocations")));
    }

    // The whole path a user takes: perfwb record --alloc launches the target with the
    // tracker preloaded and stores CPU samples and allocations in one report.
    void recordWithAllocations()
    {
        const QString out = dir_.filePath(QStringLiteral("recorded.perfwb"));
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PERFWB_ALLOCTRACK_LIB"), QStringLiteral(PERFWB_ALLOCTRACK_LIB));
        const Out rec = run(kPerfwb,
                            {QStringLiteral("record"), QStringLiteral("--alloc"), QStringLiteral("-o"), out,
                             QStringLiteral("--"), kWorkload, QStringLiteral("pattern")},
                            env);
        QVERIFY2(rec.exitCode == 0, rec.err.constData());
        QVERIFY2(rec.out.contains("allocations tracked"), rec.out.constData());
        // The target's own output and exit status are untouched by the tracker.
        QVERIFY2(rec.out.contains("pattern done"), rec.out.constData());
        const Out info =
            run(kPerfwb,
                {QStringLiteral("info"), out, QStringLiteral("--json"), QStringLiteral("--top"), QStringLiteral("50")},
                env);
        QCOMPARE(info.exitCode, 0);
        const QJsonObject doc = QJsonDocument::fromJson(info.out).object();
        // CPU samples were taken beside the allocations: the few milliseconds of this workload
        // can all be the tracker's (left out of the profile, counted in the summary).
        const QRegularExpression leftOut(QStringLiteral("(\\d+) CPU samples in the tracker itself left out"));
        const auto match = leftOut.match(QString::fromUtf8(rec.out));
        QVERIFY2(doc.value(QStringLiteral("samples")).toInteger() + (match.hasMatch() ? match.captured(1).toInt() : 0) >
                     0,
                 rec.out.constData());
        QCOMPARE(doc.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("exit_code")).toInt(), 0);
        const QJsonObject a = doc.value(QStringLiteral("allocations")).toObject();
        QCOMPARE(a.value(QStringLiteral("temporary")).toInteger(), 100000);
        QVERIFY(a.value(QStringLiteral("peak_bytes")).toInteger() >= 4096000);
        QHash<QString, QJsonObject> fns;
        for (const auto &v : a.value(QStringLiteral("functions")).toArray())
            fns.insert(v.toObject().value(QStringLiteral("name")).toString(), v.toObject());
        QCOMPARE(fns.value(QStringLiteral("alloc_blocks")).value(QStringLiteral("calls")).toInteger(), 1000);
        QCOMPARE(fns.value(QStringLiteral("alloc_blocks")).value(QStringLiteral("bytes")).toInteger(), 4096000);
        QCOMPARE(fns.value(QStringLiteral("leak_some")).value(QStringLiteral("leaked_bytes")).toInteger(), 1000);
        QCOMPARE(fns.value(QStringLiteral("churn")).value(QStringLiteral("temporary")).toInteger(), 100000);

        // --no-cpu: allocations alone, no CPU samples, same exact numbers.
        const QString allocOnly = dir_.filePath(QStringLiteral("alloc-only.perfwb"));
        const Out noCpu =
            run(kPerfwb,
                {QStringLiteral("record"), QStringLiteral("--alloc"), QStringLiteral("--no-cpu"), QStringLiteral("-o"),
                 allocOnly, QStringLiteral("--"), kWorkload, QStringLiteral("pattern")},
                env);
        QVERIFY2(noCpu.exitCode == 0, noCpu.err.constData());
        const QJsonObject onlyDoc =
            QJsonDocument::fromJson(
                run(kPerfwb, {QStringLiteral("info"), allocOnly, QStringLiteral("--json")}, env).out)
                .object();
        QCOMPARE(onlyDoc.value(QStringLiteral("samples")).toInteger(), 0);
        QCOMPARE(onlyDoc.value(QStringLiteral("allocations")).toObject().value(QStringLiteral("temporary")).toInteger(),
                 100000);
        const Out lonely = run(kPerfwb,
                               {QStringLiteral("record"), QStringLiteral("--no-cpu"), QStringLiteral("--"), kWorkload,
                                QStringLiteral("pattern")},
                               env);
        QCOMPARE(lonely.exitCode, 2);

        // Attach mode cannot preload anything: one clear line, exit 2.
        const Out bad = run(kPerfwb,
                            {QStringLiteral("record"), QStringLiteral("--alloc"), QStringLiteral("--pid"),
                             QString::number(QCoreApplication::applicationPid())},
                            env);
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.startsWith("perfwb: --alloc needs a command"));
        QCOMPARE(bad.err.count('\n'), 1);
    }

    // The tracker's own frames never reach the CPU profile: a malloc-heavy loop at a high
    // rate puts samples in recordAlloc and the stream flush; none of them is in a stack,
    // libc's malloc is under the program's caller, and the left-out count is in the report.
    void trackerStaysOutOfTheCpuProfile()
    {
        const QString out = dir_.filePath(QStringLiteral("loop.perfwb"));
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PERFWB_ALLOCTRACK_LIB"), QStringLiteral(PERFWB_ALLOCTRACK_LIB));
        const Out rec =
            run(kPerfwb,
                {QStringLiteral("record"), QStringLiteral("--alloc"), QStringLiteral("-F"), QStringLiteral("4999"),
                 QStringLiteral("-o"), out, QStringLiteral("--"), QStringLiteral(PERFWB_WORKLOAD_DIR "/allocloop")},
                env);
        QVERIFY2(rec.exitCode == 0, rec.err.constData());
        QVERIFY2(rec.out.contains("left out of the profile"), rec.out.constData());
        model::Profile p;
        QVERIFY(store::ReportReader::read(out.toStdString(), p).isOk());
        QVERIFY(p.samples.size() > 50);
        std::size_t mallocUnderProgram = 0;
        for (std::size_t i = 0; i < p.samples.size(); ++i) {
            std::string previousModule;
            for (auto s = p.samples.stack(i); s != model::kEmptyStack; s = p.stacks.node(s).parent) {
                const auto &frame = p.frames.at(p.stacks.node(s).frame);
                const auto module = p.strings.view(frame.module);
                QVERIFY2(module.find("alloctrack") == std::string_view::npos,
                         std::string(p.strings.view(frame.function)).c_str());
                if (p.strings.view(frame.function) == "malloc" && module == "libc.so.6")
                    previousModule = "libc malloc";
                else if (previousModule == "libc malloc") {
                    mallocUnderProgram += module == "allocloop" ? 1 : 0;
                    previousModule.clear();
                }
            }
        }
        QVERIFY(mallocUnderProgram > 0);
        const auto left = p.meta.extra.find("alloc_tracker_samples_left_out");
        QVERIFY(left != p.meta.extra.end());
        QVERIFY(std::stoull(left->second) > 0);
    }

    // `perfwb diff` of two real `record --alloc` runs shows their allocation totals
    // before/after (JSON and the --markdown table); against a run recorded without
    // --alloc the missing side is unknown (null, "n/a"), never 0.
    void diffShowsAllocationMetrics()
    {
        const QString a = dir_.filePath(QStringLiteral("diff-a.perfwb"));
        const QString b = dir_.filePath(QStringLiteral("diff-b.perfwb"));
        const QString plain = dir_.filePath(QStringLiteral("diff-plain.perfwb"));
        for (const auto &[out, alloc] : {std::pair{a, true}, std::pair{b, true}, std::pair{plain, false}}) {
            const QByteArray why = recordPattern(out, alloc);
            QVERIFY2(why.isEmpty(), why.constData());
        }
        const QJsonObject totalsA = allocationsOf(a);
        const QJsonObject totalsB = allocationsOf(b);
        QVERIFY(totalsA.value(QStringLiteral("calls")).toInteger() >= 101010);
        QVERIFY(totalsB.value(QStringLiteral("leaked_bytes")).toInteger() >= 1000);
        QVERIFY(allocationsOf(plain).isEmpty());

        const QString md = dir_.filePath(QStringLiteral("before_after.md"));
        auto env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("GITHUB_STEP_SUMMARY"));
        const Out o = run(
            kPerfwb, {QStringLiteral("diff"), a, b, QStringLiteral("--json"), QStringLiteral("--markdown"), md}, env);
        // Two recordings of a short run may or may not pass on CPU time; allocations never
        // move the verdict, so only "not bad usage" and a consistent exit code matter here.
        QVERIFY2(o.exitCode == 0 || o.exitCode == 1, o.err.constData());
        const QJsonObject diff = QJsonDocument::fromJson(o.out).object();
        QCOMPARE(o.exitCode == 1, diff.value(QStringLiteral("verdict")).toString() == QStringLiteral("fail"));

        QFile mdFile(md);
        QVERIFY(mdFile.open(QIODevice::ReadOnly));
        const QByteArray table = mdFile.readAll();
        struct Row {
            QString metric, unit, key;
        };
        for (const Row &r :
             {Row{QStringLiteral("allocations"), QStringLiteral("count"), QStringLiteral("calls")},
              Row{QStringLiteral("allocated bytes"), QStringLiteral("bytes"), QStringLiteral("bytes")},
              Row{QStringLiteral("leaked bytes"), QStringLiteral("bytes"), QStringLiteral("leaked_bytes")}}) {
            const qint64 before = totalsA.value(r.key).toInteger(-1);
            const qint64 after = totalsB.value(r.key).toInteger(-1);
            const QJsonObject m = diffMetric(diff, r.metric);
            QVERIFY2(!m.isEmpty(), qPrintable(r.metric));
            QCOMPARE(m.value(QStringLiteral("unit")).toString(), r.unit);
            QCOMPARE(m.value(QStringLiteral("before")).toInteger(-2), before);
            QCOMPARE(m.value(QStringLiteral("after")).toInteger(-2), after);
            QVERIFY(!m.value(QStringLiteral("relativePct")).isNull() || before == 0);
            const std::string unit = r.unit.toStdString();
            const QByteArray row =
                "| " + r.metric.toUtf8() + " | " +
                QByteArray::fromStdString(formats::DiffText::formatValue(double(before), unit)) + " | " +
                QByteArray::fromStdString(formats::DiffText::formatValue(double(after), unit)) + " | ";
            QVERIFY2(table.contains(row), (row + "\n" + table).constData());
        }
        QVERIFY(table.contains("| allocations | " +
                               QByteArray::number(totalsA.value(QStringLiteral("calls")).toInteger()) + " | "));

        // A run without --alloc as the base: allocations unknown before, not 0.
        const QString mixedMd = dir_.filePath(QStringLiteral("mixed.md"));
        const Out mixed = run(
            kPerfwb,
            {QStringLiteral("diff"), plain, b, QStringLiteral("--json"), QStringLiteral("--markdown"), mixedMd}, env);
        QVERIFY2(mixed.exitCode == 0 || mixed.exitCode == 1, mixed.err.constData());
        const QJsonObject m = diffMetric(QJsonDocument::fromJson(mixed.out).object(), QStringLiteral("leaked bytes"));
        QVERIFY(m.value(QStringLiteral("before")).isNull());
        QCOMPARE(m.value(QStringLiteral("after")).toInteger(-2),
                 totalsB.value(QStringLiteral("leaked_bytes")).toInteger());
        QVERIFY(m.value(QStringLiteral("relativePct")).isNull());
        QFile mixedFile(mixedMd);
        QVERIFY(mixedFile.open(QIODevice::ReadOnly));
        const QByteArray expect = "| allocations | n/a | " +
                                  QByteArray::number(totalsB.value(QStringLiteral("calls")).toInteger()) + " | n/a |";
        const QByteArray mixedTable = mixedFile.readAll();
        QVERIFY2(mixedTable.contains(expect), mixedTable.constData());
        // The terminal text says the same.
        const Out text = run(kPerfwb, {QStringLiteral("diff"), b, plain}, env);
        QVERIFY2(text.out.contains(
                     "  allocations: " + QByteArray::number(totalsB.value(QStringLiteral("calls")).toInteger()) +
                     " -> n/a\n"),
                 text.out.constData());
    }

    void exportCost_data()
    {
        QTest::addColumn<QString>("cost");
        QTest::addColumn<QString>("function");
        QTest::addColumn<qint64>("weight");
        QTest::newRow("alloc-bytes") << "alloc-bytes"
                                     << "alloc_blocks" << qint64(4096000);
        QTest::newRow("alloc-count") << "alloc-count"
                                     << "leak_some" << qint64(10);
        QTest::newRow("leaked") << "leaked"
                                << "leak_some" << qint64(1000);
        QTest::newRow("peak") << "peak"
                              << "alloc_blocks" << qint64(4096000);
        QTest::newRow("temporary") << "temporary"
                                   << "churn" << qint64(100000);
    }

    // Folded output (module`function frames): the lines ending in `function` sum to the cost.
    void exportCost()
    {
        QFETCH(QString, cost);
        QFETCH(QString, function);
        QFETCH(qint64, weight);
        const QString out = dir_.filePath(cost + QStringLiteral(".folded"));
        const Out o = run(kPerfwb,
                          {QStringLiteral("export"), report_, QStringLiteral("--to"), QStringLiteral("folded"),
                           QStringLiteral("--cost"), cost, QStringLiteral("-o"), out},
                          QProcessEnvironment::systemEnvironment());
        QVERIFY2(o.exitCode == 0, o.err.constData());
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        qint64 sum = 0;
        const QByteArray folded = f.readAll();
        for (const QByteArray &line : folded.split('\n')) {
            const int sp = line.lastIndexOf(' ');
            if (sp > 0 && line.left(sp).endsWith("`" + function.toUtf8()) /* module`function */)
                sum += line.mid(sp + 1).toLongLong();
        }
        if (sum != weight)
            qWarning("%s", folded.left(600).constData());
        QCOMPARE(sum, weight);
        // The SVG exporter takes the same profile.
        const QString svg = dir_.filePath(cost + QStringLiteral(".svg"));
        const Out s = run(kPerfwb,
                          {QStringLiteral("export"), report_, QStringLiteral("--to"), QStringLiteral("svg"),
                           QStringLiteral("--cost"), cost, QStringLiteral("-o"), svg},
                          QProcessEnvironment::systemEnvironment());
        QCOMPARE(s.exitCode, 0);
        QFile sf(svg);
        QVERIFY(sf.open(QIODevice::ReadOnly));
        QVERIFY(sf.readAll().contains(function.toUtf8()));
    }

    void exportCostErrors()
    {
        const auto env = QProcessEnvironment::systemEnvironment();
        const Out bad = run(kPerfwb,
                            {QStringLiteral("export"), report_, QStringLiteral("--to"), QStringLiteral("folded"),
                             QStringLiteral("--cost"), QStringLiteral("bogus"), QStringLiteral("-o"),
                             dir_.filePath(QStringLiteral("x"))},
                            env);
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains("bogus"));
        const Out none = run(kPerfwb,
                             {QStringLiteral("export"), plainReport_, QStringLiteral("--to"), QStringLiteral("folded"),
                              QStringLiteral("--cost"), QStringLiteral("leaked"), QStringLiteral("-o"),
                              dir_.filePath(QStringLiteral("y"))},
                             env);
        QCOMPARE(none.exitCode, 2);
        QVERIFY(none.err.contains("no allocations"));
        QVERIFY(!QFile::exists(dir_.filePath(QStringLiteral("y"))));
    }
};

QTEST_GUILESS_MAIN(TestAllocations)
#include "tst_allocations.moc"
