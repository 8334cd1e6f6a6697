// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportstatusfields.h"

#include "reportdocument.h"
#include "reportview.h"

#include <QLabel>
#include <QLocale>
#include <QStatusBar>

#include <algorithm>

namespace perfwb::ui {

ReportStatusFields::ReportStatusFields(QStatusBar *bar)
    : QObject(bar)
    , samples_(new QLabel(bar))
    , lost_(new QLabel(bar))
    , duration_(new QLabel(bar))
    , threads_(new QLabel(bar))
    , selection_(new QLabel(bar))
{
    for (auto *label : {samples_, lost_, duration_, threads_, selection_})
        bar->addPermanentWidget(label);
}

QString ReportStatusFields::text() const
{
    QStringList parts;
    for (auto *label : {samples_, lost_, duration_, threads_, selection_})
        if (!label->text().isEmpty())
            parts << label->text();
    return parts.join(QStringLiteral(" | "));
}

void ReportStatusFields::show(const ReportView *view)
{
    const auto profile = view ? view->document()->profile() : nullptr;
    for (auto *label : {samples_, lost_, duration_, threads_, selection_})
        label->setVisible(profile != nullptr);
    if (!profile)
        return;
    const QLocale locale;
    samples_->setText(tr("%1 samples").arg(locale.toString(static_cast<qulonglong>(profile->sampleCount()))));
    lost_->setText(tr("%1 lost").arg(locale.toString(static_cast<qulonglong>(profile->meta.lostSamples))));
    duration_->setText(tr("%1 s").arg(static_cast<double>(profile->durationOrSampleSpanNs()) / 1e9, 0, 'f', 2));
    threads_->setText(tr("%n thread(s)", nullptr, static_cast<int>(profile->threads().size())));
    const QString selection = view->selectionText();
    selection_->setText(selection.isEmpty() ? tr("no selection") : tr("selection: %1").arg(selection));
}

} // namespace perfwb::ui
