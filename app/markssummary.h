#pragma once
#include <QJsonObject>

namespace perfwb::model {
class Profile;
}

namespace perfwb::app {

// Marks and spans of a report (from `record --serve`, or imported) grouped by category
// and name: how many, and the time the spans took. For `perfwb info`.
QJsonObject marksJson(const model::Profile &profile, int top);
void printMarks(const model::Profile &profile, int top);

} // namespace perfwb::app
