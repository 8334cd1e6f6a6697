// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "flamegraphwidget.h"

#include <QScrollArea>
#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QToolButton;

namespace perfwb::ui {

struct ReportAnalysis;

// The flamegraph page: the widget plus its controls (search with the matched
// share, breadcrumb with back and reset, cost threshold, orientation and colouring).
// It keeps the root row on screen until the user scrolls away.
class FlameGraphView : public QWidget {
    Q_OBJECT
public:
    explicit FlameGraphView(QWidget *parent = nullptr);
    void setAnalysis(std::shared_ptr<const ReportAnalysis> analysis);

    FlameGraphWidget *flameGraph() const { return graph_; }
    QLineEdit *searchBox() const { return search_; }
    QString matchedText() const;
    QString breadcrumb() const;
    void setOrientation(FlameGraphWidget::Orientation orientation);
    void setColouring(FlameGraphWidget::Colouring colouring);
    FlameGraphWidget::Orientation orientation() const { return orientation_; }
    FlameGraphWidget::Colouring colouring() const { return colouring_; }
    // Frames below this share of the total (percent) are merged into their caller.
    void setThresholdPercent(double percent);
    double thresholdPercent() const;
    // Zooms to the top-down node of this function with the largest total.
    void showFunction(quint32 function);
    void focusSearch();

Q_SIGNALS:
    void nodeActivated(quint32 function);
    void viewOptionsChanged();

private:
    void applySearch();
    void updateBreadcrumb();

    void setUpThresholdBox();
    void followRoot();
    void stickToRoot();
    void scrollToRoot();
    int rootScrollValue() const;

    FlameGraphWidget *graph_;
    QScrollArea *scroll_ = nullptr;
    QLineEdit *search_;
    QLabel *matched_;
    QLabel *crumbs_;
    QToolButton *back_;
    QToolButton *reset_;
    QComboBox *orientationBox_;
    QComboBox *colouringBox_;
    QDoubleSpinBox *threshold_;
    std::shared_ptr<const ReportAnalysis> analysis_;
    FlameGraphWidget::Orientation orientation_ = FlameGraphWidget::Orientation::Flame;
    FlameGraphWidget::Colouring colouring_ = FlameGraphWidget::Colouring::ByName;
    // Follow the root row while the scroll range changes (first show, resizes, a new
    // tree), until the user scrolls elsewhere.
    bool stuckToRoot_ = true;
    bool scrolling_ = false; // our own scroll, not the user's
};

} // namespace perfwb::ui
