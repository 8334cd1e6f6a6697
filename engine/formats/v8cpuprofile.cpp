// SPDX-License-Identifier: GPL-3.0-or-later
#include "v8cpuprofile.h"

#include "chromejson.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace perfwb::formats {

using chromejson::describe;
using chromejson::fail;

namespace {

constexpr double kMaxId = 9.0e15; // node ids are integers; JSON numbers are exact up to 2^53

std::string idText(std::int64_t id)
{
    return std::to_string(id);
}

} // namespace

Status V8CpuProfile::addNodes(const QJsonValue &nodes, const std::string &path)
{
    if (!nodes.isArray())
        return fail(path, "expected an array of nodes, got " + describe(nodes));
    const auto list = nodes.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (Status st = addNode(list.at(i), path + "[" + std::to_string(i) + "]"); !st)
            return st;
    }
    return {};
}

Status V8CpuProfile::addNode(const QJsonValue &value, const std::string &path)
{
    if (!value.isObject())
        return fail(path, "expected a node object, got " + describe(value));
    const auto o = value.toObject();
    const auto idValue = o.value(QLatin1String("id"));
    const auto id = chromejson::integer(idValue, -kMaxId, kMaxId);
    if (!id)
        return fail(path + ".id", "expected a node id (an integer), got " + describe(idValue));
    Node node;
    node.id = *id;
    const auto parentValue = o.value(QLatin1String("parent"));
    if (!parentValue.isUndefined()) {
        const auto parent = chromejson::integer(parentValue, -kMaxId, kMaxId);
        if (!parent)
            return fail(path + ".parent", "expected a node id, got " + describe(parentValue));
        node.parentId = *parent;
        node.hasParentId = true;
    }
    const auto childrenValue = o.value(QLatin1String("children"));
    if (!childrenValue.isUndefined()) {
        if (!childrenValue.isArray())
            return fail(path + ".children", "expected an array of node ids, got " + describe(childrenValue));
        const auto children = childrenValue.toArray();
        for (qsizetype c = 0; c < children.size(); ++c) {
            const auto child = chromejson::integer(children.at(c), -kMaxId, kMaxId);
            const std::string at = path + ".children[" + std::to_string(c) + "]";
            if (!child)
                return fail(at, "expected a node id, got " + describe(children.at(c)));
            const auto [it, added] = parentOfChild_.try_emplace(*child, node.id);
            if (!added && it->second != node.id)
                return fail(at, "node " + idText(*child) + " is already a child of node " + idText(it->second));
        }
    }
    auto frame = internFrame(o.value(QLatin1String("callFrame")), path + ".callFrame");
    if (!frame)
        return frame.status();
    node.frame = frame.value();
    node.isRoot = !node.hasParentId && out_.functionName(node.frame) == "(root)";
    if (nodes_.size() >= kNone)
        return fail(path, "too many nodes");
    const auto [it, added] = index_.try_emplace(node.id, static_cast<std::uint32_t>(nodes_.size()));
    if (!added)
        return fail(path + ".id", "duplicate node id " + idText(node.id));
    nodes_.push_back(node);
    return {};
}

Result<model::FrameId> V8CpuProfile::internFrame(const QJsonValue &callFrame, const std::string &path)
{
    if (!callFrame.isObject())
        return fail(path, "expected a callFrame object, got " + describe(callFrame));
    const auto f = callFrame.toObject();
    QString name;
    QString url;
    for (const auto &[key, target] : {std::pair{"functionName", &name}, std::pair{"url", &url}}) {
        const auto v = f.value(QLatin1String(key));
        if (v.isUndefined())
            continue;
        if (!v.isString())
            return fail(path + "." + key, "expected a string, got " + describe(v));
        *target = v.toString();
    }
    std::uint32_t line = 0;
    const auto lineValue = f.value(QLatin1String("lineNumber"));
    if (!lineValue.isUndefined()) {
        // 0-based; -1 when V8 does not know it.
        const auto n = chromejson::integer(lineValue, -1, 4.0e9);
        if (!n)
            return fail(path + ".lineNumber", "expected a line number, got " + describe(lineValue));
        line = static_cast<std::uint32_t>(*n + 1);
    }
    const auto codeType = f.value(QLatin1String("codeType")).toString();
    const bool js = codeType.isEmpty() ? !url.isEmpty() : codeType == QLatin1String("JS");
    if (name.isEmpty())
        name = QStringLiteral("(anonymous)");
    const std::string module = url.toStdString();
    return out_.internFrame(name.toStdString(), module, module, line,
                            js ? model::FrameKind::Jit : model::FrameKind::Native);
}

