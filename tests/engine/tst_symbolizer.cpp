// SPDX-License-Identifier: GPL-3.0-or-later
// Symbolizer and DWARF unwinder on real binaries: this test process itself (its own
// /proc/PID/maps, libc with Debian's libc6-dbg), the workloads built -O2 -g (mapped
// the way MMAP2 records describe them), /proc/kallsyms, a perf-PID.map, and stacks
// captured in-process and from a running no-frame-pointer workload via ptrace.
// Independent references: binutils' nm/addr2line and line markers in the sources.
#include "engine/stackcapture.h"
#include "engine/symbolizerreference.h"
#include "model/unresolvedname.h"
#include "symbolize/kernelsymbols.h"
#include "symbolize/symbolizer.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <cstdlib>
#include <dlfcn.h>
#include <fstream>
#include <link.h>
#include <signal.h>
#include <spawn.h>
#include <thread>
#include <unistd.h>

using namespace perfwb;
using model::FrameKind;
using testing::addr2lineChains;
using testing::lineRange;
using testing::mapLikeLoader;
using testing::nmSymbol;

namespace perfwb_test {

// Lines of this function are checked against its frame; keep it where it is.
__attribute__((noinline)) int knownFunction(int x)
{
    volatile int y = x;
    for (int i = 0; i < 3; ++i)
        y = y * 3 + i;
    return y;
}
const int kKnownFunctionFirstLine = __LINE__ - 7;
const int kKnownFunctionLastLine = __LINE__ - 3;

} // namespace perfwb_test

namespace {

const QString kWorkloads = QStringLiteral(PERFWB_WORKLOAD_DIR);
// Qt Test's absolute source directory (__FILE__ may be relative under ccache's base_dir).
const QString kWorkloadSources = QStringLiteral(QT_TESTCASE_SOURCEDIR "/../workloads");

struct F {
    QString function, module, file;
    uint line = 0;
    bool inlined = false;
    FrameKind kind = FrameKind::Native;
};

QList<F> describe(const model::Profile &p, const std::vector<model::FrameId> &ids)
{
    QList<F> out;
    for (auto id : ids) {
        const auto &fr = p.frames.at(id);
        out.append({QString::fromStdString(p.strings.str(fr.function)),
                    QString::fromStdString(p.strings.str(fr.module)), QString::fromStdString(p.strings.str(fr.file)),
                    fr.line, fr.inlined, fr.kind});
    }
    return out;
}

QList<F> resolve(symbolize::Symbolizer &s, model::Profile &p, int pid, std::uint64_t ip, bool ret = false,
                 bool kernel = false)
{
    std::vector<model::FrameId> ids;
    s.resolve(pid, ip, ret, kernel, p, ids);
    return describe(p, ids);
}

QStringList functions(const QList<F> &frames)
{
    QStringList names;
    for (const auto &f : frames)
        names << f.function;
    return names;
}

quint64 libcBase()
{
    quint64 base = 0;
    dl_iterate_phdr(
        [](dl_phdr_info *info, size_t, void *data) {
            if (info->dlpi_name && std::strstr(info->dlpi_name, "libc.so.6"))
                *static_cast<quint64 *>(data) = info->dlpi_addr;
            return 0;
        },
        &base);
    return base;
}

constexpr int kFakePid = 1 << 30; // above pid_max: never a real process

int g_captureCount = 0;
testing::StackCapture g_capture;

__attribute__((noinline)) int compareCapturing(const void *a, const void *b)
{
    if (g_captureCount++ == 0)
        g_capture = testing::captureThisStack();
    const int x = *static_cast<const int *>(a), y = *static_cast<const int *>(b);
    return (x > y) - (x < y);
}

// For the tests that tell unresolved addresses apart by name (perfwb --addresses).
struct KeepAddresses {
    KeepAddresses() { model::setKeepUnresolvedAddresses(true); }
    ~KeepAddresses() { model::setKeepUnresolvedAddresses(false); }
    KeepAddresses(const KeepAddresses &) = delete;
    KeepAddresses &operator=(const KeepAddresses &) = delete;
};

} // namespace

