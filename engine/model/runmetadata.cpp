// SPDX-License-Identifier: GPL-3.0-or-later
#include "runmetadata.h"

#include "secretredactor.h"

#include <algorithm>

namespace perfwb::model {

void RunMetadata::setEnvironment(const EnvironmentList &env)
{
    environment_.clear();
    environment_.reserve(env.size());
    for (const auto &[name, value] : env)
        environment_.emplace_back(name, SecretRedactor::redactVariable(name, value));
}

void RunMetadata::setCommandLine(std::vector<std::string> args)
{
    commandLine = SecretRedactor::redactArguments(std::move(args));
}

void RunMetadata::addImportWarning(std::string_view line)
{
    std::string text(line);
    std::replace(text.begin(), text.end(), '\n', ' '); // one line each: lines separate them
    std::string &all = extra[std::string(kImportWarningsKey)];
    all += (all.empty() ? "" : "\n") + text;
}

std::vector<std::string> RunMetadata::importWarnings() const
{
    std::vector<std::string> out;
    const auto it = extra.find(std::string(kImportWarningsKey));
    if (it == extra.end())
        return out;
    std::string_view rest = it->second;
    while (!rest.empty()) {
        const auto nl = rest.find('\n');
        if (const auto line = rest.substr(0, nl); !line.empty())
            out.emplace_back(line);
        rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    }
    return out;
}

} // namespace perfwb::model
