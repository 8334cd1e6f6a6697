// SPDX-License-Identifier: GPL-3.0-or-later
#include "presetlistmodel.h"

#include <QFont>

namespace perfwb::ui {

PresetListModel::PresetListModel(settings::PresetStore store, QObject *parent)
    : QAbstractListModel(parent)
    , store_(std::move(store))
{
    reload();
}

void PresetListModel::reload()
{
    std::vector<std::string> problems;
    auto presets = store_.list(&problems);
    beginResetModel();
    presets_ = std::move(presets);
    problems_.clear();
    for (const auto &p : problems)
        problems_ << QString::fromStdString(p);
    endResetModel();
}

int PresetListModel::rowOf(const QString &name) const
{
    const std::string n = name.toStdString();
    for (std::size_t i = 0; i < presets_.size(); ++i) {
        if (presets_[i].name == n)
            return int(i);
    }
    return -1;
}

int PresetListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(presets_.size());
}

QVariant PresetListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const settings::Preset &p = presets_[std::size_t(index.row())];
    const QString name = QString::fromStdString(p.name);
    const QString path = p.builtIn ? QString() : QString::fromStdString(store_.pathFor(p.name));
    switch (role) {
    case Qt::DisplayRole:
        return p.builtIn ? tr("%1 (built in)").arg(name) : name;
    case Qt::ToolTipRole:
        return p.builtIn ? QString::fromStdString(p.description)
                         : tr("%1\n%2").arg(QString::fromStdString(p.description), path);
    case Qt::FontRole: {
        // Built-ins read differently at a glance: they cannot be renamed or deleted.
        QFont font;
        font.setItalic(p.builtIn);
        return font;
    }
    case NameRole:
        return name;
    case DescriptionRole:
        return QString::fromStdString(p.description);
    case BuiltInRole:
        return p.builtIn;
    case PathRole:
        return path;
    default:
        return {};
    }
}

QHash<int, QByteArray> PresetListModel::roleNames() const
{
    auto roles = QAbstractListModel::roleNames();
    roles.insert(NameRole, "name");
    roles.insert(DescriptionRole, "description");
    roles.insert(BuiltInRole, "builtIn");
    roles.insert(PathRole, "path");
    return roles;
}

} // namespace perfwb::ui
