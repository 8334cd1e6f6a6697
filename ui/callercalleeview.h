// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <QWidget>

#include <memory>

class QAbstractItemModel;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace perfwb::ui {

class FunctionListModel;
struct ReportAnalysis;

// Pick a function on the left; its callers and callees appear on the right,
// weighted by the samples in which each edge appears.
class CallerCalleeView : public QWidget {
    Q_OBJECT
public:
    explicit CallerCalleeView(QWidget *parent = nullptr);
    void setAnalysis(std::shared_ptr<const ReportAnalysis> analysis);
    void selectFunction(quint32 function);
    quint32 currentFunction() const { return current_; }

    FunctionListModel *functionsModel() const { return functions_; }
    FunctionListModel *callersModel() const { return callers_; }
    FunctionListModel *calleesModel() const { return callees_; }
    QLineEdit *searchBox() const { return search_; }

Q_SIGNALS:
    void showInFlameGraph(quint32 function);

private:
    void showFunction(quint32 function);
    QTableView *makeTable(QAbstractItemModel *model);

    std::shared_ptr<const ReportAnalysis> analysis_;
    FunctionListModel *functions_;
    FunctionListModel *callers_;
    FunctionListModel *callees_;
    QSortFilterProxyModel *functionsProxy_;
    QTableView *functionTable_;
    QLineEdit *search_;
    QLabel *title_;
    quint32 current_ = ~0U;
};

} // namespace perfwb::ui
