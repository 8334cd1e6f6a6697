// SPDX-License-Identifier: GPL-3.0-or-later
#include "runmanifest.h"

#include "settings/outputdirectory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace perfwb::store {

namespace {
constexpr const char *kFormat = "perfwb-run";
constexpr qint64 kMaxBytes = 1 << 20; // a manifest lists a handful of files
} // namespace

std::string RunManifest::pathFor(const std::string &outputDir, const std::string &label)
{
    return QDir(QString::fromStdString(outputDir))
        .filePath(QString::fromStdString(settings::OutputDirectory::sanitizeLabel(label) + "-run.json"))
        .toStdString();
}

std::string RunManifest::findFor(const std::string &filePath)
{
    const QFileInfo file(QString::fromStdString(filePath));
    const QDir dir = file.absoluteDir();
    // Newest first: a label run again replaces its files, and its manifest is the newest.
    const QStringList names = dir.entryList({QStringLiteral("*-run.json")}, QDir::Files, QDir::Time);
    for (qsizetype i = 0; i < names.size() && i < 256; ++i) {
        std::string candidate = dir.filePath(names[i]).toStdString();
        auto manifest = read(candidate);
        if (!manifest)
            continue;
        for (const auto &f : manifest->files) {
            if (QFileInfo(QString::fromStdString(f.path)) == file)
                return candidate;
        }
    }
    return {};
}

bool RunManifest::looksLikeManifest(const std::string &path)
{
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    // Keys are written sorted, so "format" comes after the file list: read it all
    // (a manifest is small), not just a head.
    if (f.size() > kMaxBytes)
        return false;
    const QByteArray text = f.readAll();
    return text.trimmed().startsWith('{') && text.contains("\"perfwb-run\"");
}

Result<RunManifest> RunManifest::read(const std::string &path)
{
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly))
        return makeError(path + ": " + f.errorString().toStdString());
    if (f.size() > kMaxBytes)
        return makeError(path + ": too large for a run manifest");
    QJsonParseError err{};
    const auto doc = QJsonDocument::fromJson(f.readAll(), &err);
    const QJsonObject root = doc.object();
    if (err.error != QJsonParseError::NoError ||
        root.value(QStringLiteral("format")).toString() != QLatin1String(kFormat))
        return makeError(path + ": not a perfwb run manifest");
    const int version = root.value(QStringLiteral("version")).toInt(-1);
    if (version < 1 || version > kVersion)
        return makeError(path + ": run manifest version " + std::to_string(version) + " is not supported");
    RunManifest m;
    m.label = root.value(QStringLiteral("label")).toString().toStdString();
    for (const auto &arg : root.value(QStringLiteral("command")).toArray())
        m.command.push_back(arg.toString().toStdString());
    const QDir dir = QFileInfo(f).absoluteDir();
    for (const auto &v : root.value(QStringLiteral("files")).toArray()) {
        const QJsonObject o = v.toObject();
        const QString rel = o.value(QStringLiteral("path")).toString();
        // Only names inside the manifest's own directory: a manifest is not a way to
        // make the GUI open arbitrary files.
        if (rel.isEmpty() || rel.contains(QLatin1Char('/')))
            return makeError(path + ": bad file entry '" + rel.toStdString() + "'");
        m.files.push_back({o.value(QStringLiteral("tool")).toString().toStdString(), dir.filePath(rel).toStdString(),
                           o.value(QStringLiteral("open")).toBool(true)});
    }
    return m;
}

Status RunManifest::write(const std::string &path) const
{
    QJsonArray command;
    for (const auto &arg : this->command)
        command.append(QString::fromStdString(arg));
    QJsonArray files;
    for (const auto &file : this->files) {
        QJsonObject o{{QStringLiteral("tool"), QString::fromStdString(file.tool)},
                      {QStringLiteral("path"), QFileInfo(QString::fromStdString(file.path)).fileName()}};
        if (!file.open)
            o.insert(QStringLiteral("open"), false);
        files.append(o);
    }
    const QJsonObject root{{QStringLiteral("format"), QLatin1String(kFormat)},
                           {QStringLiteral("version"), kVersion},
                           {QStringLiteral("label"), QString::fromStdString(label)},
                           {QStringLiteral("command"), command},
                           {QStringLiteral("files"), files}};
    QSaveFile f(QString::fromStdString(path));
    const QByteArray bytes = QJsonDocument(root).toJson(QJsonDocument::Indented);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
        return makeError(path + ": " + f.errorString().toStdString());
    return {};
}

std::vector<std::string> RunManifest::openablePaths() const
{
    std::vector<std::string> out;
    for (const auto &f : files) {
        if (f.open)
            out.push_back(f.path);
    }
    return out;
}

} // namespace perfwb::store
