// SPDX-License-Identifier: GPL-3.0-or-later
#include "attachdialog.h"

#include "processlistmodel.h"
#include "recorddialog.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <unistd.h>

namespace perfwb::ui {

AttachDialog::AttachDialog(QWidget *parent)
    : QDialog(parent)
    , model_(new ProcessListModel(this))
    , proxy_(new QSortFilterProxyModel(this))
{
    setWindowTitle(tr("Attach to Process"));
    proxy_->setSourceModel(model_);
    proxy_->setFilterKeyColumn(-1); // any column: name, PID, user or command line
    proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy_->setSortRole(ProcessListModel::SortRole);

    filter_ = new QLineEdit;
    filter_->setPlaceholderText(tr("Filter by name, PID, user or command line"));
    filter_->setClearButtonEnabled(true);
    connect(filter_, &QLineEdit::textChanged, this, [this](const QString &text) {
        proxy_->setFilterFixedString(text);
        updateButtons();
    });

    view_ = new QTableView;
    view_->setModel(proxy_);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setSortingEnabled(true);
    view_->sortByColumn(ProcessListModel::Cpu, Qt::DescendingOrder);
    view_->verticalHeader()->hide();
    view_->horizontalHeader()->setStretchLastSection(true);
    view_->setAlternatingRowColors(true);
    connect(view_, &QTableView::doubleClicked, this, [this] {
        if (buttons_->button(QDialogButtonBox::Ok)->isEnabled())
            accept();
    });

    duration_ = new QDoubleSpinBox;
    duration_->setRange(0, 24 * 3600);
    duration_->setDecimals(1);
    duration_->setSuffix(tr(" s"));
    duration_->setSpecialValueText(tr("until stopped"));
    note_ = new QLabel;
    note_->setWordWrap(true);

    buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("&Attach"));
    connect(buttons_, &QDialogButtonBox::accepted, this, &AttachDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &AttachDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("&Duration:"), duration_);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(filter_);
    layout->addWidget(view_, 1);
    layout->addLayout(form);
    layout->addWidget(note_);
    layout->addWidget(buttons_);

    connect(view_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AttachDialog::updateButtons);
    timer_.setInterval(2000);
    connect(&timer_, &QTimer::timeout, this, &AttachDialog::refresh);
    refresh();
    timer_.start();
    filter_->setFocus();
    resize(720, 480);
}

void AttachDialog::refresh()
{
    model_->refresh();
    view_->resizeColumnToContents(ProcessListModel::Pid);
    updateButtons();
}

pid_t AttachDialog::selectedPid() const
{
    const auto rows = view_->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return 0;
    const QModelIndex source = proxy_->mapToSource(rows.first());
    return source.isValid() ? model_->process(source.row()).pid : 0;
}

bool AttachDialog::selectPid(pid_t pid)
{
    const int row = model_->rowForPid(pid);
    const QModelIndex index = row >= 0 ? proxy_->mapFromSource(model_->index(row, 0)) : QModelIndex();
    if (!index.isValid())
        return false;
    view_->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    view_->scrollTo(index);
    return true;
}

void AttachDialog::setFilterText(const QString &text)
{
    filter_->setText(text);
}

double AttachDialog::durationS() const
{
    return duration_->value();
}

void AttachDialog::setDurationS(double seconds)
{
    duration_->setValue(seconds);
}

record::RecordOptions AttachDialog::options() const
{
    record::RecordOptions o;
    o.attachPid = selectedPid();
    o.durationS = durationS();
    const auto rows = view_->selectionModel()->selectedRows();
    const QString name =
        rows.isEmpty() ? QString() : rows.first().siblingAtColumn(ProcessListModel::Name).data().toString();
    o.label = name.toStdString();
    o.outputPath = RecordDialog::defaultOutputPath(name).toStdString();
    return o;
}

void AttachDialog::updateButtons()
{
    const pid_t pid = selectedPid();
    // Sampling ourselves would stall the very GUI that shows the result.
    const bool self = pid == ::getpid();
    note_->setText(self ? tr("This is perfwb itself: pick another process.") : QString());
    note_->setVisible(self);
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(pid > 0 && !self);
}

} // namespace perfwb::ui
