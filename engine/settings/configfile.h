// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "core/result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <string>
#include <vector>

namespace perfwb::settings {

// perfwb's own settings file, $XDG_CONFIG_HOME/perfwb/config.json (default
// ~/.config/perfwb/config.json). Keys are dotted paths into nested objects
// ("features.enable_perf"); only known keys can be set, each with its type, so a typo
// never lands in the file. A missing file is an empty one.
class ConfigFile {
public:
    enum class Type { Bool, Integer, String };
    struct Key {
        const char *name;
        Type type;
        QJsonValue defaultValue;
        const char *help;
    };
    static const std::vector<Key> &knownKeys();
    static const Key *findKey(const QString &name);

    static std::string defaultPath();
    // Reads the file: a missing file is empty; unreadable or damaged JSON, or a known key
    // with the wrong type, is an error naming the file (and the key).
    static Result<ConfigFile> load(const std::string &path = defaultPath());

    // The value at a known key, or its default.
    QJsonValue value(const QString &key) const;
    bool boolValue(const QString &key) const { return value(key).toBool(); }
    // Parses VALUE as the key's type ("true"/"false", a whole number, any text) and sets it.
    // Setting features.enable_perf sets the two legacy keys to the same value.
    Status set(const QString &key, const QString &text);
    Status setValue(const QString &key, const QJsonValue &value);
    // Writes atomically (temporary file + rename), creating the directory.
    Status save() const;

    const std::string &path() const { return path_; }
    const QJsonObject &root() const { return root_; }

private:
    std::string path_;
    QJsonObject root_;
};

} // namespace perfwb::settings
