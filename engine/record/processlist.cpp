// SPDX-License-Identifier: GPL-3.0-or-later
#include "processlist.h"

#include "io/fileio.h"

#include <cctype>
#include <charconv>
#include <ctime>
#include <dirent.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unordered_map>

namespace perfwb::record {

namespace {

std::int64_t monotonicNs()
{
    timespec ts{};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return std::int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

std::string userName(uid_t uid, std::unordered_map<uid_t, std::string> &cache)
{
    if (auto it = cache.find(uid); it != cache.end())
        return it->second;
    passwd pw{};
    passwd *found = nullptr;
    char buf[1024];
    std::string name = ::getpwuid_r(uid, &pw, buf, sizeof buf, &found) == 0 && found != nullptr
                           ? std::string(found->pw_name)
                           : std::to_string(uid);
    cache.emplace(uid, name);
    return name;
}

struct StatFields {
    std::string comm;
    std::uint64_t utime = 0, stime = 0, startTime = 0;
    long ppid = 0;
    unsigned long flags = 0;
};

// /proc/PID/stat: "pid (comm) state ppid ... utime(14) stime(15) ... starttime(22)".
// comm may hold spaces and parentheses, so fields count from the last ')'.
bool parseStat(const std::string &text, StatFields &out)
{
    const auto open = text.find('(');
    const auto close = text.rfind(')');
    if (open == std::string::npos || close == std::string::npos || close < open)
        return false;
    out.comm = text.substr(open + 1, close - open - 1);
    std::vector<std::string_view> fields; // fields[0] is field 3 (state)
    std::string_view rest(text);
    rest.remove_prefix(close + 1);
    while (!rest.empty()) {
        while (!rest.empty() && rest.front() == ' ')
            rest.remove_prefix(1);
        const auto end = rest.find(' ');
        if (!rest.empty())
            fields.push_back(rest.substr(0, end));
        if (end == std::string_view::npos)
            break;
        rest.remove_prefix(end);
    }
    if (fields.size() < 20)
        return false;
    auto number = [&](int field, auto &value) {
        const auto f = fields[std::size_t(field - 3)];
        return std::from_chars(f.data(), f.data() + f.size(), value).ec == std::errc();
    };
    return number(4, out.ppid) && number(9, out.flags) && number(14, out.utime) && number(15, out.stime) &&
           number(22, out.startTime);
}

std::string commandLine(pid_t pid)
{
    auto text = io::readWholeFile("/proc/" + std::to_string(pid) + "/cmdline");
    if (!text)
        return {};
    std::string line = std::move(text.value());
    while (!line.empty() && line.back() == '\0')
        line.pop_back();
    for (char &c : line)
        if (c == '\0')
            c = ' ';
    return line;
}

constexpr unsigned long kPfKthread = 0x00200000; // PF_KTHREAD in the stat flags field

struct Reading {
    ProcessEntry entry;
    std::uint64_t cpuTicks = 0;
    std::uint64_t startTime = 0;
};

std::vector<Reading> readAll()
{
    std::vector<Reading> out;
    DIR *dir = ::opendir("/proc");
    if (dir == nullptr)
        return out;
    std::unordered_map<uid_t, std::string> users;
    while (dirent *e = ::readdir(dir)) {
        if (!std::isdigit(static_cast<unsigned char>(e->d_name[0])))
            continue;
        const pid_t pid = std::atoi(e->d_name);
        const std::string base = "/proc/" + std::to_string(pid);
        auto stat = io::readWholeFile(base + "/stat");
        StatFields f;
        // A process may exit between readdir and the read: skip it.
        if (!stat || !parseStat(stat.value(), f))
            continue;
        // Kernel threads (kthreadd and its children) cannot be attached to.
        if ((f.flags & kPfKthread) != 0 || pid == 2 || f.ppid == 2)
            continue;
        struct stat st {};
        if (::stat(base.c_str(), &st) != 0)
            continue;
        Reading r;
        r.entry.pid = pid;
        r.entry.name = f.comm;
        r.entry.user = userName(st.st_uid, users);
        r.entry.commandLine = commandLine(pid);
        r.cpuTicks = f.utime + f.stime;
        r.startTime = f.startTime;
        out.push_back(std::move(r));
    }
    ::closedir(dir);
    return out;
}

} // namespace

std::vector<ProcessEntry> ProcessList::snapshot()
{
    std::vector<ProcessEntry> out;
    for (auto &r : readAll())
        out.push_back(std::move(r.entry));
    return out;
}

std::vector<ProcessEntry> ProcessList::refresh()
{
    const std::int64_t now = monotonicNs();
    const double seconds = previousNs_ > 0 ? double(now - previousNs_) / 1e9 : 0;
    static const double ticksPerSecond = double(::sysconf(_SC_CLK_TCK));
    std::map<pid_t, Ticks> current;
    std::vector<ProcessEntry> out;
    for (auto &r : readAll()) {
        if (seconds > 0) {
            const auto it = previous_.find(r.entry.pid);
            if (it != previous_.end() && it->second.startTime == r.startTime && r.cpuTicks >= it->second.cpuTicks)
                r.entry.cpuPercent = double(r.cpuTicks - it->second.cpuTicks) / ticksPerSecond / seconds * 100.0;
            else
                r.entry.cpuPercent = 0; // new since the last reading
        }
        current[r.entry.pid] = {r.cpuTicks, r.startTime};
        out.push_back(std::move(r.entry));
    }
    previous_ = std::move(current);
    previousNs_ = now;
    return out;
}

} // namespace perfwb::record
