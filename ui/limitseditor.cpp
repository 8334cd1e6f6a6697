// SPDX-License-Identifier: GPL-3.0-or-later
#include "limitseditor.h"

#include "budgets/budgetlimits.h"
#include "budgets/budgetmanager.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace perfwb::ui {

namespace {
QString labelFor(const char *key)
{
    // The API's key names are what users see in docs and scripts: keep them readable.
    static const std::map<QString, const char *> labels = {
        {QStringLiteral("max_cpu_percent"), QT_TRANSLATE_NOOP("perfwb::ui::LimitsEditor", "Max CPU")},
        {QStringLiteral("max_mem_mb"), QT_TRANSLATE_NOOP("perfwb::ui::LimitsEditor", "Max memory")},
        {QStringLiteral("max_vram_mb"), QT_TRANSLATE_NOOP("perfwb::ui::LimitsEditor", "Max VRAM (0 = not checked)")},
        {QStringLiteral("max_running_jobs"), QT_TRANSLATE_NOOP("perfwb::ui::LimitsEditor", "Max running jobs")},
        {QStringLiteral("max_queue_depth"), QT_TRANSLATE_NOOP("perfwb::ui::LimitsEditor", "Max queue depth")},
        {QStringLiteral("lazy_asset_target_mb"), QT_TRANSLATE_NOOP("perfwb::ui::LimitsEditor", "Lazy assets target")},
        {QStringLiteral("evaluation_interval"), QT_TRANSLATE_NOOP("perfwb::ui::LimitsEditor", "Evaluation interval")},
    };
    const auto it = labels.find(QLatin1String(key));
    return it == labels.end() ? QString::fromLatin1(key) : LimitsEditor::tr(it->second);
}
} // namespace

LimitsEditor::LimitsEditor(budgets::BudgetManager &budgets, QWidget *parent)
    : QWidget(parent)
    , budgets_(budgets)
{
    auto *form = new QGridLayout;
    int row = 0;
    for (const auto &info : budgets::BudgetLimits::keys()) {
        auto *spin = new QDoubleSpinBox(this);
        spin->setObjectName(QStringLiteral("limit-%1").arg(QLatin1String(info.key)));
        spin->setDecimals(info.integer ? 0 : 1);
        spin->setRange(info.min, info.max);
        spin->setSuffix(QLatin1Char(' ') + QString::fromUtf8(info.unit));
        spin->setAccelerated(true);
        connect(spin, &QDoubleSpinBox::valueChanged, this, &LimitsEditor::updateButtons);
        spin->setMinimumWidth(160);
        // The API's name and range beside each field: what a script would POST.
        auto *hint = new QLabel(tr("%1, %2 to %3 %4")
                                    .arg(QLatin1String(info.key), QString::number(info.min, 'g', 12),
                                         QString::number(info.max, 'g', 12), QString::fromUtf8(info.unit)),
                                this);
        hint->setEnabled(false);
        form->addWidget(new QLabel(labelFor(info.key), this), row, 0);
        form->addWidget(spin, row, 1);
        form->addWidget(hint, row, 2);
        ++row;
        fields_[QLatin1String(info.key)] = spin;
    }
    error_ = new QLabel(this);
    error_->setObjectName(QStringLiteral("limits-error"));
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color: #c62828"));
    error_->hide();

    auto *buttons = new QDialogButtonBox(this);
    apply_ = buttons->addButton(QDialogButtonBox::Apply);
    revert_ = buttons->addButton(tr("Revert"), QDialogButtonBox::ResetRole);
    QPushButton *defaults = buttons->addButton(QDialogButtonBox::RestoreDefaults);
    apply_->setObjectName(QStringLiteral("limits-apply"));
    revert_->setObjectName(QStringLiteral("limits-revert"));
    defaults->setObjectName(QStringLiteral("limits-defaults"));
    connect(apply_, &QPushButton::clicked, this, [this] { (void)apply(); });
    connect(revert_, &QPushButton::clicked, this, &LimitsEditor::revert);
    connect(defaults, &QPushButton::clicked, this, [this] { (void)resetToDefaults(); });

    auto *layout = new QVBoxLayout(this);
    form->setColumnStretch(2, 1);
    layout->addLayout(form);
    layout->addWidget(error_);
    layout->addWidget(buttons);
    layout->addStretch();
    showLimits();
}

QDoubleSpinBox *LimitsEditor::field(const QString &key) const
{
    const auto it = fields_.find(key);
    return it == fields_.end() ? nullptr : it->second;
}

void LimitsEditor::showLimits()
{
    const QJsonObject now = budgets_.limits().toJson();
    for (auto &[key, spin] : fields_) {
        const QSignalBlocker block(spin);
        spin->setValue(now.value(key).toDouble());
        shown_[key] = spin->value();
    }
    updateButtons();
}

void LimitsEditor::refresh()
{
    if (!isEdited())
        showLimits();
}

bool LimitsEditor::isEdited() const
{
    for (const auto &[key, spin] : fields_) {
        if (spin->value() != shown_.at(key))
            return true;
    }
    return false;
}

void LimitsEditor::updateButtons()
{
    const bool edited = isEdited();
    apply_->setEnabled(edited);
    revert_->setEnabled(edited);
}

void LimitsEditor::showError(const QString &message)
{
    error_->setText(message);
    error_->setVisible(!message.isEmpty());
}

QString LimitsEditor::errorText() const
{
    return error_->isHidden() ? QString() : error_->text();
}

bool LimitsEditor::apply()
{
    QJsonObject patch;
    for (const auto &[key, spin] : fields_) {
        if (spin->value() != shown_.at(key))
            patch.insert(key, spin->value());
    }
    if (patch.isEmpty())
        return true;
    return finish(budgets_.applyLimits(patch));
}

bool LimitsEditor::finish(const budgets::Outcome &outcome)
{
    if (!outcome.ok()) {
        showError(QString::fromStdString(outcome.message));
        return false;
    }
    showError({});
    showLimits();
    Q_EMIT applied();
    return true;
}

void LimitsEditor::revert()
{
    showError({});
    showLimits();
}

bool LimitsEditor::resetToDefaults()
{
    return finish(budgets_.resetLimits());
}

} // namespace perfwb::ui
