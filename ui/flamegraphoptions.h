// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "flamegraphwidget.h"

#include <QList>
#include <QObject>

class QAction;
class QActionGroup;

namespace perfwb::ui {

class FlameGraphView;

// The window-wide flame graph options: orientation and colouring (View menu) and the
// cost threshold (the flame graph's tool bar). They are kept in QSettings and hold for
// every tab; a flame graph's own controls change them too, so the next report opens
// the way the user last chose.
class FlameGraphOptions : public QObject {
    Q_OBJECT
public:
    explicit FlameGraphOptions(QObject *parent);

    // Checkable actions, found by objectName: "flame", "icicle" and "colour-name", "colour-module".
    QList<QAction *> orientationActions() const;
    QList<QAction *> colouringActions() const;

    // Sets the options on a ReportView's or a CompareView's flame graphs; other widgets are left alone.
    void applyTo(QWidget *tab) const;
    // Takes the options `view` shows (the user changed them there) as the global ones.
    void follow(const FlameGraphView *view);
    void save() const;

Q_SIGNALS:
    // The options changed (menu or follow()) and have been saved; every tab should apply them.
    void changed();

private:
    FlameGraphWidget::Orientation orientation() const;
    FlameGraphWidget::Colouring colouring() const;
    double thresholdPercent() const { return thresholdPercent_; }

    QActionGroup *orientationGroup_;
    QActionGroup *colouringGroup_;
    QAction *flame_;
    QAction *icicle_;
    QAction *byName_;
    QAction *byModule_;
    double thresholdPercent_ = FlameGraphWidget::kDefaultThresholdPercent;
};

} // namespace perfwb::ui
