// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "analysis/profilediff.h"

#include <QWidget>

#include <memory>

class QDoubleSpinBox;
class QLabel;
class QTableWidget;

namespace perfwb::ui {

// The Summary tab of a comparison: the verdict, the thresholds it was judged by
// (editable: a change asks for a new verdict), and the run metrics before and after
// (wall time, CPU time, samples, peak RSS, allocations... whichever both runs carry).
class CompareSummaryView : public QWidget {
    Q_OBJECT
public:
    explicit CompareSummaryView(QWidget *parent = nullptr);
    void setDiff(const std::shared_ptr<const analysis::ProfileDiff> &diff, const QString &baseName,
                 const QString &nextName);
    void setThresholds(const analysis::DiffThresholds &thresholds);
    analysis::DiffThresholds thresholds() const;

    QString verdictText() const;
    // Why: the total-time change, the functions beyond the thresholds, the mode compared.
    QString detailText() const;
    QTableWidget *metrics() const { return metrics_; }
    // The row of a metric by its name ("wall time", ...), for tests: {before, after, change}.
    QStringList metricRow(const QString &name) const;
    QDoubleSpinBox *warnBox() const { return warn_; }
    QDoubleSpinBox *failBox() const { return fail_; }
    QDoubleSpinBox *minShareBox() const { return minShare_; }

Q_SIGNALS:
    void thresholdsEdited(const perfwb::analysis::DiffThresholds &thresholds);

private:
    QLabel *runs_;
    QLabel *verdict_;
    QLabel *detail_;
    QDoubleSpinBox *warn_;
    QDoubleSpinBox *fail_;
    QDoubleSpinBox *minShare_;
    QTableWidget *metrics_;
};

} // namespace perfwb::ui
