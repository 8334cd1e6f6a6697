// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "core/result.h"
#include "model/profile.h"

#include <QJsonValue>

#include <cstdint>
#include <limits>
#include <string>
#include <unordered_map>
#include <vector>

namespace perfwb::formats {

// One V8 CPU profile, as Chrome DevTools / Node write it in a .cpuprofile file and as
// Chrome traces carry it in "ProfileChunk" events: a tree of nodes, each with a
// callFrame {functionName, url, lineNumber (0-based), columnNumber, codeType}, linked by
// "children" id lists (.cpuprofile) or "parent" ids (trace chunks, whose nodes arrive
// over several events); samples (node ids) with timeDeltas (µs since the previous
// sample, the first since startTime).
//
// Frames: the function name ("(anonymous)" when empty), the script URL as module and
// file, line = lineNumber + 1. A frame with codeType "JS", or without codeType but with
// a URL, is FrameKind::Jit; V8's own nodes ("(program)", "(idle)", "(garbage
// collector)", builtins without a URL) are Native and keep their names. The "(root)"
// node is left out of stacks.
class V8CpuProfile {
public:
    explicit V8CpuProfile(model::Profile &out)
        : out_(out)
    {}

    // Adds a batch of nodes; `path` names the array in error messages.
    Status addNodes(const QJsonValue &nodes, const std::string &path);
    // Adds samples and their time deltas (arrays that pair up), after setStartNs.
    Status addSamples(const QJsonValue &samples, const QJsonValue &timeDeltas, const std::string &samplesPath,
                      const std::string &deltasPath);
    void setStartNs(std::int64_t ns)
    {
        startNs_ = ns;
        timeNs_ = ns;
    }
    void setEndNs(std::int64_t ns) { endNs_ = ns; }
    std::size_t sampleCount() const { return sampleNodes_.size(); }
    std::int64_t startNs() const { return startNs_; }
    // endTime when the file gave one, else the last sample's time.
    std::int64_t endNs() const { return hasEnd_() ? endNs_ : timeNs_; }

    // Adds the samples to `thread`, each weighted by the nanoseconds until the next
    // sample and the last one until endTime, as DevTools counts them, so the weights add
    // up to endTime minus the first sample's time. Samples out of time order (V8 writes
    // small negative deltas at times) are sorted first. Fails on a sample or parent
    // naming an unknown node and on cycles.
    Status emit(model::ThreadIndex thread);

private:
    static constexpr std::int64_t kNoEnd = std::numeric_limits<std::int64_t>::min();
    static constexpr std::uint32_t kNone = ~std::uint32_t(0);

    struct Node {
        std::int64_t id = 0;
        std::int64_t parentId = 0;
        bool hasParentId = false;
        bool isRoot = false; // "(root)": not a frame of any stack
        model::FrameId frame = 0;
    };
    struct Batch {
        std::size_t first = 0; // index of its first sample
        std::string path;
    };

    bool hasEnd_() const { return endNs_ != kNoEnd; }
    Status addNode(const QJsonValue &value, const std::string &path);
    Result<model::FrameId> internFrame(const QJsonValue &callFrame, const std::string &path);
    Status resolveParents(std::vector<std::uint32_t> &parent) const;
    Status resolveStacks(const std::vector<std::uint32_t> &parent, std::vector<model::StackId> &stack);
    std::string samplePath(std::size_t index) const;

    model::Profile &out_;
    std::vector<Node> nodes_;
    std::unordered_map<std::int64_t, std::uint32_t> index_;
    std::unordered_map<std::int64_t, std::int64_t> parentOfChild_; // from "children" lists
    std::vector<std::int64_t> sampleNodes_;
    std::vector<std::int64_t> sampleTimes_;
    std::vector<Batch> batches_;
    std::int64_t startNs_ = 0;
    std::int64_t timeNs_ = 0;
    std::int64_t endNs_ = kNoEnd;
};

} // namespace perfwb::formats
