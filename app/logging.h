// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <string>

namespace perfwb::app {

// spdlog to stderr (warnings, or everything with --verbose) and to a rotating log
// file under the XDG state directory ($XDG_STATE_HOME/perfwb/perfwb.log).
// Returns the log file path, or empty if it could not be opened (logging to a
// file is a convenience: failing to open it is not an error).
std::string setupLogging(bool verbose);

} // namespace perfwb::app
