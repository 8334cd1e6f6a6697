// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "settings/presetstore.h"

#include <QAbstractListModel>
#include <QStringList>

#include <vector>

namespace perfwb::ui {

// The FIL_PERF presets one PresetStore holds: saved files and the built-ins no file
// replaces, by name. reload() reads the directory again (after a save, rename or
// delete, or a `perfwb preset` run elsewhere); damaged files are listed in problems().
class PresetListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        DescriptionRole,
        BuiltInRole, // true for a built-in no saved file replaces
        PathRole,    // the file of a saved preset; empty for a built-in
    };

    explicit PresetListModel(settings::PresetStore store, QObject *parent = nullptr);

    void reload();
    const settings::PresetStore &store() const { return store_; }
    // "file: what is wrong" for every preset file that does not load.
    const QStringList &problems() const { return problems_; }
    // -1 when no preset has that name.
    int rowOf(const QString &name) const;
    const settings::Preset &preset(int row) const { return presets_[std::size_t(row)]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    settings::PresetStore store_;
    std::vector<settings::Preset> presets_;
    QStringList problems_;
};

} // namespace perfwb::ui
