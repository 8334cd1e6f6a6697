// SPDX-License-Identifier: GPL-3.0-or-later
// Special files given to info/import/diff: a FIFO and a shell's process substitution are
// read once as a stream (they used to hang, or be "empty"); /dev/null and a directory are
// one clear line. Every run has a timeout, so a hang fails the test instead of CI.
#include "perfwbrunner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace perfwbtest;

namespace {

// `perfwb ARGS...` with its stderr and peak RSS (KiB), for the cases where memory
// tells whether a file was streamed or read whole.
struct Measured {
    int status = 0;
    QByteArray err;
    long maxRssKiB = 0;
};
Measured measure(const std::vector<QByteArray> &args)
{
    // Under ASan freed blocks wait in a quarantine (256 MiB by default) and count in the
    // RSS: a small one, so the figure is the program's memory, not the sanitizer's.
    const QByteArray asanBefore = qgetenv("ASAN_OPTIONS");
    qputenv("ASAN_OPTIONS", asanBefore + (asanBefore.isEmpty() ? "" : ":") + "quarantine_size_mb=16");
    const auto restore = qScopeGuard([&] {
        if (asanBefore.isEmpty())
            qunsetenv("ASAN_OPTIONS");
        else
            qputenv("ASAN_OPTIONS", asanBefore);
    });
    // ru_maxrss counts the forked copy of this process before exec too: keep it small.
    const QByteArray perfwb = PERFWB_BINARY;
    std::vector<const char *> argv{perfwb.constData()};
    for (const QByteArray &a : args)
        argv.push_back(a.constData());
    argv.push_back(nullptr);
    int pipeFds[2];
    if (::pipe(pipeFds) != 0)
        return {};
    const pid_t child = ::fork();
    if (child == 0) {
        ::dup2(pipeFds[1], STDERR_FILENO);
        ::execv(argv[0], const_cast<char **>(argv.data()));
        ::_exit(127);
    }
    ::close(pipeFds[1]);
    Measured m;
    char buf[4096];
    for (ssize_t n; (n = ::read(pipeFds[0], buf, sizeof buf)) > 0;)
        m.err.append(buf, n);
    ::close(pipeFds[0]);
    rusage usage{};
    ::wait4(child, &m.status, 0, &usage);
    m.maxRssKiB = usage.ru_maxrss;
    return m;
}

// "main;frame_0;frame_1;..." with `frames` frames after main: a deep folded stack.
QByteArray deepStack(int frames)
{
    QByteArray line = "main";
    for (int i = 0; i < frames; ++i)
        line += ";frame_" + QByteArray::number(i % 100);
    return line;
}

} // namespace

