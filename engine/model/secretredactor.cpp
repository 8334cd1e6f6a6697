// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretredactor.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace perfwb::model {

namespace {

bool isAlnum(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
}
bool isSpace(char c)
{
    return std::isspace(static_cast<unsigned char>(c)) != 0;
}
bool isNameChar(char c)
{
    return isAlnum(c) || c == '_' || c == '.' || c == '-';
}
bool isQuote(char c)
{
    return c == '\'' || c == '"';
}
std::string upperCase(std::string_view s)
{
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return out;
}
// `word` in lower case. No copies: this runs at every position of every text scanned.
bool startsWithNoCase(std::string_view text, std::size_t pos, std::string_view word)
{
    if (text.size() < pos + word.size())
        return false;
    for (std::size_t k = 0; k < word.size(); ++k) {
        if (std::tolower(static_cast<unsigned char>(text[pos + k])) != word[k])
            return false;
    }
    return true;
}

// Words of a name: split at anything not a letter or digit and where lower case turns to
// upper (ghPat -> gh, Pat).
std::vector<std::string> nameWords(std::string_view name)
{
    std::vector<std::string> words(1);
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        const bool camel = i > 0 && std::islower(static_cast<unsigned char>(name[i - 1])) != 0 &&
                           std::isupper(static_cast<unsigned char>(c)) != 0;
        if (!isAlnum(c) || camel) {
            if (!words.back().empty())
                words.emplace_back();
            if (!isAlnum(c))
                continue;
        }
        words.back() += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return words;
}

// "mysql -pV" and "sshpass -pV": the only programs whose -p is a password.
bool passwordDashP(std::string_view program)
{
    const auto slash = program.rfind('/');
    if (slash != std::string_view::npos)
        program.remove_prefix(slash + 1);
    static constexpr std::array<std::string_view, 9> kPrograms = {"mysql",       "mysqldump",    "mysqladmin",
                                                                  "mysqlimport", "mysqlcheck",   "mysqlshow",
                                                                  "mariadb",     "mariadb-dump", "sshpass"};
    return std::find(kPrograms.begin(), kPrograms.end(), program) != kPrograms.end();
}

// "https://user:pass@host" anywhere in the text: the password goes.
std::string redactUrlPasswords(std::string text)
{
    std::size_t from = 0;
    while (true) {
        const auto scheme = text.find("://", from);
        if (scheme == std::string::npos)
            return text;
        from = scheme + 3;
        if (scheme == 0 || !std::isalpha(static_cast<unsigned char>(text[scheme - 1])))
            continue;
        auto end = from;
        while (end < text.size() && !isSpace(text[end]) && !isQuote(text[end]) && text[end] != '/' &&
               text[end] != '?' && text[end] != '#')
            ++end;
        const auto at = text.rfind('@', end - 1);
        if (at == std::string::npos || at < from)
            continue;
        const auto colon = text.find(':', from);
        if (colon >= at || text.compare(colon + 1, at - colon - 1, SecretRedactor::kRedacted) == 0)
            continue;
        text.replace(colon + 1, at - colon - 1, SecretRedactor::kRedacted);
        from = colon + 1 + SecretRedactor::kRedacted.size();
    }
}

// Where a value starting at pos ends: a quoted value at its closing quote (kept), else at
// white space or a separator.
std::pair<std::size_t, std::size_t> valueSpan(std::string_view text, std::size_t pos)
{
    if (pos < text.size() && isQuote(text[pos])) {
        const auto close = text.find(text[pos], pos + 1);
        return {pos + 1, close == std::string_view::npos ? text.size() : close};
    }
    auto end = pos;
    while (end < text.size() && !isSpace(text[end]) && !isQuote(text[end]) && text[end] != ',' && text[end] != ';' &&
           text[end] != '&')
        ++end;
    return {pos, end};
}

bool isCredentialScheme(std::string_view text, std::size_t pos)
{
    for (std::string_view w : {"bearer", "basic", "token", "digest"}) {
        if (startsWithNoCase(text, pos, w) && pos + w.size() < text.size() && isSpace(text[pos + w.size()]))
            return true;
    }
    return false;
}

// "Bearer V" anywhere; "Basic V", "Token V", "Digest V" after an Authorization header name.
std::string redactCredentials(std::string text)
{
    const std::string upper = upperCase(text);
    const auto authorization = upper.find("AUTHORIZATION");
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i > 0 && isAlnum(text[i - 1]))
            continue;
        const bool bearer = startsWithNoCase(text, i, "bearer ");
        if (!bearer && (authorization == std::string::npos || i < authorization || !isCredentialScheme(text, i)))
            continue;
        auto v = text.find_first_not_of(" \t", text.find_first_of(" \t", i));
        if (v == std::string::npos || text.compare(v, SecretRedactor::kRedacted.size(), SecretRedactor::kRedacted) == 0)
            continue;
        auto end = v;
        while (end < text.size() &&
               (isAlnum(text[end]) || std::string_view("._~+/=-").find(text[end]) != std::string_view::npos))
            ++end;
        if (end == v)
            continue;
        text.replace(v, end - v, SecretRedactor::kRedacted);
        i = v + SecretRedactor::kRedacted.size();
    }
    return text;
}

