// SPDX-License-Identifier: GPL-3.0-or-later
#include "chrometraceexporter.h"

#include "textescape.h"

#include <algorithm>
#include <charconv>
#include <limits>

namespace perfwb::formats {

namespace {

// A frame event's args: its module, and where in its file (Python frames, and native
// ones with line tables).
void appendFrameArgs(std::string &out, const model::Profile &profile, model::FrameId f)
{
    out += ",\"args\":{\"module\":";
    textescape::appendJsonString(out, profile.moduleName(f));
    if (const model::Frame &frame = profile.frames.at(f); frame.line > 0) {
        out += ",\"file\":";
        textescape::appendJsonString(out, profile.strings.view(frame.file));
        out += ",\"line\":" + std::to_string(frame.line);
    }
    out += "}";
}

std::string micros(std::int64_t ns)
{
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, static_cast<double>(ns) / 1000.0, std::chars_format::fixed, 3);
    return std::string(buf, r.ptr);
}

class EventWriter {
public:
    EventWriter(std::string &out, std::int64_t origin)
        : out_(out)
        , origin_(origin)
    {}
    void begin(char ph, std::string_view name, std::int32_t pid, std::int32_t tid)
    {
        out_ += first_ ? "\n{\"ph\":\"" : ",\n{\"ph\":\"";
        first_ = false;
        out_ += ph;
        out_ += "\",\"name\":";
        textescape::appendJsonString(out_, name);
        out_ += ",\"pid\":" + std::to_string(pid) + ",\"tid\":" + std::to_string(tid);
    }
    void complete(std::string_view name, std::string_view cat, std::int32_t pid, std::int32_t tid, std::int64_t start,
                  std::int64_t end)
    {
        begin('X', name, pid, tid);
        out_ += ",\"cat\":";
        textescape::appendJsonString(out_, cat);
        out_ += ",\"ts\":" + micros(start - origin_) + ",\"dur\":" + micros(std::max<std::int64_t>(end - start, 0));
    }
    void close() { out_ += '}'; }
    std::string &out() { return out_; }

private:
    std::string &out_;
    std::int64_t origin_;
    bool first_ = true;
};

} // namespace

Status ChromeTraceExporter::write(const model::Profile &profile, const ExportOptions &options, std::string &out) const
{
    const auto &samples = profile.samples;
    const auto &threads = profile.threads();
    std::int64_t origin = std::numeric_limits<std::int64_t>::max();
    for (std::size_t i = 0; i < samples.size(); ++i)
        origin = std::min(origin, samples.time(i));
    for (const auto &m : profile.marks)
        origin = std::min(origin, m.startNs);
    if (origin == std::numeric_limits<std::int64_t>::max())
        origin = 0;
    // One sampling interval: from the frequency, else the typical gap between samples.
    std::int64_t interval = profile.meta.sampler.frequencyHz > 0 ? 1000000000LL / profile.meta.sampler.frequencyHz : 0;

    // Samples per thread in time order (recordings are nearly sorted already).
    std::vector<std::vector<std::uint32_t>> perThread(threads.size());
    for (std::size_t i = 0; i < samples.size(); ++i) {
        if (options.filter.accepts(samples, i) && samples.thread(i) < threads.size())
            perThread[samples.thread(i)].push_back(static_cast<std::uint32_t>(i));
    }
    if (interval <= 0) {
        std::vector<std::int64_t> gaps;
        for (const auto &list : perThread) {
            for (std::size_t k = 1; k < list.size() && gaps.size() < 100000; ++k)
                gaps.push_back(samples.time(list[k]) - samples.time(list[k - 1]));
        }
        if (!gaps.empty()) {
            std::nth_element(gaps.begin(), gaps.begin() + static_cast<long>(gaps.size() / 2), gaps.end());
            interval = gaps[gaps.size() / 2];
        }
        if (interval <= 0)
            interval = 1000000; // 1 ms: imports without time information
    }

    out.clear();
    out.reserve(256 + samples.size() * 40);
    out += "{\"displayTimeUnit\":\"ns\",\"otherData\":{\"tool\":\"perfwb\",\"source\":";
    textescape::appendJsonString(out, profile.meta.sourceFormat);
    out += ",\"label\":";
    textescape::appendJsonString(out, profile.meta.runLabel);
    out += "},\"traceEvents\":[";
    EventWriter ev(out, origin);

    for (const auto &p : profile.processes) {
        ev.begin('M', "process_name", p.pid, p.pid);
        out += ",\"args\":{\"name\":";
        textescape::appendJsonString(out, profile.strings.view(p.name));
        out += "}";
        ev.close();
    }
    std::vector<model::FrameId> open;  // root first
    std::vector<std::int64_t> opened;  // start time of each open frame
    std::vector<model::FrameId> stack; // root first, the current sample's
    for (std::size_t t = 0; t < threads.size(); ++t) {
        const auto &th = threads[t];
        ev.begin('M', "thread_name", th.pid, th.tid);
        out += ",\"args\":{\"name\":";
        const std::string_view name = profile.strings.view(th.name);
        textescape::appendJsonString(out, name.empty() ? "thread " + std::to_string(th.tid) : std::string(name));
        out += "}";
        ev.close();

        auto &list = perThread[t];
        std::stable_sort(list.begin(), list.end(),
                         [&](std::uint32_t a, std::uint32_t b) { return samples.time(a) < samples.time(b); });
        open.clear();
        opened.clear();
        std::int64_t last = 0;
        const auto closeTo = [&](std::size_t keep, std::int64_t end) {
            while (open.size() > keep) {
                const model::FrameId f = open.back();
                const std::string_view fn = profile.functionName(f);
                ev.complete(fn.empty() ? std::string_view("[unknown]") : fn, "sample", th.pid, th.tid, opened.back(),
                            end);
                appendFrameArgs(out, profile, f);
                ev.close();
                open.pop_back();
                opened.pop_back();
            }
        };
        for (const std::uint32_t i : list) {
            const std::int64_t now = samples.time(i);
            if (!open.empty() && now - last > 2 * interval)
                closeTo(0, last + interval); // off CPU in between
            stack = profile.stacks.framesLeafFirst(samples.stack(i));
            std::reverse(stack.begin(), stack.end());
            std::size_t common = 0;
            while (common < open.size() && common < stack.size() && open[common] == stack[common])
                ++common;
            closeTo(common, now);
            for (std::size_t k = common; k < stack.size(); ++k) {
                open.push_back(stack[k]);
                opened.push_back(now);
            }
            last = now;
        }
        closeTo(0, last + interval);
    }

    for (const auto &m : profile.marks) {
        std::int32_t pid = 0;
        for (const auto &th : threads) {
            if (th.tid == m.tid) {
                pid = th.pid;
                break;
            }
        }
        if (m.endNs > m.startNs) {
            ev.complete(m.name, m.category.empty() ? std::string_view("mark") : std::string_view(m.category), pid,
                        m.tid, m.startNs, m.endNs);
        } else {
            ev.begin('i', m.name, pid, m.tid);
            out += ",\"cat\":";
            textescape::appendJsonString(out, m.category.empty() ? std::string_view("mark") : m.category);
            out += ",\"s\":\"" + std::string(m.tid == 0 ? "g" : "t") + "\",\"ts\":" + micros(m.startNs - origin);
        }
        ev.close();
    }
    out += "\n]}\n";
    return {};
}

} // namespace perfwb::formats
