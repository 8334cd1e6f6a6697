// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace perfwb::budgets {

// Makes a payload fit to leave the process (hooks, the API, the GUI): values of secret
// keys become "<redacted>" and secrets inside text are redacted (model::SecretRedactor's
// rules, the same as for reports), environment objects are dropped, absolute paths keep
// their file name only.
class PayloadAnonymizer {
public:
    static QJsonObject anonymize(const QJsonObject &payload);
    static QJsonValue anonymize(const QJsonValue &value);
    static QString anonymizeText(const QString &text);
    static bool isSecretKey(const QString &key);
};

} // namespace perfwb::budgets
