// SPDX-License-Identifier: GPL-3.0-or-later
// End-to-end tests of the perfwb command line on real recordings: `perf record` runs the
// workloads from tests/workloads, the real perfwb binary imports, summarises and exports
// them, and the checks compare against the shape each workload states at its top.
#include "recordchecks.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <tuple>

using perfwbtest::Run;
using perfwbtest::RunOptions;
using perfwbtest::runPerfwb;
using perfwbtest::runProcess;
using perfwbtest::workload;

namespace {

const QString kPerfwb = QStringLiteral(PERFWB_BINARY);

bool writeBytes(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

QByteArray readBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
}

QJsonObject findByName(const QJsonArray &list, const QString &name)
{
    for (const auto &v : list) {
        if (v.toObject().value(QStringLiteral("name")).toString() == name)
            return v.toObject();
    }
    return {};
}

// (name, module, self, total) of every function, sorted: what must survive a round trip.
using FunctionRow = std::tuple<QString, QString, qint64, qint64>;
std::vector<FunctionRow> functionRows(const QJsonObject &info)
{
    std::vector<FunctionRow> rows;
    for (const auto &v : info.value(QStringLiteral("functions")).toArray()) {
        const auto o = v.toObject();
        rows.emplace_back(o.value(QStringLiteral("name")).toString(), o.value(QStringLiteral("module")).toString(),
                          o.value(QStringLiteral("self")).toInteger(), o.value(QStringLiteral("total")).toInteger());
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

// The function part of a folded frame "module`function" (the module is optional).
QString foldedFunction(const QString &frame)
{
    const auto tick = frame.indexOf(QLatin1Char('`'));
    return tick < 0 ? frame : frame.mid(tick + 1);
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void help_data();
    void help();
    void versionNamesTheCommit();
    void commandsDoNotLoadTheGui();
    void importPerfData();
    void importPerfScriptText();
    void unresolvedCodeIsOneFramePerModule();
    void severalEventsShownOneAtATime();
    void roundTrip_data();
    void roundTrip();
    void exportDefaultName_data();
    void exportDefaultName();
    void exportWithoutOutputDirVariable();
    void exportEmptyOutputDirVariable();
    void missingHomeIsNotCreated();
    void terminalSafeInfo();
    void badInput_data();
    void badInput();
    void threadsWorkload();
    void deepRecursion();
    void forkExec();
    void cppNames();

private:
    // perf record -F <hz> <callGraph> -o out -- command; fails the test on error.
    void record(const QString &out, const QStringList &command, const QStringList &callGraph = {QStringLiteral("-g")},
                int hz = 999);
    // `reader` picks the perf.data reader ("native" or "perf-script"; empty: the default).
    void import(const QString &input, const QString &output, const QString &reader = {});
    void info(const QString &report, QJsonObject &out);
    qint64 perfSampleCount(const QString &perfData);
    // cpusplit.data imported once, for the tests that only need some report.
    QString sharedReport();

    QTemporaryDir m_shared;
    QString m_cpusplitData;
    QString m_cpusplitReport;
};

void TestCli::record(const QString &out, const QStringList &command, const QStringList &callGraph, int hz)
{
    const QStringList args =
        QStringList{QStringLiteral("record"), QStringLiteral("-q"), QStringLiteral("-F"), QString::number(hz)} +
        callGraph + QStringList{QStringLiteral("-o"), out, QStringLiteral("--")} + command;
    const Run r = runProcess(QStringLiteral("perf"), args);
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(QStringLiteral("perf record: ") + r.describe()));
    QVERIFY2(QFileInfo(out).size() > 0, qPrintable(out));
}

void TestCli::import(const QString &input, const QString &output, const QString &reader)
{
    RunOptions options;
    if (!reader.isEmpty())
        options.env.insert(QStringLiteral("PERFWB_PERF_READER"), reader);
    const Run r = runPerfwb({QStringLiteral("import"), input, QStringLiteral("-o"), output}, options);
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY2(r.err.isEmpty(), r.err.constData());
    QVERIFY2(QFileInfo(output).isFile() && QFileInfo(output).size() > 0, qPrintable(output));
}

void TestCli::info(const QString &report, QJsonObject &out)
{
    const Run r = runPerfwb(
        {QStringLiteral("info"), report, QStringLiteral("--json"), QStringLiteral("--top"), QStringLiteral("1000000")});
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe()));
    QJsonParseError error;
    const auto doc = QJsonDocument::fromJson(r.out, &error);
    QVERIFY2(error.error == QJsonParseError::NoError && doc.isObject(), qPrintable(error.errorString()));
    out = doc.object();
    for (const char *key :
         {"samples", "duration_ns", "threads", "lost_samples", "weight_unit", "functions", "metadata"})
        QVERIFY2(out.contains(QLatin1String(key)), key);
}

qint64 TestCli::perfSampleCount(const QString &perfData)
{
    const Run r = runProcess(QStringLiteral("perf"),
                             {QStringLiteral("report"), QStringLiteral("--stats"), QStringLiteral("-i"), perfData});
    for (const auto &line : r.out.split('\n')) {
        const auto t = line.simplified();
        if (t.startsWith("SAMPLE events:"))
            return t.split(' ').value(2).toLongLong();
    }
    return -1;
}

QString TestCli::sharedReport()
{
    if (m_cpusplitReport.isEmpty()) {
        const QString path = m_shared.filePath(QStringLiteral("cpusplit.perfwb"));
        const Run r = runPerfwb({QStringLiteral("import"), m_cpusplitData, QStringLiteral("-o"), path});
        if (r.finished && r.exitCode == 0)
            m_cpusplitReport = path;
        else
            qWarning("importing the shared recording failed: %s", qPrintable(r.describe()));
    }
    return m_cpusplitReport;
}

