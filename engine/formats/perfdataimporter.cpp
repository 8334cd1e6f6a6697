// SPDX-License-Identifier: GPL-3.0-or-later
#include "perfdataimporter.h"

#include "perf/perfdatafile.h"
#include "perf/perfdatareader.h"
#include "perfscriptparser.h"

#include <spdlog/spdlog.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ; // NOLINT: POSIX declares it nowhere in a header

namespace perfwb::formats {

namespace {

constexpr std::string_view kMagic = "PERFILE2";
constexpr std::string_view kMagicSwapped = "2ELIFREP";
constexpr std::size_t kStderrKeep = std::size_t{16} * 1024;

// What perf script --header prints as "captured on": the file's modification time.
std::string capturedOn(const std::string &path)
{
    struct stat st {};
    char buf[32] = {};
    if (::stat(path.c_str(), &st) != 0 || ::ctime_r(&st.st_mtime, buf) == nullptr)
        return {};
    std::string text(buf);
    while (!text.empty() && text.back() == '\n')
        text.pop_back();
    return text;
}

bool isExecutable(const std::string &path)
{
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(path.c_str(), X_OK) == 0;
}

// The last line of perf's stderr that says something.
std::string lastMeaningfulLine(std::string_view text)
{
    while (!text.empty()) {
        auto nl = text.rfind('\n', text.size() - 1);
        const auto start = nl == std::string_view::npos ? 0 : nl + 1;
        auto line = text.substr(start);
        text = text.substr(0, nl == std::string_view::npos ? 0 : nl);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t'))
            line.remove_suffix(1);
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t'))
            line.remove_prefix(1);
        if (!line.empty() && line != "Warning:")
            return std::string(line);
    }
    return {};
}

// Owns the pipes and the child so every early return cleans up.
class PerfProcess {
public:
    ~PerfProcess()
    {
        closeFd(out_);
        closeFd(err_);
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            waitForExit();
        }
    }

    Status start(const std::string &perf, const std::vector<std::string> &args)
    {
        int outPipe[2];
        int errPipe[2];
        if (::pipe2(outPipe, O_CLOEXEC) != 0)
            return makeError(std::string("cannot create a pipe: ") + std::strerror(errno));
        if (::pipe2(errPipe, O_CLOEXEC) != 0) {
            ::close(outPipe[0]);
            ::close(outPipe[1]);
            return makeError(std::string("cannot create a pipe: ") + std::strerror(errno));
        }
        std::vector<char *> argv;
        argv.push_back(const_cast<char *>(perf.c_str()));
        for (const auto &a : args)
            argv.push_back(const_cast<char *>(a.c_str()));
        argv.push_back(nullptr);

        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1);
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2);
        const int rc = ::posix_spawn(&pid_, perf.c_str(), &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        ::close(outPipe[1]);
        ::close(errPipe[1]);
        out_ = outPipe[0];
        err_ = errPipe[0];
        if (rc != 0) {
            pid_ = -1;
            return makeError("cannot run " + perf + ": " + std::strerror(rc));
        }
        return {};
    }

    // Calls onData for every chunk of stdout until perf closes it; keeps the tail of stderr.
    template<class F> Status pump(F &&onData)
    {
        std::string buf(std::size_t{256} * 1024, '\0');
        while (out_ >= 0 || err_ >= 0) {
            pollfd fds[2];
            nfds_t n = 0;
            if (out_ >= 0)
                fds[n++] = {out_, POLLIN, 0};
            if (err_ >= 0)
                fds[n++] = {err_, POLLIN, 0};
            if (::poll(fds, n, -1) < 0) {
                if (errno == EINTR)
                    continue;
                return makeError(std::string("cannot read from perf: ") + std::strerror(errno));
            }
            for (nfds_t i = 0; i < n; ++i) {
                if (fds[i].revents == 0)
                    continue;
                const bool isOut = fds[i].fd == out_;
                const ssize_t got = ::read(fds[i].fd, buf.data(), buf.size());
                if (got < 0 && (errno == EINTR || errno == EAGAIN))
                    continue;
                if (got <= 0) {
                    closeFd(isOut ? out_ : err_);
                    continue;
                }
                const std::string_view chunk(buf.data(), static_cast<std::size_t>(got));
                if (isOut) {
                    if (Status st = onData(chunk); !st)
                        return st;
                } else {
                    stderr_.append(chunk);
                    if (stderr_.size() > 2 * kStderrKeep)
                        stderr_.erase(0, stderr_.size() - kStderrKeep);
                }
            }
        }
        return {};
    }

    // Waits for perf; returns its wait status.
    int waitForExit()
    {
        int status = 0;
        while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
        }
        pid_ = -1;
        return status;
    }

    const std::string &stderrText() const { return stderr_; }

private:
    static void closeFd(int &fd)
    {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }

    pid_t pid_ = -1;
    int out_ = -1;
    int err_ = -1;
    std::string stderr_;
};

} // namespace

int PerfDataImporter::sniff(std::string_view head) const
{
    return head.starts_with(kMagic) || head.starts_with(kMagicSwapped) ? 100 : 0;
}

