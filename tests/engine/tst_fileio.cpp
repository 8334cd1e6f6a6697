// SPDX-License-Identifier: GPL-3.0-or-later
// io::writeFileAtomically, which exports and every new report go through: readers see the
// old file or the whole new one, a process killed while writing leaves no stray file, and
// failures are one line naming the path.
#include "io/fileio.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <string>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace perfwb;

namespace {
QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
}

QByteArray contents(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestFileIo : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void writes_data()
    {
        QTest::addColumn<bool>("existing");
        QTest::addColumn<bool>("sync");
        QTest::newRow("new file") << false << false;
        QTest::newRow("new file, synced") << false << true;
        QTest::newRow("replaces a file") << true << false;
        QTest::newRow("replaces a file, synced") << true << true;
    }
    void writes()
    {
        QFETCH(bool, existing);
        QFETCH(bool, sync);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.svg"));
        ino_t before = 0;
        if (existing) {
            QFile old(path);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("old contents, longer than the new ones");
            old.close();
            struct stat st {};
            QCOMPARE(::stat(path.toLocal8Bit().constData(), &st), 0);
            before = st.st_ino;
        }
        const mode_t oldMask = ::umask(022);
        const Status st = io::writeFileAtomically(path.toStdString(), "<svg/>", sync);
        ::umask(oldMask);
        QVERIFY2(st.isOk(), st.message().c_str());
        QCOMPARE(contents(path), QByteArray("<svg/>"));
        QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("out.svg")});
        struct stat after {};
        QCOMPARE(::stat(path.toLocal8Bit().constData(), &after), 0);
        QCOMPARE(after.st_mode & 0777, mode_t(0644)); // an ordinary file of the user
        if (existing)
            QVERIFY(after.st_ino != before); // replaced, never rewritten in place
    }

    void failures_data()
    {
        QTest::addColumn<QString>("target"); // relative to a fresh directory
        QTest::addColumn<QString>("message");
        QTest::newRow("missing directory") << "no/such/dir/out.svg"
                                           << "cannot create: No such file or directory";
        QTest::newRow("a directory") << "sub"
                                     << "cannot write: Is a directory";
    }
    void failures()
    {
        QFETCH(QString, target);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("sub")));
        const QString path = dir.filePath(target);
        const Status st = io::writeFileAtomically(path.toStdString(), "data");
        QVERIFY(!st.isOk());
        QCOMPARE(QString::fromStdString(st.message()), path + QStringLiteral(": ") + message);
        QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("sub")});
        QVERIFY(entries(dir.filePath(QStringLiteral("sub"))).isEmpty());
    }

    // SIGKILL while 64 MiB are being written: afterwards there is either nothing or the
    // whole file, and no temporary file of the write's making.
    void killedWhileWriting()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("big.bin")).toStdString();
        constexpr std::size_t kSize = 64u << 20;
        int ready[2];
        QCOMPARE(::pipe(ready), 0);
        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            void *zeros = ::mmap(nullptr, kSize, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            if (zeros == MAP_FAILED)
                ::_exit(3);
            const char go = 1;
            if (::write(ready[1], &go, 1) != 1)
                ::_exit(4);
            const bool ok = io::writeFileAtomically(path, std::string_view(static_cast<char *>(zeros), kSize)).isOk();
            ::_exit(ok ? 0 : 5);
        }
        ::close(ready[1]);
        char go = 0;
        QCOMPARE(::read(ready[0], &go, 1), ssize_t(1));
        ::close(ready[0]);
        ::usleep(3000);
        ::kill(child, SIGKILL);
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        const QStringList left = entries(dir.path());
        if (WIFSIGNALED(status)) {
            QVERIFY2(left.isEmpty() || left == QStringList{QStringLiteral("big.bin")}, qPrintable(left.join(' ')));
        } else {
            QCOMPARE(WEXITSTATUS(status), 0); // finished before the kill
            QCOMPARE(left, QStringList{QStringLiteral("big.bin")});
        }
        if (!left.isEmpty())
            QCOMPARE(QFileInfo(QString::fromStdString(path)).size(), qint64(kSize));
        qInfo("%s", WIFSIGNALED(status) ? (left.isEmpty() ? "killed while writing: nothing left"
                                                          : "killed after the file was named: it is whole")
                                        : "finished before the kill");
    }
};

QTEST_GUILESS_MAIN(TestFileIo)
#include "tst_fileio.moc"