void TestCli::initTestCase()
{
    QVERIFY(m_shared.isValid());
    QVERIFY2(QFileInfo(kPerfwb).isExecutable(), qPrintable(kPerfwb));
    m_cpusplitData = m_shared.filePath(QStringLiteral("cpusplit.data"));
    // 1999 Hz rather than perf's usual 999: cpusplit spins by wall clock, so on a busy
    // machine (ctest -j) it gets less CPU and fewer samples; this keeps well over 1000.
    CHECKED(record(m_cpusplitData, {workload("cpusplit"), QStringLiteral("1500")}, {QStringLiteral("-g")}, 1999));
}

void TestCli::help_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("perfwb --help") << QStringList{QStringLiteral("--help")} << QStringLiteral("import");
    QTest::newRow("import --help") << QStringList{QStringLiteral("import"), QStringLiteral("--help")}
                                   << QStringLiteral("-o");
    QTest::newRow("info --help") << QStringList{QStringLiteral("info"), QStringLiteral("--help")}
                                 << QStringLiteral("--json");
    QTest::newRow("export --help") << QStringList{QStringLiteral("export"), QStringLiteral("--help")}
                                   << QStringLiteral("--to");
}

void TestCli::help()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    const Run r = runPerfwb(args);
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY2(r.out.contains("Usage"), r.out.constData());
    QVERIFY2(r.out.contains(mentions.toUtf8()), r.out.constData());
    QVERIFY2(r.err.isEmpty(), r.err.constData());
}

void TestCli::versionNamesTheCommit()
{
    const Run r = runPerfwb({QStringLiteral("--version")});
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe()));
    const QRegularExpression shape(
        QStringLiteral("^perfwb \\d+\\.\\d+\\.\\d+ \\(git ([0-9a-f]{12}(-dirty)?|unknown)\\)\n$"));
    const auto match = shape.match(QString::fromUtf8(r.out));
    QVERIFY2(match.hasMatch(), r.out.constData());
    // Built from a git checkout (as here and in CI): the commit is known, and it is the
    // checkout's (the build refreshes it at every build).
    if (QDir(QStringLiteral(PERFWB_SOURCE_DIR "/.git")).exists()) {
        QProcess git;
        git.start(QStringLiteral("git"),
                  {QStringLiteral("-C"), QStringLiteral(PERFWB_SOURCE_DIR), QStringLiteral("rev-parse"),
                   QStringLiteral("--short=12"), QStringLiteral("HEAD")});
        QVERIFY(git.waitForFinished(10000));
        const QString head = QString::fromUtf8(git.readAllStandardOutput()).trimmed();
        QVERIFY2(match.captured(1).startsWith(head),
                 qPrintable(match.captured(1) + QStringLiteral(" vs HEAD ") + head));
    }
}

