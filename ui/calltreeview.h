// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <QWidget>

#include <memory>

class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace perfwb::ui {

class CallTreeModel;
struct ReportAnalysis;

// A top-down or bottom-up tree page: a sortable tree behind a recursive filter
// (a match keeps its ancestors visible), a filter box and a context menu.
class CallTreeView : public QWidget {
    Q_OBJECT
public:
    enum class Kind { TopDown, BottomUp };
    explicit CallTreeView(Kind kind, QWidget *parent = nullptr);
    void setAnalysis(const std::shared_ptr<const ReportAnalysis> &analysis);

    CallTreeModel *model() const { return model_; }
    QSortFilterProxyModel *proxy() const { return proxy_; }
    QTreeView *treeView() const { return tree_; }
    QLineEdit *filterBox() const { return filter_; }
    // Selects the heaviest row of this function (expanding its ancestors).
    void selectFunction(quint32 function);
    // Tab-separated text of the selected rows (what "Copy" puts on the clipboard).
    QString selectionText() const;

Q_SIGNALS:
    void showInFlameGraph(quint32 function);
    void showCallerCallee(quint32 function);

private:
    void showContextMenu(const QPoint &pos);
    void expandHotPath();

    Kind kind_;
    CallTreeModel *model_;
    QSortFilterProxyModel *proxy_;
    QTreeView *tree_;
    QLineEdit *filter_;
};

} // namespace perfwb::ui
