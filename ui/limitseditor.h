// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <QWidget>

#include <map>

class QDoubleSpinBox;
class QLabel;
class QPushButton;

namespace perfwb::budgets {
class BudgetManager;
struct Outcome;
} // namespace perfwb::budgets

namespace perfwb::ui {

// Every budget limit with its unit and range. Apply sends the changed keys through
// BudgetManager::applyLimits, the code path of POST /budgets/apply, so the editor
// refuses exactly what the API refuses; Revert shows the limits in force again; Reset
// restores the defaults. The fields follow limits changed elsewhere (the API) unless
// the user is editing them.
class LimitsEditor : public QWidget {
    Q_OBJECT
public:
    explicit LimitsEditor(budgets::BudgetManager &budgets, QWidget *parent = nullptr);

    // Re-reads the limits in force; keeps the user's unapplied edits.
    void refresh();
    bool isEdited() const;
    bool apply();
    void revert();
    bool resetToDefaults();
    QString errorText() const;
    QDoubleSpinBox *field(const QString &key) const; // objectName "limit-<key>", for tests

Q_SIGNALS:
    void applied();

private:
    void showLimits();
    void updateButtons();
    void showError(const QString &message);
    bool finish(const budgets::Outcome &outcome); // shows a refusal, or the new limits

    budgets::BudgetManager &budgets_;
    std::map<QString, QDoubleSpinBox *> fields_;
    std::map<QString, double> shown_; // what the fields showed when last filled from the manager
    QLabel *error_ = nullptr;
    QPushButton *apply_ = nullptr;
    QPushButton *revert_ = nullptr;
};

} // namespace perfwb::ui
