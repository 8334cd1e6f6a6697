// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Independent references for the symbolizer tests: binutils (nm, addr2line) read the
// same binaries on their own, line ranges come from the workload sources, and
// binaries are "mapped" into a symbolizer the way the loader lays out PT_LOAD
// segments and perf's MMAP2 records report them.
#include "symbolize/symbolizer.h"

#include <QFile>
#include <QMap>
#include <QPair>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <cstring>
#include <elf.h>
#include <fstream>

namespace perfwb::testing {

struct ReferenceFrame {
    QString function, file;
    uint line = 0;
};

inline QString run(const QString &program, const QStringList &args)
{
    QProcess proc;
    proc.start(program, args);
    if (!proc.waitForFinished(60000) || proc.exitCode() != 0)
        return {};
    return QString::fromUtf8(proc.readAllStandardOutput());
}

// nm's view of a defined symbol: address and size (independent of libdw).
inline bool nmSymbol(const QString &binary, const QString &name, quint64 &address, quint64 &size)
{
    const auto lines = run(QStringLiteral("nm"), {QStringLiteral("-S"), QStringLiteral("--defined-only"), binary})
                           .split(QLatin1Char('\n'));
    for (const auto &line : lines) {
        const auto parts = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (parts.size() == 4 && parts[3] == name) {
            address = parts[0].toULongLong(nullptr, 16);
            size = parts[1].toULongLong(nullptr, 16);
            return true;
        }
    }
    return false;
}

// addr2line -a -f -i -C: per address, its frames innermost first (function, file, line).
inline QMap<quint64, QList<ReferenceFrame>> addr2lineChains(const QString &binary, const QList<quint64> &addresses)
{
    QStringList args{QStringLiteral("-a"), QStringLiteral("-f"), QStringLiteral("-i"),
                     QStringLiteral("-C"), QStringLiteral("-e"), binary};
    for (auto a : addresses)
        args << QStringLiteral("0x%1").arg(a, 0, 16);
    QMap<quint64, QList<ReferenceFrame>> chains;
    quint64 current = 0;
    const auto lines = run(QStringLiteral("addr2line"), args).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (int i = 0; i < lines.size(); ++i) {
        if (lines[i].startsWith(QLatin1String("0x"))) {
            current = lines[i].toULongLong(nullptr, 16);
            chains[current];
        } else if (i + 1 < lines.size()) {
            // "file:line" or "file:line (discriminator N)"
            const QString where = lines[i + 1].section(QLatin1Char(' '), 0, 0);
            ReferenceFrame f;
            f.function = lines[i];
            f.file = where.section(QLatin1Char(':'), 0, -2);
            f.line = where.section(QLatin1Char(':'), -1).toUInt();
            chains[current] << f;
            ++i;
        }
    }
    return chains;
}

// First and last line of the function whose definition line contains `signature`
// (its closing brace is the next line that is exactly "}").
inline QPair<uint, uint> lineRange(const QString &source, const QString &signature)
{
    QFile f(source);
    if (!f.open(QIODevice::ReadOnly))
        return {0, 0};
    const auto lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        if (!lines[i].contains(signature) || lines[i].endsWith(QLatin1Char(';')))
            continue;
        for (int j = i + 1; j < lines.size(); ++j) {
            if (lines[j] == QLatin1String("}"))
                return {uint(i + 1), uint(j + 1)};
        }
    }
    return {0, 0};
}

// Maps a binary's PT_LOAD segments at `base` the way the loader does and perf's
// MMAP2 records report them (page-aligned start, file offset as pgoff).
inline bool mapLikeLoader(symbolize::Symbolizer &s, int pid, const QString &path, quint64 base)
{
    std::ifstream in(path.toStdString(), std::ios::binary);
    Elf64_Ehdr eh{};
    if (!in.read(reinterpret_cast<char *>(&eh), sizeof eh) || std::memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0)
        return false;
    int loads = 0;
    for (int i = 0; i < eh.e_phnum; ++i) {
        Elf64_Phdr ph{};
        in.seekg(static_cast<std::streamoff>(eh.e_phoff + i * eh.e_phentsize));
        if (!in.read(reinterpret_cast<char *>(&ph), sizeof ph))
            return false;
        if (ph.p_type != PT_LOAD)
            continue;
        const quint64 pageVaddr = ph.p_vaddr & ~quint64(0xfff);
        const quint64 pageOffset = ph.p_offset & ~quint64(0xfff);
        s.addMapping(pid, base + pageVaddr, ph.p_filesz + (ph.p_vaddr - pageVaddr), pageOffset, path.toStdString());
        ++loads;
    }
    return loads > 0;
}

} // namespace perfwb::testing
