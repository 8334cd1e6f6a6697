// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// qcustomplot.h uses the Qt keywords (signals, slots, emit, foreach) that this
// project turns off with QT_NO_KEYWORDS: include it through this header, which maps
// them to the Q_ macros for the duration of the include only.
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define emit Q_EMIT
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef slots
#undef emit
#undef foreach
