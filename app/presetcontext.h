// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "settings/performancesettings.h"

#include <QString>

namespace perfwb::app {

// The FIL_PERF_* settings of this process: the named preset (none when empty), then
// the environment over it. One error line for an unknown preset, an unknown
// FIL_PERF_ variable or a bad value.
Result<settings::PerformanceSettings> effectiveSettings(const QString &presetName);

// "  FIL_PERF_X   what it does (tool flag; accepts)" lines, for --help texts.
QString settingsHelpTable();

} // namespace perfwb::app