// The window is a module loaded only without a command: the binary itself needs no Qt
// Widgets, Gui, Charts or QCustomPlot (their binding was most of a command's start-up).
// Without the module, opening the window is one error line; commands still work.
void TestCli::commandsDoNotLoadTheGui()
{
    const Run needed = runProcess(QStringLiteral("readelf"), {QStringLiteral("-d"), kPerfwb});
    QVERIFY2(needed.exitCode == 0, qPrintable(needed.describe()));
    QVERIFY2(needed.out.contains("libQt6Core.so"), needed.out.constData());
    for (const char *lib : {"libQt6Widgets", "libQt6Gui", "libQt6Charts", "libQCustomPlot"})
        QVERIFY2(!needed.out.contains(lib), lib);

    QTemporaryDir dir;
    const QString alone = dir.filePath(QStringLiteral("bin/perfwb"));
    QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("bin"))));
    QVERIFY(QFile::copy(kPerfwb, alone));
    RunOptions options;
    options.env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    const Run gui = runProcess(alone, {dir.filePath(QStringLiteral("some.perfwb"))}, options);
    QCOMPARE(gui.exitCode, 2);
    QCOMPARE(gui.err.count('\n'), 1);
    // Trees built without the GUI (the sanitizer preset) have no module to look for.
    const bool withGui = QFileInfo::exists(QFileInfo(kPerfwb).dir().filePath(QStringLiteral("perfwb-gui.so")));
    const QByteArray expected = withGui ? "perfwb: cannot load the workbench's window (not found: " +
                                              dir.filePath(QStringLiteral("bin/perfwb-gui.so")).toUtf8()
                                        : QByteArray("perfwb: this perfwb was built without the GUI");
    QVERIFY2(gui.err.startsWith(expected), gui.err.constData());
    const Run version = runProcess(alone, {QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
}

void TestCli::importPerfData()
{
    QTemporaryDir dir;
    const QString report = dir.filePath(QStringLiteral("cpusplit.perfwb"));
    CHECKED(import(m_cpusplitData, report));

    QJsonObject json;
    CHECKED(info(report, json));
    const qint64 samples = json.value(QStringLiteral("samples")).toInteger();
    QVERIFY2(samples > 1000, qPrintable(QString::number(samples)));
    // Every sample perf recorded is imported: none dropped, none invented.
    QCOMPARE(samples, perfSampleCount(m_cpusplitData));
    // The workload spins 1.5 s of wall time; the samples span (almost) all of it.
    QVERIFY2(json.value(QStringLiteral("duration_ns")).toInteger() >= 1400000000LL,
             qPrintable(QString::number(json.value(QStringLiteral("duration_ns")).toInteger())));
    QVERIFY(!json.value(QStringLiteral("weight_unit")).toString().isEmpty());
    QVERIFY(json.value(QStringLiteral("metadata")).isObject());

    const auto functions = json.value(QStringLiteral("functions")).toArray();
    const auto hot = findByName(functions, QStringLiteral("hot_70"));
    const auto warm = findByName(functions, QStringLiteral("warm_30"));
    const auto mainFn = findByName(functions, QStringLiteral("main"));
    QVERIFY2(!hot.isEmpty() && !warm.isEmpty() && !mainFn.isEmpty(),
             QJsonDocument(functions).toJson(QJsonDocument::Compact).left(2000).constData());
    // Totals, not self: the native reader shows the inlined spin_for as a frame of its
    // own (as perfwb record does), which holds the self time below hot_70 and warm_30.
    const double hotTotal = hot.value(QStringLiteral("total_pct")).toDouble();
    const double warmTotal = warm.value(QStringLiteral("total_pct")).toDouble();
    const double mainTotal = mainFn.value(QStringLiteral("total_pct")).toDouble();
    QVERIFY2(hotTotal >= 63 && hotTotal <= 77, qPrintable(QString::number(hotTotal)));
    QVERIFY2(warmTotal >= 23 && warmTotal <= 37, qPrintable(QString::number(warmTotal)));
    QVERIFY2(mainTotal >= 95, qPrintable(QString::number(mainTotal)));
    QCOMPARE(hot.value(QStringLiteral("module")).toString(), QStringLiteral("cpusplit"));

    bool thread = false;
    for (const auto &t : json.value(QStringLiteral("threads")).toArray())
        thread = thread || t.toObject().value(QStringLiteral("name")).toString() == QLatin1String("cpusplit");
    QVERIFY2(thread, QJsonDocument(json.value(QStringLiteral("threads")).toArray()).toJson().constData());

    // info reads the perf.data itself (imported on the fly) to the same numbers.
    QJsonObject direct;
    CHECKED(info(m_cpusplitData, direct));
    QVERIFY(functionRows(direct) == functionRows(json));

    // The plain-text summary lists the same top function (by self time) as the JSON.
    const Run text = runPerfwb({QStringLiteral("info"), report});
    QVERIFY2(text.finished && text.exitCode == 0, qPrintable(text.describe()));
    const QString top = functions.first().toObject().value(QStringLiteral("name")).toString();
    QVERIFY2(!top.isEmpty() && text.out.contains(top.toUtf8()), qPrintable(top + QLatin1Char('\n') + text.out));

    // The inlined spin loop once per caller, in the text and in the JSON's inlined_in.
    QVERIFY2(text.out.contains("spin_for (inlined in hot_70)") && text.out.contains("spin_for (inlined in warm_30)"),
             text.out.constData());
    QStringList callers;
    for (const auto &v :
         findByName(functions, QStringLiteral("spin_for")).value(QStringLiteral("inlined_in")).toArray())
        callers << v.toObject().value(QStringLiteral("function")).toString();
    callers.sort();
    QCOMPARE(callers, (QStringList{QStringLiteral("hot_70"), QStringLiteral("warm_30")}));
    // The perf.data header's facts.
    const auto meta = json.value(QStringLiteral("metadata")).toObject();
    for (const char *key : {"host", "kernel", "arch", "cpu", "cpus_online", "perf_version"})
        QVERIFY2(!meta.value(QLatin1String(key)).toString().isEmpty(), key);
    QVERIFY2(text.out.contains("kernel:") && text.out.contains("perf:"), text.out.constData());
}

void TestCli::importPerfScriptText()
{
    // `perf script` text made by perf itself is sniffed and reads to the same profile.
    QTemporaryDir dir;
    const Run script =
        runProcess(QStringLiteral("perf"), {QStringLiteral("script"), QStringLiteral("-i"), m_cpusplitData});
    QVERIFY2(script.finished && script.exitCode == 0, qPrintable(script.describe()));
    const QString text = dir.filePath(QStringLiteral("cpusplit.txt"));
    QVERIFY(writeBytes(text, script.out));
    const QString fromText = dir.filePath(QStringLiteral("text.perfwb"));
    CHECKED(import(text, fromText));
    // Compared with the perf.data read through perf script (the native reader names
    // inline frames and C++ functions its own way, as perfwb record does).
    const QString report = dir.filePath(QStringLiteral("data.perfwb"));
    CHECKED(import(m_cpusplitData, report, QStringLiteral("perf-script")));
    QJsonObject a, b;
    CHECKED(info(fromText, a));
    CHECKED(info(report, b));
    QCOMPARE(a.value(QStringLiteral("samples")).toInteger(), b.value(QStringLiteral("samples")).toInteger());
    QVERIFY(functionRows(a) == functionRows(b));
}

void TestCli::unresolvedCodeIsOneFramePerModule()
{
    // Debian's dd is stripped: perf report names its code by address. perfwb makes it one
    // frame, [dd], unless --addresses asks for one per address (dd+0x5b7c, ...).
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("dd.data"));
    CHECKED(record(data,
                   {QStringLiteral("dd"), QStringLiteral("if=/dev/zero"), QStringLiteral("of=/dev/null"),
                    QStringLiteral("bs=1"), QStringLiteral("count=300000")},
                   {QStringLiteral("-g")}, 4999));
    const auto ddFunctions = [&](const QStringList &extra) {
        const Run r = runPerfwb(QStringList{QStringLiteral("info"), data, QStringLiteral("--json"),
                                            QStringLiteral("--top"), QStringLiteral("1000000")} +
                                extra);
        QStringList names;
        for (const auto &v : QJsonDocument::fromJson(r.out).object().value(QStringLiteral("functions")).toArray()) {
            const auto o = v.toObject();
            if (o.value(QStringLiteral("module")).toString() == QLatin1String("dd"))
                names << o.value(QStringLiteral("name")).toString();
        }
        return names;
    };
    const QStringList perModule = ddFunctions({});
    QCOMPARE(perModule, QStringList{QStringLiteral("[dd]")});
    const QStringList perAddress = ddFunctions({QStringLiteral("--addresses")});
    QVERIFY2(perAddress.size() > 1, qPrintable(perAddress.join(QLatin1Char(' '))));
    for (const QString &name : perAddress)
        QVERIFY2(name.startsWith(QLatin1String("dd+0x")), qPrintable(name));
}

