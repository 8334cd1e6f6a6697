// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobtablemodel.h"

#include "gaugewidget.h"

#include <QColor>

namespace perfwb::ui {

JobTableModel::JobTableModel(QObject *parent)
    : SnapshotTableModel(
          {tr("Job"), tr("Type"), tr("State"), tr("Reason"), tr("CPU %"), tr("RAM MB"), tr("VRAM MB"), tr("Age")},
          parent)
{}

void JobTableModel::setJobs(std::vector<budgets::Job> jobs, qint64 nowMs)
{
    replace([&] {
        jobs_ = std::move(jobs);
        nowMs_ = nowMs;
    });
}

namespace {
QVariant hint(const std::optional<double> &v, int role)
{
    if (!v)
        return role == Qt::DisplayRole ? QVariant(QStringLiteral("–")) : QVariant(0.0);
    return role == Qt::DisplayRole ? QVariant(QString::number(*v, 'f', 0)) : QVariant(*v);
}
} // namespace

QVariant JobTableModel::cell(int row, int column, int role) const
{
    const budgets::Job &job = jobs_[static_cast<std::size_t>(row)];
    if (role == KeyRole)
        return QString::fromStdString(job.id);
    if (role == Qt::TextAlignmentRole)
        return column >= CpuHint ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    if (role == Qt::ForegroundRole && column == State && job.state == budgets::Job::State::Delayed)
        return GaugeWidget::colorOf(GaugeWidget::Level::Warning).darker(130);
    if (role == Qt::ToolTipRole && column == Reason)
        return QString::fromStdString(job.reason);
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    switch (column) {
    case Id:
        return QString::fromStdString(job.id);
    case Type:
        return QString::fromStdString(job.type);
    case State:
        return role == SortRole ? QVariant(static_cast<int>(job.state))
                                : QVariant(QString::fromLatin1(budgets::Job::stateName(job.state)));
    case Reason:
        return QString::fromStdString(job.reason);
    case CpuHint:
        return hint(job.hints.cpuPercent, role);
    case RamHint:
        return hint(job.hints.ramMb, role);
    case VramHint:
        return hint(job.hints.vramMb, role);
    case Age: {
        // Running: since it started; queued or delayed: since it was registered.
        const qint64 since = job.state == budgets::Job::State::Running ? job.startedUnixMs : job.registeredUnixMs;
        const double s = std::max<qint64>(0, nowMs_ - since) / 1000.0;
        return role == SortRole ? QVariant(s) : QVariant(tr("%1 s").arg(s, 0, 'f', 1));
    }
    default:
        return {};
    }
}

} // namespace perfwb::ui