class TestSymbolizer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void ownFunction();
    void libcFunction_data();
    void libcFunction();
    void unknownAddresses();
    void vdsoFunction();
    void inlinedChainMatchesAddr2line();
    void cppNamesDemangled();
    void repeatedAddressesHitCache();
    void kernelSymbols();
    void kernelSymbolsHidden();
    void perfMapJit();
    void forkExecExit();
    void overlappingMappingReplaces();
    void loadProcessMapsErrors();
    void unwindInProcessThroughQsort();
    void unwindNoFramePointerWorkload();
};

void TestSymbolizer::initTestCase()
{
    for (const char *w : {"inlined", "cppnames", "qsortcb"})
        QVERIFY2(QFile::exists(kWorkloads + QLatin1Char('/') + QLatin1String(w)), w);
}

void TestSymbolizer::ownFunction()
{
    symbolize::Symbolizer s;
    QVERIFY2(s.loadProcessMaps(getpid()).isOk(), "own maps");
    model::Profile p;
    const auto ip = reinterpret_cast<std::uint64_t>(&perfwb_test::knownFunction);
    for (bool ret : {false, true}) {
        // As a return address the lookup is at ip - 1: use an address inside the body.
        const auto frames = resolve(s, p, getpid(), ret ? ip + 9 : ip, ret);
        QCOMPARE(frames.size(), 1);
        QCOMPARE(frames[0].function, QStringLiteral("perfwb_test::knownFunction(int)"));
        QCOMPARE(frames[0].module, QStringLiteral("tst_symbolizer"));
        QVERIFY2(frames[0].file.endsWith(QLatin1String("/tst_symbolizer.cpp")), qPrintable(frames[0].file));
        QVERIFY2(frames[0].line >= uint(perfwb_test::kKnownFunctionFirstLine) &&
                     frames[0].line <= uint(perfwb_test::kKnownFunctionLastLine),
                 qPrintable(QString::number(frames[0].line)));
        QVERIFY(!frames[0].inlined);
        QCOMPARE(frames[0].kind, FrameKind::Native);
    }
}

void TestSymbolizer::libcFunction_data()
{
    QTest::addColumn<QString>("symbol");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("sourceFile");
    QTest::newRow("qsort") << "qsort"
                           << "qsort"
                           << "msort.c";
    QTest::newRow("strtol") << "strtol"
                            << "strtol"
                            << "strtol.c";
    QTest::newRow("malloc") << "malloc"
                            << "malloc"
                            << "malloc.c";
}

void TestSymbolizer::libcFunction()
{
    QFETCH(QString, symbol);
    QFETCH(QString, expected);
    QFETCH(QString, sourceFile);
    // The definition in libc itself, even if a sanitizer interposes the name.
    void *libc = dlopen("libc.so.6", RTLD_NOW | RTLD_NOLOAD);
    QVERIFY(libc);
    const auto ip = reinterpret_cast<std::uint64_t>(dlsym(libc, symbol.toLatin1().constData()));
    dlclose(libc);
    QVERIFY(ip);
    symbolize::Symbolizer s;
    QVERIFY(s.loadProcessMaps(getpid()).isOk());
    model::Profile p;
    const auto frames = resolve(s, p, getpid(), ip);
    QVERIFY(!frames.isEmpty());
    const F &outer = frames.last();
    QCOMPARE(outer.function, expected);
    QCOMPARE(outer.module, QStringLiteral("libc.so.6"));
    QVERIFY2(outer.file.endsWith(QLatin1Char('/') + sourceFile), qPrintable(outer.file));
    QVERIFY(outer.line > 0);
    // binutils reads the same address through libc's debug file (build-id) on its own.
    const auto chain = addr2lineChains(QStringLiteral("/lib/x86_64-linux-gnu/libc.so.6"), {ip - libcBase()});
    const auto expectedChain = chain.value(ip - libcBase());
    QCOMPARE(frames.size(), expectedChain.size());
    // (binutils joins glibc's relative directories differently: compare file names.)
    for (int i = 0; i < frames.size(); ++i) {
        QCOMPARE(QFileInfo(frames[i].file).fileName(), QFileInfo(expectedChain[i].file).fileName());
        QCOMPARE(frames[i].line, expectedChain[i].line);
    }
}