// perf record -e cpu-clock,task-clock: info, export and diff show one event at a time (the
// first unless --event names another), and the report keeps both.
void TestCli::severalEventsShownOneAtATime()
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("two.data"));
    CHECKED(record(data, {workload("cpusplit"), QStringLiteral("600")},
                   {QStringLiteral("-e"), QStringLiteral("cpu-clock,task-clock"), QStringLiteral("-g")}, 797));
    const QString report = dir.filePath(QStringLiteral("two.perfwb"));
    CHECKED(import(data, report));
    const auto infoJson = [](const QStringList &args) {
        const Run r = runPerfwb(QStringList{QStringLiteral("info"), QStringLiteral("--json")} + args);
        return std::make_pair(r.exitCode, QJsonDocument::fromJson(r.out).object());
    };
    qint64 taskClockSamples = 0;
    for (const QString &input : {data, report}) {
        const auto [rc, first] = infoJson({input});
        QCOMPARE(rc, 0);
        const auto events = first.value(QStringLiteral("events")).toArray();
        QCOMPARE(events.size(), 2);
        QCOMPARE(events[0].toObject().value(QStringLiteral("name")).toString(), QStringLiteral("cpu-clock"));
        QVERIFY(events[0].toObject().value(QStringLiteral("shown")).toBool());
        QVERIFY(!events[1].toObject().value(QStringLiteral("shown")).toBool());
        const auto cpuClock = events[0].toObject().value(QStringLiteral("samples")).toInteger();
        const auto taskClock = events[1].toObject().value(QStringLiteral("samples")).toInteger();
        QVERIFY(cpuClock > 100 && taskClock > 100);
        QCOMPARE(first.value(QStringLiteral("samples")).toInteger(), cpuClock);
        QCOMPARE(cpuClock + taskClock, perfSampleCount(data));
        taskClockSamples = taskClock;
        const auto [rc2, second] = infoJson({input, QStringLiteral("--event"), QStringLiteral("task-clock")});
        QCOMPARE(rc2, 0);
        QCOMPARE(second.value(QStringLiteral("samples")).toInteger(), taskClock);
        QCOMPARE(second.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("event")).toString(),
                 QStringLiteral("task-clock"));
        QVERIFY(second.value(QStringLiteral("events")).toArray()[1].toObject().value(QStringLiteral("shown")).toBool());

        const Run unknown =
            runPerfwb({QStringLiteral("info"), input, QStringLiteral("--event"), QStringLiteral("cycles")});
        QCOMPARE(unknown.exitCode, 2);
        QCOMPARE(unknown.err.trimmed(),
                 QByteArray("perfwb: " + input.toUtf8() + ": no event 'cycles' (it has: cpu-clock, task-clock)"));

        // The folded export carries only the chosen event's samples.
        const QString folded = dir.filePath(QStringLiteral("task.txt"));
        const Run exported =
            runPerfwb({QStringLiteral("export"), input, QStringLiteral("--to"), QStringLiteral("folded"),
                       QStringLiteral("--event"), QStringLiteral("task-clock"), QStringLiteral("-o"), folded});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.describe()));
        QFile f(folded);
        QVERIFY(f.open(QIODevice::ReadOnly));
        qint64 total = 0;
        for (const auto &line : f.readAll().split('\n'))
            total += line.isEmpty() ? 0 : line.mid(line.lastIndexOf(' ') + 1).toLongLong();
        QCOMPARE(total, taskClock);
    }
    // diff compares the same event on both sides; the sample counts are that event's.
    const Run diff = runPerfwb({QStringLiteral("diff"), data, report, QStringLiteral("--event"),
                                QStringLiteral("task-clock"), QStringLiteral("--json")});
    QVERIFY2(diff.exitCode == 0, qPrintable(diff.describe()));
    bool samplesCompared = false;
    for (const auto &m : QJsonDocument::fromJson(diff.out).object().value(QStringLiteral("metrics")).toArray()) {
        const auto o = m.toObject();
        if (o.value(QStringLiteral("name")).toString() != QLatin1String("samples"))
            continue;
        QCOMPARE(o.value(QStringLiteral("before")).toInteger(), taskClockSamples);
        QCOMPARE(o.value(QStringLiteral("after")).toInteger(), taskClockSamples);
        samplesCompared = true;
    }
    QVERIFY2(samplesCompared, diff.out.constData());
    const Run badDiff = runPerfwb(
        {QStringLiteral("diff"), data, sharedReport(), QStringLiteral("--event"), QStringLiteral("task-clock")});
    QCOMPARE(badDiff.exitCode, 2);
    QVERIFY2(badDiff.err.contains("no event 'task-clock' (it has: cpu-clock)"), badDiff.err.constData());
}

void TestCli::roundTrip_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("extension");
    QTest::newRow("folded") << QStringLiteral("folded") << QStringLiteral("txt");
    QTest::newRow("speedscope") << QStringLiteral("speedscope") << QStringLiteral("speedscope.json");
}

void TestCli::roundTrip()
{
    QFETCH(QString, format);
    QFETCH(QString, extension);
    const QString shared = sharedReport();
    QVERIFY(!shared.isEmpty());
    // Both reports carry the same base name, so titles taken from it match too.
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("first")) && QDir(dir.path()).mkpath(QStringLiteral("second")));
    const QString first = dir.filePath(QStringLiteral("first/run.perfwb"));
    const QString second = dir.filePath(QStringLiteral("second/run.perfwb"));
    QVERIFY(QFile::copy(shared, first));
    const QString exportA = dir.filePath(QStringLiteral("a.") + extension);
    const QString exportB = dir.filePath(QStringLiteral("b.") + extension);

    Run r = runPerfwb({QStringLiteral("export"), first, QStringLiteral("--to"), format, QStringLiteral("-o"), exportA});
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe()));
    CHECKED(import(exportA, second)); // format sniffed from content
    r = runPerfwb({QStringLiteral("export"), second, QStringLiteral("--to"), format, QStringLiteral("-o"), exportB});
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe()));

    const QByteArray a = readBytes(exportA);
    QVERIFY(a.contains("hot_70"));
    const QByteArray b = readBytes(exportB);
    qsizetype at = 0;
    while (at < a.size() && at < b.size() && a[at] == b[at])
        ++at;
    QVERIFY2(a == b, qPrintable(QStringLiteral("the second export differs from the first at byte %1: [%2] vs [%3]")
                                    .arg(at)
                                    .arg(QString::fromUtf8(a.mid(std::max<qsizetype>(0, at - 40), 100)),
                                         QString::fromUtf8(b.mid(std::max<qsizetype>(0, at - 40), 100)))));

    QJsonObject before, after;
    CHECKED(info(first, before));
    CHECKED(info(second, after));
    auto rowsBefore = functionRows(before);
    auto rowsAfter = functionRows(after);
    if (format == QLatin1String("speedscope")) {
        // speedscope frames have a file but no module: a frame with a source file comes
        // back without its module. Compare names and weights.
        for (auto *rows : {&rowsBefore, &rowsAfter}) {
            for (auto &row : *rows)
                std::get<1>(row).clear();
            std::sort(rows->begin(), rows->end());
        }
    }
    QCOMPARE(rowsAfter.size(), rowsBefore.size());
    for (std::size_t i = 0; i < rowsBefore.size(); ++i) {
        QVERIFY2(rowsBefore[i] == rowsAfter[i],
                 qPrintable(QStringLiteral("%1 [%2] self %3 total %4 became %5 [%6] self %7 total %8")
                                .arg(std::get<0>(rowsBefore[i]), std::get<1>(rowsBefore[i]))
                                .arg(std::get<2>(rowsBefore[i]))
                                .arg(std::get<3>(rowsBefore[i]))
                                .arg(std::get<0>(rowsAfter[i]), std::get<1>(rowsAfter[i]))
                                .arg(std::get<2>(rowsAfter[i]))
                                .arg(std::get<3>(rowsAfter[i]))));
    }
}

