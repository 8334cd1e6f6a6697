// SPDX-License-Identifier: GPL-3.0-or-later
#include "perfdatareader.h"

#include "perfrecorddecoder.h"
#include "samplebuilder.h"
#include "symbolize/symbolizer.h"

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace perfwb::perf {

namespace {

using perf::PerfRecordDecoder;

// perf's own record types (tools/perf/util/event.h), written by perf record, never by the kernel.
constexpr std::uint32_t kUserTypeStart = 64;
constexpr std::uint32_t kFinishedRound = 68;
constexpr std::uint32_t kAuxtrace = 71;
constexpr std::uint32_t kCompressed = 81;
constexpr std::uint64_t kKernelStart = 0xffff800000000000ULL; // x86_64

class Session {
public:
    Session(const PerfDataFile &file, model::Profile &out)
        : file_(file)
        , out_(out)
        , builder_(out, lock_, symbolizer_, callGraphOf(file))
    {
        builder_.setThreadNamesFromProc(false);
        const auto &events = file.events();
        hasTime_ = true;
        for (std::uint32_t i = 0; i < events.size(); ++i) {
            const auto &attr = events[i].attr;
            decoders_.push_back(std::make_unique<PerfRecordDecoder>(
                attr.sample_type & ~PerfDataFile::kTrailingSampleFields, attr.sample_regs_user));
            hasTime_ = hasTime_ && (attr.sample_type & PERF_SAMPLE_TIME);
            for (auto id : events[i].ids)
                idToEvent_.emplace(id, i);
        }
        samplesPerEvent_.assign(events.size(), 0);
        // Where the sample id sits; PerfDataFile made sure it is the same for every event.
        const std::uint64_t type = events.front().attr.sample_type;
        if (type & PERF_SAMPLE_IDENTIFIER) {
            sampleIdPos_ = 0;
            trailerIdFromEnd_ = 8;
        } else if (type & PERF_SAMPLE_ID) {
            sampleIdPos_ = 0;
            for (auto bit : {PERF_SAMPLE_IP, PERF_SAMPLE_TID, PERF_SAMPLE_TIME, PERF_SAMPLE_ADDR})
                sampleIdPos_ += (type & bit) ? 8 : 0;
            trailerIdFromEnd_ = 8;
            for (auto bit : {PERF_SAMPLE_STREAM_ID, PERF_SAMPLE_CPU})
                trailerIdFromEnd_ += (type & bit) ? 8 : 0;
        }
    }

    Status run(std::string &unsupported)
    {
        const std::string_view data = file_.data();
        std::size_t pos = 0;
        while (pos < data.size()) {
            perf_event_header h{};
            if (data.size() - pos < sizeof h)
                return truncated(pos, "a record header is cut off");
            std::memcpy(&h, data.data() + pos, sizeof h);
            if (h.size < sizeof h || h.size % 8 != 0)
                return corrupt(pos,
                               "a record of type " + std::to_string(h.type) + " has size " + std::to_string(h.size));
            if (h.size > data.size() - pos)
                return truncated(pos, "a record of " + std::to_string(h.size) + " bytes runs past the data section");
            const auto *rec = reinterpret_cast<const perf_event_header *>(data.data() + pos);
            pos += h.size;
            if (h.type >= kUserTypeStart) {
                if (h.type == kAuxtrace || h.type == kCompressed) {
                    unsupported =
                        h.type == kAuxtrace ? "AUX area trace records" : "compressed records (perf record -z)";
                    return {};
                }
                if (h.type == kFinishedRound) {
                    if (Status st = flushRound(); !st)
                        return st;
                    releaseDelivered(data.data() + pos);
                }
                continue; // build ids, id index, cpu/thread maps, ...: not needed for a profile
            }
            const int event = eventOf(rec);
            if (event < 0) {
                ++unknownIds_;
                continue;
            }
            if (!hasTime_) {
                if (Status st = deliver({0, rec, std::uint32_t(event)}); !st)
                    return st;
                continue;
            }
            std::uint64_t time = 0;
            if (!decoders_[std::size_t(event)]->recordTime(rec, time))
                return corrupt(offsetOf(rec), "a record of type " + std::to_string(h.type) + " is too short");
            maxSeen_ = std::max(maxSeen_, time);
            pending_.push_back({time, rec, std::uint32_t(event)});
        }
        sortPending();
        return flush(pending_.size());
    }

    // The sampled events (those with samples, in the file's order) into the profile and its
    // metadata; returns the first one's attributes.
    const perf_event_attr *fillEvents()
    {
        auto &meta = out_.meta;
        const auto &events = file_.events();
        std::string names;
        std::string rawNames;
        const perf_event_attr *sampled = nullptr;
        // Events without samples are left out, so sample events are renumbered densely
        // (all to 0 when one event has samples: no event column then).
        std::vector<std::uint16_t> renumber(events.size(), 0);
        std::vector<model::EventType> sampledEvents;
        for (std::size_t i = 0; i < events.size(); ++i) {
            if (samplesPerEvent_[i] == 0 && events.size() > 1)
                continue;
            sampled = sampled != nullptr ? sampled : &events[i].attr;
            const std::string raw = events[i].name.empty() ? "event" + std::to_string(i) : events[i].name;
            const std::string base(eventBaseName(raw));
            names += (names.empty() ? "" : ",") + base;
            rawNames += (rawNames.empty() ? "" : ",") + raw;
            if (events.size() > 1)
                meta.extra["perf.samples." + base] = std::to_string(samplesPerEvent_[i]);
            renumber[i] = static_cast<std::uint16_t>(sampledEvents.size());
            sampledEvents.push_back({base, model::WeightKind::Samples});
        }
        out_.samples.remapEvents(renumber);
        if (sampledEvents.size() > 1)
            out_.events = std::move(sampledEvents);
        meta.sampler.event = names;
        meta.extra["perf.event"] = rawNames;
        return sampled;
    }

    void fillMetadata()
    {
        auto &meta = out_.meta;
        builder_.onLost(std::max(lostEvents_, lostSamples_));
        if (lostEvents_ > 0)
            meta.extra["perf.lost_events"] = std::to_string(lostEvents_);
        if (lostSamples_ > 0)
            meta.extra["perf.lost_samples"] = std::to_string(lostSamples_);
        const perf_event_attr *sampled = fillEvents();
        meta.extra["perf.samples"] = std::to_string(builder_.samples());
        if (builder_.periodTotal() > 0)
            meta.extra["perf.period_total"] = std::to_string(builder_.periodTotal());
        if (sampled != nullptr) {
            if (sampled->freq && sampled->sample_freq > 0)
                meta.sampler.frequencyHz = static_cast<int>(std::min<std::uint64_t>(sampled->sample_freq, 1U << 30));
            else if (sampled->sample_period > 0)
                meta.extra["perf.sample_period"] = std::to_string(sampled->sample_period);
            // --call-graph=lbr: the call stack comes from the last branch records.
            if ((sampled->sample_type & PERF_SAMPLE_BRANCH_STACK) &&
                (sampled->branch_sample_type & PERF_SAMPLE_BRANCH_CALL_STACK))
                meta.sampler.callGraph = "lbr";
            else if (sampled->sample_type & PERF_SAMPLE_STACK_USER)
                meta.sampler.callGraph = "dwarf";
            else if (sampled->sample_type & PERF_SAMPLE_CALLCHAIN)
                meta.sampler.callGraph = "fp";
        }
        if (builder_.samples() > 0)
            meta.durationNs = lastTime_ - firstTime_;
        meta.weightUnit = model::WeightKind::Samples;
        if (builder_.unwindFallbacks() > 0) {
            meta.extra["perf.unwind_fallbacks"] = std::to_string(builder_.unwindFallbacks());
            meta.addImportWarning(std::to_string(builder_.unwindFallbacks()) + " of " +
                                  std::to_string(builder_.samples()) +
                                  " samples could not be unwound with DWARF; their frame-pointer call chain is used");
        }
        if (unknownIds_ > 0) {
            meta.extra["perf.unknown_id_records"] = std::to_string(unknownIds_);
            meta.addImportWarning(std::to_string(unknownIds_) +
                                  " records carry a sample id that no event of the file has; they were skipped");
        }
        PerfDataReader::fillHeaderMetadata(file_, meta);
    }

    std::size_t samples() const { return builder_.samples(); }

private:
    struct Pending {
        std::uint64_t time;
        const perf_event_header *record;
        std::uint32_t event;
    };

    static perf::CallGraph callGraphOf(const PerfDataFile &file)
    {
        for (const auto &e : file.events()) {
            if (e.attr.sample_type & PERF_SAMPLE_STACK_USER)
                return perf::CallGraph::Dwarf;
        }
        return perf::CallGraph::FramePointer;
    }

    std::uint64_t offsetOf(const perf_event_header *rec) const
    {
        return file_.dataOffset() + std::uint64_t(reinterpret_cast<const char *>(rec) - file_.data().data());
    }
    Status corrupt(std::uint64_t offset, const std::string &what) const
    {
        return makeError(file_.name() + ": perf.data is corrupt at offset " + std::to_string(offset) + ": " + what);
    }
    Status truncated(std::size_t pos, const std::string &what) const
    {
        return makeError(file_.name() + ": perf.data is truncated at offset " +
                         std::to_string(file_.dataOffset() + pos) + ": " + what);
    }

    // The event a kernel record belongs to, or -1 for an id no event has.
    int eventOf(const perf_event_header *rec) const
    {
        if (decoders_.size() == 1)
            return 0;
        std::uint64_t id = 0;
        const auto *body = reinterpret_cast<const std::uint8_t *>(rec) + sizeof *rec;
        if (rec->type == PERF_RECORD_SAMPLE) {
            if (rec->size < sizeof *rec + sampleIdPos_ + 8)
                return -1;
            std::memcpy(&id, body + sampleIdPos_, 8);
        } else {
            if (rec->size < sizeof *rec + trailerIdFromEnd_)
                return -1;
            std::memcpy(&id, reinterpret_cast<const std::uint8_t *>(rec) + rec->size - trailerIdFromEnd_, 8);
        }
        if (id == 0)
            return 0; // records perf synthesized (existing threads, kernel maps) carry id 0, as perf reads them
        const auto it = idToEvent_.find(id);
        return it == idToEvent_.end() ? -1 : int(it->second);
    }

    // perf's rule: a CPU buffer may still hold records older than the newest record of
    // round n, but they are all written by the end of round n + 1. So at each round's
    // end everything up to the previous round's newest time can go.
    Status flushRound()
    {
        sortPending();
        const auto upTo = std::upper_bound(pending_.begin(), pending_.end(), previousRoundMax_,
                                           [](std::uint64_t t, const Pending &p) { return t < p.time; });
        previousRoundMax_ = maxSeen_;
        return flush(std::size_t(upTo - pending_.begin()));
    }

    // Everything before the oldest record still queued has been delivered.
    void releaseDelivered(const char *scanned)
    {
        const char *oldest = scanned;
        for (const auto &p : pending_)
            oldest = std::min(oldest, reinterpret_cast<const char *>(p.record));
        file_.release(oldest);
    }

    // Records of equal time keep their file order.
    void sortPending()
    {
        std::stable_sort(pending_.begin(), pending_.end(),
                         [](const Pending &a, const Pending &b) { return a.time < b.time; });
    }

    // Delivers the first n pending records (sorted).
    Status flush(std::size_t n)
    {
        for (std::size_t i = 0; i < n; ++i) {
            if (Status st = deliver(pending_[i]); !st)
                return st;
        }
        pending_.erase(pending_.begin(), pending_.begin() + std::ptrdiff_t(n));
        return {};
    }

    Status deliver(const Pending &p)
    {
        using Kind = PerfRecordDecoder::Kind;
        PerfRecordDecoder &decoder = *decoders_[p.event];
        switch (decoder.decode(p.record)) {
        case Kind::Sample: {
            auto &sample = decoder.sample;
            if (!(file_.events()[p.event].attr.sample_type & PERF_SAMPLE_CALLCHAIN)) {
                // One frame and no context marker: say which side of the kernel boundary it is on.
                const std::uint64_t ip = sample.callchain.front();
                const auto mode = p.record->misc & PERF_RECORD_MISC_CPUMODE_MASK;
                const bool kernel =
                    mode == PERF_RECORD_MISC_KERNEL || (mode != PERF_RECORD_MISC_USER && ip >= kKernelStart);
                sample.callchain.insert(sample.callchain.begin(),
                                        std::uint64_t(kernel ? PERF_CONTEXT_KERNEL : PERF_CONTEXT_USER));
            }
            const auto t = sample.timeNs;
            firstTime_ = builder_.samples() == 0 ? t : std::min(firstTime_, t);
            lastTime_ = builder_.samples() == 0 ? t : std::max(lastTime_, t);
            ++samplesPerEvent_[p.event];
            sample.event = static_cast<std::uint16_t>(p.event);
            builder_.onSample(sample);
            return {};
        }
        case Kind::Mmap:
            builder_.onMmap(decoder.mmap);
            return {};
        case Kind::Comm:
            builder_.onComm(decoder.comm);
            return {};
        case Kind::Task:
            builder_.onTask(decoder.task);
            return {};
        case Kind::Lost:
            (decoder.lostFromSamplesRecord ? lostSamples_ : lostEvents_) += decoder.lost;
            return {};
        case Kind::Throttle:
        case Kind::Ignored:
            return {};
        case Kind::Malformed:
            break;
        }
        return corrupt(offsetOf(p.record), "a record of type " + std::to_string(p.record->type) + " is malformed");
    }

    const PerfDataFile &file_;
    model::Profile &out_;
    symbolize::Symbolizer symbolizer_;
    std::mutex lock_;
    perf::SampleBuilder builder_;
    std::vector<std::unique_ptr<PerfRecordDecoder>> decoders_;
    std::unordered_map<std::uint64_t, std::uint32_t> idToEvent_;
    std::uint64_t sampleIdPos_ = 0;
    std::uint64_t trailerIdFromEnd_ = 8;
    bool hasTime_ = true;

    std::vector<Pending> pending_;
    std::uint64_t maxSeen_ = 0;
    std::uint64_t lostEvents_ = 0;  // PERF_RECORD_LOST, what perf script --show-lost-events shows
    std::uint64_t lostSamples_ = 0; // PERF_RECORD_LOST_SAMPLES
    std::uint64_t previousRoundMax_ = 0;

    std::vector<std::uint64_t> samplesPerEvent_;
    std::uint64_t unknownIds_ = 0;
    std::int64_t firstTime_ = 0;
    std::int64_t lastTime_ = 0;
};

} // namespace

void PerfDataReader::fillHeaderMetadata(const PerfDataFile &file, model::RunMetadata &meta)
{
    if (!file.hostname.empty())
        meta.host = file.hostname;
    if (!file.commandLine.empty())
        meta.setCommandLine(file.commandLine);
    const std::pair<const char *, const std::string *> facts[] = {{"perf.version", &file.perfVersion},
                                                                  {"perf.os_release", &file.osRelease},
                                                                  {"perf.arch", &file.arch},
                                                                  {"perf.cpu", &file.cpuDesc}};
    for (const auto &[key, value] : facts) {
        if (!value->empty())
            meta.extra[key] = *value;
    }
    if (file.cpusOnline > 0) {
        meta.extra["perf.cpus_online"] = std::to_string(file.cpusOnline);
        meta.extra["perf.cpus_available"] = std::to_string(file.cpusAvailable);
    }
    if (!file.headerWarning.empty())
        meta.addImportWarning(file.headerWarning);
}

Status PerfDataReader::read(const PerfDataFile &file, model::Profile &out, std::string &unsupported)
{
    if (!file.unsupported().empty()) {
        unsupported = file.unsupported();
        return {};
    }
    // Room for as many samples as the records could hold (none is under 24 bytes), up to
    // 16 M: only what is written becomes resident, and the columns never grow by copying,
    // which at 2.1 M samples held 34 MB twice for a moment (import peak 106 -> 82 MiB).
    out.samples.reserve(std::min<std::size_t>(file.data().size() / 24, std::size_t{1} << 24));
    Session session(file, out);
    if (Status st = session.run(unsupported); !st || !unsupported.empty())
        return st;
    if (session.samples() == 0)
        return makeError(file.name() + ": perf.data holds no samples");
    session.fillMetadata();
    return {};
}

} // namespace perfwb::perf
