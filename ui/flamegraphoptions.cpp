// SPDX-License-Identifier: GPL-3.0-or-later
#include "flamegraphoptions.h"

#include "compareview.h"
#include "diffflamegraphwidget.h"
#include "flamegraphview.h"
#include "reportview.h"

#include <QAction>
#include <QActionGroup>
#include <QSettings>
#include <QSignalBlocker>

namespace perfwb::ui {

FlameGraphOptions::FlameGraphOptions(QObject *parent)
    : QObject(parent)
    , orientationGroup_(new QActionGroup(this))
    , colouringGroup_(new QActionGroup(this))
{
    const auto option = [this](QActionGroup *group, const QString &name, const QString &text) {
        auto *a = new QAction(text, group);
        a->setObjectName(name);
        a->setCheckable(true);
        connect(a, &QAction::triggered, this, [this] {
            save();
            Q_EMIT changed();
        });
        return a;
    };
    flame_ = option(orientationGroup_, QStringLiteral("flame"), tr("&Flame (Root at the Bottom)"));
    icicle_ = option(orientationGroup_, QStringLiteral("icicle"), tr("&Icicle (Root at the Top)"));
    byName_ = option(colouringGroup_, QStringLiteral("colour-name"), tr("Colour by &Name"));
    byModule_ = option(colouringGroup_, QStringLiteral("colour-module"), tr("Colour by &Module"));
    QSettings settings;
    (settings.value(QStringLiteral("view/orientation")).toString() == QLatin1String("icicle") ? icicle_ : flame_)
        ->setChecked(true);
    (settings.value(QStringLiteral("view/colouring")).toString() == QLatin1String("module") ? byModule_ : byName_)
        ->setChecked(true);
    thresholdPercent_ =
        settings.value(QStringLiteral("view/threshold"), FlameGraphWidget::kDefaultThresholdPercent).toDouble();
}

QList<QAction *> FlameGraphOptions::orientationActions() const
{
    return orientationGroup_->actions();
}

QList<QAction *> FlameGraphOptions::colouringActions() const
{
    return colouringGroup_->actions();
}

FlameGraphWidget::Orientation FlameGraphOptions::orientation() const
{
    return icicle_->isChecked() ? FlameGraphWidget::Orientation::Icicle : FlameGraphWidget::Orientation::Flame;
}

FlameGraphWidget::Colouring FlameGraphOptions::colouring() const
{
    return byModule_->isChecked() ? FlameGraphWidget::Colouring::ByModule : FlameGraphWidget::Colouring::ByName;
}

void FlameGraphOptions::applyTo(QWidget *tab) const
{
    auto *comparison = qobject_cast<CompareView *>(tab);
    auto *view = qobject_cast<ReportView *>(tab);
    if (!comparison && !view)
        return;
    if (comparison) {
        comparison->setOrientation(orientation());
        comparison->setColouring(colouring());
    }
    // Blocked: the views report option changes as the user's, which would come back here.
    if (view) {
        // The CPU flame graph and the Allocations page's.
        for (auto *graph : view->findChildren<FlameGraphView *>()) {
            const QSignalBlocker block(graph);
            graph->setOrientation(orientation());
            graph->setColouring(colouring());
        }
    }
    // The threshold holds for every flame graph of the tab (a comparison has three).
    for (auto *graph : tab->findChildren<FlameGraphView *>()) {
        const QSignalBlocker block(graph);
        graph->setThresholdPercent(thresholdPercent_);
    }
    for (auto *diff : tab->findChildren<DiffFlameGraphWidget *>())
        diff->setThresholdPercent(thresholdPercent_);
}

void FlameGraphOptions::follow(const FlameGraphView *view)
{
    (view->orientation() == FlameGraphWidget::Orientation::Flame ? flame_ : icicle_)->setChecked(true);
    (view->colouring() == FlameGraphWidget::Colouring::ByName ? byName_ : byModule_)->setChecked(true);
    thresholdPercent_ = view->thresholdPercent();
    save();
    Q_EMIT changed();
}

void FlameGraphOptions::save() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("view/orientation"),
                      icicle_->isChecked() ? QStringLiteral("icicle") : QStringLiteral("flame"));
    settings.setValue(QStringLiteral("view/colouring"),
                      byModule_->isChecked() ? QStringLiteral("module") : QStringLiteral("name"));
    settings.setValue(QStringLiteral("view/threshold"), thresholdPercent_);
}

} // namespace perfwb::ui
