// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportresource.h"

#include <QFile>

namespace perfwb::formats {

Result<std::string> ExportResource::load(const char *path)
{
    QFile file(QString::fromLatin1(path));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(std::string("missing built-in resource ") + path + " (perfwb was built without it)");
    const QByteArray data = file.readAll();
    return std::string(data.constData(), static_cast<std::size_t>(data.size()));
}

Result<std::string> ExportResource::loadForCdata(const char *path)
{
    auto text = load(path);
    if (!text)
        return text;
    std::string &s = *text;
    for (std::size_t at = s.find("]]>"); at != std::string::npos; at = s.find("]]>", at + 15))
        s.replace(at, 3, "]]]]><![CDATA[>");
    return text;
}

} // namespace perfwb::formats
