// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "core/result.h"

#include <string>

namespace perfwb::app {

// Appends Markdown to $GITHUB_STEP_SUMMARY when it is set (GitHub Actions shows the file
// as the job summary; other CI systems read the same variable). Unset: nothing to do.
Status appendToStepSummary(const std::string &markdown);

} // namespace perfwb::app
