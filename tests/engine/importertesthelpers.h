// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Helpers shared by the importer tests (tst_importers, tst_perfimporters).
#include "core/result.h"
#include "model/profile.h"

#include <QFile>
#include <QProcess>
#include <QTest>

#include <map>
#include <string>

namespace perfwb::testing {

inline std::string frameText(const model::Profile &p, model::FrameId f)
{
    const auto fn = std::string(p.functionName(f));
    const auto mod = std::string(p.moduleName(f));
    return mod.empty() ? fn : mod + "`" + fn;
}

// "thread|root;...;leaf=weight" per distinct stack, sorted, joined by spaces.
inline QString stacksText(const model::Profile &p, bool withThread = false)
{
    std::map<std::string, std::uint64_t> sums;
    for (std::size_t i = 0; i < p.samples.size(); ++i) {
        auto frames = p.stacks.framesLeafFirst(p.samples.stack(i));
        std::string line;
        if (withThread)
            line = std::string(p.strings.view(p.thread(p.samples.thread(i)).name)) + "|";
        for (auto it = frames.rbegin(); it != frames.rend(); ++it) {
            if (it != frames.rbegin())
                line += ';';
            line += frameText(p, *it);
        }
        sums[line] += p.samples.weight(i);
    }
    QStringList parts;
    for (const auto &[stack, weight] : sums)
        parts << QString::fromStdString(stack + "=" + std::to_string(weight));
    return parts.join(QLatin1Char(' '));
}

inline void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY2(f.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
    QCOMPARE(f.write(bytes), bytes.size());
}

// An import refused the way every importer refuses: an error, one line, that says `expected`.
inline void verifyOneLineError(const Status &st, const QString &expected)
{
    QVERIFY(!st.isOk());
    QVERIFY2(QString::fromStdString(st.message()).contains(expected), st.message().c_str());
    QVERIFY2(st.message().find('\n') == std::string::npos, st.message().c_str());
}

// Runs a real tool; fails the test with its output if it does not succeed.
inline void run(const QString &program, const QStringList &args, const QString &stdoutFile = {})
{
    QProcess p;
    if (!stdoutFile.isEmpty())
        p.setStandardOutputFile(stdoutFile);
    p.start(program, args);
    QVERIFY2(p.waitForStarted(), qPrintable(program + " did not start"));
    QVERIFY2(p.waitForFinished(120000), qPrintable(program + " did not finish"));
    QVERIFY2(
        p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0,
        qPrintable(program + " " + args.join(' ') + " failed: " + QString::fromLocal8Bit(p.readAllStandardError())));
}

inline std::string sdata(const char *relative)
{
    return std::string(PERFWB_TESTDATA_DIR) + "/" + relative;
}

} // namespace perfwb::testing