void TestCli::exportDefaultName_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("fileName");
    QTest::newRow("svg") << QStringLiteral("svg") << QStringLiteral("nightly-flamegraph.svg");
    QTest::newRow("folded") << QStringLiteral("folded") << QStringLiteral("nightly-folded.txt");
    QTest::newRow("speedscope") << QStringLiteral("speedscope") << QStringLiteral("nightly-profile.speedscope.json");
}

void TestCli::exportDefaultName()
{
    QFETCH(QString, format);
    QFETCH(QString, fileName);
    const QString shared = sharedReport();
    QVERIFY(!shared.isEmpty());
    QTemporaryDir dir;
    // No run label in a report imported from perf.data: the report's base name is the label.
    const QString report = dir.filePath(QStringLiteral("nightly.perfwb"));
    QVERIFY(QFile::copy(shared, report));
    const QString outDir = dir.filePath(QStringLiteral("out"));
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("FIL_PERF_OUTPUT_DIR"), outDir);

    const Run r = runPerfwb({QStringLiteral("export"), report, QStringLiteral("--to"), format},
                            {.workDir = dir.path(), .env = env});
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe()));
    const QString expected = outDir + QLatin1Char('/') + fileName;
    QVERIFY2(QFileInfo(expected).isFile(), qPrintable(entries(outDir).join(QLatin1Char(' '))));
    QCOMPARE(entries(outDir), QStringList{fileName});
    QCOMPARE(QFileInfo(QString::fromLocal8Bit(r.out.trimmed())).absoluteFilePath(), expected);
    const QByteArray data = readBytes(expected);
    QVERIFY(data.contains("hot_70"));
    if (format == QLatin1String("svg"))
        QVERIFY(data.contains("<svg"));
}

void TestCli::exportWithoutOutputDirVariable()
{
    const QString shared = sharedReport();
    QVERIFY(!shared.isEmpty());
    QTemporaryDir dir;
    const QString report = dir.filePath(QStringLiteral("nightly.perfwb"));
    QVERIFY(QFile::copy(shared, report));
    const QString cwd = dir.filePath(QStringLiteral("cwd"));
    QVERIFY(QDir().mkpath(cwd));
    auto env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("FIL_PERF_OUTPUT_DIR"));

    const Run r = runPerfwb({QStringLiteral("export"), report, QStringLiteral("--to"), QStringLiteral("svg")},
                            {.workDir = cwd, .env = env});
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe()));
    const QString expected = cwd + QStringLiteral("/outputs/perf/nightly-flamegraph.svg");
    QVERIFY2(QFileInfo(expected).isFile(), qPrintable(QString::fromLocal8Bit(r.out)));
    QVERIFY(readBytes(expected).contains("<svg"));
}

void TestCli::exportEmptyOutputDirVariable()
{
    const QString shared = sharedReport();
    QVERIFY(!shared.isEmpty());
    QTemporaryDir dir;
    const QString cwd = dir.filePath(QStringLiteral("cwd"));
    QVERIFY(QDir().mkpath(cwd));
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("FIL_PERF_OUTPUT_DIR"), QString());

    const Run r = runPerfwb({QStringLiteral("export"), shared, QStringLiteral("--to"), QStringLiteral("svg")},
                            {.workDir = cwd, .env = env});
    QVERIFY2(r.finished && r.exitCode == 2, qPrintable(r.describe()));
    QVERIFY2(r.err.startsWith("perfwb: ") && r.err.count('\n') == 1 && r.err.endsWith('\n'), r.err.constData());
    QVERIFY2(r.err.contains("FIL_PERF_OUTPUT_DIR"), r.err.constData());
    QVERIFY2(entries(cwd).isEmpty(), qPrintable(entries(cwd).join(QLatin1Char(' '))));
}

// HOME=/nonexistent (as root): perfwb logs to stderr only and creates no home.
void TestCli::missingHomeIsNotCreated()
{
    QTemporaryDir dir;
    const QString home = dir.filePath(QStringLiteral("no-such-home"));
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home);
    env.remove(QStringLiteral("XDG_STATE_HOME"));
    env.remove(QStringLiteral("XDG_CONFIG_HOME"));
    const Run r = runPerfwb({QStringLiteral("info"), sharedReport()}, {.workDir = dir.path(), .env = env});
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY2(!QFileInfo::exists(home), qPrintable(entries(dir.path()).join(QLatin1Char(' '))));
    env.insert(QStringLiteral("XDG_STATE_HOME"), dir.filePath(QStringLiteral("missing/state")));
    const Run x = runPerfwb({QStringLiteral("info"), sharedReport()}, {.workDir = dir.path(), .env = env});
    QVERIFY2(x.finished && x.exitCode == 0, qPrintable(x.describe()));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("missing"))));
}

