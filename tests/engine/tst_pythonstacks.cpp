// SPDX-License-Identifier: GPL-3.0-or-later
// The parts of Python-aware stacks that need no running interpreter: the layout tables
// against the installed CPython headers, the location-table decoder against the lines
// the interpreters themselves give, the stacks' time lookup and the merge of Python
// frames into native stacks. tst_pythonframes records real Python programs.
#include "pythoninterpreters.h"
#include "symbolize/cpythonlayout.h"
#include "symbolize/pythonframemerger.h"
#include "symbolize/pythonimage.h"
#include "symbolize/pythonlinetable.h"
#include "symbolize/pythonstacks.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <array>

using namespace perfwb;
using namespace Qt::StringLiterals;

extern "C" {
#ifdef PERFWB_CPYTHON_OFFSETS_3_11
void perfwb_cpython_offsets_3_11(std::uint32_t *out);
#endif
#ifdef PERFWB_CPYTHON_OFFSETS_3_12
void perfwb_cpython_offsets_3_12(std::uint32_t *out);
#endif
}

namespace {

using OffsetsFunction = void (*)(std::uint32_t *);

// The table compiled from that version's headers, nullptr when they were not found.
OffsetsFunction offsetsFromHeaders(unsigned minor)
{
#ifdef PERFWB_CPYTHON_OFFSETS_3_11
    if (minor == 11)
        return &perfwb_cpython_offsets_3_11;
#endif
#ifdef PERFWB_CPYTHON_OFFSETS_3_12
    if (minor == 12)
        return &perfwb_cpython_offsets_3_12;
#endif
    (void)minor;
    return nullptr;
}

constexpr std::array kOffsetNames = {"PY_MINOR_VERSION",
                                     "interpreters.head",
                                     "interp next",
                                     "threads.head",
                                     "thread next",
                                     "cframe",
                                     "native_thread_id",
                                     "current_frame",
                                     "f_code",
                                     "previous",
                                     "prev_instr",
                                     "owner",
                                     "is_entry",
                                     "owned by C stack",
                                     "co_firstlineno",
                                     "co_filename",
                                     "co_qualname",
                                     "co_linetable",
                                     "co_code_adaptive",
                                     "ob_size",
                                     "ob_sval",
                                     "length",
                                     "state",
                                     "sizeof PyASCIIObject",
                                     "sizeof PyCompactUnicodeObject",
                                     "state image",
                                     "sizeof _PyInterpreterFrame"};

std::vector<std::uint32_t> claimed(const symbolize::CPythonLayout &l)
{
    return {l.minor,
            l.runtimeInterpretersHead,
            l.interpNext,
            l.interpThreadsHead,
            l.threadNext,
            l.threadCFrame,
            l.threadNativeId,
            l.cframeCurrentFrame,
            l.frameCode,
            l.framePrevious,
            l.framePrevInstr,
            l.frameOwner,
            l.frameIsEntry,
            l.ownedByCStack,
            l.codeFirstLine,
            l.codeFilename,
            l.codeQualname,
            l.codeLinetable,
            l.codeInstructions,
            l.bytesSize,
            l.bytesData,
            l.unicodeLength,
            l.unicodeState,
            l.asciiHeader,
            l.compactHeader};
}

// "lib`function" root first, as folded stacks read; "!" marks an inlined frame, module
// "[jit]" a JIT frame.
std::vector<model::FrameId> nativeStack(model::Profile &p, const QString &spec)
{
    std::vector<model::FrameId> leafFirst;
    for (const QString &f : spec.split(u';')) {
        const bool inlined = f.endsWith(u'!');
        const QStringList parts = QString(f).remove(u'!').split(u'`');
        const auto kind = parts[0] == u"[jit]"_s ? model::FrameKind::Jit : model::FrameKind::Native;
        leafFirst.insert(leafFirst.begin(),
                         p.internFrame(parts[1].toStdString(), parts[0].toStdString(), {}, 0, kind, inlined));
    }
    return leafFirst;
}

// "function" or "function*" (an entry frame), innermost first as the sampler reads them.
std::vector<symbolize::PythonFrame> pythonStack(const QString &spec)
{
    std::vector<symbolize::PythonFrame> frames;
    if (spec.isEmpty())
        return frames;
    for (const QString &f : spec.split(u';')) {
        auto code = std::make_shared<symbolize::PythonCode>();
        code->name = QString(f).remove(u'*').toStdString();
        code->file = "/src/app.py";
        symbolize::PythonFrame frame;
        frame.code = std::move(code);
        frame.line = 7;
        frame.entry = f.endsWith(u'*');
        frames.push_back(std::move(frame));
    }
    return frames;
}

QString specOf(const model::Profile &p, const std::vector<model::FrameId> &leafFirst)
{
    QStringList parts;
    for (auto it = leafFirst.rbegin(); it != leafFirst.rend(); ++it) {
        const model::Frame &f = p.frames.at(*it);
        const QString name = QString::fromStdString(std::string(p.strings.view(f.function)));
        parts << (f.kind == model::FrameKind::Python
                      ? u"py:"_s + name
                      : QString::fromStdString(std::string(p.strings.view(f.module))) + u'`' + name);
    }
    return parts.join(u';');
}

symbolize::PythonThreadStack threadStack(std::int32_t tid, const std::vector<symbolize::PythonFrame> &frames)
{
    return {tid, frames};
}

} // namespace

