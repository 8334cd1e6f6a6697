// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The helpers every JSON importer uses (speedscope, Scalene, Memray stats, Chrome trace,
// .cpuprofile): one-line error messages that name the JSON path, and checked numbers, so
// a bad value is an error that says where it is instead of a silent 0.
#include "core/result.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace perfwb::formats::jsonimport {

// "path: what", the one line every importer error is.
Error fail(const std::string &path, const std::string &what);

// "the string \"abc\"", "the number 3", "null", ... for "expected X, got Y".
std::string describe(const QJsonValue &v);

// Text from the file, cut to 60 characters with control bytes blanked: safe to quote
// in a one-line message.
std::string shown(const QString &s);

// A whole number as digits, anything else in %g style.
std::string numberText(double v);

// The data as one JSON document; the error names the byte offset, and `what` the format
// the file was expected to be ("a Scalene profile").
Result<QJsonDocument> parse(std::string_view data, std::string_view what);
// The same, and the top level must be an object.
Result<QJsonObject> parseObject(std::string_view data, std::string_view what);

// A JSON number that is a whole number within [min, max], else nothing.
std::optional<std::int64_t> integer(const QJsonValue &v, double min = -9.0e15, double max = 9.0e15);

// The first non-blank character of a file head, after a UTF-8 byte order mark.
char firstCharacter(std::string_view head);

// A finite number in [min, max].
Result<double> number(const QJsonValue &v, const std::string &path, double min, double max);

// A whole number in [0, 2^53] (beyond that a JSON number is no longer exact).
Result<std::uint64_t> count(const QJsonValue &v, const std::string &path);

// A string (an absent key is an error too).
Result<QString> string(const QJsonValue &v, const std::string &path);

// Whether the head of a file is a JSON object holding one of the given keys, quoted.
bool looksLikeObjectWith(std::string_view head, std::initializer_list<std::string_view> keys);

} // namespace perfwb::formats::jsonimport
