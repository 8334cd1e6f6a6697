// SPDX-License-Identifier: GPL-3.0-or-later
// Deliberately wrong: formats/ sits below record/, so this include must not compile. The
// `layering_probe` test builds this file against perfwb_formats and passes only when the
// compiler refuses it for the reason below.
#include "record/launcher.h"
