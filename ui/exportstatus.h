// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <QTimer>
#include <QUrl>
#include <QWidget>

#include <functional>

class QLabel;
class QStatusBar;
class QToolButton;

namespace perfwb::ui {

// After an export, at the left of the status bar: "Exported to /abs/file.svg" with
// Open (the file in its application) and Show Folder (the folder in the file manager),
// until the next export or a minute later.
class ExportStatus : public QWidget {
    Q_OBJECT
public:
    using Opener = std::function<bool(const QUrl &)>;

    explicit ExportStatus(QStatusBar *bar);

    void showExport(const QString &absolutePath);
    QString text() const; // "Exported to <path>", unelided
    QUrl fileUrl() const { return QUrl::fromLocalFile(path_); }
    QUrl folderUrl() const;
    QToolButton *openButton() const { return open_; }
    QToolButton *folderButton() const { return folder_; }
    // QDesktopServices::openUrl unless replaced (tests open nothing).
    void setOpener(Opener opener) { opener_ = std::move(opener); }

private:
    void open(const QUrl &url);

    QStatusBar *bar_;
    QLabel *label_;
    QToolButton *open_;
    QToolButton *folder_;
    QTimer expiry_;
    QString path_;
    Opener opener_;
};

} // namespace perfwb::ui
