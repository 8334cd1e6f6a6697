// SPDX-License-Identifier: GPL-3.0-or-later
#include "payloadanonymizer.h"

#include "model/secretredactor.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

namespace perfwb::budgets {

namespace {

constexpr int kMaxDepth = 16; // deeper payloads are cut: hooks are not a data channel

QString redacted()
{
    return QString::fromLatin1(model::SecretRedactor::kRedacted.data(),
                               static_cast<qsizetype>(model::SecretRedactor::kRedacted.size()));
}

QJsonValue anonymizeValue(const QJsonValue &value, int depth);

QJsonObject anonymizeObject(const QJsonObject &object, int depth)
{
    QJsonObject out;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString lower = it.key().toLower();
        if (lower == QLatin1String("env") || lower == QLatin1String("environ") || lower == QLatin1String("environment"))
            continue;
        const QString key = PayloadAnonymizer::anonymizeText(it.key());
        if (PayloadAnonymizer::isSecretKey(it.key()) && !it.value().isNull() && !it.value().isBool())
            out.insert(key, redacted());
        else
            out.insert(key, anonymizeValue(it.value(), depth + 1));
    }
    return out;
}

QJsonValue anonymizeValue(const QJsonValue &value, int depth)
{
    if (depth > kMaxDepth)
        return QStringLiteral("<cut>");
    if (value.isString())
        return PayloadAnonymizer::anonymizeText(value.toString());
    if (value.isObject())
        return anonymizeObject(value.toObject(), depth);
    if (value.isArray()) {
        QJsonArray out;
        for (const auto &v : value.toArray())
            out.append(anonymizeValue(v, depth + 1));
        return out;
    }
    return value;
}

} // namespace

bool PayloadAnonymizer::isSecretKey(const QString &key)
{
    return model::SecretRedactor::isSecretName(key.toStdString());
}

QString PayloadAnonymizer::anonymizeText(const QString &text)
{
    // The secret rules need one of these; most names ("render", "frame-12") have none.
    const auto needsWork = [](QChar c) { return c == u'/' || c == u'=' || c == u':' || c == u'-' || c.isSpace(); };
    if (std::none_of(text.begin(), text.end(), needsWork))
        return text;
    const QString out = QString::fromStdString(model::SecretRedactor::redactText(text.toStdString()));
    // An absolute path: a '/' (or "~/") not preceded by a word character, ':' or '/',
    // so relative paths and URLs stay as they are.
    static const QRegularExpression absolutePath(QStringLiteral(R"((?<![\w:/.~-])~?/[^\s'"(),;<>]+)"));
    QString result;
    qsizetype last = 0;
    auto it = absolutePath.globalMatch(out);
    while (it.hasNext()) {
        const auto m = it.next();
        result += QStringView(out).mid(last, m.capturedStart() - last);
        QString path = m.captured();
        while (path.endsWith(QLatin1Char('/')))
            path.chop(1);
        const QString name = path.section(QLatin1Char('/'), -1);
        result += name.isEmpty() ? QStringLiteral("<path>") : name;
        last = m.capturedEnd();
    }
    result += QStringView(out).mid(last);
    return result;
}

QJsonObject PayloadAnonymizer::anonymize(const QJsonObject &payload)
{
    return anonymizeObject(payload, 0);
}

QJsonValue PayloadAnonymizer::anonymize(const QJsonValue &value)
{
    return anonymizeValue(value, 0);
}

} // namespace perfwb::budgets
