// SPDX-License-Identifier: GPL-3.0-or-later
#include "recentfiles.h"

#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace perfwb::ui {

namespace {
constexpr int kMaxRecent = 10;
const QString kKey = QStringLiteral("recentFiles");
} // namespace

RecentFiles::RecentFiles(QMenu *menu, QObject *parent)
    : QObject(parent)
    , menu_(menu)
{
    rebuild();
}

QStringList RecentFiles::files() const
{
    return QSettings().value(kKey).toStringList();
}

void RecentFiles::add(const QString &path)
{
    auto recent = files();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    QSettings().setValue(kKey, recent);
    rebuild();
}

void RecentFiles::clear()
{
    QSettings().remove(kKey);
    rebuild();
}

void RecentFiles::rebuild()
{
    menu_->clear();
    const auto recent = files();
    for (const auto &path : recent)
        menu_->addAction(QFileInfo(path).fileName(), this, [this, path] { Q_EMIT openRequested(path); })
            ->setToolTip(path);
    if (!recent.isEmpty()) {
        menu_->addSeparator();
        menu_->addAction(tr("Clear List"), this, &RecentFiles::clear);
    }
    menu_->setEnabled(!recent.isEmpty());
}

} // namespace perfwb::ui