Result<std::string> PerfDataImporter::findPerf()
{
    const char *named = std::getenv("PERFWB_PERF");
    std::string name = named != nullptr && *named != '\0' ? named : "perf";
    if (name.find('/') != std::string::npos) {
        if (isExecutable(name))
            return name;
        return makeError(std::string(kMissingPerf) + " (PERFWB_PERF=" + name + " is not an executable file)");
    }
    const char *pathEnv = std::getenv("PATH");
    std::string_view dirs = pathEnv != nullptr ? pathEnv : "/usr/local/bin:/usr/bin:/bin";
    while (true) {
        const auto colon = dirs.find(':');
        const auto dir = dirs.substr(0, colon);
        std::string candidate(dir.empty() ? std::string_view(".") : dir);
        candidate += '/';
        candidate += name;
        if (isExecutable(candidate))
            return candidate;
        if (colon == std::string_view::npos)
            break;
        dirs.remove_prefix(colon + 1);
    }
    if (named != nullptr && *named != '\0')
        return makeError(std::string(kMissingPerf) + " (PERFWB_PERF=" + name + " is not on PATH)");
    return makeError(std::string(kMissingPerf));
}

std::vector<std::string> PerfDataImporter::scriptArguments(const std::string &path)
{
    // --no-inline: resolving inline frames runs addr2line per address and is by far the
    // slowest part of perf script. --ns: full timestamp precision. --header: host,
    // command line and sampling settings for the metadata at no extra cost.
    // --show-lost-events: PERF_RECORD_LOST lines, so lost samples are counted.
    // --max-stack: perf script cuts callchains at kernel.perf_event_max_stack (127)
    // frames by default, which loses the outer frames of deep DWARF-unwound stacks.
    return {"script",
            "-i",
            path,
            "-F",
            "comm,pid,tid,time,period,event,ip,sym,symoff,dso",
            "--no-inline",
            "--max-stack",
            "65535",
            "--ns",
            "--header",
            "--show-lost-events"};
}

PerfDataImporter::Reader PerfDataImporter::configuredReader()
{
    const char *value = std::getenv("PERFWB_PERF_READER");
    const std::string_view v = value != nullptr ? value : "";
    if (v == "native")
        return Reader::Automatic;
    if (v == "perf-script")
        return Reader::PerfScript;
    if (!v.empty())
        spdlog::warn("PERFWB_PERF_READER={} is neither 'native' nor 'perf-script': ignored", v);
    return kDefault;
}

Status PerfDataImporter::importFile(const std::string &path, model::Profile &out) const
{
    // The header, attributes and feature sections are checked whichever reader runs, so
    // the common damage (a copy cut short) gets a message in our words, not perf's.
    perf::PerfDataFile file;
    if (Status st = file.open(path); !st)
        return st;
    const Reader reader = reader_ == Reader::Configured ? configuredReader() : reader_;
    if (reader != Reader::PerfScript) {
        std::string unsupported;
        model::Profile profile;
        if (Status st = perf::PerfDataReader::read(file, profile, unsupported); !st)
            return st;
        if (unsupported.empty()) {
            profile.meta.sourceFormat = "perf";
            profile.meta.extra["perf.reader"] = "native";
            if (auto captured = capturedOn(path); !captured.empty())
                profile.meta.extra["perf.captured_on"] = captured;
            out = std::move(profile);
            return {};
        }
        if (reader == Reader::Native)
            return makeError(path + ": the native perf.data reader does not support " + unsupported);
        spdlog::debug("{}: reading through perf script: the native perf.data reader does not support {}", path,
                      unsupported);
        if (Status st = importThroughPerfScript(file, out); !st)
            return st;
        out.meta.addImportWarning("read through perf script (no inline frames): the native reader does not support " +
                                  unsupported);
        return {};
    }
    return importThroughPerfScript(file, out);
}

Status PerfDataImporter::importThroughPerfScript(const perf::PerfDataFile &file, model::Profile &out) const
{
    const std::string &path = file.name();
    auto perf = findPerf();
    if (!perf)
        return makeError(perf.message());

    PerfProcess process;
    if (Status st = process.start(perf.value(), scriptArguments(path)); !st)
        return makeError(path + ": " + st.message());
    PerfScriptParser parser(out);
    if (Status st = process.pump([&](std::string_view chunk) { return parser.feed(chunk); }); !st)
        return makeError(path + ": reading perf script output: " + st.message());

    const int status = process.waitForExit();
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::string how = WIFEXITED(status) ? "exit status " + std::to_string(WEXITSTATUS(status))
                                            : "killed by signal " + std::to_string(WTERMSIG(status));
        const auto why = lastMeaningfulLine(process.stderrText());
        return makeError(path + ": perf script failed (" + how + ")" + (why.empty() ? "" : ": " + why));
    }
    if (Status st = parser.finish(); !st) {
        if (parser.sampleCount() == 0)
            return makeError(path + ": perf.data holds no samples");
        return makeError(path + ": reading perf script output: " + st.message());
    }
    out.meta.sourceFormat = "perf";
    out.meta.extra["perf.reader"] = "perf script";
    // perf script's header text joins perf's command line with spaces: the file has the words.
    perf::PerfDataReader::fillHeaderMetadata(file, out.meta);
    if (const auto warning = lastMeaningfulLine(process.stderrText()); !warning.empty()) {
        out.meta.extra["perf.stderr"] = warning;
        out.meta.addImportWarning("perf script: " + warning);
    }
    return {};
}

} // namespace perfwb::formats
