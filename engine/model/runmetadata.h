#pragma once
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
    std::string weightUnit = "samples";       // "samples", "nanoseconds", "bytes"
    std::map<std::string, std::string> extra; // further settings (FIL_PERF_*, tool versions)

    // Values of secret-looking variables are replaced before they are stored,
    // so no report (and no export of it) ever carries them.
    void setEnvironment(const EnvironmentList &env);
    // The same for a command line: the value of a secret-looking option
    // (--token=V, --password V, -Dapi.key=V), NAME=V assignments and the password of
    // a user:password@ URL. Recorders and importers set commandLine through this.
    void setCommandLine(std::vector<std::string> args);
    static std::vector<std::string> redactArguments(std::vector<std::string> args);
    const EnvironmentList &environment() const { return environment_; }

    // What an importer read past but a user should know (damaged header sections, stacks
    // it could not unwind, another reader used), one line each. Kept in
    // extra[kImportWarningsKey], one per line, so .perfwb files carry them as they are.
    void addImportWarning(std::string_view line);
    std::vector<std::string> importWarnings() const;
    static constexpr std::string_view kImportWarningsKey = "import.warnings";
    static bool isSecretName(std::string_view name);
    static constexpr std::string_view kRedacted = "<redacted>";

private:
    EnvironmentList environment_;
};

} // namespace perfwb::model
