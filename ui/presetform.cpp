// SPDX-License-Identifier: GPL-3.0-or-later
#include "presetform.h"
#include "qstrings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QVBoxLayout>

namespace perfwb::ui {

namespace {

using settings::SettingSpec;

// The enable switches belong with the shared settings: they decide which tool runs,
// the per-tool groups say how.
int groupOf(const SettingSpec &spec)
{
    if (!spec.tool || spec.name.substr(0, 7) == "ENABLE_")
        return 0;
    return 1 + int(*spec.tool);
}

QString groupTitle(int group)
{
    switch (group) {
    case 0:
        return PresetForm::tr("Shared");
    case 1:
        return PresetForm::tr("py-spy");
    case 2:
        return PresetForm::tr("Scalene");
    case 3:
        return PresetForm::tr("Memray");
    default:
        return PresetForm::tr("cProfile");
    }
}

QString placeholder(const SettingSpec &spec)
{
    if (!spec.defaultValue.empty())
        return qs(spec.defaultValue);
    if (spec.name == "RUN_LABEL")
        return PresetForm::tr("the command's base name");
    return PresetForm::tr("the tool's default");
}

QString tooltip(const SettingSpec &spec)
{
    QString tip = qs(spec.help);
    if (!spec.toolFlag.empty())
        tip += PresetForm::tr(" (%1)").arg(qs(spec.toolFlag));
    return tip + QLatin1Char('\n') + PresetForm::tr("%1: %2").arg(qs(spec.variable()), qs(spec.accepts()));
}

} // namespace

PresetForm::PresetForm(QWidget *parent)
    : QWidget(parent)
{
    // Two columns keep every field in view at the editor's usual size: Shared and
    // py-spy on the left, Scalene, Memray and cProfile on the right.
    QFormLayout *forms[5] = {};
    auto *columns = new QHBoxLayout(this);
    columns->setContentsMargins(0, 0, 0, 0);
    QVBoxLayout *column = nullptr;
    for (int g = 0; g < 5; ++g) {
        if (g == 0 || g == 2) {
            column = new QVBoxLayout;
            columns->addLayout(column, 1);
        }
        auto *box = new QGroupBox(groupTitle(g));
        forms[g] = new QFormLayout(box);
        forms[g]->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        column->addWidget(box);
        if (g == 1 || g == 4)
            column->addStretch(1);
    }
    for (const auto &spec : SettingSpec::all()) {
        // The label drops the common prefix; the full variable is in the tooltip.
        forms[groupOf(spec)]->addRow(qs(spec.name), makeField(spec));
    }
}

QWidget *PresetForm::makeField(const SettingSpec &spec)
{
    Field f;
    f.spec = &spec;
    QWidget *widget = nullptr;
    const auto changed = [this] {
        if (!loading_)
            Q_EMIT edited();
    };
    switch (spec.type) {
    case SettingSpec::Type::Bool:
        f.check = new QCheckBox;
        connect(f.check, &QCheckBox::toggled, this, changed);
        widget = f.check;
        break;
    case SettingSpec::Type::Choice:
        f.combo = new QComboBox;
        f.combo->addItem(tr("default (%1)").arg(qs(spec.defaultValue)), QString());
        for (const QString &choice : qs(spec.choices).split(QLatin1Char('|')))
            f.combo->addItem(choice, choice);
        connect(f.combo, &QComboBox::currentIndexChanged, this, changed);
        widget = f.combo;
        break;
    default:
        f.edit = new QLineEdit;
        f.edit->setPlaceholderText(placeholder(spec));
        connect(f.edit, &QLineEdit::textChanged, this, changed);
        widget = f.edit;
        break;
    }
    widget->setObjectName(qs(spec.variable()));
    widget->setToolTip(tooltip(spec));
    fields_.push_back(f);
    return widget;
}

QString PresetForm::fieldText(const Field &f) const
{
    if (f.check)
        return f.check->isChecked() ? QStringLiteral("true") : QString();
    if (f.combo)
        return f.combo->currentData().toString();
    return f.edit->text().trimmed();
}

settings::PerformanceSettings::Values PresetForm::values() const
{
    settings::PerformanceSettings::Values out;
    for (const auto &f : fields_) {
        const QString text = fieldText(f);
        if (!text.isEmpty())
            out[std::string(f.spec->name)] = text.toStdString();
    }
    return out;
}

void PresetForm::setValues(const settings::PerformanceSettings::Values &values)
{
    loading_ = true;
    for (const auto &f : fields_) {
        const auto it = values.find(f.spec->name);
        const QString text = it == values.end() ? QString() : QString::fromStdString(it->second);
        if (f.check) {
            f.check->setChecked(text == QLatin1String("true"));
        } else if (f.combo) {
            const int row = f.combo->findData(text);
            f.combo->setCurrentIndex(row < 0 ? 0 : row);
        } else {
            f.edit->setText(text);
        }
    }
    loading_ = false;
}

Result<settings::PerformanceSettings::Values> PresetForm::validated() const
{
    settings::PerformanceSettings::Values out;
    for (const auto &[name, text] : values()) {
        const SettingSpec *spec = SettingSpec::find(name);
        auto canonical = spec->normalize(text);
        if (!canonical)
            return makeError(canonical.message());
        out[name] = canonical.value();
    }
    return out;
}

QWidget *PresetForm::field(const QString &variable) const
{
    const SettingSpec *spec = SettingSpec::find(variable.toStdString());
    for (const auto &f : fields_) {
        if (f.spec == spec)
            return f.check   ? static_cast<QWidget *>(f.check)
                   : f.combo ? static_cast<QWidget *>(f.combo)
                             : static_cast<QWidget *>(f.edit);
    }
    return nullptr;
}

} // namespace perfwb::ui
