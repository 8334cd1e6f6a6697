// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.h"
#include "commandline.h"
#include "commands.h"

#include "settings/presetstore.h"

#include <climits>
#include <cstdio>

namespace perfwb::app {

namespace {

using settings::PerformanceSettings;
using settings::Preset;
using settings::PresetStore;

int list(const PresetStore &store)
{
    std::vector<std::string> problems;
    for (const auto &p : store.list(&problems)) {
        std::string enabled;
        for (const auto &[name, value] : p.values) {
            if (name.rfind("ENABLE_", 0) == 0 && value == "true")
                enabled += (enabled.empty() ? "" : ", ") + name.substr(7);
        }
        std::printf("%-16s %-9s %s%s\n", p.name.c_str(), p.builtIn ? "built-in" : "saved", p.description.c_str(),
                    enabled.empty() ? "" : (" [" + enabled + "]").c_str());
    }
    for (const auto &problem : problems)
        printError(problem);
    return problems.empty() ? ExitOk : ExitFailure;
}

int show(const PresetStore &store, const std::string &name)
{
    auto p = store.load(name);
    if (!p) {
        printError(p.message());
        return ExitUsage;
    }
    std::fputs(PresetStore::serialize(p.value()).c_str(), stdout);
    return ExitOk;
}

// NAME [VAR=VALUE...] [--from-env]: the environment's FIL_PERF_ values first, then
// the assignments on the command line.
int save(const PresetStore &store, const QStringList &pos, bool fromEnv, const QString &description)
{
    Preset p;
    p.name = pos[1].toStdString();
    if (Status st = PresetStore::checkName(p.name); !st) {
        printError(st.message());
        return ExitUsage;
    }
    p.description = description.toStdString();
    if (fromEnv) {
        auto env = PerformanceSettings::valuesFromEnvironment(PerformanceSettings::processEnvironment());
        if (!env) {
            printError(env.message());
            return ExitUsage;
        }
        p.values = env.value();
    }
    for (qsizetype i = 2; i < pos.size(); ++i) {
        const qsizetype eq = pos[i].indexOf(QLatin1Char('='));
        const auto *spec = eq > 0 ? settings::SettingSpec::find(pos[i].left(eq).toStdString()) : nullptr;
        if (spec == nullptr) {
            printError(QStringLiteral("'%1' is not FIL_PERF_NAME=VALUE with a known setting (perfwb settings --help)")
                           .arg(pos[i]));
            return ExitUsage;
        }
        auto value = spec->normalize(pos[i].mid(eq + 1).toStdString());
        if (!value) {
            printError(value.message());
            return ExitUsage;
        }
        p.values[std::string(spec->name)] = value.value();
    }
    if (p.values.empty()) {
        printError(QStringLiteral("nothing to save: give --from-env (with FIL_PERF_ variables set) or "
                                  "FIL_PERF_NAME=VALUE assignments"));
        return ExitUsage;
    }
    if (Status st = store.save(p); !st) {
        printError(st.message());
        return ExitFailure;
    }
    std::printf("%s\n", store.pathFor(p.name).c_str());
    return ExitOk;
}

} // namespace

int runPresetCommand(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption fromEnvOpt(QStringLiteral("from-env"),
                                        QStringLiteral("save: take the FIL_PERF_ variables of the environment."));
    const QCommandLineOption descOpt(QStringLiteral("description"), QStringLiteral("save: a one-line description."),
                                     QStringLiteral("TEXT"));
    parser.addOptions({fromEnvOpt, descOpt});
    if (auto code =
            parseCommandLine(parser, args,
                             QStringLiteral("Named sets of FIL_PERF_* settings, saved in "
                                            "$XDG_CONFIG_HOME/perfwb/presets/NAME.json.\n\n"
                                            "  perfwb preset list\n  perfwb preset show NAME\n"
                                            "  perfwb preset save NAME [--from-env] [FIL_PERF_X=VALUE...]\n"
                                            "  perfwb preset delete NAME\n\n"
                                            "Built in: ci (py-spy + Scalene), memory (Memray + cProfile).\n"
                                            "Use one with perfwb record --preset NAME or perfwb settings "
                                            "--preset NAME."),
                             QStringLiteral("list | show NAME | save NAME [VAR=VALUE...] | delete NAME"), 1, INT_MAX))
        return *code;
    const QStringList pos = parser.positionalArguments();
    const QString &verb = pos.first();
    const PresetStore store;
    if (verb == QLatin1String("list") && pos.size() == 1)
        return list(store);
    if (verb == QLatin1String("show") && pos.size() == 2)
        return show(store, pos[1].toStdString());
    if (verb == QLatin1String("save") && pos.size() >= 2)
        return save(store, pos, parser.isSet(fromEnvOpt), parser.value(descOpt));
    if (verb == QLatin1String("delete") && pos.size() == 2) {
        if (Status st = store.remove(pos[1].toStdString()); !st) {
            printError(st.message());
            return ExitUsage;
        }
        return ExitOk;
    }
    printError(QStringLiteral("expected list, show NAME, save NAME or delete NAME (see perfwb preset --help)"));
    return ExitUsage;
}

} // namespace perfwb::app
