// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "settings/performancesettings.h"

#include "core/result.h"

#include <QWidget>

#include <vector>

class QCheckBox;
class QComboBox;
class QLineEdit;

namespace perfwb::ui {

// One field per FIL_PERF_* setting, generated from SettingSpec::all() so a new setting
// appears without touching the GUI: a group per tool (Shared, py-spy, Scalene, Memray,
// cProfile); Bool -> check box, Choice -> combo box with a "default" entry, numbers
// and text -> line edit showing the default as placeholder. Each field's objectName
// is its variable (FIL_PERF_SPY_RATE) and its tooltip the setting's help.
class PresetForm : public QWidget {
    Q_OBJECT
public:
    explicit PresetForm(QWidget *parent = nullptr);

    // The fields that say something (a ticked box, a chosen entry, non-empty text),
    // by setting name without the prefix, as typed.
    settings::PerformanceSettings::Values values() const;
    // Clears every field, then shows `values` (unknown names are ignored).
    void setValues(const settings::PerformanceSettings::Values &values);
    // values() checked and made canonical with SettingSpec::normalize; the first bad
    // one is an error naming its variable.
    Result<settings::PerformanceSettings::Values> validated() const;
    // The field of a variable (with or without the prefix), or nullptr.
    QWidget *field(const QString &variable) const;

Q_SIGNALS:
    // A field was changed by the user (not by setValues()).
    void edited();

private:
    struct Field {
        const settings::SettingSpec *spec = nullptr;
        QCheckBox *check = nullptr;
        QComboBox *combo = nullptr;
        QLineEdit *edit = nullptr;
    };
    QWidget *makeField(const settings::SettingSpec &spec);
    QString fieldText(const Field &f) const;

    std::vector<Field> fields_;
    bool loading_ = false; // setValues() is not an edit
};

} // namespace perfwb::ui
