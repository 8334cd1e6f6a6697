// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <QObject>
#include <QStringList>

class QMenu;

namespace perfwb::ui {

// The "Open Recent" list: kept in QSettings, newest first, shown in a menu whose
// entries ask for the file to be opened.
class RecentFiles : public QObject {
    Q_OBJECT
public:
    explicit RecentFiles(QMenu *menu, QObject *parent = nullptr);
    void add(const QString &path);
    QStringList files() const;
    void clear();

Q_SIGNALS:
    void openRequested(const QString &path);

private:
    void rebuild();
    QMenu *menu_;
};

} // namespace perfwb::ui
