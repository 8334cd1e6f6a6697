// Special files given to info/import/diff: a FIFO and a shell's process substitution are
// read once as a stream (they used to hang, or be "empty"); /dev/null and a directory are
// one clear line. Every run has a timeout, so a hang fails the test instead of CI.
#include "perfwbrunner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace perfwbtest;

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

    void binaryForcedAsFoldedStopsAtTheHead()
    {
        // 2 GiB of NUL bytes after one good line (a sparse file: no disk used). Forced
        // through -f folded it was read whole first: 2.1 GB RSS and 11 s to say "line 2:
        // binary data". The head is parsed first now; the peak RSS tells which happened.
        const QString big = dir_.filePath(QStringLiteral("big.folded"));
        QFile f(big);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("main;a 1\n");
        QVERIFY(f.resize(qint64(2) << 30));
        f.close();
        const QByteArray perfwb = PERFWB_BINARY;
        const QByteArray file = big.toLocal8Bit();
        const QByteArray out = dir_.filePath(QStringLiteral("big.perfwb")).toLocal8Bit();
        int pipeFds[2];
        QCOMPARE(::pipe(pipeFds), 0);
        const pid_t child = ::fork();
        if (child == 0) {
            ::dup2(pipeFds[1], STDERR_FILENO);
            const char *argv[] = {perfwb.constData(), "import", file.constData(), "-f",
                                  "folded",           "-o",     out.constData(),  nullptr};
            ::execv(argv[0], const_cast<char **>(argv));
            ::_exit(127);
        }
        ::close(pipeFds[1]);
        QByteArray err;
        char buf[4096];
        for (ssize_t n; (n = ::read(pipeFds[0], buf, sizeof buf)) > 0;)
            err.append(buf, n);
        ::close(pipeFds[0]);
        int status = 0;
        rusage usage{};
        QCOMPARE(::wait4(child, &status, 0, &usage), child);
        QVERIFY2(WIFEXITED(status) && WEXITSTATUS(status) == 2, err.constData());
        QVERIFY2(err.contains("line 2: binary data, not folded stacks"), err.constData());
        // ru_maxrss is in KiB; perfwb itself needs a few tens of MiB (more under ASan).
        QVERIFY2(usage.ru_maxrss < 256 * 1024, qPrintable(QString::number(usage.ru_maxrss) + " KiB"));
        QVERIFY(!QFile::exists(QString::fromLocal8Bit(out)));
    }

    void longLinesPassTheHead()
    {
        // A first line longer than the 64 KiB head (a deep stack) is cut by it, not bad.
        const QString deep = dir_.filePath(QStringLiteral("deep.folded"));
        QFile f(deep);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QByteArray line = "main";
        for (int i = 0; i < 12000; ++i)
            line += ";frame_" + QByteArray::number(i % 100);
        f.write(line + " 3\n" + line + ";leaf 4\n");
        f.close();
        QVERIFY(QFileInfo(deep).size() > 128 * 1024);
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