Status V8CpuProfile::addSamples(const QJsonValue &samples, const QJsonValue &timeDeltas, const std::string &samplesPath,
                                const std::string &deltasPath)
{
    if (!samples.isArray())
        return fail(samplesPath, "expected an array of node ids, got " + describe(samples));
    if (!timeDeltas.isArray())
        return fail(deltasPath, "expected an array of numbers, got " + describe(timeDeltas));
    const auto ids = samples.toArray();
    const auto deltas = timeDeltas.toArray();
    if (ids.size() != deltas.size())
        return fail(samplesPath, std::to_string(ids.size()) + " samples but " + std::to_string(deltas.size()) +
                                     " time deltas (they must pair up)");
    batches_.push_back({sampleNodes_.size(), samplesPath});
    sampleNodes_.reserve(sampleNodes_.size() + static_cast<std::size_t>(ids.size()));
    sampleTimes_.reserve(sampleNodes_.size() + static_cast<std::size_t>(ids.size()));
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const auto id = chromejson::integer(ids.at(i), -kMaxId, kMaxId);
        if (!id)
            return fail(samplesPath + "[" + std::to_string(i) + "]", "expected a node id, got " + describe(ids.at(i)));
        const auto delta = chromejson::microsToNanos(deltas.at(i));
        if (!delta)
            return fail(deltasPath + "[" + std::to_string(i) + "]",
                        "expected a time delta in microseconds, got " + describe(deltas.at(i)));
        if (std::abs(timeNs_) > 4'600'000'000'000'000'000LL - std::abs(*delta))
            return fail(deltasPath + "[" + std::to_string(i) + "]", "the time deltas add up to more than 2^62 ns");
        timeNs_ += *delta;
        sampleNodes_.push_back(*id);
        sampleTimes_.push_back(timeNs_);
    }
    return {};
}

std::string V8CpuProfile::samplePath(std::size_t index) const
{
    auto batch = std::upper_bound(batches_.begin(), batches_.end(), index,
                                  [](std::size_t i, const Batch &b) { return i < b.first; });
    if (batch == batches_.begin())
        return "samples";
    --batch;
    return batch->path + "[" + std::to_string(index - batch->first) + "]";
}

Status V8CpuProfile::resolveParents(std::vector<std::uint32_t> &parent) const
{
    parent.assign(nodes_.size(), kNone);
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
        const Node &n = nodes_[i];
        std::int64_t parentId = n.parentId;
        if (!n.hasParentId) {
            const auto it = parentOfChild_.find(n.id);
            if (it == parentOfChild_.end())
                continue;
            parentId = it->second;
        }
        const auto p = index_.find(parentId);
        if (p == index_.end())
            return fail("nodes", "node " + idText(n.id) + " has parent " + idText(parentId) + ", which is not a node");
        parent[i] = p->second;
    }
    for (const auto &[child, parentId] : parentOfChild_) {
        if (index_.count(child) == 0)
            return fail("nodes",
                        "node " + idText(parentId) + " lists child " + idText(child) + ", which is not a node");
    }
    return {};
}

Status V8CpuProfile::resolveStacks(const std::vector<std::uint32_t> &parent, std::vector<model::StackId> &stack)
{
    // Iterative, so a deep or cyclic tree from an untrusted file cannot overflow the C++ stack.
    enum : std::uint8_t { Unseen, Walking, Done };
    std::vector<std::uint8_t> state(nodes_.size(), Unseen);
    stack.assign(nodes_.size(), model::kEmptyStack);
    std::vector<std::uint32_t> chain;
    for (std::uint32_t i = 0; i < nodes_.size(); ++i) {
        chain.clear();
        std::uint32_t j = i;
        while (j != kNone && state[j] != Done) {
            if (state[j] == Walking)
                return fail("nodes", "node " + idText(nodes_[j].id) + " is its own ancestor (a cycle)");
            state[j] = Walking;
            chain.push_back(j);
            j = parent[j];
        }
        model::StackId base = j == kNone ? model::kEmptyStack : stack[j];
        for (auto k = chain.rbegin(); k != chain.rend(); ++k) {
            if (!nodes_[*k].isRoot)
                base = out_.stacks.intern(base, nodes_[*k].frame);
            stack[*k] = base;
            state[*k] = Done;
        }
    }
    return {};
}

Status V8CpuProfile::emit(model::ThreadIndex thread)
{
    std::vector<std::uint32_t> parent;
    if (Status st = resolveParents(parent); !st)
        return st;
    std::vector<model::StackId> stack;
    if (Status st = resolveStacks(parent, stack); !st)
        return st;

    std::vector<std::uint32_t> node(sampleNodes_.size());
    for (std::size_t i = 0; i < sampleNodes_.size(); ++i) {
        const auto it = index_.find(sampleNodes_[i]);
        if (it == index_.end())
            return fail(samplePath(i), "node id " + idText(sampleNodes_[i]) + " is not in the profile's nodes");
        node[i] = it->second;
    }
    std::vector<std::uint32_t> order(sampleNodes_.size());
    std::iota(order.begin(), order.end(), 0U);
    if (!std::is_sorted(sampleTimes_.begin(), sampleTimes_.end()))
        std::stable_sort(order.begin(), order.end(),
                         [&](std::uint32_t a, std::uint32_t b) { return sampleTimes_[a] < sampleTimes_[b]; });
    for (std::size_t k = 0; k < order.size(); ++k) {
        const std::uint32_t i = order[k];
        const std::int64_t time = sampleTimes_[i];
        const std::int64_t next = k + 1 < order.size() ? sampleTimes_[order[k + 1]] : endNs();
        if (next <= time)
            continue;
        model::StackId s = stack[node[i]];
        if (s == model::kEmptyStack) // a sample of "(root)" itself
            s = out_.stacks.intern(model::kEmptyStack, nodes_[node[i]].frame);
        out_.addSample(time, thread, s, static_cast<std::uint64_t>(next - time));
    }
    return {};
}

} // namespace perfwb::formats