class TestSpecialFiles : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        folded_ = dir_.filePath(QStringLiteral("s.folded"));
        QFile f(folded_);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("main;parse;read 30\nmain;render 70\n");
        f.close();
        tmp_ = dir_.filePath(QStringLiteral("tmp"));
        QVERIFY(QDir().mkpath(tmp_));
    }

    void streams_data()
    {
        QTest::addColumn<QString>("script"); // bash; $P = perfwb, $F = the folded file, $D = a scratch dir
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("expected"); // on stdout, or the one stderr line
        QTest::newRow("info <(…)") << R"($P info <(cat "$F"))" << 0 << "samples:   2 (total weight 100";
        QTest::newRow("info FIFO") << R"(mkfifo "$D/f"; cat "$F" > "$D/f" & $P info "$D/f")" << 0
                                   << "samples:   2 (total weight 100";
        QTest::newRow("import <(…)") << R"($P import <(cat "$F") -o "$D/i.perfwb" && $P info "$D/i.perfwb")" << 0
                                     << "source:    folded";
        QTest::newRow("diff <(…) <(…)") << R"($P diff <(cat "$F") <(cat "$F"))" << 0 << "render";
        QTest::newRow("stdin as /dev/stdin") << R"($P info /dev/stdin < "$F")" << 0 << "total weight 100";
        QTest::newRow("/dev/null") << R"($P info /dev/null)" << 2 << "perfwb: /dev/null: file is empty\n";
        QTest::newRow("directory") << R"($P info "$D")" << 2 << "is a directory\n";
    }
    void streams()
    {
        QFETCH(QString, script);
        QFETCH(int, exitCode);
        QFETCH(QString, expected);
        QTemporaryDir scratch;
        RunOptions options;
        options.env.insert(QStringLiteral("P"), QStringLiteral(PERFWB_BINARY));
        options.env.insert(QStringLiteral("F"), folded_);
        options.env.insert(QStringLiteral("D"), scratch.path());
        options.env.insert(QStringLiteral("TMPDIR"), tmp_);
        options.timeoutMs = 20000;
        const Run r = runProcess(QStringLiteral("bash"), {QStringLiteral("-c"), script}, options);
        QVERIFY2(r.finished, qPrintable(QStringLiteral("hung: ") + r.describe()));
        QVERIFY2(r.exitCode == exitCode, qPrintable(r.describe()));
        if (exitCode == 0) {
            QVERIFY2(r.out.contains(expected.toUtf8()), qPrintable(r.describe()));
        } else {
            QVERIFY2(r.err.count('\n') == 1 && r.err.endsWith(expected.toUtf8()), qPrintable(r.describe()));
        }
        // The stream's temporary copy is gone.
        QVERIFY2(QDir(tmp_).isEmpty(),
                 qPrintable(QDir(tmp_).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).join(u' ')));
    }

    void binaryForcedAsFoldedStopsAtTheFirstChunk()
    {
        // 2 GiB of NUL bytes after one good line (a sparse file: no disk used). Forced
        // through -f folded it was read whole first: 2.1 GB RSS and 11 s to say "line 2:
        // binary data". It is streamed now; the peak RSS tells which happened.
        const QString big = dir_.filePath(QStringLiteral("big.folded"));
        QFile f(big);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("main;a 1\n");
        QVERIFY(f.resize(qint64(2) << 30));
        f.close();
        const QByteArray out = dir_.filePath(QStringLiteral("big.perfwb")).toLocal8Bit();
        const Measured m = measure({"import", big.toLocal8Bit(), "-f", "folded", "-o", out});
        QVERIFY2(WIFEXITED(m.status) && WEXITSTATUS(m.status) == 2, m.err.constData());
        QVERIFY2(m.err.contains("line 2: binary data, not folded stacks"), m.err.constData());
        // ru_maxrss is in KiB; perfwb itself needs a few tens of MiB (more under ASan).
        QVERIFY2(m.maxRssKiB < 256 * 1024, qPrintable(QString::number(m.maxRssKiB) + " KiB"));
        QVERIFY(!QFile::exists(QString::fromLocal8Bit(out)));
    }

    void badLineAtTheEndOfABigFile()
    {
        // 300 MB of good deep-stack lines, then binary data (a text line that is not
        // 'STACK COUNT' is only skipped): found in one streamed pass, with memory for a
        // chunk and the (small) profile, not for the file.
        const QString big = dir_.filePath(QStringLiteral("deep-big.folded"));
        QFile f(big);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray line = deepStack(3000);
        const int good = 300'000'000 / int(line.size());
        // Written without a temporary per line: the RSS a child reports includes what this
        // process held when it forked (under ASan, freed temporaries stay in a quarantine).
        static const char *const counts[] = {" 1\n", " 2\n", " 3\n"};
        for (int i = 0; i < good; ++i) {
            f.write(line);
            f.write(counts[i % 3]);
        }
        f.write(QByteArray("\x7f"
                           "ELF\x02\x01 9\n",
                           10));
        f.close();
        const Measured m = measure({"info", "-f", "folded", big.toLocal8Bit()});
        QVERIFY2(WIFEXITED(m.status) && WEXITSTATUS(m.status) == 2, m.err.constData());
        const QByteArray expected = "line " + QByteArray::number(good + 1) + ": binary data";
        QVERIFY2(m.err.contains(expected), m.err.constData());
        QVERIFY2(m.maxRssKiB < 200 * 1024, qPrintable(QString::number(m.maxRssKiB) + " KiB"));
        QFile::remove(big);
    }

    void longLinesSpanReads()
    {
        // A first line longer than a read (a deep stack) is carried to the next one, not bad.
        const QString deep = dir_.filePath(QStringLiteral("deep.folded"));
        QFile f(deep);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray line = deepStack(150000);
        f.write(line + " 3\n" + line + ";leaf 4\n");
        f.close();
        QVERIFY(QFileInfo(deep).size() > 2 * 1024 * 1024);
        const Run r = runPerfwb({QStringLiteral("info"), QStringLiteral("-f"), QStringLiteral("folded"), deep});
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.out.contains("total weight 7"), r.out.constData());
    }

private:
    QTemporaryDir dir_;
    QString folded_;
    QString tmp_;
};

QTEST_MAIN(TestSpecialFiles)
#include "tst_specialfiles.moc"
