// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <QWidget>

class QChartView;
class QComboBox;
class QLabel;
class QPieSeries;
class QSortFilterProxyModel;
class QTableView;

namespace perfwb::budgets {
class PerfProfiler;
}

namespace perfwb::ui {

class OffenderTableModel;

// The profiler dashboard: top offenders by time or by memory (a sortable table of every
// mark and span name), the categories' share of span time as a pie, totals and Reset.
// Fed from the in-process profiler; refresh() is called when its hook fires.
class DashboardView : public QWidget {
    Q_OBJECT
public:
    explicit DashboardView(budgets::PerfProfiler &profiler, QWidget *parent = nullptr);

    void refresh();
    void reset(); // clears the profiler's aggregates (POST /profiler/reset)
    OffenderTableModel *model() const { return model_; }
    QSortFilterProxyModel *sortedModel() const { return sorted_; }
    QPieSeries *categorySeries() const { return pie_; }
    QString totalsText() const;

private:
    void sortBy(int mode);
    void fillPie();

    budgets::PerfProfiler &profiler_;
    OffenderTableModel *model_;
    QSortFilterProxyModel *sorted_;
    QTableView *table_;
    QComboBox *order_;
    QLabel *totals_;
    QChartView *chart_;
    QPieSeries *pie_;
};

} // namespace perfwb::ui
