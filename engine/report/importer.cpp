#include "importer.h"

#include "fileio.h"
#include "textlines.h"

#include <algorithm>
#include <cstdlib>

namespace perfwb::report {

Status TextImporter::importFile(const std::string &path, model::Profile &out) const
{
    if (lineOriented()) {
        auto head = readFileHead(path, kHeadBytes + 1);
        if (!head)
            return makeError(head.message());
        if (head->size() > kHeadBytes) {
            // An error at a whole line of the head is the file's; at the line the head cuts
            // in two only when it is binary data (a cut text line is not an error).
            model::Profile scratch;
            const std::string_view text = head.value();
            if (Status st = parse(text, scratch); !st && st.message().starts_with("line ")) {
                const auto line = static_cast<std::size_t>(std::strtoull(st.message().c_str() + 5, nullptr, 10));
                const auto whole = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
                if (line <= whole || st.message().find("binary data") != std::string::npos)
                    return makeError(path + ": " + st.message());
            }
        }
    }
    auto data = readWholeFile(path);
    if (!data)
        return makeError(data.message());
    if (data->empty())
        return makeError(path + ": file is empty");
    Status st = parse(data.value(), out);
    if (!st)
        return makeError(path + ": " + st.message());
    return {};
}

} // namespace perfwb::report
