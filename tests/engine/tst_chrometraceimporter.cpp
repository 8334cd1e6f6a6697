// SPDX-License-Identifier: GPL-3.0-or-later
// Chrome trace import: real traces of tests/workloads/hot_js.js from Node
// (--cpu-prof with the cpu_profiler trace category: Profile/ProfileChunk events, B/E
// and X events) and from headless Chromium (hot_js.html), checked thread by thread
// against what the JSON itself says (chrometracefacts.h); ChromeTraceExporter's output
// read back; hand-written traces whose every stack and weight is known; bad input.
#include "engine/chrometracefacts.h"
#include "engine/importertesthelpers.h"
#include "formats/chrometraceexporter.h"
#include "formats/chrometraceimporter.h"
#include "formats/formatregistry.h"
#include "formats/speedscopeexporter.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace perfwb;
using namespace perfwb::testing;

namespace {

const QString kWorkloads = QStringLiteral(PERFWB_SOURCE_DIR "/tests/workloads");

std::uint64_t threadWeight(const model::Profile &p, model::ThreadIndex thread, std::string_view leaf = {})
{
    std::uint64_t sum = 0;
    for (std::size_t i = 0; i < p.samples.size(); ++i) {
        if (p.samples.thread(i) != thread)
            continue;
        if (!leaf.empty() && (p.samples.stack(i) == model::kEmptyStack ||
                              p.functionName(p.stacks.node(p.samples.stack(i)).frame) != leaf))
            continue;
        sum += p.samples.weight(i);
    }
    return sum;
}

std::optional<model::ThreadIndex> findThread(const model::Profile &p, int pid, int tid)
{
    for (model::ThreadIndex t = 0; t < p.threads().size(); ++t) {
        if (p.thread(t).pid == pid && p.thread(t).tid == tid)
            return t;
    }
    return std::nullopt;
}

QJsonArray traceEvents(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object().value(QLatin1String("traceEvents")).toArray();
}

model::Profile importTrace(const QString &path)
{
    model::Profile p;
    const Status st = formats::ChromeTraceImporter().importFile(path.toStdString(), p);
    if (!st)
        qWarning("%s", st.message().c_str());
    return p;
}

// Every thread of the import against the file's own figures: sampled threads carry
// their largest profile's time, the others the time their slices cover.
void compareWithFacts(const model::Profile &p, const TraceFacts &facts)
{
    for (const auto &[key, ns] : facts.profileNs) {
        const auto t = findThread(p, key.first, key.second);
        QVERIFY2(t, qPrintable(QStringLiteral("no thread %1/%2").arg(key.first).arg(key.second)));
        QCOMPARE(static_cast<qint64>(threadWeight(p, *t)), ns);
    }
    for (const auto &[key, ns] : facts.sliceNs) {
        const auto t = findThread(p, key.first, key.second);
        if (ns == 0) {
            QVERIFY(!t || threadWeight(p, *t) == 0);
            continue;
        }
        QVERIFY2(t, qPrintable(QStringLiteral("no thread %1/%2").arg(key.first).arg(key.second)));
        QCOMPARE(static_cast<qint64>(threadWeight(p, *t)), ns);
    }
    QCOMPARE(static_cast<qint64>(p.marks.size()), facts.marks);
    int skipped = 0;
    for (const auto &[key, n] : facts.profiles)
        skipped += n - 1;
    const auto it = p.meta.extra.find("chrome-trace.skipped_profiles");
    QCOMPARE(it == p.meta.extra.end() ? 0 : std::stoi(it->second), skipped);
}

QByteArray trace(const QByteArray &events)
{
    return "{\"traceEvents\":[" + events + "]}";
}

// A Profile event for pid 1 / tid 1 and one chunk (from the profiler's thread, tid 9):
// (root) -> (program); (root) -> main (a.js) -> hot (a.js); samples at 1100, 1110,
// 1120 and 1130 µs, endTime 1140.
QByteArray sampledTrace(const QByteArray &more = {})
{
    return trace("{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":1,\"tid\":1,\"args\":{\"name\":\"JS\"}},"
                 "{\"ph\":\"P\",\"name\":\"Profile\",\"id\":\"0x1\",\"pid\":1,\"tid\":1,\"ts\":1000,"
                 "\"args\":{\"data\":{\"startTime\":1000}}},"
                 "{\"ph\":\"P\",\"name\":\"ProfileChunk\",\"id\":\"0x1\",\"pid\":1,\"tid\":9,\"ts\":1200,"
                 "\"args\":{\"data\":{\"cpuProfile\":{\"nodes\":["
                 "{\"id\":1,\"callFrame\":{\"functionName\":\"(root)\",\"codeType\":\"other\"}},"
                 "{\"id\":2,\"parent\":1,\"callFrame\":{\"functionName\":\"(program)\",\"codeType\":\"other\"}},"
                 "{\"id\":3,\"parent\":1,\"callFrame\":{\"functionName\":\"main\",\"url\":\"a.js\",\"lineNumber\":0,"
                 "\"codeType\":\"JS\"}},"
                 "{\"id\":4,\"parent\":3,\"callFrame\":{\"functionName\":\"hot\",\"url\":\"a.js\",\"lineNumber\":3,"
                 "\"codeType\":\"JS\"}}],"
                 "\"samples\":[4,4,3,2]},\"timeDeltas\":[100,10,10,10]}}},"
                 "{\"ph\":\"P\",\"name\":\"ProfileChunk\",\"id\":\"0x1\",\"pid\":1,\"tid\":9,\"ts\":1300,"
                 "\"args\":{\"data\":{\"endTime\":1140}}}" +
                 more);
}

QString x(const char *name, double ts, double dur, int tid = 1)
{
    return QStringLiteral("{\"ph\":\"X\",\"name\":\"%1\",\"ts\":%2,\"dur\":%3,\"pid\":1,\"tid\":%4}")
        .arg(QLatin1String(name))
        .arg(ts)
        .arg(dur)
        .arg(tid);
}

} // namespace

