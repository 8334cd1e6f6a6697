// SPDX-License-Identifier: GPL-3.0-or-later
#include "importer.h"

#include "io/fileio.h"

namespace perfwb::formats {

Status TextImporter::importFile(const std::string &path, model::Profile &out) const
{
    auto data = io::readWholeFile(path);
    if (!data)
        return makeError(data.message());
    if (data->empty())
        return makeError(path + ": file is empty");
    Status st = parse(data.value(), out);
    if (!st)
        return makeError(path + ": " + st.message());
    return {};
}

} // namespace perfwb::formats
