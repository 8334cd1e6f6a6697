// SPDX-License-Identifier: GPL-3.0-or-later
#include "procscan.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <dirent.h>
#include <fcntl.h>
#include <string_view>
#include <unistd.h>

namespace perfwb::perf::procscan {

namespace {

// Small /proc files are read with one read(); they are generated whole by the kernel.
bool readSmallFile(const std::string &path, std::string &out)
{
    const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    out.clear();
    char buf[4096];
    for (;;) {
        const ssize_t n = read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        out.append(buf, std::size_t(n));
    }
    close(fd);
    return true;
}

// Value of "Key:\tvalue" in /proc/PID/status, or empty.
std::string statusField(const std::string &status, const std::string &key)
{
    const std::string needle = '\n' + key + ':';
    auto pos = ('\n' + status).find(needle); // offset in status of the key itself
    if (pos == std::string::npos)
        return {};
    pos += needle.size() - 1;
    const auto end = status.find('\n', pos);
    std::string value = status.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    const auto first = value.find_first_not_of(" \t");
    return first == std::string::npos ? std::string() : value.substr(first);
}

// After "(comm)", which may hold spaces and ')'.
bool parseStat(std::string_view text, StatFields &out)
{
    const auto close = text.rfind(')');
    if (close == std::string_view::npos)
        return false;
    text.remove_prefix(close + 1);
    // Token k after ')' is field k + 3 of proc(5); the last one needed is rss (field 24).
    std::array<std::string_view, 22> tokens{};
    std::size_t count = 0;
    for (std::size_t pos = 0; count < tokens.size();) {
        pos = text.find_first_not_of(' ', pos);
        if (pos == std::string_view::npos)
            break;
        const std::size_t end = std::min(text.find_first_of(" \n", pos), text.size());
        tokens[count++] = text.substr(pos, end - pos);
        pos = end;
    }
    if (count < tokens.size() || tokens[0].empty())
        return false;
    const auto number = [&](std::size_t index, auto &v) {
        const std::string_view t = tokens[index];
        return std::from_chars(t.data(), t.data() + t.size(), v).ec == std::errc();
    };
    out.state = tokens[0][0];
    return number(1, out.ppid) && number(11, out.utime) && number(12, out.stime) && number(17, out.threads) &&
           number(21, out.rssPages);
}

} // namespace

Status checkProcess(pid_t pid)
{
    const std::string noProcess = "no process with PID " + std::to_string(pid);
    if (pid <= 0)
        return makeError(noProcess);
    std::string status;
    if (!readSmallFile("/proc/" + std::to_string(pid) + "/status", status))
        return makeError(noProcess);
    // /proc/N also answers for a thread id N that is not a process leader.
    if (statusField(status, "Tgid") != std::to_string(pid))
        return makeError(noProcess);
    const std::string state = statusField(status, "State");
    const int threadCount = std::atoi(statusField(status, "Threads").c_str());
    // A leader that called pthread_exit() shows Z while its other threads still run.
    if (!state.empty() && (state[0] == 'Z' || state[0] == 'X') && threadCount <= 1)
        return makeError("process " + std::to_string(pid) +
                         " is a zombie (it has exited; its parent has not reaped it)");
    return {};
}

std::string statusValue(const std::string &proc, const std::string &key)
{
    std::string status;
    return readSmallFile("/proc/" + proc + "/status", status) ? statusField(status, key) : std::string();
}

std::vector<pid_t> threads(pid_t pid)
{
    std::vector<pid_t> tids;
    const std::string dir = "/proc/" + std::to_string(pid) + "/task";
    DIR *d = opendir(dir.c_str());
    if (!d)
        return tids;
    while (const dirent *e = readdir(d)) {
        pid_t tid = 0;
        const char *name = e->d_name;
        const auto *end = name + std::char_traits<char>::length(name);
        if (std::from_chars(name, end, tid).ptr == end && tid > 0)
            tids.push_back(tid);
    }
    closedir(d);
    std::sort(tids.begin(), tids.end());
    return tids;
}

std::string threadName(pid_t pid, pid_t tid)
{
    std::string comm;
    if (!readSmallFile("/proc/" + std::to_string(pid) + "/task/" + std::to_string(tid) + "/comm", comm))
        return {};
    while (!comm.empty() && comm.back() == '\n')
        comm.pop_back();
    return comm;
}

std::vector<MmapEvent> executableMappings(pid_t pid)
{
    std::vector<MmapEvent> out;
    std::string maps;
    if (!readSmallFile("/proc/" + std::to_string(pid) + "/maps", maps))
        return out;
    // "start-end perms offset dev inode   pathname"; the pathname may hold spaces.
    std::size_t lineStart = 0;
    while (lineStart < maps.size()) {
        auto lineEnd = maps.find('\n', lineStart);
        if (lineEnd == std::string::npos)
            lineEnd = maps.size();
        const std::string_view line(maps.data() + lineStart, lineEnd - lineStart);
        lineStart = lineEnd + 1;
        std::uint64_t start = 0, end = 0, offset = 0;
        const char *p = line.data();
        const char *e = line.data() + line.size();
        auto r = std::from_chars(p, e, start, 16);
        if (r.ec != std::errc() || r.ptr == e || *r.ptr != '-')
            continue;
        r = std::from_chars(r.ptr + 1, e, end, 16);
        if (r.ec != std::errc() || e - r.ptr < 6)
            continue;
        const std::string_view perms(r.ptr + 1, 4);
        if (perms[2] != 'x')
            continue;
        r = std::from_chars(r.ptr + 6, e, offset, 16);
        if (r.ec != std::errc())
            continue;
        // Skip dev and inode, then the path starts at the first non-space.
        const char *q = r.ptr;
        for (int field = 0; field < 2; ++field) {
            while (q < e && *q == ' ')
                ++q;
            while (q < e && *q != ' ')
                ++q;
        }
        while (q < e && *q == ' ')
            ++q;
        MmapEvent m;
        m.pid = pid;
        m.tid = pid;
        m.start = start;
        m.length = end > start ? end - start : 0;
        m.pgoff = offset;
        m.executable = true;
        m.filename.assign(q, std::size_t(e - q));
        out.push_back(std::move(m));
    }
    return out;
}

std::vector<int> parseCpuList(const std::string &text)
{
    std::vector<int> cpus;
    const char *p = text.data();
    const char *e = text.data() + text.size();
    while (e > p && (e[-1] == '\n' || e[-1] == ' '))
        --e;
    while (p < e) {
        int first = 0, last = 0;
        auto r = std::from_chars(p, e, first);
        if (r.ec != std::errc())
            return {};
        last = first;
        if (r.ptr < e && *r.ptr == '-') {
            r = std::from_chars(r.ptr + 1, e, last);
            if (r.ec != std::errc() || last < first)
                return {};
        }
        for (int c = first; c <= last; ++c)
            cpus.push_back(c);
        p = r.ptr;
        if (p < e) {
            if (*p != ',')
                return {};
            ++p;
        }
    }
    return cpus;
}

std::vector<int> onlineCpus()
{
    std::string text;
    std::vector<int> cpus;
    if (readSmallFile("/sys/devices/system/cpu/online", text))
        cpus = parseCpuList(text);
    if (cpus.empty()) {
        const long n = sysconf(_SC_NPROCESSORS_ONLN);
        for (long c = 0; c < (n > 0 ? n : 1); ++c)
            cpus.push_back(int(c));
    }
    return cpus;
}

int readSysctl(const char *path, int fallback)
{
    std::string text;
    if (!readSmallFile(std::string("/proc/sys/") + path, text))
        return fallback;
    int value = 0;
    const char *b = text.data();
    while (b < text.data() + text.size() && *b == ' ')
        ++b;
    const auto r = std::from_chars(b, text.data() + text.size(), value);
    return r.ec == std::errc() ? value : fallback;
}

std::size_t readSmall(const char *path, char *buf, std::size_t size)
{
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    const ssize_t n = ::read(fd, buf, size - 1);
    ::close(fd);
    return n > 0 ? static_cast<std::size_t>(n) : 0;
}

bool readStat(pid_t pid, StatFields &out)
{
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%d/stat", static_cast<int>(pid));
    char buf[1024];
    const std::size_t n = readSmall(path, buf, sizeof buf);
    return n > 0 && parseStat(std::string_view(buf, n), out);
}

} // namespace perfwb::perf::procscan
