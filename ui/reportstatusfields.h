// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <QObject>

class QLabel;
class QStatusBar;

namespace perfwb::ui {

class ReportView;

// The permanent fields at the right of the status bar: the current report's sample
// and lost-sample counts, duration, threads and selection. Each is its own label,
// as the status bar lays them out and frames them one by one.
class ReportStatusFields : public QObject {
    Q_OBJECT
public:
    explicit ReportStatusFields(QStatusBar *bar);

    // Shows the fields of `view`; hides them for nullptr (no tab, or a comparison)
    // and for a view that has no profile yet.
    void show(const ReportView *view);
    QString text() const; // the visible fields joined by " | "

private:
    QLabel *samples_;
    QLabel *lost_;
    QLabel *duration_;
    QLabel *threads_;
    QLabel *selection_;
};

} // namespace perfwb::ui