class TestPythonStacks : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void layoutMatchesHeaders_data()
    {
        QTest::addColumn<unsigned>("minor");
        QTest::newRow("3.11") << 11u;
        QTest::newRow("3.12") << 12u;
    }
    void layoutMatchesHeaders()
    {
        QFETCH(unsigned, minor);
        const OffsetsFunction offsets = offsetsFromHeaders(minor);
        if (offsets == nullptr && minor == 11)
            QFAIL("no CPython 3.11 headers at build time: packaging/setup.sh installs python3.11-dev");
        if (offsets == nullptr)
            QSKIP("no CPython 3.12 headers on this machine (pyenv's 3.12 has them)");
        std::array<std::uint32_t, kOffsetNames.size()> actual{};
        offsets(actual.data());
        const symbolize::CPythonLayout *layout = symbolize::cpythonLayout(3, minor);
        QVERIFY(layout != nullptr);
        const std::vector<std::uint32_t> expected = claimed(*layout);
        for (std::size_t i = 0; i < expected.size(); ++i)
            QVERIFY2(actual[i] == expected[i],
                     qPrintable(u"%1: headers %2, table %3"_s.arg(kOffsetNames[i]).arg(actual[i]).arg(expected[i])));
        // The state bits the string reader decodes: kind at bits 2-4, compact at bit 5.
        const std::uint32_t state = actual[expected.size()];
        QCOMPARE((state >> 2) & 7, 2u);
        QCOMPARE((state >> 5) & 1, 1u);
        QCOMPARE((state >> 6) & 1, 0u);
        // One read of frameSize bytes covers every frame field read.
        QVERIFY(layout->frameSize <= actual[expected.size() + 1]);
        for (std::uint32_t field : {layout->frameCode, layout->framePrevious, layout->framePrevInstr})
            QVERIFY(field + 8 <= layout->frameSize);
        QVERIFY(layout->frameOwner < layout->frameSize && layout->frameIsEntry < layout->frameSize);
    }

    void noLayoutForOtherVersions()
    {
        QVERIFY(symbolize::cpythonLayout(3, 10) == nullptr);
        QVERIFY(symbolize::cpythonLayout(3, 13) == nullptr);
        QVERIFY(symbolize::cpythonLayout(2, 11) == nullptr);
    }

    void lineTableGivesTheInterpretersLines_data()
    {
        QTest::addColumn<QString>("python");
        const QStringList found = perfwbtest::pythonInterpreters();
        for (const QString &python : found)
            QTest::newRow(qPrintable(python)) << python;
        if (found.isEmpty())
            QTest::newRow("none") << QString();
    }
    void lineTableGivesTheInterpretersLines()
    {
        QFETCH(QString, python);
        QVERIFY2(!python.isEmpty(), "no CPython 3.11 (Debian's python3 is in packaging/setup.sh)");
        QProcess p;
        p.start(python, {QStringLiteral(PERFWB_SOURCE_DIR "/tests/engine/python_linetable_dump.py")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QList<QByteArray> rows = p.readAllStandardOutput().trimmed().split('\n');
        QCOMPARE(rows.size(), 4);
        for (const QByteArray &row : rows) {
            const QJsonObject o = QJsonDocument::fromJson(row).object();
            const QByteArray table = QByteArray::fromHex(o[u"table"_s].toString().toLatin1());
            const std::span bytes(reinterpret_cast<const std::uint8_t *>(table.constData()),
                                  static_cast<std::size_t>(table.size()));
            const auto first = static_cast<std::int32_t>(o[u"first"_s].toInt());
            const QJsonArray lines = o[u"lines"_s].toArray();
            QVERIFY(lines.size() > 8);
            for (qsizetype i = 0; i < lines.size(); ++i)
                QVERIFY2(symbolize::pythonLine(bytes, first, i) == static_cast<std::uint32_t>(lines[i].toInt()),
                         qPrintable(u"%1, code unit %2: %3, Python says %4"_s.arg(o[u"name"_s].toString())
                                        .arg(i)
                                        .arg(symbolize::pythonLine(bytes, first, i))
                                        .arg(lines[i].toInt())));
            QCOMPARE(symbolize::pythonLine(bytes, first, -1), static_cast<std::uint32_t>(first));
            QCOMPARE(symbolize::pythonLine(bytes, first, lines.size() + 100), 0u);
        }
    }

    void damagedLineTables()
    {
        const std::array<std::uint8_t, 3> noEntryStart{0x12, 0x34, 0x56};
        QCOMPARE(symbolize::pythonLine(noEntryStart, 10, 0), 0u);
        QCOMPARE(symbolize::pythonLine({}, 10, 0), 0u);
        // A long entry (code 14) cut short after its first byte: read as delta 0.
        const std::array<std::uint8_t, 1> cut{0x80 | (14 << 3)};
        QCOMPARE(symbolize::pythonLine(cut, 10, 0), 10u);
    }

    void stackAtTakesTheNearestRead()
    {
        symbolize::PythonStacks stacks(5'000'000);
        const auto a = pythonStack(u"f;g*"_s);
        const auto b = pythonStack(u"h*"_s);
        std::vector<symbolize::PythonThreadStack> read{threadStack(7, a)};
        stacks.publish(1, 0, read);
        read = {threadStack(7, a)};
        stacks.publish(1, 2'000'000, read); // the same stack: one span 0-2 ms
        read = {threadStack(7, b)};
        stacks.publish(1, 10'000'000, read);
        std::vector<symbolize::PythonFrame> out;
        QVERIFY(stacks.stackAt(1, 7, 5'500'000, out)); // 3.5 ms after a, 4.5 ms before b
        QCOMPARE(out.size(), a.size());
        QVERIFY(stacks.stackAt(1, 7, 7'500'000, out));
        QCOMPARE(out.size(), b.size());
        QVERIFY(stacks.stackAt(1, 7, 1'000'000, out));
        QCOMPARE(out.size(), a.size());
        QVERIFY(!stacks.stackAt(1, 7, 16'000'000, out)); // 6 ms after the last read
        QVERIFY(!stacks.stackAt(1, 8, 1'000'000, out));  // another thread
        QVERIFY(!stacks.stackAt(2, 7, 1'000'000, out));  // another process
    }

    void oldStacksAreDropped()
    {
        symbolize::PythonStacks stacks;
        std::vector<symbolize::PythonThreadStack> read{threadStack(7, pythonStack(u"f*"_s))};
        stacks.publish(1, 0, read);
        read = {threadStack(8, pythonStack(u"g*"_s))};
        stacks.publish(1, symbolize::PythonStacks::kRetentionNs + 10'000'000, read);
        std::vector<symbolize::PythonFrame> out;
        QVERIFY(!stacks.stackAt(1, 7, 0, out));
        QVERIFY(stacks.stackAt(1, 8, symbolize::PythonStacks::kRetentionNs + 10'000'000, out));
    }

    void requestsAndPythonProcesses()
    {
        symbolize::PythonStacks stacks;
        stacks.watch(5);
        stacks.setPython(5, true);
        QVERIFY(stacks.isPython(5));
        stacks.forget(5);
        QVERIFY(!stacks.isPython(5));
        const auto requests = stacks.takeRequests();
        QCOMPARE(requests.size(), 2u);
        QCOMPARE(requests[0], std::make_pair(5, true));
        QCOMPARE(requests[1], std::make_pair(5, false));
        QVERIFY(stacks.takeRequests().empty());
    }

    void merge_data()
    {
        QTest::addColumn<QString>("native");
        QTest::addColumn<QString>("python");
        QTest::addColumn<QString>("merged");
        const QString eval = u"libpython`_PyEval_EvalFrameDefault"_s;
        QTest::newRow("one interpreter call")
            << u"exe`main;"_s + eval + u";libpython`PyNumber_Add"_s << u"add;run;<module>*"_s
            << u"exe`main;py:<module>;py:run;py:add;libpython`PyNumber_Add"_s;
        QTest::newRow("C between two calls")
            << u"exe`main;"_s + eval + u";libffi`ffi_call;"_s + eval + u";lib`cspin"_s << u"cb*;call_c;<module>*"_s
            << u"exe`main;py:<module>;py:call_c;libffi`ffi_call;py:cb;lib`cspin"_s;
        QTest::newRow("inlined into the interpreter")
            << u"exe`main;"_s + eval + u";libpython`_PyEval_EvalFrame!;libpython`unicode_hash"_s << u"f;<module>*"_s
            << u"exe`main;py:<module>;py:f;libpython`unicode_hash"_s;
        QTest::newRow("stack cut short") << eval + u";lib`cspin"_s << u"cb*;call_c;<module>*"_s
                                         << u"py:<module>;py:call_c;py:cb;lib`cspin"_s;
        QTest::newRow("no interpreter frame")
            << u"lib`cspin;lib`inner"_s << u"f;<module>*"_s << u"py:<module>;py:f;lib`cspin;lib`inner"_s;
        QTest::newRow("no Python stack") << u"exe`main;"_s + eval << QString() << u"exe`main;"_s + eval;
        // python3.12 -X perf: a trampoline before each interpreter call, named after the
        // function the Python frames show; without Python frames it stays.
        QTest::newRow("perf trampolines") << u"exe`main;"_s + eval + u";[jit]`py::f:/src/app.py;"_s + eval
                                          << u"f*;<module>*"_s << u"exe`main;py:<module>;py:f"_s;
        QTest::newRow("perf trampolines alone") << u"exe`main;[jit]`py::f:/src/app.py;"_s + eval << QString()
                                                << u"exe`main;[jit]`py::f:/src/app.py;"_s + eval;
        // A read that missed an entry frame: the innermost interpreter call runs the leaf
        // Python function; the calls outside the runs stay as they are.
        QTest::newRow("more interpreter calls than runs")
            << u"exe`main;"_s + eval + u";lib`x;"_s + eval << u"f;<module>*"_s
            << u"exe`main;"_s + eval + u";lib`x;py:<module>;py:f"_s;
    }
    void merge()
    {
        QFETCH(QString, native);
        QFETCH(QString, python);
        QFETCH(QString, merged);
        model::Profile p;
        std::vector<model::FrameId> stack = nativeStack(p, native);
        // A kernel frame at the leaf stays where it is.
        const model::FrameId kernel = p.internFrame("do_syscall_64", "[kernel]", {}, 0, model::FrameKind::Kernel);
        stack.insert(stack.begin(), kernel);
        symbolize::PythonFrameMerger merger(p);
        merger.merge(pythonStack(python), stack, 1);
        QCOMPARE(stack.front(), kernel);
        stack.erase(stack.begin());
        QCOMPARE(specOf(p, stack), merged);
    }

    void pythonFramesKeepFileAndLine()
    {
        model::Profile p;
        std::vector<model::FrameId> stack = nativeStack(p, u"exe`main;libpython`_PyEval_EvalFrameDefault"_s);
        symbolize::PythonFrameMerger merger(p);
        merger.merge(pythonStack(u"work_60*"_s), stack, 0);
        QCOMPARE(stack.size(), 2u);
        const model::Frame &f = p.frames.at(stack.front());
        QCOMPARE(f.kind, model::FrameKind::Python);
        QCOMPARE(p.strings.view(f.file), "/src/app.py");
        QCOMPARE(f.line, 7u);
    }

    void pythonBinariesAreRecognised_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("python");
        QTest::newRow("debian") << u"/usr/bin/python3.11"_s << true;
        QTest::newRow("libpython") << u"/root/.pyenv/versions/3.12.1/lib/libpython3.12.so.1.0"_s << true;
        QTest::newRow("python3-config") << u"/usr/bin/python3.11-config"_s << false;
        QTest::newRow("extension") << u"/usr/lib/python3.11/lib-dynload/_ctypes.cpython-311-x86_64-linux-gnu.so"_s
                                   << false;
        QTest::newRow("other") << u"/usr/lib/x86_64-linux-gnu/libc.so.6"_s << false;
    }
    void pythonBinariesAreRecognised()
    {
        QFETCH(QString, path);
        QFETCH(bool, python);
        QCOMPARE(symbolize::pythonMinorFromName(path.toStdString()) != 0, python);
    }
};

QTEST_GUILESS_MAIN(TestPythonStacks)
#include "tst_pythonstacks.moc"
