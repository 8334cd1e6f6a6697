// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <QString>

#include <string>

namespace perfwb::ui {

// The words the engine writes in English for files and terminals (metric names,
// verdicts, "new", what a comparison's colour means) in the window's language. Text the
// engine composes from numbers (a mode's reason, values) stays as the engine wrote it.
class EngineText {
public:
    static QString translate(const std::string &engineText);
};

} // namespace perfwb::ui
