// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "exportcontroller.h"

#include <QObject>

#include <functional>

class QMenu;
class QWidget;

namespace perfwb::ui {

// File → Export: one entry per format, titled by what the user gets ("Flame graph (SVG)"),
// each writing the current tab into the output directory, and Export As…, which
// proposes the quick export's file name in the last export directory and the last
// format used. Entries are named "export-<format>" and "export-as".
class ExportMenu : public QObject {
    Q_OBJECT
public:
    // What Export As… starts with.
    struct Proposal {
        QString path;   // absolute; the quick export's name, numbered when taken
        QString format; // the last format used, when the current tab exports to it
    };

    // `current` says what the window's current tab exports.
    ExportMenu(QMenu *menu, ExportController *exports, std::function<ExportSource()> current, QWidget *window);

    // Enables and titles the entries for the current tab: a comparison writes its own
    // HTML report and differential flame graph, and none of the per-run formats.
    void update();
    Proposal proposal() const;
    // Exports the current tab (to the output directory when `path` is empty) and
    // remembers the format for Export As….
    void exportTo(const QString &format, const QString &path = {});

private:
    void exportAsDialog();
    QString exportDirectory() const;

    QMenu *menu_;
    ExportController *exports_;
    std::function<ExportSource()> current_;
    QWidget *window_;
};

} // namespace perfwb::ui
