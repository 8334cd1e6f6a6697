// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <string>
#include <string_view>

namespace perfwb {

// Text from a profile (symbol, thread and file names, command lines, marks) made safe to
// print on a terminal: control characters (C0, DEL, C1) and bytes that are not UTF-8 are
// shown escaped ("\n", "\t", "\x1b", "\u009b") instead of moving the cursor, clearing the
// screen, setting the window title or breaking a table's line. A backslash stays as it is.
std::string printable(std::string_view text);

// The same for a text of several lines (a report on stdout): its newlines stay newlines.
std::string printableLines(std::string_view text);

} // namespace perfwb
