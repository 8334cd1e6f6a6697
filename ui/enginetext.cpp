// SPDX-License-Identifier: GPL-3.0-or-later
#include "enginetext.h"

#include <QCoreApplication>

#include <array>
#include <cstring>

namespace perfwb::ui {

namespace {

// Every phrase the GUI shows from analysis::ProfileDiff and formats::DiffText.
constexpr std::array kPhrases{
    QT_TRANSLATE_NOOP("perfwb::ui::EngineText", "wall time"),
    QT_TRANSLATE_NOOP("perfwb::ui::EngineText", "CPU time"),
    QT_TRANSLATE_NOOP("perfwb::ui::EngineText", "samples"),
    QT_TRANSLATE_NOOP("perfwb::ui::EngineText", "lost samples"),
    QT_TRANSLATE_NOOP("perfwb::ui::EngineText", "peak RSS"),
    QT_TRANSLATE_NOOP("perfwb::ui::EngineText", "peak heap"),
    QT_TRANSLATE_NOOP("perfwb::ui::EngineText", "allocations"),
    QT_TRANSLATE_NOOP("perfwb::ui::EngineText", "allocated bytes"),
    QT_TRANSLATE_NOOP("perfwb::ui::EngineText", "leaked bytes"),
    QT_TRANSLATE_NOOP("perfwb::ui::EngineText", "pass"),
    QT_TRANSLATE_NOOP("perfwb::ui::EngineText", "warn"),
    QT_TRANSLATE_NOOP("perfwb::ui::EngineText", "fail"),
    QT_TRANSLATE_NOOP("perfwb::ui::EngineText", "new"),
    QT_TRANSLATE_NOOP("perfwb::ui::EngineText", "change in CPU time"),
    QT_TRANSLATE_NOOP("perfwb::ui::EngineText", "change in share of total"),
    QT_TRANSLATE_NOOP("perfwb::ui::EngineText", "change in samples"),
    QT_TRANSLATE_NOOP("perfwb::ui::EngineText", "change in bytes"),
    QT_TRANSLATE_NOOP("perfwb::ui::EngineText", "change in nanoseconds"),
};

} // namespace

QString EngineText::translate(const std::string &engineText)
{
    for (const char *phrase : kPhrases) {
        if (engineText == phrase)
            return QCoreApplication::translate("perfwb::ui::EngineText", phrase);
    }
    return QString::fromStdString(engineText);
}

} // namespace perfwb::ui
