#pragma once
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace perfwb::budgets {

// Makes a payload fit to leave the process (hooks, the API, the GUI): values of
// secret-looking keys (TOKEN, SECRET, PASSWORD, KEY, CREDENTIAL, AUTH, COOKIE, SESSION,
// PWD) become "<redacted>", environment objects are dropped, absolute paths keep their
// file name only, URL passwords and bearer/basic credentials inside text are redacted.
class PayloadAnonymizer {
public:
    static QJsonObject anonymize(const QJsonObject &payload);
    static QJsonValue anonymize(const QJsonValue &value);
    static QString anonymizeText(const QString &text);
    static bool isSecretKey(const QString &key);
};

} // namespace perfwb::budgets
