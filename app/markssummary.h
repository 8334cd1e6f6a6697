// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <QJsonArray>
#include <QJsonObject>

namespace perfwb::model {
class Profile;
}

namespace perfwb::app {

// Marks and spans of a report (from `record --serve`, or imported) grouped by category
// and name: how many, and the time the spans took. For `perfwb info`.
QJsonObject marksJson(const model::Profile &profile, int top);
void printMarks(const model::Profile &profile, int top);
// The marks a GUI recording adds when the process tree goes over a budget limit, with
// their time from the first sample.
QJsonArray budgetCrossingsJson(const model::Profile &profile);
void printBudgetCrossings(const model::Profile &profile);

} // namespace perfwb::app