void TestSymbolizer::unknownAddresses()
{
    symbolize::Symbolizer s;
    QVERIFY(s.loadProcessMaps(getpid()).isOk());
    model::Profile p;
    // The ELF header of libc is mapped but is no function: one frame for the module,
    // whatever the address, as perf report's "[unknown]" per DSO.
    auto frames = resolve(s, p, getpid(), libcBase() + 0x10);
    QCOMPARE(frames.size(), 1);
    QCOMPARE(frames[0].function, QStringLiteral("[libc.so.6]"));
    QCOMPARE(frames[0].module, QStringLiteral("libc.so.6"));
    QCOMPARE(resolve(s, p, getpid(), libcBase() + 0x20)[0].function, QStringLiteral("[libc.so.6]"));
    frames = resolve(s, p, getpid(), 0x1000);
    QCOMPARE(frames.size(), 1);
    QCOMPARE(frames[0].function, QStringLiteral("[unknown]"));
    // A process we know nothing about.
    frames = resolve(s, p, kFakePid, 0x401000);
    QCOMPARE(frames.size(), 1);
    QCOMPARE(frames[0].function, QStringLiteral("[unknown]"));

    // perfwb --addresses: one frame per address, the offset into the module's file.
    const KeepAddresses keep;
    symbolize::Symbolizer withAddresses;
    QVERIFY(withAddresses.loadProcessMaps(getpid()).isOk());
    model::Profile q;
    QCOMPARE(resolve(withAddresses, q, getpid(), libcBase() + 0x10)[0].function, QStringLiteral("libc.so.6+0x10"));
    QCOMPARE(resolve(withAddresses, q, getpid(), libcBase() + 0x20)[0].function, QStringLiteral("libc.so.6+0x20"));
    QCOMPARE(resolve(withAddresses, q, getpid(), 0x1000)[0].function, QStringLiteral("[unknown]+0x1000"));
    QCOMPARE(resolve(withAddresses, q, kFakePid, 0x401000)[0].function, QStringLiteral("[unknown]+0x401000"));
}

void TestSymbolizer::vdsoFunction()
{
    // glibc keeps the vDSO as a loaded object: its exported functions can be looked up.
    void *vdso = dlopen("linux-vdso.so.1", RTLD_NOW | RTLD_NOLOAD);
    if (!vdso)
        QSKIP("no vDSO link map here");
    const auto ip = reinterpret_cast<std::uint64_t>(dlsym(vdso, "__vdso_clock_gettime"));
    dlclose(vdso);
    QVERIFY(ip);
    symbolize::Symbolizer s;
    QVERIFY(s.loadProcessMaps(getpid()).isOk());
    model::Profile p;
    const auto frames = resolve(s, p, getpid(), ip + 1);
    QCOMPARE(frames.size(), 1);
    QCOMPARE(frames[0].function, QStringLiteral("clock_gettime")); // the plain alias of __vdso_clock_gettime
    QCOMPARE(frames[0].module, QStringLiteral("[vdso]"));
}