// Symbol names with escape sequences, BEL and newlines (a hostile or broken binary) reach
// the terminal escaped: no control byte on stdout but the table's own newlines.
void TestCli::terminalSafeInfo()
{
    QTemporaryDir dir;
    // speedscope carries any name (JSON escapes), as a binary's symbol table can.
    const QString folded = dir.filePath(QStringLiteral("evil.speedscope.json"));
    QFile f(folded);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"$schema": "https://www.speedscope.app/file-format-schema.json",
 "shared": {"frames": [{"name": "main"}, {"name": "\u001b]0;pwned\u0007"}, {"name": "clear\u001b[2J\u009b31m"},
                       {"name": "two\nlines"}, {"name": "back\\slash"}]},
 "profiles": [{"type": "sampled", "name": "evil", "unit": "none", "startValue": 0, "endValue": 4,
               "samples": [[0, 1], [0, 2], [0, 3], [0, 4]], "weights": [1, 1, 1, 1]}]})");
    f.close();
    const Run r = runPerfwb({QStringLiteral("info"), folded});
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe()));
    for (const char c : r.out)
        QVERIFY2(static_cast<unsigned char>(c) >= 0x20 || c == '\n', qPrintable(r.describe()));
    QVERIFY2(!r.out.contains("\xc2\x9b"), r.out.constData());
    QVERIFY2(r.out.contains("\\x1b]0;pwned\\x07"), r.out.constData());
    QVERIFY2(r.out.contains("clear\\x1b[2J\\u009b31m"), r.out.constData());
    QVERIFY2(r.out.contains("two\\nlines"), r.out.constData()); // one table row, not two
    QVERIFY2(r.out.contains("back\\slash"), r.out.constData()); // a backslash stays

    // perfwb diff prints the same names, and perfwb settings values from the environment.
    const Run diff = runPerfwb({QStringLiteral("diff"), folded, folded});
    QVERIFY2(diff.finished && diff.exitCode == 0, qPrintable(diff.describe()));
    const Run settings = runPerfwb({QStringLiteral("settings")}, [] {
        RunOptions o;
        o.env.insert(QStringLiteral("FIL_PERF_OUTPUT_DIR"), QStringLiteral("/tmp/a\x1b]0;pwned\x07"
                                                                           "-b"));
        return o;
    }());
    QVERIFY2(settings.finished && settings.exitCode == 0, qPrintable(settings.describe()));
    for (const Run *run : {&diff, &settings}) {
        for (const char c : run->out)
            QVERIFY2(static_cast<unsigned char>(c) >= 0x20 || c == '\n', qPrintable(run->describe()));
        QVERIFY2(run->out.contains("\\x1b]0;pwned\\x07"), run->out.constData());
    }
}

void TestCli::badInput_data()
{
    // %IN% is replaced by the prepared bad input, %OUT% by a path in an empty directory,
    // %REPORT% by a good report. `mentions` must appear in the error line.
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("mentions");
    const QString in = QStringLiteral("%IN%"), out = QStringLiteral("%OUT%"), o = QStringLiteral("-o");
    const QString imp = QStringLiteral("import"), exp = QStringLiteral("export"), to = QStringLiteral("--to");
    QTest::newRow("empty file") << "empty.data" << QStringList{imp, in, o, out} << 2 << "empty.data";
    QTest::newRow("binary garbage") << "garbage.bin" << QStringList{imp, in, o, out} << 2 << "garbage.bin";
    QTest::newRow("truncated perf.data") << "truncated.data" << QStringList{imp, in, o, out} << 2 << "truncated.data";
    QTest::newRow("truncated perf.data, -f perf")
        << "truncated.data" << QStringList{imp, in, QStringLiteral("-f"), QStringLiteral("perf"), o, out} << 2
        << "truncated.data";
    QTest::newRow("truncated report") << "truncated.perfwb" << QStringList{imp, in, o, out} << 2 << "truncated.perfwb";
    QTest::newRow("truncated report, info")
        << "truncated.perfwb" << QStringList{QStringLiteral("info"), in, QStringLiteral("--json")} << 2
        << "truncated.perfwb";
    QTest::newRow("truncated report, export")
        << "truncated.perfwb" << QStringList{exp, in, to, QStringLiteral("svg"), o, out} << 2 << "truncated.perfwb";
    QTest::newRow("folded forced as speedscope")
        << "stacks.folded" << QStringList{imp, in, QStringLiteral("-f"), QStringLiteral("speedscope"), o, out} << 2
        << "stacks.folded";
    QTest::newRow("unknown -f format") << "stacks.folded"
                                       << QStringList{imp, in, QStringLiteral("-f"), QStringLiteral("nosuch"), o, out}
                                       << 2 << "nosuch";
    QTest::newRow("directory") << "adir" << QStringList{imp, in, o, out} << 2 << "adir";
    QTest::newRow("missing file") << "missing.data" << QStringList{imp, in, o, out} << 2 << "missing.data";
    QTest::newRow("garbage, info") << "garbage.bin" << QStringList{QStringLiteral("info"), in} << 2 << "garbage.bin";
    QTest::newRow("unknown --to format") << "%REPORT%" << QStringList{exp, in, to, QStringLiteral("pdf"), o, out} << 2
                                         << "pdf";
    QTest::newRow("unknown subcommand") << "" << QStringList{QStringLiteral("frobnicate")} << 2 << "frobnicate";
    QTest::newRow("missing -o") << "%REPORT%" << QStringList{imp, in} << 2 << "-o";
    QTest::newRow("bad --top") << "%REPORT%"
                               << QStringList{QStringLiteral("info"), in, QStringLiteral("--top"),
                                              QStringLiteral("many")}
                               << 2 << "many";
    // A run label names files; an empty -o is a mistake, not "the default".
    const QString rec = QStringLiteral("record"), dd = QStringLiteral("--"), tru = QStringLiteral("/bin/true");
    QTest::newRow("label with a path") << ""
                                       << QStringList{rec, QStringLiteral("--label"), QStringLiteral("../../x"), dd,
                                                      tru}
                                       << 2 << "../../x";
    QTest::newRow("empty label") << "" << QStringList{rec, QStringLiteral("--label"), QString(), dd, tru} << 2
                                 << "--label";
    QTest::newRow("empty -o") << "" << QStringList{rec, o, QString(), dd, tru} << 2 << "-o needs a file name";
    // The input is fine, writing fails: a failure of the work, not of usage.
    QTest::newRow("output under a regular file")
        << "%REPORT%" << QStringList{exp, in, to, QStringLiteral("svg"), o, QStringLiteral("%REPORT%/x.svg")} << 1
        << "x.svg";
}

