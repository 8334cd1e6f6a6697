// SPDX-License-Identifier: GPL-3.0-or-later
#include "pprofexporter.h"

#include "analysis/stackweights.h"
#include "profile.pb.h"
#include "textescape.h"

#include <zlib.h>

#include <map>
#include <unordered_map>

namespace perfwb::formats {

namespace {

// pprof's string table: "" at index 0, each string once.
class Strings {
public:
    explicit Strings(perftools::profiles::Profile &p)
        : p_(p)
    {
        id("");
    }
    std::int64_t id(std::string_view s)
    {
        std::string key = textescape::validUtf8(s); // proto3 strings must be UTF-8
        auto [it, added] = index_.emplace(key, static_cast<std::int64_t>(index_.size()));
        if (added)
            p_.add_string_table(std::move(key));
        return it->second;
    }

private:
    perftools::profiles::Profile &p_;
    std::unordered_map<std::string, std::int64_t> index_;
};

} // namespace

Status PprofExporter::gzip(const std::string &data, std::string &out)
{
    z_stream zs{};
    // 15 + 16: a gzip header and trailer rather than a raw zlib stream.
    if (deflateInit2(&zs, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return makeError("pprof export: cannot start gzip compression");
    out.resize(deflateBound(&zs, static_cast<uLong>(data.size())) + 64);
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&zs, Z_FINISH);
    const auto written = zs.total_out;
    deflateEnd(&zs);
    if (rc != Z_STREAM_END)
        return makeError("pprof export: gzip compression failed");
    out.resize(written);
    return {};
}

Status PprofExporter::write(const model::Profile &profile, const ExportOptions &options, std::string &out) const
{
    namespace pb = perftools::profiles;
    pb::Profile p;
    Strings strings(p);
    const auto weights = analysis::StackWeights::compute(profile, options.filter);
    const model::WeightKind unit = profile.meta.weightUnit.kind();
    const int hz = profile.meta.sampler.frequencyHz;

    // Value columns: what one unit of weight becomes in each.
    std::vector<std::int64_t> scale;
    const auto addType = [&](std::string_view type, std::string_view u, std::int64_t factor) {
        auto *vt = p.add_sample_type();
        vt->set_type(strings.id(type));
        vt->set_unit(strings.id(u));
        scale.push_back(factor);
    };
    if (unit == model::WeightKind::Nanoseconds) {
        addType("cpu", "nanoseconds", 1);
    } else if (unit == model::WeightKind::Bytes) {
        addType("space", "bytes", 1);
    } else {
        addType("samples", "count", 1);
        if (hz > 0) {
            addType("cpu", "nanoseconds", 1000000000LL / hz);
            p.mutable_period_type()->set_type(strings.id("cpu"));
            p.mutable_period_type()->set_unit(strings.id("nanoseconds"));
            p.set_period(1000000000LL / hz);
        }
    }
    p.set_default_sample_type(p.sample_type(static_cast<int>(scale.size()) - 1).type());
    if (profile.meta.startTimeUnixNs > 0)
        p.set_time_nanos(profile.meta.startTimeUnixNs);
    if (profile.meta.durationNs > 0)
        p.set_duration_nanos(profile.meta.durationNs);
    if (!profile.meta.runLabel.empty())
        p.add_comment(strings.id("run label: " + profile.meta.runLabel));
    p.add_comment(strings.id("written by perfwb " PERFWB_VERSION));

    std::unordered_map<model::StringId, std::uint64_t> mappings; // module -> Mapping id
    const auto mappingFor = [&](model::StringId module) -> std::uint64_t {
        if (module == 0)
            return 0;
        auto [it, added] = mappings.emplace(module, mappings.size() + 1);
        if (added) {
            auto *m = p.add_mapping();
            m->set_id(it->second);
            m->set_filename(strings.id(profile.strings.view(module)));
            m->set_has_functions(true);
            m->set_has_filenames(true);
            m->set_has_line_numbers(true);
            m->set_has_inline_frames(true);
        }
        return it->second;
    };
    // Functions by (name, file): what pprof calls a function.
    std::map<std::pair<model::StringId, model::StringId>, std::uint64_t> functions;
    const auto functionFor = [&](const model::Frame &f) -> std::uint64_t {
        auto [it, added] = functions.emplace(std::make_pair(f.function, f.file), functions.size() + 1);
        if (added) {
            auto *fn = p.add_function();
            fn->set_id(it->second);
            const std::string_view name = profile.strings.view(f.function);
            fn->set_name(strings.id(name.empty() ? "[unknown]" : name));
            fn->set_system_name(fn->name());
            fn->set_filename(strings.id(profile.strings.view(f.file)));
        }
        return it->second;
    };
    // Locations by their frames (innermost first): an inlined frame shares its caller's Location.
    std::map<std::vector<model::FrameId>, std::uint64_t> locations;
    const auto locationFor = [&](const std::vector<model::FrameId> &frames) -> std::uint64_t {
        auto [it, added] = locations.emplace(frames, locations.size() + 1);
        if (added) {
            auto *loc = p.add_location();
            loc->set_id(it->second);
            loc->set_mapping_id(mappingFor(profile.frames.at(frames.back()).module));
            for (const model::FrameId id : frames) {
                const auto &f = profile.frames.at(id);
                auto *line = loc->add_line();
                line->set_function_id(functionFor(f));
                line->set_line(f.line);
            }
        }
        return it->second;
    };

    // Per trie node, its Location chain is its parent's plus its own frames; computing
    // one stack at a time is enough: only stacks with weight become samples.
    std::vector<model::FrameId> group;
    for (std::size_t s = 1; s < weights.self.size(); ++s) {
        const std::uint64_t w = weights.self[s];
        if (w == 0)
            continue;
        auto *sample = p.add_sample();
        group.clear();
        for (const model::FrameId id : profile.stacks.framesLeafFirst(static_cast<model::StackId>(s))) {
            group.push_back(id);
            if (!profile.frames.at(id).inlined) {
                sample->add_location_id(locationFor(group));
                group.clear();
            }
        }
        if (!group.empty()) // inlined frames with no caller recorded: a Location of their own
            sample->add_location_id(locationFor(group));
        for (const std::int64_t f : scale)
            sample->add_value(static_cast<std::int64_t>(w) * f);
    }

    std::string raw;
    if (!p.SerializeToString(&raw))
        return makeError("pprof export: the profile could not be serialised");
    return gzip(raw, out);
}

} // namespace perfwb::formats