void TestSymbolizer::inlinedChainMatchesAddr2line()
{
    const QString binary = kWorkloads + QStringLiteral("/inlined");
    const QString source = kWorkloadSources + QStringLiteral("/inlined.c");
    quint64 start = 0, size = 0;
    QVERIFY(nmSymbol(binary, QStringLiteral("churn"), start, size));
    const auto churnLines = lineRange(source, QStringLiteral("churn(uint64_t ms)"));
    const auto mixLines = lineRange(source, QStringLiteral("mix_rounds(uint64_t x, int rounds)"));
    const auto nowLines = lineRange(source, QStringLiteral("now_ns(void)"));
    QVERIFY(churnLines.first > 0 && mixLines.first > 0 && nowLines.first > 0);

    symbolize::Symbolizer s;
    const quint64 base = 0x555555554000;
    QVERIFY(mapLikeLoader(s, kFakePid, binary, base));
    QList<quint64> addresses;
    for (quint64 a = start; a < start + size; ++a)
        addresses << a;
    const auto reference = addr2lineChains(binary, addresses);
    QCOMPARE(reference.size(), addresses.size());

    model::Profile p;
    int inlinedShape = 0;
    for (auto a : addresses) {
        const auto frames = resolve(s, p, kFakePid, base + a);
        const auto expected = reference.value(a);
        QCOMPARE(frames.size(), expected.size());
        for (int i = 0; i < frames.size(); ++i) {
            QCOMPARE(frames[i].function, expected[i].function);
            QCOMPARE(frames[i].file, expected[i].file);
            QCOMPARE(frames[i].line, expected[i].line);
        }
        QCOMPARE(frames.last().function, QStringLiteral("churn"));
        QVERIFY(!frames.last().inlined);
        for (const auto &f : frames) {
            QVERIFY2(f.file.endsWith(QLatin1String("/inlined.c")), qPrintable(f.file));
            QCOMPARE(f.module, QStringLiteral("inlined"));
        }
        QVERIFY2(frames.last().line >= churnLines.first && frames.last().line <= churnLines.second,
                 qPrintable(QString::number(frames.last().line)));
        if (frames.size() == 2) {
            // Two static functions are inlined into churn: the loop and the clock read.
            QVERIFY(frames[0].inlined);
            const auto range = frames[0].function == QLatin1String("mix_rounds") ? mixLines : nowLines;
            QVERIFY2(frames[0].function == QLatin1String("mix_rounds") || frames[0].function == QLatin1String("now_ns"),
                     qPrintable(frames[0].function));
            QVERIFY(frames[0].line >= range.first && frames[0].line <= range.second);
            inlinedShape += frames[0].function == QLatin1String("mix_rounds");
        }
    }
    // The loop of mix_rounds is most of churn's code.
    QVERIFY2(inlinedShape > int(size) / 4, qPrintable(QString::number(inlinedShape)));
}

void TestSymbolizer::cppNamesDemangled()
{
    const QString binary = kWorkloads + QStringLiteral("/cppnames");
    quint64 method = 0, methodSize = 0, drive = 0, driveSize = 0;
    QVERIFY(nmSymbol(binary, QStringLiteral("_ZN2ns5KlassIiE6methodEi"), method, methodSize));
    QVERIFY(nmSymbol(binary, QStringLiteral("_ZN2ns5driveEl"), drive, driveSize));
    symbolize::Symbolizer s;
    const quint64 base = 0x560000000000;
    QVERIFY(mapLikeLoader(s, kFakePid, binary, base));
    model::Profile p;
    QCOMPARE(functions(resolve(s, p, kFakePid, base + drive)), QStringList{QStringLiteral("ns::drive(long)")});
    bool sawInlined = false;
    for (quint64 a = method; a < method + methodSize; ++a) {
        const auto frames = resolve(s, p, kFakePid, base + a);
        QCOMPARE(frames.last().function, QStringLiteral("ns::Klass<int>::method(int)"));
        if (frames.size() == 2) {
            QCOMPARE(frames[0].function, QStringLiteral("int ns::scramble<int>(int, int)"));
            QVERIFY(frames[0].inlined);
            sawInlined = true;
        }
    }
    QVERIFY(sawInlined);
}

void TestSymbolizer::repeatedAddressesHitCache()
{
    symbolize::Symbolizer s;
    QVERIFY(s.loadProcessMaps(getpid()).isOk());
    const auto ip = reinterpret_cast<std::uint64_t>(&perfwb_test::knownFunction);
    model::Profile p1;
    std::vector<model::FrameId> a, b;
    s.resolve(getpid(), ip, false, false, p1, a);
    const auto framesBefore = p1.frames.size();
    s.resolve(getpid(), ip, false, false, p1, b);
    QCOMPARE(a, b);
    QCOMPARE(p1.frames.size(), framesBefore);
    // Another profile gets its own ids for the same frame.
    model::Profile p2;
    p2.internFrame("something else");
    const auto frames = resolve(s, p2, getpid(), ip);
    QCOMPARE(frames.size(), 1);
    QCOMPARE(frames[0].function, QStringLiteral("perfwb_test::knownFunction(int)"));
}

