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

} // namespace perfwb::model
