#include "payloadanonymizer.h"

#include "model/runmetadata.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

namespace perfwb::budgets {

namespace {

constexpr int kMaxDepth = 16; // deeper payloads are cut: hooks are not a data channel

QString redacted()
{
    return QString::fromLatin1(model::RunMetadata::kRedacted.data(),
                               static_cast<qsizetype>(model::RunMetadata::kRedacted.size()));
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
    const std::string upper = key.toUpper().toStdString();
    if (model::RunMetadata::isSecretName(upper))
        return true;
    for (const char *word : {"AUTH", "COOKIE", "SESSION", "PWD", "PASSWD", "CREDENTIAL", "PRIVATE"}) {
        if (upper.find(word) != std::string::npos)
            return true;
    }
    return false;
}

QString PayloadAnonymizer::anonymizeText(const QString &text)
{
    // Every rule below needs a '/', '=', ':' or a space (bearer credentials): most names
    // ("render", "frame-12") have none and skip the regular expressions.
    const auto needsWork = [](QChar c) { return c == u'/' || c == u'=' || c == u':' || c.isSpace(); };
    if (std::none_of(text.begin(), text.end(), needsWork))
        return text;
    static const QRegularExpression urlPassword(QStringLiteral(R"(([a-zA-Z][a-zA-Z0-9+.-]*://[^/\s:@]*):[^@\s/]*@)"));
    static const QRegularExpression bearer(QStringLiteral(R"(\b(Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]+)"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression assignment(
        QStringLiteral("\\b([A-Za-z0-9_.-]*(?:token|secret|passw|pwd|apikey|api_key|credential|cookie|session|auth)"
                       "[A-Za-z0-9_.-]*)\\s*([=:])\\s*(?!Bearer\\b|Basic\\b|Token\\b|<redacted>)[^\\s,;&]+"),
        QRegularExpression::CaseInsensitiveOption);
    // An absolute path: a '/' (or "~/") not preceded by a word character, ':' or '/',
    // so relative paths and URLs stay as they are.
    static const QRegularExpression absolutePath(QStringLiteral(R"((?<![\w:/.~-])~?/[^\s'"(),;<>]+)"));
    QString out = text;
    out.replace(urlPassword, QStringLiteral("\\1:") + redacted() + QStringLiteral("@"));
    out.replace(bearer, QStringLiteral("\\1 ") + redacted());
    out.replace(assignment, QStringLiteral("\\1\\2") + redacted());
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
