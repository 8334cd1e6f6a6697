// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportstatus.h"

#include <QDesktopServices>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QStatusBar>
#include <QToolButton>

namespace perfwb::ui {

namespace {
constexpr int kShownMs = 60000;
constexpr int kPathWidthPx = 600; // a long path is elided in the middle; the tooltip has it whole
} // namespace

ExportStatus::ExportStatus(QStatusBar *bar)
    : QWidget(bar)
    , bar_(bar)
    , label_(new QLabel(this))
    , open_(new QToolButton(this))
    , folder_(new QToolButton(this))
    , opener_([](const QUrl &url) { return QDesktopServices::openUrl(url); })
{
    setObjectName(QStringLiteral("export-status"));
    open_->setText(tr("Open"));
    open_->setToolTip(tr("Open the exported file in its application"));
    open_->setAutoRaise(true);
    folder_->setText(tr("Show Folder"));
    folder_->setToolTip(tr("Open the folder holding the exported file"));
    folder_->setAutoRaise(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label_);
    layout->addWidget(open_);
    layout->addWidget(folder_);
    connect(open_, &QToolButton::clicked, this, [this] { open(fileUrl()); });
    connect(folder_, &QToolButton::clicked, this, [this] { open(folderUrl()); });
    expiry_.setSingleShot(true);
    connect(&expiry_, &QTimer::timeout, this, &QWidget::hide);
    bar->addWidget(this);
    hide();
}

void ExportStatus::showExport(const QString &absolutePath)
{
    path_ = absolutePath;
    const QString elided = label_->fontMetrics().elidedText(path_, Qt::ElideMiddle, kPathWidthPx);
    label_->setText(tr("Exported to %1").arg(elided));
    label_->setToolTip(path_);
    bar_->clearMessage(); // a temporary message would hide this widget
    show();
    expiry_.start(kShownMs);
}

QString ExportStatus::text() const
{
    return tr("Exported to %1").arg(path_);
}

QUrl ExportStatus::folderUrl() const
{
    return QUrl::fromLocalFile(QFileInfo(path_).absolutePath());
}

void ExportStatus::open(const QUrl &url)
{
    if (!opener_(url))
        bar_->showMessage(tr("Nothing could open %1").arg(url.toLocalFile()), 10000);
}

} // namespace perfwb::ui
