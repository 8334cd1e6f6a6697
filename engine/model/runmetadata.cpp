#include "runmetadata.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace perfwb::model {

bool RunMetadata::isSecretName(std::string_view name)
{
    std::string upper(name);
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    static constexpr std::array<std::string_view, 6> kWords = {"TOKEN",  "SECRET", "PASSWORD",
                                                               "PASSWD", "KEY",    "CREDENTIAL"};
    return std::any_of(kWords.begin(), kWords.end(),
                       [&](std::string_view w) { return upper.find(w) != std::string::npos; });
}

void RunMetadata::setEnvironment(const EnvironmentList &env)
{
    environment_.clear();
    environment_.reserve(env.size());
    for (const auto &[name, value] : env)
        environment_.emplace_back(name, isSecretName(name) ? std::string(kRedacted) : value);
}

void RunMetadata::setCommandLine(std::vector<std::string> args)
{
    commandLine = redactArguments(std::move(args));
}

namespace {
// "https://user:pass@host/x" -> "https://user:<redacted>@host/x"; anything else unchanged.
std::string redactUrlPassword(std::string arg)
{
    const auto scheme = arg.find("://");
    if (scheme == std::string::npos)
        return arg;
    const auto authorityEnd = arg.find_first_of("/?#", scheme + 3);
    const auto at = arg.rfind('@', authorityEnd == std::string::npos ? std::string::npos : authorityEnd);
    if (at == std::string::npos || at < scheme + 3)
        return arg;
    const auto colon = arg.find(':', scheme + 3);
    if (colon == std::string::npos || colon > at)
        return arg;
    return arg.substr(0, colon + 1) + std::string(RunMetadata::kRedacted) + arg.substr(at);
}
} // namespace

std::vector<std::string> RunMetadata::redactArguments(std::vector<std::string> args)
{
    // args[0] is the program: never a secret, and "key-tool" must stay readable.
    for (std::size_t i = 1; i < args.size(); ++i) {
        std::string &arg = args[i];
        const auto eq = arg.find('=');
        const std::size_t dashes = arg.rfind("--", 0) == 0 ? 2 : (arg.rfind('-', 0) == 0 ? 1 : 0);
        if (eq != std::string::npos && eq > dashes) {
            // --token=V, -Dapi.key=V, API_KEY=V: the name decides, the value goes.
            if (isSecretName(std::string_view(arg).substr(dashes, eq - dashes)))
                arg = arg.substr(0, eq + 1) + std::string(kRedacted);
            else
                arg = redactUrlPassword(std::move(arg));
            continue;
        }
        if (dashes > 0 && arg.size() > dashes && isSecretName(std::string_view(arg).substr(dashes)) &&
            i + 1 < args.size() && args[i + 1].rfind('-', 0) != 0) {
            args[i + 1] = std::string(kRedacted); // --password V
            ++i;
            continue;
        }
        arg = redactUrlPassword(std::move(arg));
    }
    return args;
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
