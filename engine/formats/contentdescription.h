// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a file no importer claims looks like, for the one error line that refuses it:
// "a JSON object with the keys "nodes", "startTime"", "an ELF binary", "text whose first
// line is '...'". Judged from the head only; never a format perfwb reads.
#include <string>
#include <string_view>

namespace perfwb::formats {

std::string describeContent(std::string_view head);

} // namespace perfwb::formats
