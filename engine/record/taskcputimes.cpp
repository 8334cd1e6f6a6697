// SPDX-License-Identifier: GPL-3.0-or-later
#include "taskcputimes.h"

#include "perf/procscan.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <fstream>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <linux/taskstats.h>
#include <poll.h>
#include <string>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace perfwb::record {

namespace {

// Exits of processes not yet added, kept for a while: about 40,000 exits a second on a
// busy build machine fill it in 1.6 s, far longer than a FORK record takes to arrive.
constexpr std::size_t kWindow = 65536;

class Request {
public:
    Request(std::uint16_t type, std::uint8_t cmd)
    {
        auto *h = reinterpret_cast<nlmsghdr *>(buf_.data());
        h->nlmsg_len = NLMSG_LENGTH(GENL_HDRLEN);
        h->nlmsg_type = type;
        h->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
        h->nlmsg_seq = 1;
        auto *g = reinterpret_cast<genlmsghdr *>(NLMSG_DATA(h));
        g->cmd = cmd;
        g->version = 1;
    }
    void attr(std::uint16_t type, const void *data, std::size_t len)
    {
        auto *h = reinterpret_cast<nlmsghdr *>(buf_.data());
        auto *a = reinterpret_cast<nlattr *>(buf_.data() + NLMSG_ALIGN(h->nlmsg_len));
        a->nla_type = type;
        a->nla_len = static_cast<std::uint16_t>(NLA_HDRLEN + len);
        std::memcpy(reinterpret_cast<std::uint8_t *>(a) + NLA_HDRLEN, data, len);
        h->nlmsg_len = NLMSG_ALIGN(h->nlmsg_len) + NLA_ALIGN(a->nla_len);
    }
    Status send(int fd) const
    {
        const auto *h = reinterpret_cast<const nlmsghdr *>(buf_.data());
        if (::send(fd, buf_.data(), h->nlmsg_len, 0) < 0)
            return makeError(std::string("taskstats: ") + std::strerror(errno));
        return {};
    }

private:
    alignas(nlmsghdr) std::array<std::uint8_t, 512> buf_{};
};

// Calls f(type, payload, length) for each attribute in [p, p + len).
template<typename F> void forEachAttr(const std::uint8_t *p, std::size_t len, F &&f)
{
    while (len >= NLA_HDRLEN) {
        nlattr a{};
        std::memcpy(&a, p, sizeof a);
        if (a.nla_len < NLA_HDRLEN || a.nla_len > len)
            return;
        f(a.nla_type & NLA_TYPE_MASK, p + NLA_HDRLEN, static_cast<std::size_t>(a.nla_len - NLA_HDRLEN));
        const std::size_t step = std::min<std::size_t>(NLA_ALIGN(a.nla_len), len);
        p += step;
        len -= step;
    }
}

// The reply to one request: the family id for CTRL_CMD_GETFAMILY, or the ACK's error.
Result<std::uint16_t> reply(int fd)
{
    alignas(nlmsghdr) std::array<std::uint8_t, 8192> buf{};
    std::uint16_t family = 0;
    for (;;) {
        const ssize_t n = ::recv(fd, buf.data(), buf.size(), 0);
        if (n < 0)
            return makeError(std::string("taskstats: ") + std::strerror(errno));
        auto len = static_cast<unsigned>(n);
        for (auto *h = reinterpret_cast<nlmsghdr *>(buf.data()); NLMSG_OK(h, len); h = NLMSG_NEXT(h, len)) {
            if (h->nlmsg_type == NLMSG_ERROR) {
                int err = 0;
                std::memcpy(&err, NLMSG_DATA(h), sizeof err);
                if (err != 0)
                    return makeError(std::string("taskstats: ") + std::strerror(-err));
                return family; // the ACK ends every reply
            }
            const auto *payload = static_cast<const std::uint8_t *>(NLMSG_DATA(h)) + GENL_HDRLEN;
            forEachAttr(payload, h->nlmsg_len - NLMSG_LENGTH(GENL_HDRLEN),
                        [&](unsigned type, const std::uint8_t *p, std::size_t size) {
                            if (type == CTRL_ATTR_FAMILY_ID && size >= 2)
                                std::memcpy(&family, p, 2);
                        });
        }
    }
}

std::string possibleCpus()
{
    std::ifstream in("/sys/devices/system/cpu/possible");
    std::string cpus;
    std::getline(in, cpus);
    return cpus.empty() ? "0-" + std::to_string(sysconf(_SC_NPROCESSORS_CONF) - 1) : cpus;
}

std::optional<std::int64_t> schedstatNs(std::int32_t pid, std::int32_t tid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/task/" + std::to_string(tid) + "/schedstat");
    long long ns = -1;
    if (!(in >> ns) || ns < 0)
        return std::nullopt;
    return ns;
}

} // namespace

