// SPDX-License-Identifier: GPL-3.0-or-later
#include "comparesummaryview.h"
#include "enginetext.h"
#include "qstrings.h"

#include "formats/difftext.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace perfwb::ui {

namespace {
QDoubleSpinBox *percentBox(QWidget *parent, double max, const QString &tip)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setRange(0, max);
    box->setDecimals(1);
    box->setSingleStep(1);
    box->setSuffix(QStringLiteral(" %"));
    box->setToolTip(tip);
    box->setKeyboardTracking(false); // one new verdict per edit, not per keystroke
    return box;
}
} // namespace

CompareSummaryView::CompareSummaryView(QWidget *parent)
    : QWidget(parent)
    , runs_(new QLabel(this))
    , verdict_(new QLabel(this))
    , detail_(new QLabel(this))
    , warn_(percentBox(this, 1000, tr("Warn when the total time or a function grows by more than this")))
    , fail_(percentBox(this, 1000, tr("Fail when the total time or a function grows by more than this")))
    , minShare_(percentBox(this, 100, tr("Functions below this self share in both runs never move the verdict")))
    , metrics_(new QTableWidget(0, 4, this))
{
    runs_->setTextFormat(Qt::PlainText);
    runs_->setWordWrap(true);
    QFont big = verdict_->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    verdict_->setFont(big);
    detail_->setWordWrap(true);
    detail_->setTextFormat(Qt::PlainText);
    setThresholds({});

    auto *form = new QFormLayout;
    form->addRow(tr("Warn above"), warn_);
    form->addRow(tr("Fail above"), fail_);
    form->addRow(tr("Minimum share"), minShare_);
    metrics_->setHorizontalHeaderLabels({tr("Metric"), tr("Before"), tr("After"), tr("Change")});
    metrics_->verticalHeader()->hide();
    metrics_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    metrics_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);

    auto *top = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    left->addWidget(runs_);
    left->addWidget(verdict_);
    left->addWidget(detail_);
    left->addStretch(1);
    top->addLayout(left, 1);
    top->addLayout(form);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(metrics_, 1);

    for (auto *box : {warn_, fail_, minShare_})
        connect(box, &QDoubleSpinBox::valueChanged, this, [this] { Q_EMIT thresholdsEdited(thresholds()); });
}

void CompareSummaryView::setThresholds(const analysis::DiffThresholds &t)
{
    const QSignalBlocker a(warn_), b(fail_), c(minShare_);
    warn_->setValue(t.warnAbovePct);
    fail_->setValue(t.failAbovePct);
    minShare_->setValue(t.minSharePct);
}

analysis::DiffThresholds CompareSummaryView::thresholds() const
{
    analysis::DiffThresholds t;
    t.warnAbovePct = warn_->value();
    t.failAbovePct = fail_->value();
    t.minSharePct = minShare_->value();
    return t;
}

void CompareSummaryView::setDiff(const std::shared_ptr<const analysis::ProfileDiff> &diff, const QString &baseName,
                                 const QString &nextName)
{
    runs_->setText(tr("Base: %1\nNew: %2").arg(baseName, nextName));
    metrics_->setRowCount(0);
    if (!diff) {
        verdict_->setText(tr("Comparing…"));
        detail_->clear();
        return;
    }
    const auto v = diff->verdict();
    static const char *const kColours[] = {"#1a7f37", "#9a6700", "#cf222e"}; // pass, warn, fail
    verdict_->setText(QStringLiteral("<span style='color:%1'>%2</span>")
                          .arg(QLatin1String(kColours[static_cast<int>(v)]),
                               EngineText::translate(analysis::diffVerdictName(v)).toUpper()));
    const auto &total = diff->totalTime();
    QString why =
        tr("%1: %2 → %3 (%4)")
            .arg(EngineText::translate(total.name), qs(formats::DiffText::formatValue(total.before, total.unit)),
                 qs(formats::DiffText::formatValue(total.after, total.unit)),
                 EngineText::translate(formats::DiffText::formatRelative(total.relativePct())));
    int regressed = 0;
    for (const auto &fn : diff->functions())
        regressed += fn.verdict != analysis::DiffVerdict::Pass ? 1 : 0;
    why += QLatin1Char('\n') + tr("%n function(s) beyond the thresholds", nullptr, regressed);
    why += QLatin1Char('\n') + tr("functions compared by %1").arg(EngineText::translate(diff->modeLabel()));
    detail_->setText(why);
    for (const auto &m : diff->metrics()) {
        if (!m.knownBefore && !m.knownAfter)
            continue;
        const int row = metrics_->rowCount();
        metrics_->insertRow(row);
        const QString na = tr("n/a");
        const QStringList cells{
            EngineText::translate(m.name), m.knownBefore ? qs(formats::DiffText::formatValue(m.before, m.unit)) : na,
            m.knownAfter ? qs(formats::DiffText::formatValue(m.after, m.unit)) : na,
            m.known() ? EngineText::translate(formats::DiffText::formatRelative(m.relativePct())) : na};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            if (c > 0)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            metrics_->setItem(row, c, item);
        }
    }
}

QString CompareSummaryView::verdictText() const
{
    return verdict_->text();
}

QString CompareSummaryView::detailText() const
{
    return detail_->text();
}

QStringList CompareSummaryView::metricRow(const QString &name) const
{
    for (int r = 0; r < metrics_->rowCount(); ++r) {
        if (metrics_->item(r, 0)->text() != name)
            continue;
        return {metrics_->item(r, 1)->text(), metrics_->item(r, 2)->text(), metrics_->item(r, 3)->text()};
    }
    return {};
}

} // namespace perfwb::ui
