// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The CPython interpreters perfwb reads Python stacks of, as this machine has them:
// Debian's python3.11 (packaging/setup.sh installs it) and pyenv's 3.11 and 3.12 builds
// where pyenv is installed ($PYENV_ROOT, else ~/.pyenv).
#include <QDir>
#include <QFile>
#include <QString>
#include <QStringList>

namespace perfwbtest {

inline QStringList pythonInterpreters()
{
    QStringList found;
    if (QFile::exists(QStringLiteral("/usr/bin/python3.11")))
        found << QStringLiteral("/usr/bin/python3.11");
    QString root = qEnvironmentVariable("PYENV_ROOT");
    if (root.isEmpty())
        root = QDir::homePath() + QStringLiteral("/.pyenv");
    const QDir versions(root + QStringLiteral("/versions"));
    for (const QString &v : versions.entryList({QStringLiteral("3.11.*"), QStringLiteral("3.12.*")}, QDir::Dirs)) {
        const QString python = versions.filePath(v) + QStringLiteral("/bin/python") + v.section(u'.', 0, 1);
        if (QFile::exists(python))
            found << python;
    }
    return found;
}

// The first interpreter of 3.`minor` found, empty when none.
inline QString pythonInterpreter(int minor)
{
    const QString suffix = QStringLiteral("python3.") + QString::number(minor);
    for (const QString &p : pythonInterpreters()) {
        if (p.endsWith(suffix))
            return p;
    }
    return {};
}

} // namespace perfwbtest
