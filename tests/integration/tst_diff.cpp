// SPDX-License-Identifier: GPL-3.0-or-later
// End-to-end tests of `perfwb diff` on real recordings: `perfwb record` samples the
// hotspot2x workload with factor 1 (twice) and factor 2 (hot_function 2x slower), and the
// diff of those reports must fail on hot_function and pass on the identical pair.
#include "perfwbrunner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using perfwbtest::Run;
using perfwbtest::runPerfwb;

class TestDiff : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_base, m_same, m_slow;

    void record(const QString &out, const QString &factor)
    {
        const Run r = runPerfwb({u"record"_s, u"-F"_s, u"999"_s, u"-o"_s, out, u"--"_s,
                                 QStringLiteral(PERFWB_WORKLOAD_DIR "/hotspot2x"), factor, u"600"_s});
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(u"perfwb record: "_s + r.describe()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_base = m_dir.filePath(u"base.perfwb"_s);
        m_same = m_dir.filePath(u"same.perfwb"_s);
        m_slow = m_dir.filePath(u"slow.perfwb"_s);
        record(m_base, u"1"_s);
        record(m_same, u"1"_s);
        record(m_slow, u"2"_s);
    }

    void regressionFails()
    {
        const Run r = runPerfwb({u"diff"_s, m_base, m_slow});
        QVERIFY2(r.finished && r.exitCode == 1, qPrintable(r.describe()));
        const QString out = QString::fromUtf8(r.out);
        QVERIFY2(out.startsWith(u"verdict: fail"_s), qPrintable(out));
        // The first listed change is the function made 2x slower.
        const QString changes = out.section(u"top changes"_s, 1);
        const QString firstLine = changes.section(u'\n', 1, 1);
        QVERIFY2(firstLine.contains(u"fail"_s) && firstLine.contains(u"hot_function [hotspot2x]"_s), qPrintable(out));
    }

    void regressionJson()
    {
        const Run r = runPerfwb({u"diff"_s, u"--json"_s, u"--top"_s, u"5"_s, m_base, m_slow});
        QVERIFY2(r.finished && r.exitCode == 1, qPrintable(r.describe()));
        QJsonParseError error;
        const QJsonObject o = QJsonDocument::fromJson(r.out, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(o[u"verdict"_s].toString(), u"fail"_s);
        const QJsonArray fns = o[u"functions"_s].toArray();
        QVERIFY(!fns.isEmpty() && fns.size() <= 5);
        const QJsonObject hot = fns.first().toObject();
        QCOMPARE(hot[u"name"_s].toString(), u"hot_function"_s);
        QCOMPARE(hot[u"verdict"_s].toString(), u"fail"_s);
        // 1:1 -> 2:1 of the samples: the self share goes from ~50 % to ~67 % (+33 % relative).
        QVERIFY2(qAbs(hot[u"selfShareBefore"_s].toDouble() - 0.5) < 0.08, qPrintable(QString::fromUtf8(r.out)));
        QVERIFY2(qAbs(hot[u"selfShareAfter"_s].toDouble() - 2.0 / 3) < 0.08, qPrintable(QString::fromUtf8(r.out)));
        // The total time (CPU time) grows by ~50 %.
        const QJsonObject total = o[u"totalTime"_s].toObject();
        QCOMPARE(total[u"metric"_s].toString(), u"CPU time"_s);
        QVERIFY2(total[u"relativePct"_s].toDouble() > 30, qPrintable(QString::fromUtf8(r.out)));
        QCOMPARE(total[u"verdict"_s].toString(), u"fail"_s);
    }

    void identicalRunsPass()
    {
        // --min-share 5: on a loaded machine (CI runs suites in parallel) the kernel's
        // preemption frames (finish_task_switch, irqentry_exit_to_user_mode) differ between
        // two real runs by 1-2 % of the time; the workload's own functions are ~50 % each.
        const Run r = runPerfwb({u"diff"_s, u"--min-share"_s, u"5"_s, m_base, m_same});
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.out.startsWith("verdict: pass"), qPrintable(r.describe()));
    }

    void thresholdsAreConfigurable()
    {
        // +50 % total time, +100 % hot_function's CPU time (absolute mode, the default at
        // equal rates): under a 150 % fail line it only warns (exit 0).
        const Run r = runPerfwb({u"diff"_s, u"--fail-above"_s, u"150"_s, u"--min-share"_s, u"5"_s, m_base, m_slow});
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.out.startsWith("verdict: warn"), qPrintable(r.describe()));
    }

    // The text, Markdown and JSON name the mode their percentages and verdicts use.
    void modeIsNamed_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("modeLine");
        QTest::addColumn<QString>("hotLine"); // hot_function's line in "top changes", a regular expression
        QTest::newRow("default")
            << QStringList{} << u"mode: absolute, change in CPU time (default: both runs sampled at 999 Hz)"_s
            << u"fail  \\d+\\.\\d+ m?s -> \\d+\\.\\d+ m?s  \\+\\d+\\.\\d+ m?s  \\+\\d+\\.\\d %  hot_function"_s;
        QTest::newRow("share")
            << QStringList{u"--mode"_s, u"share"_s}
            << u"mode: share, change in share of total (default absolute: both runs sampled at 999 Hz)"_s
            << u"fail  \\d+\\.\\d\\d % -> \\d+\\.\\d\\d %  \\+\\d+\\.\\d\\d pp  \\+\\d+\\.\\d %  hot_function"_s;
        QTest::newRow("absolute") << QStringList{u"--mode"_s, u"absolute"_s}
                                  << u"mode: absolute, change in CPU time (default: both runs sampled at 999 Hz)"_s
                                  << u"fail  \\d+\\.\\d+ m?s -> \\d+\\.\\d+ m?s"_s;
    }
    void modeIsNamed()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, modeLine);
        QFETCH(QString, hotLine);
        const QString md = m_dir.filePath(u"mode.md"_s);
        const Run r = runPerfwb(QStringList{u"diff"_s, u"--markdown"_s, md} + args + QStringList{m_base, m_slow});
        QVERIFY2(r.finished && r.exitCode == 1, qPrintable(r.describe()));
        const QString out = QString::fromUtf8(r.out);
        QVERIFY2(out.contains(modeLine + u'\n'), qPrintable(out));
        QVERIFY2(out.contains(QRegularExpression(hotLine)), qPrintable(out));
        QFile f(md);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString label = modeLine.section(u", "_s, 1).section(u" ("_s, 0, 0); // "change in CPU time"
        QVERIFY2(QString::fromUtf8(f.readAll()).contains(u"**"_s + label + u"**"_s), qPrintable(label));
        const Run j = runPerfwb(QStringList{u"diff"_s, u"--json"_s} + args + QStringList{m_base, m_slow});
        const QJsonObject o = QJsonDocument::fromJson(j.out).object();
        QCOMPARE(o[u"mode"_s].toString(), modeLine.section(u' ', 1, 1).chopped(1));
        QCOMPARE(o[u"legend"_s].toString(), u"colour: "_s + label);
    }

    void badModeIsUsageError()
    {
        const Run r = runPerfwb({u"diff"_s, u"--mode"_s, u"relative"_s, m_base, m_slow});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--mode takes absolute or share"), r.err.constData());
    }

    void markdownAndStepSummary()
    {
        const QString md = m_dir.filePath(u"before_after.md"_s);
        const QString summary = m_dir.filePath(u"step_summary.md"_s);
        QFile existing(summary);
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write("# earlier step\n");
        existing.close();
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(u"GITHUB_STEP_SUMMARY"_s, summary);
        const Run r = runPerfwb({u"diff"_s, u"--markdown"_s, md, m_base, m_slow}, {.env = env});
        QVERIFY2(r.finished && r.exitCode == 1, qPrintable(r.describe()));
        QFile f(md);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        QVERIFY2(text.startsWith(u"## perfwb diff: ❌ fail"_s), qPrintable(text));
        QVERIFY2(text.contains(u"| metric | before | after | change |"_s), qPrintable(text));
        QVERIFY2(text.contains(u"| `hot\\_function [hotspot2x]` |"_s), qPrintable(text));
        QFile s(summary);
        QVERIFY(s.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(s.readAll()), u"# earlier step\n"_s + text);
    }

    void perfDataInputs()
    {
        // BASE and NEW straight from `perf record -g` (imported on the fly), no report.
        const QString base = m_dir.filePath(u"base.data"_s);
        const QString slow = m_dir.filePath(u"slow.data"_s);
        for (const auto &[out, factor] : {std::pair{base, u"1"_s}, std::pair{slow, u"2"_s}}) {
            QProcess perf;
            perf.start(u"perf"_s, {u"record"_s, u"-q"_s, u"-g"_s, u"-F"_s, u"999"_s, u"-o"_s, out, u"--"_s,
                                   QStringLiteral(PERFWB_WORKLOAD_DIR "/hotspot2x"), factor, u"600"_s});
            QVERIFY(perf.waitForFinished(120000));
            QVERIFY2(perf.exitCode() == 0, perf.readAllStandardError().constData());
        }
        const Run r = runPerfwb({u"diff"_s, u"--json"_s, base, slow});
        QVERIFY2(r.finished && r.exitCode == 1, qPrintable(r.describe()));
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o[u"verdict"_s].toString(), u"fail"_s);
        const QJsonObject hot = o[u"functions"_s].toArray().first().toObject();
        QCOMPARE(hot[u"name"_s].toString(), u"hot_function"_s);
        QCOMPARE(hot[u"module"_s].toString(), u"hotspot2x"_s);
        // Whichever total-time measure the import allows, the slow run took longer.
        QVERIFY2(o[u"totalTime"_s].toObject()[u"relativePct"_s].toDouble() > 10, r.out.constData());
    }

    void toWritesIntoTheOutputDirectory()
    {
        // --to writes each output as <new_label>-<what>.<ext> into $FIL_PERF_OUTPUT_DIR, and
        // names it on stderr; stdout stays the JSON.
        const QString out = m_dir.filePath(u"out"_s);
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(u"FIL_PERF_OUTPUT_DIR"_s, out);
        const Run r = runPerfwb({u"diff"_s, u"--json"_s, u"--to"_s, u"html"_s, u"--to"_s, u"svg"_s, u"--to"_s,
                                 u"svg-reverse"_s, u"--to"_s, u"markdown"_s, u"--to"_s, u"json"_s, m_base, m_slow},
                                {.env = env});
        QVERIFY2(r.finished && r.exitCode == 1, qPrintable(r.describe()));
        QJsonParseError error;
        QJsonDocument::fromJson(r.out, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        // perfwb record labels a run after its program unless told otherwise.
        for (const auto &name :
             {u"hotspot2x-diff.html"_s, u"hotspot2x-diff-flamegraph.svg"_s, u"hotspot2x-diff-reverse-flamegraph.svg"_s,
              u"hotspot2x-before_after.md"_s, u"hotspot2x-diff.json"_s}) {
            const QString path = out + u'/' + name;
            QFile f(path);
            QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path));
            const QByteArray bytes = f.readAll();
            // Markdown escapes the underscore.
            QVERIFY2(bytes.contains(name.endsWith(u".md"_s) ? "hot\\_function" : "hot_function"), qPrintable(path));
            QVERIFY2(r.err.contains(("wrote " + path).toUtf8()), qPrintable(r.describe()));
        }
        // The JSON file is what --json prints.
        QFile json(out + u"/hotspot2x-diff.json"_s);
        QVERIFY(json.open(QIODevice::ReadOnly));
        QCOMPARE(json.readAll(), r.out);
    }

    void badUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("one input") << QStringList{u"BASE"_s};
        QTest::newRow("missing file") << QStringList{u"BASE"_s, u"/nonexistent/new.perfwb"_s};
        QTest::newRow("not a number") << QStringList{u"--fail-above"_s, u"lots"_s, u"BASE"_s, u"NEW"_s};
        QTest::newRow("negative") << QStringList{u"--warn-above"_s, u"-5"_s, u"BASE"_s, u"NEW"_s};
        QTest::newRow("fail below warn") << QStringList{u"--warn-above"_s, u"30"_s,   u"--fail-above"_s,
                                                        u"20"_s,           u"BASE"_s, u"NEW"_s};
        QTest::newRow("unknown option") << QStringList{u"--frobnicate"_s, u"BASE"_s, u"NEW"_s};
        QTest::newRow("unknown --to") << QStringList{u"--to"_s, u"pdf"_s, u"BASE"_s, u"NEW"_s};
    }

    void badUsage()
    {
        QFETCH(QStringList, args);
        args.replaceInStrings(u"BASE"_s, m_base);
        args.replaceInStrings(u"NEW"_s, m_slow);
        const Run r = runPerfwb(QStringList{u"diff"_s} + args);
        QVERIFY2(r.finished && r.exitCode == 2, qPrintable(r.describe()));
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.err.count('\n'), 1); // one error line
    }

    void unreadableInput()
    {
        const QString junk = m_dir.filePath(u"junk.bin"_s);
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(64, '\x01'));
        f.close();
        const Run r = runPerfwb({u"diff"_s, m_base, junk});
        QVERIFY2(r.finished && r.exitCode == 2, qPrintable(r.describe()));
        QVERIFY2(r.err.contains("junk.bin"), qPrintable(r.describe()));
    }
};

QTEST_GUILESS_MAIN(TestDiff)
#include "tst_diff.moc"