Result<std::unique_ptr<TaskCpuTimes>> TaskCpuTimes::listen()
{
    const int fd = ::socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_GENERIC);
    if (fd < 0)
        return makeError(std::string("taskstats: ") + std::strerror(errno));
    sockaddr_nl local{};
    local.nl_family = AF_NETLINK;
    // A burst of a thousand thread exits is ~600 KB of messages: room for several.
    const int bytes = 8 << 20;
    if (::setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &bytes, sizeof bytes) != 0)
        ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &bytes, sizeof bytes);
    Request family(GENL_ID_CTRL, CTRL_CMD_GETFAMILY);
    family.attr(CTRL_ATTR_FAMILY_NAME, TASKSTATS_GENL_NAME, sizeof TASKSTATS_GENL_NAME);
    Result<std::uint16_t> id = makeError("");
    if (::bind(fd, reinterpret_cast<sockaddr *>(&local), sizeof local) != 0)
        id = makeError(std::string("taskstats: ") + std::strerror(errno));
    else if (Status sent = family.send(fd); !sent)
        id = makeError(sent.message());
    else
        id = reply(fd);
    if (id && id.value() == 0)
        id = makeError("taskstats: the kernel has no TASKSTATS family");
    if (id) {
        const std::string cpus = possibleCpus();
        Request reg(id.value(), TASKSTATS_CMD_GET);
        reg.attr(TASKSTATS_CMD_ATTR_REGISTER_CPUMASK, cpus.c_str(), cpus.size() + 1);
        Status sent = reg.send(fd);
        if (Result<std::uint16_t> ack = sent ? reply(fd) : Result<std::uint16_t>(makeError(sent.message())); !ack)
            id = makeError(ack.message());
    }
    if (!id) {
        ::close(fd);
        return makeError(id.message());
    }
    std::unique_ptr<TaskCpuTimes> times(new TaskCpuTimes(fd, id.value()));
    times->thread_ = std::thread(&TaskCpuTimes::run, times.get());
    return times;
}

TaskCpuTimes::TaskCpuTimes(int fd, std::uint16_t family)
    : fd_(fd)
    , wakeFd_(::eventfd(0, EFD_CLOEXEC))
    , family_(family)
{}

TaskCpuTimes::~TaskCpuTimes()
{
    finish();
    ::close(fd_);
    if (wakeFd_ >= 0)
        ::close(wakeFd_);
}

void TaskCpuTimes::run()
{
    // The recording's end waited up to this timeout for the thread (on average 50 ms of
    // every recording) until finish() could wake it; the timeout stays for an eventfd
    // that could not be made.
    std::array<pollfd, 2> p{pollfd{fd_, POLLIN, 0}, pollfd{wakeFd_, POLLIN, 0}};
    const nfds_t count = wakeFd_ >= 0 ? 2 : 1;
    while (!stop_.load()) {
        if (::poll(p.data(), count, 100) > 0 && (p[0].revents & POLLIN) != 0)
            receive();
    }
}

void TaskCpuTimes::finish()
{
    if (!thread_.joinable())
        return;
    stop_.store(true);
    if (wakeFd_ >= 0) {
        const std::uint64_t one = 1;
        [[maybe_unused]] const ssize_t n = ::write(wakeFd_, &one, sizeof one);
    }
    thread_.join();
    receive(); // the exits sent before the target was reaped are all queued by now
}