class TestChromeTraceImporter : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString nodeTrace_;
    QString chromiumTrace_;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        if (!node.isEmpty()) {
            QElapsedTimer timer;
            timer.start();
            nodeTrace_ = dir_.filePath(QStringLiteral("node-trace.json"));
            run(node, {QStringLiteral("--cpu-prof"), QStringLiteral("--cpu-prof-dir"),
                       dir_.filePath(QStringLiteral("prof")), QStringLiteral("--trace-event-categories"),
                       QStringLiteral("v8,node,disabled-by-default-v8.cpu_profiler"),
                       QStringLiteral("--trace-event-file-pattern"), nodeTrace_,
                       kWorkloads + QStringLiteral("/hot_js.js"), QStringLiteral("1000")});
            qInfo("node trace of hot_js.js 1000: %lld ms", static_cast<long long>(timer.elapsed()));
        }
        QString chromium;
        for (const char *name : {"chromium", "chromium-browser", "google-chrome"}) {
            if (chromium.isEmpty())
                chromium = QStandardPaths::findExecutable(QString::fromLatin1(name));
        }
        if (!chromium.isEmpty()) {
            QElapsedTimer timer;
            timer.start();
            chromiumTrace_ = dir_.filePath(QStringLiteral("chromium-trace.json"));
            QProcess p;
            p.setProcessChannelMode(QProcess::MergedChannels);
            p.start(
                chromium,
                {QStringLiteral("--headless"), QStringLiteral("--no-sandbox"), QStringLiteral("--disable-gpu"),
                 QStringLiteral("--disable-background-networking"), QStringLiteral("--disable-component-update"),
                 QStringLiteral("--disable-sync"), QStringLiteral("--no-first-run"),
                 QStringLiteral("--user-data-dir=") + dir_.filePath(QStringLiteral("chromium-profile")),
                 QStringLiteral("--trace-startup=devtools.timeline,v8.execution,disabled-by-default-v8.cpu_profiler"),
                 QStringLiteral("--trace-startup-format=json"),
                 QStringLiteral("--trace-startup-file=") + chromiumTrace_, QStringLiteral("--trace-startup-duration=3"),
                 QStringLiteral("--dump-dom"),
                 QStringLiteral("file://") + kWorkloads + QStringLiteral("/hot_js.html")});
            QVERIFY(p.waitForFinished(60000));
            QVERIFY2(p.exitCode() == 0 && QFile::exists(chromiumTrace_), p.readAll().right(2000).constData());
            qInfo("chromium --headless trace of hot_js.html: %lld ms", static_cast<long long>(timer.elapsed()));
        }
    }

    // Node's trace: the main thread's time is its larger CPU profile's (Node's --cpu-prof
    // runs two); other threads' time is what their slices cover.
    void nodeTrace()
    {
        if (nodeTrace_.isEmpty())
            QSKIP("node is not installed");
        const auto events = traceEvents(nodeTrace_);
        QVERIFY(events.size() > 10);
        const TraceFacts facts = traceFacts(events);
        const model::Profile p = importTrace(nodeTrace_);
        QVERIFY(!p.samples.empty());
        QCOMPARE(p.meta.sourceFormat, std::string("chrome-trace"));
        QCOMPARE(std::string(p.meta.weightUnit.name()), std::string("nanoseconds"));
        compareWithFacts(p, facts);
        QCOMPARE(facts.profileNs.size(), std::size_t(1));
        const auto [pid, tid] = facts.profileNs.begin()->first;
        const auto main = findThread(p, pid, tid);
        QVERIFY(main);
        QCOMPARE(p.strings.view(p.thread(*main).name), std::string_view("JavaScriptMainThread"));
        const double total = static_cast<double>(threadWeight(p, *main));
        const double hot = static_cast<double>(threadWeight(p, *main, "hot")) / total;
        const double cold = static_cast<double>(threadWeight(p, *main, "cold")) / total;
        qInfo("node: %lld samples over %.1f ms on the main thread, hot %.1f %%, cold %.1f %%, %zu marks",
              static_cast<long long>(facts.samples.begin()->second), total / 1e6, hot * 100, cold * 100,
              p.marks.size());
        // Node's start-up and exit take a few per cent; between the two, the 70/30 split.
        const double split = hot / (hot + cold);
        QVERIFY2(hot > 0.5 && split > 0.62 && split < 0.78, qPrintable(QString::number(split)));
        auto sniffed = formats::FormatRegistry::sniff(nodeTrace_.toStdString());
        QVERIFY2(sniffed.isOk(), sniffed.status().message().c_str());
        QCOMPARE(sniffed.value()->format(), std::string_view("chrome-trace"));
    }

    // Chromium's trace: many processes and threads, slices everywhere, CPU profiles
    // of the renderers; the page's renderer shows hot_js.js's 70/30 split.
    void chromiumTrace()
    {
        if (chromiumTrace_.isEmpty())
            QSKIP("chromium is not installed");
        const auto events = traceEvents(chromiumTrace_);
        QVERIFY(events.size() > 100);
        const TraceFacts facts = traceFacts(events);
        const model::Profile p = importTrace(chromiumTrace_);
        QVERIFY(!p.samples.empty());
        compareWithFacts(p, facts);
        QVERIFY(!facts.sliceNs.empty());
        QVERIFY(!p.processes.empty());
        std::uint64_t hot = 0;
        std::uint64_t cold = 0;
        for (model::ThreadIndex t = 0; t < p.threads().size(); ++t) {
            hot += threadWeight(p, t, "hot");
            cold += threadWeight(p, t, "cold");
        }
        const double share = static_cast<double>(hot) / static_cast<double>(hot + cold);
        qInfo("chromium: %d events, %zu threads with samples, %zu sampled, hot %.1f %% of hot+cold (%.1f ms)",
              static_cast<int>(events.size()), p.threads().size(), facts.profileNs.size(), share * 100,
              static_cast<double>(hot + cold) / 1e6);
        QVERIFY(hot + cold > 200'000'000); // most of the page's second
        QVERIFY2(share > 0.62 && share < 0.78, qPrintable(QString::number(share)));
    }

    // ChromeTraceExporter's output reads back: threads, stacks, modules, weights (one
    // sampling interval a sample), processes and marks.
    void roundTrip()
    {
        model::Profile p;
        p.meta.sampler.frequencyHz = 1000;
        const auto main = p.internThread(10, 10, "main");
        const auto io = p.internThread(10, 11, "io");
        p.processes.push_back({10, 1, p.strings.intern("app"), 0, 0});
        const auto fMain = p.internFrame("main", "app");
        const auto fWork = p.internFrame("work", "app");
        const auto fLeaf = p.internFrame("leaf", "libc.so.6");
        const auto fSys = p.internFrame("sys_read", "[kernel.kallsyms]", {}, 0, model::FrameKind::Kernel);
        const auto fLoop = p.internFrame("loop", "app");
        const std::vector<std::vector<model::FrameId>> mainStacks = {
            {fMain, fWork, fLeaf}, {fMain, fWork, fLeaf}, {fMain, fWork}, {fMain, fWork, fSys}, {fMain},
            {fMain, fWork}};
        const std::int64_t t0 = 5'000'000'000;
        for (std::size_t i = 0; i < mainStacks.size(); ++i)
            p.addSample(t0 + std::int64_t(i) * 1'000'000, main, p.stacks.internPath(mainStacks[i]));
        for (int i = 0; i < 3; ++i)
            p.addSample(t0 + 2'000'000 + i * 1'000'000, io, p.stacks.internPath(std::vector{fLoop}));
        p.marks.push_back({"load", "phase", t0 + 1'000'000, t0 + 3'000'000, 10});
        p.marks.push_back({"tick", "mark", t0 + 2'000'000, t0 + 2'000'000, 0});

        std::string json;
        QVERIFY(formats::ChromeTraceExporter().write(p, {}, json).isOk());
        model::Profile back;
        const Status st = formats::ChromeTraceImporter().parse(json, back);
        QVERIFY2(st.isOk(), st.message().c_str());
        QCOMPARE(stacksText(back, true),
                 QStringLiteral("io|app`loop=3000000 main|app`main=1000000 main|app`main;app`work=2000000 "
                                "main|app`main;app`work;[kernel.kallsyms]`sys_read=1000000 "
                                "main|app`main;app`work;libc.so.6`leaf=2000000"));
        QVERIFY(findThread(back, 10, 11));
        for (model::FrameId f = 0; f < back.frames.size(); ++f) {
            if (back.functionName(f) == "sys_read")
                QCOMPARE(back.frames.at(f).kind, model::FrameKind::Kernel);
        }
        QCOMPARE(back.processes.size(), std::size_t(1));
        QCOMPARE(back.strings.view(back.processes[0].name), std::string_view("app"));
        QCOMPARE(back.marks.size(), std::size_t(2));
        for (const auto &m : back.marks) {
            if (m.name == "load") {
                QCOMPARE(m.category, std::string("phase"));
                QCOMPARE(m.endNs - m.startNs, std::int64_t(2'000'000));
                QCOMPARE(m.tid, 10);
            } else {
                QCOMPARE(m.name, std::string("tick"));
                QCOMPARE(m.startNs, m.endNs);
                QCOMPARE(m.tid, 0);
            }
        }
        QCOMPARE(back.meta.extra.at("chrome-trace.tool"), std::string("perfwb"));
    }

    void handWritten_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("stacks");
        const auto events = [](const QStringList &list) { return trace(list.join(QLatin1Char(',')).toUtf8()); };
        QTest::newRow("X nested; time outside slices adds nothing")
            << events({x("a", 0, 10), x("b", 2, 3), x("c", 20, 1)}) << "|a=7000 |a;b=3000 |c=1000";
        QTest::newRow("B/E: E closes the latest B, whatever its name")
            << trace("{\"ph\":\"B\",\"name\":\"a\",\"ts\":0,\"pid\":1,\"tid\":1},"
                     "{\"ph\":\"B\",\"name\":\"b\",\"ts\":1,\"pid\":1,\"tid\":1},"
                     "{\"ph\":\"E\",\"name\":\"zzz\",\"ts\":4,\"pid\":1,\"tid\":1},"
                     "{\"ph\":\"E\",\"ts\":10,\"pid\":1,\"tid\":1}")
            << "|a=7000 |a;b=3000";
        QTest::newRow("equal X events: the one written first is inside")
            << events({x("inner", 0, 5), x("outer", 0, 5)}) << "|outer;inner=5000";
        QTest::newRow("fractional microseconds") << events({x("a", 0.5, 1.25)}) << "|a=1250";
        QTest::newRow("a child is cut at its parent's end")
            << events({x("a", 0, 4), x("b", 2, 6)}) << "|a=2000 |a;b=2000";
        QTest::newRow("unmatched E skipped; a B never closed ends at the thread's last event")
            << trace("{\"ph\":\"E\",\"ts\":0,\"pid\":1,\"tid\":1},"
                     "{\"ph\":\"B\",\"name\":\"a\",\"ts\":1,\"pid\":1,\"tid\":1}," +
                     x("b", 2, 8).toUtf8())
            << "|a=1000 |a;b=8000";
        QTest::newRow("threads named by M events")
            << trace("{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":1,\"tid\":1,\"args\":{\"name\":\"main\"}},"
                     "{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":1,\"tid\":2,\"args\":{\"name\":\"io\"}}," +
                     x("a", 0, 1).toUtf8() + "," + x("r", 0, 2, 2).toUtf8())
            << "io|r=2000 main|a=1000";
        QTest::newRow("args.module is the module")
            << trace("{\"ph\":\"X\",\"name\":\"read\",\"ts\":0,\"dur\":1,\"pid\":1,\"tid\":1,"
                     "\"args\":{\"module\":\"libc.so.6\"}}")
            << "|libc.so.6`read=1000";
        QTest::newRow("bare array without its closing bracket")
            << ("[" + x("a", 0, 1).toUtf8() + ",\n" + x("b", 1, 2).toUtf8() + ",\n") << "|a=1000 |b=2000";
        QTest::newRow("pid and tid as strings") << QByteArray("[{\"ph\":\"X\",\"name\":\"a\",\"ts\":0,\"dur\":3,"
                                                              "\"pid\":\"1\",\"tid\":\"1\"}]")
                                                << "|a=3000";
        QTest::newRow("Profile + ProfileChunk: samples on the Profile event's thread")
            << sampledTrace() << "JS|(program)=10000 JS|a.js`main=10000 JS|a.js`main;a.js`hot=20000";
        QTest::newRow("slices of a sampled thread are marks, other threads' are stacks")
            << sampledTrace("," + x("task", 1000, 50).toUtf8() + "," + x("io", 0, 5, 2).toUtf8())
            << "JS|(program)=10000 JS|a.js`main=10000 JS|a.js`main;a.js`hot=20000 |io=5000";
        QTest::newRow("the old single CpuProfile event")
            << trace("{\"ph\":\"I\",\"name\":\"CpuProfile\",\"pid\":1,\"tid\":1,\"ts\":5,\"args\":{\"data\":"
                     "{\"cpuProfile\":{\"nodes\":[{\"id\":1,\"callFrame\":{\"functionName\":\"(root)\"},\"children\":["
                     "2]},"
                     "{\"id\":2,\"callFrame\":{\"functionName\":\"f\",\"url\":\"b.js\"}}],"
                     "\"startTime\":0,\"endTime\":30,\"samples\":[2,2],\"timeDeltas\":[10,10]}}}}")
            << "|b.js`f=20000";
    }

    void handWritten()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, stacks);
        model::Profile p;
        const auto st = formats::ChromeTraceImporter().parse(std::string_view(input.constData(), input.size()), p);
        QVERIFY2(st.isOk(), st.message().c_str());
        QCOMPARE(stacksText(p, true), stacks);
        QCOMPARE(p.meta.sourceFormat, std::string("chrome-trace"));
        QCOMPARE(std::string(p.meta.weightUnit.name()), std::string("nanoseconds"));
    }

    void details()
    {
        // The slice on the sampled thread became a mark; instants are marks.
        const QByteArray input = sampledTrace("," + x("task", 1000, 50).toUtf8() +
                                              ",{\"ph\":\"i\",\"name\":\"ping\",\"cat\":\"net\",\"s\":\"g\",\"ts\":7,"
                                              "\"pid\":1,\"tid\":3}");
        model::Profile p;
        QVERIFY(formats::ChromeTraceImporter().parse(std::string_view(input.constData(), input.size()), p).isOk());
        QCOMPARE(p.marks.size(), std::size_t(2));
        QCOMPARE(p.marks[0].name, std::string("ping"));
        QCOMPARE(p.marks[0].tid, 0);
        QCOMPARE(p.marks[0].startNs, std::int64_t(7000));
        QCOMPARE(p.marks[1].name, std::string("task"));
        QCOMPARE(p.marks[1].endNs - p.marks[1].startNs, std::int64_t(50000));
        QCOMPARE(p.samples.time(0), std::int64_t(1'100'000)); // the trace's own clock, in ns
        QCOMPARE(p.meta.durationNs, std::int64_t(40'000));
        for (model::FrameId f = 0; f < p.frames.size(); ++f) {
            if (p.functionName(f) == "hot") {
                QCOMPARE(p.frames.at(f).kind, model::FrameKind::Jit);
                QCOMPARE(p.frames.at(f).line, 4u);
            }
            if (p.functionName(f) == "(program)")
                QCOMPARE(p.frames.at(f).kind, model::FrameKind::Native);
        }

        // Two profiles of one thread: the one with more samples is kept.
        const QByteArray two = sampledTrace(
            ",{\"ph\":\"P\",\"name\":\"Profile\",\"id\":\"0x2\",\"pid\":1,\"tid\":1,\"ts\":0,"
            "\"args\":{\"data\":{\"startTime\":0}}},"
            "{\"ph\":\"P\",\"name\":\"ProfileChunk\",\"id\":\"0x2\",\"pid\":1,\"tid\":9,\"ts\":1,"
            "\"args\":{\"data\":{\"cpuProfile\":{\"nodes\":[{\"id\":1,\"callFrame\":{\"functionName\":\"x\"}}],"
            "\"samples\":[1]},\"timeDeltas\":[1],\"endTime\":2}}}");
        model::Profile q;
        QVERIFY(formats::ChromeTraceImporter().parse(std::string_view(two.constData(), two.size()), q).isOk());
        QCOMPARE(stacksText(q), QStringLiteral("(program)=10000 a.js`main=10000 a.js`main;a.js`hot=20000"));
        QCOMPARE(q.meta.extra.at("chrome-trace.skipped_profiles"), std::string("1"));

        const QByteArray unbalanced = trace("{\"ph\":\"E\",\"ts\":0,\"pid\":1,\"tid\":1},"
                                            "{\"ph\":\"B\",\"name\":\"a\",\"ts\":1,\"pid\":1,\"tid\":1}," +
                                            x("b", 2, 8).toUtf8());
        model::Profile u;
        QVERIFY(formats::ChromeTraceImporter()
                    .parse(std::string_view(unbalanced.constData(), unbalanced.size()), u)
                    .isOk());
        QCOMPARE(u.meta.extra.at("chrome-trace.unmatched_ends"), std::string("1"));
        QCOMPARE(u.meta.extra.at("chrome-trace.unclosed_begins"), std::string("1"));
    }

    void bad_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("error");
        const auto one = [](const char *event) { return trace(event); };
        QTest::newRow("not JSON") << QByteArray("{\"traceEvents\":[{\"ph\":") << "not valid JSON";
        QTest::newRow("no traceEvents") << QByteArray("{}") << "traceEvents: missing (not a Chrome trace?)";
        QTest::newRow("traceEvents not an array")
            << QByteArray("{\"traceEvents\":5}") << "traceEvents: expected an array, got the number 5";
        QTest::newRow("event not an object")
            << one("5") << "traceEvents[0]: expected an event object, got the number 5";
        QTest::newRow("bare array, event not an object") << QByteArray("[5]") << "[0]: expected an event object";
        QTest::newRow("no ph") << one("{\"name\":\"a\"}") << "traceEvents[0].ph: expected an event type, got nothing";
        QTest::newRow("no ts") << one("{\"ph\":\"X\",\"name\":\"a\",\"dur\":1}")
                               << "traceEvents[0].ts: expected a time in microseconds, got nothing";
        QTest::newRow("ts a string") << one("{\"ph\":\"B\",\"name\":\"a\",\"ts\":\"1\"}")
                                     << "traceEvents[0].ts: expected a time in microseconds, got the string \"1\"";
        QTest::newRow("no dur") << one("{\"ph\":\"X\",\"name\":\"a\",\"ts\":1}")
                                << "traceEvents[0].dur: expected a time in microseconds, got nothing";
        QTest::newRow("negative dur") << one("{\"ph\":\"X\",\"name\":\"a\",\"ts\":1,\"dur\":-5}")
                                      << "traceEvents[0].dur: negative duration -5";
        QTest::newRow("huge ts") << one("{\"ph\":\"X\",\"name\":\"a\",\"ts\":1e300,\"dur\":1}")
                                 << "traceEvents[0].ts: expected a time in microseconds, got the number 1e+300";
        QTest::newRow("pid a word") << one("{\"ph\":\"X\",\"ts\":0,\"dur\":1,\"pid\":\"abc\"}")
                                    << "traceEvents[0].pid: expected an integer id, got the string \"abc\"";
        QTest::newRow("fractional tid") << one("{\"ph\":\"X\",\"ts\":0,\"dur\":1,\"tid\":1.5}")
                                        << "traceEvents[0].tid: expected an integer id, got the number 1.5";
        QTest::newRow("only metadata")
            << one("{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":1,\"tid\":1,\"args\":{\"name\":\"x\"}}")
            << "no samples: the trace has no duration events";
        QTest::newRow("profile without id") << one("{\"ph\":\"P\",\"name\":\"Profile\",\"ts\":0}")
                                            << "traceEvents[0].id: expected a profile id, got nothing";
        QTest::newRow("second Profile event") << trace("{\"ph\":\"P\",\"name\":\"Profile\",\"id\":\"0x1\",\"ts\":0},"
                                                       "{\"ph\":\"P\",\"name\":\"Profile\",\"id\":\"0x1\",\"ts\":1}")
                                              << "traceEvents[1].id: a second Profile event with id \"0x1\"";
        QTest::newRow("chunk without data") << trace("{\"ph\":\"P\",\"name\":\"ProfileChunk\",\"id\":\"0x1\",\"ts\":0}")
                                            << "traceEvents[0].args.data: expected an object, got nothing";
        QTest::newRow("chunk sample of an unknown node")
            << trace("{\"ph\":\"P\",\"name\":\"ProfileChunk\",\"id\":1,\"ts\":0,\"args\":{\"data\":{\"cpuProfile\":"
                     "{\"nodes\":[{\"id\":1,\"callFrame\":{}}],\"samples\":[9]},\"timeDeltas\":[1]}}}")
            << "traceEvents[0].args.data.cpuProfile.samples[0]: node id 9 is not in the profile's nodes";
        QTest::newRow("chunk samples and deltas differ")
            << trace("{\"ph\":\"P\",\"name\":\"ProfileChunk\",\"id\":1,\"ts\":0,\"args\":{\"data\":{\"cpuProfile\":"
                     "{\"samples\":[1,1]},\"timeDeltas\":[1]}}}")
            << "traceEvents[0].args.data.cpuProfile.samples: 2 samples but 1 time deltas";
        QTest::newRow("chunk node without callFrame")
            << trace("{\"ph\":\"P\",\"name\":\"ProfileChunk\",\"id\":1,\"ts\":0,\"args\":{\"data\":{\"cpuProfile\":"
                     "{\"nodes\":[{\"id\":1}]}}}}")
            << "traceEvents[0].args.data.cpuProfile.nodes[0].callFrame: expected a callFrame object";
    }

    void bad()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, error);
        model::Profile p;
        const auto st = formats::ChromeTraceImporter().parse(std::string_view(input.constData(), input.size()), p);
        QVERIFY(!st.isOk());
        QVERIFY2(QString::fromStdString(st.message()).contains(error), st.message().c_str());
        QVERIFY(st.message().find('\n') == std::string::npos);
    }

    void sniffing()
    {
        const formats::ChromeTraceImporter chrome;
        QCOMPARE(chrome.sniff("{\"traceEvents\": [{\"ph\":\"X\"}]}"), 98);
        QCOMPARE(chrome.sniff("\xEF\xBB\xBF  [\n{\"ph\":\"X\",\"ts\":0}"), 90);
        QCOMPARE(chrome.sniff("{\"shared\":{\"frames\":[{\"name\":\"traceEvents\"}]},\"profiles\":[]}"), 0);
        QCOMPARE(chrome.sniff("main;a 1\n"), 0);
        QCOMPARE(chrome.sniff("[1,2]"), 0);

        // A trace ChromeTraceExporter wrote of a speedscope import names "speedscope" in
        // its otherData; it is still a trace, and the speedscope export is speedscope.
        model::Profile p;
        p.meta.sourceFormat = "speedscope";
        p.addSample(0, p.internThread(1, 1, "t"), p.stacks.internPath(std::vector{p.internFrame("f")}));
        for (const auto &[exporterName, expected] :
             {std::pair{"chrome", "chrome-trace"}, std::pair{"speedscope", "speedscope"}}) {
            std::string out;
            QVERIFY(formats::FormatRegistry::exporter(exporterName)->write(p, {}, out).isOk());
            const QString path = dir_.filePath(QString::fromLatin1(exporterName) + QStringLiteral(".json"));
            writeFile(path, QByteArray::fromStdString(out));
            auto sniffed = formats::FormatRegistry::sniff(path.toStdString());
            QVERIFY2(sniffed.isOk(), sniffed.status().message().c_str());
            QCOMPARE(sniffed.value()->format(), std::string_view(expected));
        }
    }
};

QTEST_GUILESS_MAIN(TestChromeTraceImporter)
#include "tst_chrometraceimporter.moc"
