// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Checks on the reports `perfwb record` writes, shared by the recording suites: read a
// report, and ask which functions its samples are in.
#include "model/profile.h"
#include "perfwbrunner.h"
#include "store/reportreader.h"

#include <QFile>
#include <QString>
#include <QTemporaryDir>
#include <QTest>

#include <string>
#include <string_view>
#include <sys/resource.h>

// Helpers report through QVERIFY; stop the calling test as soon as one failed.
#define CHECKED(call)                                                                                                  \
    do {                                                                                                               \
        call;                                                                                                          \
        if (QTest::currentTestFailed())                                                                                \
            return;                                                                                                    \
    } while (false)

namespace perfwbtest {

inline QString workload(const char *name)
{
    return QStringLiteral(PERFWB_WORKLOAD_DIR "/") + QLatin1String(name);
}

// initTestCase() of a recording suite: the binaries are there, and the test process
// lowers its nice value where it may (root or CAP_SYS_NICE) so that the workloads, its
// children, keep their CPU shapes while other jobs load the machine.
inline void prepareRecordingSuite(const QTemporaryDir &dir)
{
    QVERIFY(dir.isValid());
    QVERIFY2(QFile::exists(QStringLiteral(PERFWB_BINARY)), PERFWB_BINARY);
    QVERIFY2(QFile::exists(workload("cpusplit")), "workloads not built");
    setpriority(PRIO_PROCESS, 0, -10);
}

inline void readReport(const QString &path, perfwb::model::Profile &out)
{
    const perfwb::Status st = perfwb::store::ReportReader::read(path.toStdString(), out);
    QVERIFY2(st.isOk(), st.message().c_str());
}

inline std::string fn(const perfwb::model::Profile &p, perfwb::model::FrameId f)
{
    return std::string(p.functionName(f));
}

// The function a sample is "in" as a profiler without inline expansion would say: the
// innermost user frame that is not an inlined copy (kernel frames above it are the
// thread's system calls and interrupts, charged to the user function).
inline std::string userLeaf(const perfwb::model::Profile &p, perfwb::model::StackId stack)
{
    for (perfwb::model::FrameId f : p.stacks.framesLeafFirst(stack)) {
        const perfwb::model::Frame &frame = p.frames.at(f);
        if (frame.kind != perfwb::model::FrameKind::Kernel && !frame.inlined)
            return fn(p, f);
    }
    return {};
}

inline bool stackHas(const perfwb::model::Profile &p, perfwb::model::StackId stack, std::string_view function)
{
    for (perfwb::model::FrameId f : p.stacks.framesLeafFirst(stack)) {
        if (p.functionName(f) == function)
            return true;
    }
    return false;
}

// Percentage of samples whose userLeaf() is `function`.
inline double leafShare(const perfwb::model::Profile &p, std::string_view function)
{
    std::size_t n = 0;
    for (std::size_t i = 0; i < p.samples.size(); ++i)
        n += userLeaf(p, p.samples.stack(i)) == function ? 1 : 0;
    return p.samples.empty() ? 0 : 100.0 * double(n) / double(p.samples.size());
}

// Percentage of samples among those whose stack contains `among` (all when empty) that
// also contain `function`.
inline double stackShare(const perfwb::model::Profile &p, std::string_view function, std::string_view among = {})
{
    std::size_t n = 0, total = 0;
    for (std::size_t i = 0; i < p.samples.size(); ++i) {
        const auto s = p.samples.stack(i);
        if (!among.empty() && !stackHas(p, s, among))
            continue;
        ++total;
        n += stackHas(p, s, function) ? 1 : 0;
    }
    return total == 0 ? 0 : 100.0 * double(n) / double(total);
}

// The one line perfwb wrote on stderr.
inline QString stderrLine(const Run &r)
{
    return QString::fromLocal8Bit(r.err.trimmed());
}

} // namespace perfwbtest