void TestSymbolizer::kernelSymbols()
{
    std::ifstream kallsyms("/proc/kallsyms");
    std::string line;
    quint64 schedule = 0;
    while (std::getline(kallsyms, line)) {
        if (line.ends_with(" T schedule"))
            schedule = std::strtoull(line.c_str(), nullptr, 16);
    }
    if (schedule == 0)
        QSKIP("/proc/kallsyms hides addresses here (kernel.kptr_restrict)");
    symbolize::Symbolizer s;
    model::Profile p;
    for (bool flag : {true, false}) { // by flag, or by address range alone
        const auto frames = resolve(s, p, getpid(), schedule + 4, false, flag);
        QCOMPARE(frames.size(), 1);
        QCOMPARE(frames[0].function, QStringLiteral("schedule"));
        QCOMPARE(frames[0].module, QStringLiteral("[kernel]"));
        QCOMPARE(frames[0].kind, FrameKind::Kernel);
    }
}

void TestSymbolizer::kernelSymbolsHidden()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("kallsyms"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("0000000000000000 T _stext\n0000000000000000 T schedule\n0000000000000000 t helper\t[mod]\n");
    f.close();
    symbolize::KernelSymbols hidden(path.toStdString());
    QVERIFY(!hidden.available());
    QVERIFY(hidden.lookup(0xffffffff81000000ull).empty());

    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write("ffffffff81000000 T _stext\nffffffff81000100 T schedule\nffffffff81000080 D some_data\n"
            "ffffffffc0001000 t helper\t[mod]\n");
    f.close();
    symbolize::KernelSymbols shown(path.toStdString());
    QVERIFY(shown.available());
    QCOMPARE(shown.lookup(0xffffffff81000050ull), std::string_view("_stext"));
    QCOMPARE(shown.lookup(0xffffffff81000150ull), std::string_view("schedule"));
    QCOMPARE(shown.lookup(0xffffffffc0001010ull), std::string_view("helper"));
}

void TestSymbolizer::perfMapJit()
{
    const KeepAddresses keep; // names tell the addresses apart
    const int pid = kFakePid + 1;
    const QString path = QStringLiteral("/tmp/perf-%1.map").arg(pid);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write("7f0000001000 100 LazyCompile:~hot /app/main.js:10\n7f0000001100 80 Builtin: ArrayMap\n");
    f.close();
    const auto cleanup = qScopeGuard([&] { QFile::remove(path); });

    symbolize::Symbolizer s;
    s.addMapping(pid, 0x7f0000000000, 0x100000, 0, "//anon");
    model::Profile p;
    auto frames = resolve(s, p, pid, 0x7f0000001010);
    QCOMPARE(frames.size(), 1);
    QCOMPARE(frames[0].function, QStringLiteral("LazyCompile:~hot /app/main.js:10"));
    QCOMPARE(frames[0].module, QStringLiteral("[jit]"));
    QCOMPARE(frames[0].kind, FrameKind::Jit);
    QCOMPARE(resolve(s, p, pid, 0x7f000000117f, true)[0].function, QStringLiteral("Builtin: ArrayMap"));
    // Not (yet) in the map: a plain offset in the anonymous mapping.
    QCOMPARE(resolve(s, p, pid, 0x7f0000002000)[0].function, QStringLiteral("[anon]+0x2000"));

    // The runtime compiles more code and appends to its map: read again on a miss.
    QVERIFY(f.open(QIODevice::Append));
    f.write("7f0000002000 40 LazyCompile:*later /app/main.js:42\n");
    f.close();
    frames = resolve(s, p, pid, 0x7f0000002000);
    QCOMPARE(frames[0].function, QStringLiteral("LazyCompile:*later /app/main.js:42"));
    QCOMPARE(frames[0].kind, FrameKind::Jit);
}

void TestSymbolizer::forkExecExit()
{
    const KeepAddresses keep; // names tell the addresses apart
    const QString binary = kWorkloads + QStringLiteral("/inlined");
    quint64 churn = 0, size = 0;
    QVERIFY(nmSymbol(binary, QStringLiteral("churn"), churn, size));
    const quint64 base = 0x555555554000;
    const int parent = kFakePid + 2, child = kFakePid + 3;
    symbolize::Symbolizer s;
    QVERIFY(mapLikeLoader(s, parent, binary, base));
    model::Profile p;
    s.forkProcess(parent, child);
    QCOMPARE(resolve(s, p, child, base + churn).last().function, QStringLiteral("churn"));
    s.execProcess(child); // the new program has not mapped anything yet
    QCOMPARE(resolve(s, p, child, base + churn)[0].function, QStringLiteral("[unknown]+0x%1").arg(base + churn, 0, 16));
    QCOMPARE(resolve(s, p, parent, base + churn).last().function, QStringLiteral("churn"));
    s.exitProcess(parent);
    QVERIFY(resolve(s, p, parent, base + churn)[0].function.startsWith(QLatin1String("[unknown]+0x")));
}

