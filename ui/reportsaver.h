// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <QObject>

class QWidget;

namespace perfwb::ui {

class ReportDocument;

// Saves a tab's profile as a .perfwb report: off the GUI thread for Save As…, and at
// once when a tab with an unsaved recording closes (the window may be going away).
class ReportSaver : public QObject {
    Q_OBJECT
public:
    explicit ReportSaver(QWidget *window); // its dialogs and jobs belong to `window`

    // Asks for a file name, suggested from the document, then saves as saveAs() does.
    void saveAsDialog(ReportDocument *document);
    // Saves in the background, without Cancel; saved (the document is then clean at
    // `path`) or failed follows.
    void saveAs(ReportDocument *document, const QString &path);
    // For an unsaved document asks Save / Discard / Cancel and saves before returning.
    // False when the document must stay open: Cancel, no file chosen, or saving failed.
    bool maybeSave(ReportDocument *document);

Q_SIGNALS:
    void saved(const QString &path);
    void failed(const QString &message);

private:
    QWidget *window_;
};

} // namespace perfwb::ui
