// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonimportsupport.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>
#include <limits>

namespace perfwb::formats::jsonimport {

Error fail(const std::string &path, const std::string &what)
{
    return makeError(path + ": " + what);
}

std::string numberText(double v)
{
    if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15)
        return std::to_string(static_cast<long long>(v));
    return QString::number(v, 'g', 15).toStdString();
}

std::string describe(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return "null";
    case QJsonValue::Bool:
        return "a boolean";
    case QJsonValue::Double:
        return "the number " + numberText(v.toDouble());
    case QJsonValue::String:
        return "the string \"" + shown(v.toString()) + "\"";
    case QJsonValue::Array:
        return "an array";
    case QJsonValue::Object:
        return "an object";
    case QJsonValue::Undefined:
        break;
    }
    return "nothing";
}

std::string shown(const QString &s)
{
    std::string out = s.left(60).toStdString();
    for (auto &c : out) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            c = ' ';
    }
    return s.size() > 60 ? out + "..." : out;
}

Result<QJsonDocument> parse(std::string_view data, std::string_view what)
{
    if (data.size() > static_cast<std::size_t>(std::numeric_limits<qsizetype>::max()))
        return makeError("file too large");
    QJsonParseError error{};
    auto doc =
        QJsonDocument::fromJson(QByteArray::fromRawData(data.data(), static_cast<qsizetype>(data.size())), &error);
    if (error.error != QJsonParseError::NoError)
        return makeError("not valid JSON: " + error.errorString().toStdString() + " at byte " +
                         std::to_string(error.offset) + " (not " + std::string(what) + "?)");
    return doc;
}

Result<QJsonObject> parseObject(std::string_view data, std::string_view what)
{
    auto doc = parse(data, what);
    if (!doc)
        return makeError(doc.message());
    if (!doc->isObject())
        return makeError("not " + std::string(what) + ": the top level is not a JSON object");
    return doc->object();
}

std::optional<std::int64_t> integer(const QJsonValue &v, double min, double max)
{
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (!std::isfinite(d) || d != std::floor(d) || d < min || d > max)
        return std::nullopt;
    return static_cast<std::int64_t>(d);
}

char firstCharacter(std::string_view head)
{
    if (head.starts_with("\xEF\xBB\xBF"))
        head.remove_prefix(3);
    const auto first = head.find_first_not_of(" \t\r\n");
    return first == std::string_view::npos ? '\0' : head[first];
}

Result<double> number(const QJsonValue &v, const std::string &path, double min, double max)
{
    if (!v.isDouble())
        return fail(path, (v.isUndefined() ? std::string("missing") : "expected a number, got " + describe(v)));
    const double d = v.toDouble();
    if (!std::isfinite(d) || d < min || d > max)
        return fail(path, "number " + numberText(d) + " is out of range (" + numberText(min) + " to " +
                              numberText(max) + ")");
    return d;
}

Result<std::uint64_t> count(const QJsonValue &v, const std::string &path)
{
    constexpr double kMaxExact = 9007199254740992.0; // 2^53
    auto d = number(v, path, 0, kMaxExact);
    if (!d)
        return makeError(d.message());
    if (d.value() != std::floor(d.value()))
        return fail(path, "expected a whole number, got " + numberText(d.value()));
    return static_cast<std::uint64_t>(d.value());
}

Result<QString> string(const QJsonValue &v, const std::string &path)
{
    if (!v.isString())
        return fail(path, v.isUndefined() ? std::string("missing") : "expected a string, got " + describe(v));
    return v.toString();
}

bool looksLikeObjectWith(std::string_view head, std::initializer_list<std::string_view> keys)
{
    if (firstCharacter(head) != '{')
        return false;
    for (const auto key : keys) {
        const std::string quoted = "\"" + std::string(key) + "\"";
        if (head.find(quoted) != std::string_view::npos)
            return true;
    }
    return false;
}

} // namespace perfwb::formats::jsonimport