void TestSymbolizer::overlappingMappingReplaces()
{
    const KeepAddresses keep; // names tell the addresses apart
    const QString binary = kWorkloads + QStringLiteral("/inlined");
    quint64 churn = 0, size = 0;
    QVERIFY(nmSymbol(binary, QStringLiteral("churn"), churn, size));
    const quint64 base = 0x555555554000;
    const int pid = kFakePid + 4;
    symbolize::Symbolizer s;
    s.addMapping(pid, base - 0x10000, 0x100000, 0, "//anon"); // first anonymous memory
    QVERIFY(mapLikeLoader(s, pid, binary, base));             // then the file over it (MAP_FIXED)
    model::Profile p;
    QCOMPARE(resolve(s, p, pid, base + churn).last().function, QStringLiteral("churn"));
    // Both leftovers of the anonymous mapping are still there.
    QCOMPARE(resolve(s, p, pid, base - 0x10000)[0].function, QStringLiteral("[anon]+0x0"));
    QCOMPARE(resolve(s, p, pid, base + 0x80000)[0].function, QStringLiteral("[anon]+0x90000"));
}

void TestSymbolizer::loadProcessMapsErrors()
{
    symbolize::Symbolizer s;
    const auto missing = s.loadProcessMaps(kFakePid);
    QVERIFY(!missing.isOk());
    QCOMPARE(QString::fromStdString(missing.message()), QStringLiteral("no process with PID %1").arg(kFakePid));
    QCOMPARE(QString::fromStdString(s.loadProcessMaps(-5).message()), QStringLiteral("no process with PID -5"));

    const pid_t zombie = fork();
    if (zombie == 0)
        _exit(0);
    QVERIFY(zombie > 0);
    // Not reaped yet: a zombie has no address space left.
    for (int i = 0; i < 200; ++i) {
        std::ifstream stat("/proc/" + std::to_string(zombie) + "/stat");
        std::string text;
        std::getline(stat, text);
        if (text.find(") Z ") != std::string::npos)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    const auto status = s.loadProcessMaps(zombie);
    waitpid(zombie, nullptr, 0);
    QVERIFY(!status.isOk());
    QVERIFY2(QString::fromStdString(status.message()).contains(QLatin1String("zombie")), status.message().c_str());
}

void TestSymbolizer::unwindInProcessThroughQsort()
{
    int values[16];
    for (int i = 0; i < 16; ++i)
        values[i] = (i * 7919) % 16;
    g_captureCount = 0;
    // libc's own qsort, also where a sanitizer interposes one of its own.
    void *libc = dlopen("libc.so.6", RTLD_NOW | RTLD_NOLOAD);
    QVERIFY(libc);
    auto *libcQsortFn =
        reinterpret_cast<void (*)(void *, size_t, size_t, int (*)(const void *, const void *))>(dlsym(libc, "qsort"));
    dlclose(libc);
    QVERIFY(libcQsortFn);
    libcQsortFn(values, 16, sizeof values[0], compareCapturing);
    QVERIFY(!g_capture.stack.empty());

    symbolize::Symbolizer s;
    QVERIFY(s.loadProcessMaps(getpid()).isOk());
    std::vector<std::uint64_t> ips;
    s.unwind(getpid(), g_capture.mask, g_capture.regs, g_capture.stack, ips);
    model::Profile p;
    QList<F> frames;
    for (std::size_t i = 0; i < ips.size(); ++i)
        frames += resolve(s, p, getpid(), ips[i], i > 0);
    const QStringList names = functions(frames);
    const QString text = names.join(QLatin1String(" <- "));
    // Leaf first: the capture helper, our comparator, qsort's code in libc, this test
    // function, Qt's invocation machinery, and main.
    auto find = [&](auto pred, qsizetype from) { // -1 if not found at or after `from` (-1 stays -1)
        for (qsizetype i = from; i >= 0 && i < frames.size(); ++i) {
            if (pred(frames[i]))
                return i;
        }
        return qsizetype(-1);
    };
    const auto capture = find([](const F &f) { return f.function.contains(QLatin1String("captureThisStack")); }, 0);
    const auto comparator = find([](const F &f) { return f.function.contains(QLatin1String("compareCapturing")); }, 0);
    const auto libcQsort = find(
        [](const F &f) {
            return f.module == QLatin1String("libc.so.6") && f.function.contains(QLatin1String("qsort"));
        },
        comparator);
    const auto test =
        find([](const F &f) { return f.function == QLatin1String("TestSymbolizer::unwindInProcessThroughQsort()"); },
             libcQsort);
    const auto mainFrame = find([](const F &f) { return f.function == QLatin1String("main"); }, test);
    QVERIFY2(capture == 0, qPrintable(text));
    QVERIFY2(comparator > capture, qPrintable(text));
    QVERIFY2(libcQsort > comparator, qPrintable(text));
    QVERIFY2(test > libcQsort, qPrintable(text));
    QVERIFY2(mainFrame > test, qPrintable(text));
}

void TestSymbolizer::unwindNoFramePointerWorkload()
{
    // qsortcb and Debian's libc have no frame pointers: only CFI gets from the
    // comparator back to main. Stop it a few times with ptrace and unwind each stack.
    const std::string program = (kWorkloads + QStringLiteral("/qsortcb")).toStdString();
    char *argv[] = {const_cast<char *>(program.c_str()), const_cast<char *>("20000"), nullptr};
    pid_t pid = 0;
    QCOMPARE(posix_spawn(&pid, program.c_str(), nullptr, nullptr, argv, environ), 0);
    const auto cleanup = qScopeGuard([pid] {
        kill(pid, SIGKILL);
        waitpid(pid, nullptr, __WALL);
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    QCOMPARE(ptrace(PTRACE_SEIZE, pid, nullptr, nullptr), 0L);
    const std::uint64_t top = testing::stackTop(pid);
    QVERIFY(top);

    symbolize::Symbolizer s;
    QVERIFY(s.loadProcessMaps(pid).isOk());
    model::Profile p;
    int inComparator = 0;
    for (int round = 0; round < 10; ++round) {
        QCOMPARE(ptrace(PTRACE_INTERRUPT, pid, nullptr, nullptr), 0L);
        int status = 0;
        QCOMPARE(waitpid(pid, &status, __WALL), pid);
        QVERIFY(WIFSTOPPED(status));
        testing::StackCapture c;
        const bool captured = testing::captureStopped(pid, top, c);
        QCOMPARE(ptrace(PTRACE_CONT, pid, nullptr, nullptr), 0L);
        QVERIFY(captured);
        std::vector<std::uint64_t> ips;
        s.unwind(pid, c.mask, c.regs, c.stack, ips);
        QList<F> frames;
        for (std::size_t i = 0; i < ips.size(); ++i)
            frames += resolve(s, p, pid, ips[i], i > 0);
        const QStringList names = functions(frames);
        const QString text = names.join(QLatin1String(" <- "));
        // Every stack ends in main and libc's start code, nothing after _start.
        const auto mainFrame = names.indexOf(QStringLiteral("main"));
        QVERIFY2(mainFrame >= 0 && names.last() == QLatin1String("_start"), qPrintable(text));
        QCOMPARE(frames[mainFrame].module, QStringLiteral("qsortcb"));
        if (names[0] == QLatin1String("compare_items")) {
            ++inComparator;
            // compare_items <- qsort's frames in libc <- sort_items <- main
            const auto sortItems = names.indexOf(QStringLiteral("sort_items"));
            QVERIFY2(sortItems > 1 && mainFrame == sortItems + 1, qPrintable(text));
            for (auto i = 1; i < sortItems; ++i)
                QVERIFY2(frames[i].module == QLatin1String("libc.so.6"), qPrintable(text));
            QVERIFY2(frames[sortItems - 1].function.contains(QLatin1String("qsort")), qPrintable(text));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    // compare_items holds nearly all the time of the workload.
    QVERIFY2(inComparator >= 3, qPrintable(QString::number(inComparator)));
}

QTEST_GUILESS_MAIN(TestSymbolizer)
#include "tst_symbolizer.moc"