void TaskCpuTimes::receive()
{
    alignas(nlmsghdr) static thread_local std::array<std::uint8_t, 65536> buf{};
    for (;;) {
        const ssize_t n = ::recv(fd_, buf.data(), buf.size(), MSG_DONTWAIT);
        if (n < 0) {
            if (errno == ENOBUFS) {
                overflowed_.store(true);
                continue;
            }
            return; // EAGAIN: all read
        }
        auto len = static_cast<unsigned>(n);
        for (auto *h = reinterpret_cast<nlmsghdr *>(buf.data()); NLMSG_OK(h, len); h = NLMSG_NEXT(h, len)) {
            if (h->nlmsg_type == family_ && h->nlmsg_len >= NLMSG_LENGTH(GENL_HDRLEN))
                onMessage(static_cast<const std::uint8_t *>(NLMSG_DATA(h)) + GENL_HDRLEN,
                          h->nlmsg_len - NLMSG_LENGTH(GENL_HDRLEN));
        }
    }
}

void TaskCpuTimes::onMessage(const std::uint8_t *data, std::size_t size)
{
    // TASKSTATS_TYPE_AGGR_PID { TASKSTATS_TYPE_PID, TASKSTATS_TYPE_STATS }, per exiting task.
    forEachAttr(data, size, [&](unsigned type, const std::uint8_t *p, std::size_t len) {
        if (type != TASKSTATS_TYPE_AGGR_PID)
            return;
        Exit exit;
        bool haveStats = false;
        forEachAttr(p, len, [&](unsigned inner, const std::uint8_t *q, std::size_t qlen) {
            if (inner == TASKSTATS_TYPE_PID && qlen >= 4) {
                std::uint32_t tid = 0;
                std::memcpy(&tid, q, 4);
                exit.tid = static_cast<std::int32_t>(tid);
            } else if (inner == TASKSTATS_TYPE_STATS &&
                       qlen >= offsetof(taskstats, ac_tgid) + sizeof(taskstats::ac_tgid)) {
                // cpu_run_virtual_total is sum_exec_runtime; cpu_run_real_total is tick-based.
                std::uint64_t ns = 0;
                std::uint32_t tgid = 0;
                std::memcpy(&ns, q + offsetof(taskstats, cpu_run_virtual_total), sizeof ns);
                std::memcpy(&tgid, q + offsetof(taskstats, ac_tgid), sizeof tgid);
                exit.cpuNs = static_cast<std::int64_t>(ns);
                exit.pid = static_cast<std::int32_t>(tgid);
                haveStats = true;
            }
        });
        if (haveStats && exit.tid > 0)
            store(exit);
    });
}

void TaskCpuTimes::store(const Exit &exit)
{
    std::lock_guard lock(mutex_);
    if (processes_.count(exit.pid) != 0) {
        kept_[exit.tid] = exit;
        return;
    }
    window_.push_back(exit);
    if (window_.size() > kWindow)
        window_.pop_front();
}

void TaskCpuTimes::addProcess(std::int32_t pid)
{
    std::lock_guard lock(mutex_);
    if (!processes_.insert(pid).second)
        return;
    for (const Exit &e : window_) {
        if (e.pid == pid)
            kept_[e.tid] = e;
    }
}

void TaskCpuTimes::setBaseline(std::int32_t pid)
{
    std::lock_guard lock(mutex_);
    for (pid_t tid : perf::procscan::threads(pid)) {
        if (const auto ns = schedstatNs(pid, tid))
            baseline_[tid] = *ns;
    }
}

std::string TaskCpuTimes::fill(model::Profile &profile)
{
    for (const model::ProcessInfo &p : profile.processes)
        addProcess(p.pid);
    std::size_t known = 0;
    for (std::size_t i = 0; i < profile.threads().size(); ++i) {
        model::ThreadInfo &t = profile.thread(static_cast<model::ThreadIndex>(i));
        if (const auto ns = cpuNs(t.pid, t.tid)) {
            t.cpuNs = *ns;
            ++known;
        }
    }
    return std::to_string(known) + " of " + std::to_string(profile.threads().size()) + " threads" +
           (overflowed() ? " (exit messages overflowed)" : "");
}

std::optional<std::int64_t> TaskCpuTimes::cpuNs(std::int32_t pid, std::int32_t tid) const
{
    std::lock_guard lock(mutex_);
    std::optional<std::int64_t> ns;
    if (const auto it = kept_.find(tid); it != kept_.end() && it->second.pid == pid)
        ns = it->second.cpuNs;
    else
        ns = schedstatNs(pid, tid); // still running
    if (!ns)
        return std::nullopt;
    if (const auto base = baseline_.find(tid); base != baseline_.end())
        *ns = std::max<std::int64_t>(0, *ns - base->second);
    return ns;
}

} // namespace perfwb::record
