// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "weightunit.h"
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace perfwb::model {

struct SamplerSettings {
    std::string event;     // "cpu-clock", "cycles", ...
    int frequencyHz = 0;   // 0 when unknown (imported data)
    std::string callGraph; // "dwarf", "fp", or empty
};

using EnvironmentList = std::vector<std::pair<std::string, std::string>>;

// What a report says about the run that produced it.
class RunMetadata {
public:
    std::vector<std::string> commandLine;
    std::string workingDir;
    std::string host;
    std::int64_t startTimeUnixNs = 0;
    std::int64_t durationNs = 0;
    bool exited = false; // true once the target's end is known
    int exitCode = 0;    // valid when exited and exitSignal == 0
    int exitSignal = 0;  // the signal that ended the target, 0 if none
    SamplerSettings sampler;
    std::string runLabel;
    std::uint64_t lostSamples = 0;
    std::string sourceFormat;                 // "perf", "folded", "speedscope", "perfwb-record", ...
    WeightUnit weightUnit;                    // samples unless the source weighs by time, bytes, ...
    std::map<std::string, std::string> extra; // further settings (FIL_PERF_*, tool versions)

    // Secrets in the environment and the command line are replaced (SecretRedactor's
    // rules) before they are stored, so no report, and nothing made from one, carries
    // them. Recorders and importers set both through these.
    void setEnvironment(const EnvironmentList &env);
    void setCommandLine(std::vector<std::string> args);
    const EnvironmentList &environment() const { return environment_; }

    // What an importer read past but a user should know (damaged header sections, stacks
    // it could not unwind, another reader used), one line each. Kept in
    // extra[kImportWarningsKey], one per line, so .perfwb files carry them as they are.
    void addImportWarning(std::string_view line);
    std::vector<std::string> importWarnings() const;
    static constexpr std::string_view kImportWarningsKey = "import.warnings";

private:
    EnvironmentList environment_;
};

} // namespace perfwb::model
