// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <QJsonObject>

#include <string>

namespace perfwb::budgets {

// Why a budget or profiler call was refused; the API maps each to its HTTP status.
enum class Refusal { None, BadValue, NotFound, Conflict, QueueFull };

// The answer of one budget/profiler call: its JSON view on success, or the refusal with
// a one-line message. A refused call changed nothing.
struct Outcome {
    Refusal refusal = Refusal::None;
    std::string message;
    QJsonObject body;

    bool ok() const { return refusal == Refusal::None; }
    static Outcome success(QJsonObject body) { return Outcome{Refusal::None, {}, std::move(body)}; }
    static Outcome refused(Refusal why, std::string message) { return Outcome{why, std::move(message), {}}; }
};

} // namespace perfwb::budgets
