// SPDX-License-Identifier: GPL-3.0-or-later
#include "presetcontext.h"

#include "settings/presetstore.h"

namespace perfwb::app {

Result<settings::PerformanceSettings> effectiveSettings(const QString &presetName)
{
    settings::Preset preset;
    if (!presetName.isEmpty()) {
        auto loaded = settings::PresetStore().load(presetName.toStdString());
        if (!loaded)
            return makeError(loaded.message());
        preset = loaded.value();
    }
    return settings::PerformanceSettings::fromEnvironment(preset.values, preset.name);
}

QString settingsHelpTable()
{
    QString text;
    for (const auto &spec : settings::SettingSpec::all()) {
        QString line = QStringLiteral("  ") + QString::fromStdString(spec.variable()).leftJustified(40) +
                       QString::fromUtf8(spec.help.data(), static_cast<qsizetype>(spec.help.size()));
        if (!spec.toolFlag.empty())
            line += QStringLiteral(" (%1)").arg(
                QString::fromLatin1(spec.toolFlag.data(), static_cast<qsizetype>(spec.toolFlag.size())));
        text += line + QLatin1Char('\n');
    }
    return text;
}

} // namespace perfwb::app
