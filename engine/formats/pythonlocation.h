// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// py-spy names a frame "function (path/file.py:LINE)" in its folded and speedscope
// output: the one reading of that convention, for every importer that meets it.
#include <cstdint>
#include <optional>
#include <string_view>

namespace perfwb::formats {

struct PythonLocation {
    std::string_view file; // a view into the name
    std::uint32_t line = 0;
};

// The file and line at the end of `name`; nothing unless the file ends in ".py" and the
// line is a number of at most nine digits.
std::optional<PythonLocation> pythonLocationInName(std::string_view name);

} // namespace perfwb::formats
