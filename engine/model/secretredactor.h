// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace perfwb::model {

// The one set of rules for what counts as a secret, used by everything perfwb writes or
// sends: the report's command line and environment (so info, every export and diff output
// inherit it), the profiler-run manifests and the budgets hooks' payloads.
//
// A name is secret when it contains TOKEN, SECRET, PASSW(ORD|D), PASSPHRASE, CREDENTIAL,
// COOKIE, SESSION, PRIVATE, KEY or AUTH (not AUTHOR), or has PWD, PAT, PASS or PW as a
// whole word (MYSQL_PWD, GH_PAT, ghPat; not PATH, PWD or OLDPWD, which are directories).
// In text, the value after a secret name (NAME=V, NAME: V, --name V, --name=V), a URL's
// password anywhere, bearer/basic/token/digest credentials and, after a MySQL client or
// sshpass, -pV are replaced by kRedacted.
class SecretRedactor {
public:
    static constexpr std::string_view kRedacted = "<redacted>";

    static bool isSecretName(std::string_view name);
    // An environment variable's value as it may be stored.
    static std::string redactVariable(std::string_view name, std::string_view value);
    // Free text: one argument, a `sh -c` string, a value, a log line.
    static std::string redactText(std::string_view text);
    // A command line; args[0] is the program (kept as it is, and it decides whether -pV
    // is a password).
    static std::vector<std::string> redactArguments(std::vector<std::string> args);
};

} // namespace perfwb::model