void TestCli::badInput()
{
    QFETCH(QString, input);
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, mentions);
    const QString shared = sharedReport();
    QVERIFY(!shared.isEmpty());
    QTemporaryDir dir;
    const QString outDir = dir.filePath(QStringLiteral("out"));
    const QString cwd = dir.filePath(QStringLiteral("cwd"));
    QVERIFY(QDir().mkpath(outDir) && QDir().mkpath(cwd));

    // Prepare the bad inputs from real files where there is one to spoil.
    const QByteArray perfData = readBytes(m_cpusplitData);
    const QByteArray report = readBytes(shared);
    QVERIFY(!perfData.isEmpty() && !report.isEmpty());
    QByteArray garbage(64 * 1024, '\0');
    quint32 x = 12345;
    for (auto &c : garbage) {
        x = x * 1664525u + 1013904223u;
        c = static_cast<char>(x >> 24);
    }
    QVERIFY(writeBytes(dir.filePath(QStringLiteral("empty.data")), {}));
    QVERIFY(writeBytes(dir.filePath(QStringLiteral("garbage.bin")), garbage));
    QVERIFY(writeBytes(dir.filePath(QStringLiteral("truncated.data")), perfData.left(perfData.size() / 2)));
    QVERIFY(writeBytes(dir.filePath(QStringLiteral("truncated.perfwb")), report.left(report.size() / 2)));
    QVERIFY(writeBytes(dir.filePath(QStringLiteral("stacks.folded")), "main;hot_70 70\nmain;warm_30 30\n"));
    QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("adir"))));
    const QString goodReport = dir.filePath(QStringLiteral("good.perfwb"));
    QVERIFY(QFile::copy(shared, goodReport));

    const QString inputPath = input == QLatin1String("%REPORT%") ? goodReport : dir.filePath(input);
    const QString outPath = outDir + QStringLiteral("/result.out");
    for (auto &a : args) {
        a.replace(QLatin1String("%IN%"), inputPath)
            .replace(QLatin1String("%OUT%"), outPath)
            .replace(QLatin1String("%REPORT%"), goodReport);
    }
    const QByteArray goodBefore = readBytes(goodReport);

    const Run r = runPerfwb(args, {.workDir = cwd});
    QVERIFY2(r.finished, qPrintable(r.describe()));
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.startsWith("perfwb: ") && r.err.endsWith('\n') && r.err.count('\n') == 1,
             qPrintable(QStringLiteral("stderr must be one line starting 'perfwb: ', got [%1]")
                            .arg(QString::fromLocal8Bit(r.err))));
    QVERIFY2(r.err.contains(mentions.toUtf8()), r.err.constData());
    QVERIFY2(!QFileInfo::exists(outPath), qPrintable(outPath));
    QVERIFY2(entries(outDir).isEmpty(), qPrintable(entries(outDir).join(QLatin1Char(' '))));
    QVERIFY2(entries(cwd).isEmpty(), qPrintable(entries(cwd).join(QLatin1Char(' '))));
    QVERIFY(readBytes(goodReport) == goodBefore);
}

void TestCli::threadsWorkload()
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("threads.data"));
    const QString report = dir.filePath(QStringLiteral("threads.perfwb"));
    CHECKED(record(data, {workload("threads"), QStringLiteral("300")}));
    CHECKED(import(data, report));
    QJsonObject json;
    CHECKED(info(report, json));
    const qint64 samples = json.value(QStringLiteral("samples")).toInteger();
    const auto threads = json.value(QStringLiteral("threads")).toArray();
    const auto functions = json.value(QStringLiteral("functions")).toArray();
    const char *names[] = {"thr-a", "thr-b", "thr-c", "thr-d"};
    const char *workers[] = {"worker_a", "worker_b", "worker_c", "worker_d"};
    for (int i = 0; i < 4; ++i) {
        const auto t = findByName(threads, QLatin1String(names[i]));
        QVERIFY2(!t.isEmpty(), qPrintable(QLatin1String(names[i]) + QLatin1Char(' ') +
                                          QString::fromUtf8(QJsonDocument(threads).toJson(QJsonDocument::Compact))));
        // Each thread spins the same CPU time: about a quarter of all samples.
        const qint64 n = t.value(QStringLiteral("samples")).toInteger();
        QVERIFY2(n * 100 >= samples * 15 && n * 100 <= samples * 35, qPrintable(QString::number(n)));
        QVERIFY2(t.value(QStringLiteral("tid")).toInt() != t.value(QStringLiteral("pid")).toInt(), names[i]);
        const auto w = findByName(functions, QLatin1String(workers[i]));
        QVERIFY2(!w.isEmpty(), workers[i]);
        const double pct = w.value(QStringLiteral("total_pct")).toDouble(); // inlined spin loop below
        QVERIFY2(pct >= 15 && pct <= 35, qPrintable(QString::number(pct)));
    }
}