// NAME=V, NAME: V, --name=V and --name V where NAME is secret; -pV after a program whose
// -p is a password.
std::string redactNamedValues(std::string text)
{
    bool dashP = false;
    for (std::size_t w = 0; w < text.size() && !dashP;) {
        const auto end = std::min(text.find_first_of(" \t\n;&|", w), text.size());
        dashP = passwordDashP(std::string_view(text).substr(w, end - w));
        w = end + 1;
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!isNameChar(text[i]) || (i > 0 && isNameChar(text[i - 1])))
            continue;
        auto end = i;
        while (end < text.size() && isNameChar(text[end]))
            ++end;
        const std::string_view name = std::string_view(text).substr(i, end - i);
        std::size_t value = std::string::npos;
        if (dashP && name.size() > 2 && name.substr(0, 2) == "-p" && (i == 0 || isSpace(text[i - 1]))) {
            value = i + 2;
        } else if (SecretRedactor::isSecretName(name)) {
            auto sep = text.find_first_not_of(" \t", end);
            const bool assigned =
                sep != std::string::npos && (text[sep] == '=' || text[sep] == ':') && text.compare(sep, 3, "://") != 0;
            if (assigned)
                value = text.find_first_not_of(" \t", sep + 1);
            else if (name[0] == '-' && sep != std::string::npos && sep > end && text[sep] != '-')
                value = sep; // --password V
        }
        if (value == std::string::npos || value >= text.size() || isCredentialScheme(text, value)) {
            i = end;
            continue;
        }
        const auto [from, to] = valueSpan(text, value);
        if (to > from && text.compare(from, to - from, SecretRedactor::kRedacted) != 0)
            text.replace(from, to - from, SecretRedactor::kRedacted);
        i = from + SecretRedactor::kRedacted.size();
    }
    return text;
}

} // namespace

bool SecretRedactor::isSecretName(std::string_view name)
{
    const std::string upper = upperCase(name);
    if (upper == "PWD" || upper == "OLDPWD")
        return false; // the working directory, not a password
    static constexpr std::array<std::string_view, 9> kAnywhere = {
        "TOKEN", "SECRET", "PASSW", "PASSPHRASE", "CREDENTIAL", "COOKIE", "SESSION", "PRIVATE", "KEY"};
    if (std::any_of(kAnywhere.begin(), kAnywhere.end(),
                    [&](std::string_view w) { return upper.find(w) != std::string::npos; }))
        return true;
    for (auto pos = upper.find("AUTH"); pos != std::string::npos; pos = upper.find("AUTH", pos + 1)) {
        const bool author = upper.compare(pos + 4, 2, "OR") == 0 && upper.compare(pos + 4, 4, "ORIZ") != 0;
        if (!author)
            return true; // AUTH, OAUTH, AUTHORIZATION; not GIT_AUTHOR_NAME
    }
    static constexpr std::array<std::string_view, 4> kWholeWords = {"PWD", "PAT", "PASS", "PW"};
    const auto words = nameWords(name);
    return std::any_of(words.begin(), words.end(), [](const std::string &w) {
        return std::find(kWholeWords.begin(), kWholeWords.end(), w) != kWholeWords.end();
    });
}

std::string SecretRedactor::redactVariable(std::string_view name, std::string_view value)
{
    return isSecretName(name) ? std::string(kRedacted) : redactText(value);
}

std::string SecretRedactor::redactText(std::string_view text)
{
    // Most texts (paths, numbers, names) have none of the characters the rules need.
    if (text.find_first_of(":= \t-") == std::string_view::npos)
        return std::string(text);
    return redactNamedValues(redactCredentials(redactUrlPasswords(std::string(text))));
}

std::vector<std::string> SecretRedactor::redactArguments(std::vector<std::string> args)
{
    if (args.empty())
        return args;
    const bool dashP = passwordDashP(args[0]);
    // args[0] is the program: never a secret, and "key-tool" must stay readable.
    for (std::size_t i = 1; i < args.size(); ++i) {
        std::string &arg = args[i];
        const bool option = arg.size() > 1 && arg[0] == '-' && arg.find('=') == std::string::npos;
        const bool secretOption = option && (isSecretName(arg) || (dashP && arg == "-p"));
        if (secretOption && i + 1 < args.size() && args[i + 1].rfind('-', 0) != 0) {
            args[i + 1] = std::string(kRedacted); // --password V
            ++i;
            continue;
        }
        if (dashP && arg.size() > 2 && arg.rfind("-p", 0) == 0) {
            arg = "-p" + std::string(kRedacted); // mysql -pV
            continue;
        }
        arg = redactText(arg);
    }
    return args;
}

} // namespace perfwb::model