void TestCli::deepRecursion()
{
    // Frame-pointer call chains are cut by the kernel at kernel.perf_event_max_stack
    // (127) while recording, so the deep stack is recorded with DWARF unwinding: whether
    // it arrives whole is then up to the importer.
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("deep.data"));
    const QString report = dir.filePath(QStringLiteral("deep.perfwb"));
    const QString folded = dir.filePath(QStringLiteral("deep.txt"));
    CHECKED(record(data, {workload("deeprecurse"), QStringLiteral("300")},
                   {QStringLiteral("--call-graph"), QStringLiteral("dwarf,16384")}));
    CHECKED(import(data, report));
    const Run r = runPerfwb({QStringLiteral("export"), report, QStringLiteral("--to"), QStringLiteral("folded"),
                             QStringLiteral("-o"), folded});
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe()));

    QStringList longest;
    qint64 deepWeight = 0, allWeight = 0;
    for (const auto &line : readBytes(folded).split('\n')) {
        const auto space = line.lastIndexOf(' ');
        if (space < 0)
            continue;
        const QStringList frames = QString::fromUtf8(line.left(space)).split(QLatin1Char(';'));
        const qint64 weight = line.mid(space + 1).toLongLong();
        allWeight += weight;
        if (frames.size() > longest.size())
            longest = frames;
        if (frames.size() >= 252)
            deepWeight += weight;
    }
    // main, 250 x descend, busy_leaf (plus libc start-up frames above main).
    QVERIFY2(longest.size() >= 252, qPrintable(QString::number(longest.size())));
    const auto mainAt = std::find_if(longest.begin(), longest.end(),
                                     [](const QString &f) { return foldedFunction(f) == QLatin1String("main"); });
    QVERIFY2(mainAt != longest.end(), qPrintable(longest.mid(0, 5).join(QLatin1Char(';'))));
    const auto descends = std::count_if(mainAt, longest.end(),
                                        [](const QString &f) { return foldedFunction(f) == QLatin1String("descend"); });
    QCOMPARE(descends, 250);
    // Right below the 250th descend comes busy_leaf; what the longest stack has below
    // it (clock_gettime in the vdso, kernel frames of an interrupt) varies by sample.
    const auto lastDescend = std::find_if(longest.rbegin(), longest.rend(), [](const QString &f) {
                                 return foldedFunction(f) == QLatin1String("descend");
                             }).base();
    QVERIFY(lastDescend != longest.end());
    QCOMPARE(foldedFunction(*lastDescend), QStringLiteral("busy_leaf"));
    // Not one lucky sample: nearly all the time is in the whole deep stack.
    QVERIFY2(deepWeight * 100 >= allWeight * 90, qPrintable(QStringLiteral("%1 of %2").arg(deepWeight).arg(allWeight)));
}

void TestCli::forkExec()
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("forkexec.data"));
    const QString report = dir.filePath(QStringLiteral("forkexec.perfwb"));
    CHECKED(record(data, {workload("forkexec"), workload("cpusplit"), QStringLiteral("300")}));
    CHECKED(import(data, report));
    QJsonObject json;
    CHECKED(info(report, json));
    const auto functions = json.value(QStringLiteral("functions")).toArray();
    // Each phase runs 300 ms of CPU: about a third each, hot_70 70 % of the last third.
    for (const char *name : {"parent_work", "child_work"}) {
        const auto f = findByName(functions, QLatin1String(name));
        QVERIFY2(!f.isEmpty(), name);
        const double pct = f.value(QStringLiteral("total_pct")).toDouble(); // inlined spin loop below
        QVERIFY2(pct >= 10, qPrintable(QLatin1String(name) + QLatin1Char(' ') + QString::number(pct)));
    }
    // cpusplit spins by wall clock, so on a busy machine its share shrinks: only ask
    // that the exec'd program's samples arrived under its own name.
    const auto hot = findByName(functions, QStringLiteral("hot_70"));
    QVERIFY2(!hot.isEmpty() && hot.value(QStringLiteral("total")).toInteger() >= 20,
             QJsonDocument(hot).toJson(QJsonDocument::Compact).constData());
    bool execd = false;
    for (const auto &t : json.value(QStringLiteral("threads")).toArray())
        execd = execd || t.toObject().value(QStringLiteral("name")).toString() == QLatin1String("cpusplit");
    QVERIFY(execd);
    QSet<int> pids;
    for (const auto &t : json.value(QStringLiteral("threads")).toArray())
        pids.insert(t.toObject().value(QStringLiteral("pid")).toInt());
    QVERIFY2(pids.size() >= 2, qPrintable(QString::number(pids.size())));
}

void TestCli::cppNames()
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("templated.data"));
    const QString report = dir.filePath(QStringLiteral("templated.perfwb"));
    CHECKED(record(data, {workload("templated"), QStringLiteral("500")}));
    // perf's own C++ names (perf script's demangling without parameters); the native
    // reader names them as perfwb record does, which tst_record checks.
    CHECKED(import(data, report, QStringLiteral("perf-script")));
    QJsonObject json;
    CHECKED(info(report, json));
    const auto functions = json.value(QStringLiteral("functions")).toArray();
    for (const char *name : {"wl::mix<unsigned long>", "wl::Spinner<int>::operator()"}) {
        const auto f = findByName(functions, QLatin1String(name));
        QVERIFY2(!f.isEmpty(),
                 qPrintable(QLatin1String(name) + QLatin1Char(' ') +
                            QString::fromUtf8(QJsonDocument(functions).toJson(QJsonDocument::Compact)).left(1500)));
        const double pct = f.value(QStringLiteral("self_pct")).toDouble();
        QVERIFY2(pct >= 35 && pct <= 65, qPrintable(QString::number(pct)));
    }
    QVERIFY(!findByName(functions, QStringLiteral("wl::run")).isEmpty());

    // The names survive folded and speedscope files, spaces, brackets and all.
    for (const char *format : {"folded", "speedscope"}) {
        const QString exported = dir.filePath(QLatin1String(format) + QStringLiteral(".out"));
        const QString again = dir.filePath(QLatin1String(format) + QStringLiteral(".perfwb"));
        const Run r = runPerfwb({QStringLiteral("export"), report, QStringLiteral("--to"), QLatin1String(format),
                                 QStringLiteral("-o"), exported});
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe()));
        CHECKED(import(exported, again));
        QJsonObject back;
        CHECKED(info(again, back));
        QVERIFY2(functionRows(back) == functionRows(json), format);
    }
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
