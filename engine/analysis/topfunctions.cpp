// SPDX-License-Identifier: GPL-3.0-or-later
#include "topfunctions.h"

#include <algorithm>
#include <unordered_map>

namespace perfwb::analysis {

namespace {

using Entry = TopFunctions::Entry;
constexpr FunctionId kNone = TopFunctions::kNoFunction;
// Site codes next to function ids in an entry's key.
constexpr std::uint32_t kOutOfLine = 0xFFFFFFFFU;
constexpr std::uint32_t kCutOff = 0xFFFFFFFEU; // inlined, but no caller frame that is not

// The entry of every trie node, one pass in id order (parents come first): an inlined
// frame belongs to the function of its nearest caller frame that is not inlined.
std::vector<std::uint32_t> labelNodes(const FunctionTable &functions, std::vector<Entry> &entries)
{
    const auto &profile = functions.profile();
    const auto &trie = profile.stacks;
    std::vector<FunctionId> owner(trie.size(), kNone); // nearest non-inlined function at or above
    std::vector<std::uint32_t> entryOf(trie.size(), 0);
    std::unordered_map<std::uint64_t, std::uint32_t> index;
    for (model::StackId i = 1; i < trie.size(); ++i) {
        const auto &node = trie.node(i);
        const bool inlined = profile.frames.at(node.frame).inlined;
        const FunctionId f = functions.functionOf(node.frame);
        const FunctionId callerOwner = node.parent == model::kEmptyStack ? kNone : owner[node.parent];
        owner[i] = inlined ? callerOwner : f;
        const std::uint32_t site = !inlined ? kOutOfLine : (callerOwner == kNone ? kCutOff : callerOwner);
        const auto [it, added] =
            index.try_emplace((std::uint64_t(f) << 32U) | site, static_cast<std::uint32_t>(entries.size()));
        if (added)
            entries.push_back({f, inlined, inlined ? callerOwner : kNone, 0, 0});
        entryOf[i] = it->second;
    }
    return entryOf;
}

// Adds each node's subtree weight to its entry's total where no caller node has the same
// entry, so recursion counts once: one depth-first walk, no recursion on stack depth.
void addTotals(const model::StackTrie &trie, const std::vector<std::uint64_t> &subtree,
               const std::vector<std::uint32_t> &entryOf, std::vector<Entry> &entries)
{
    const std::size_t n = trie.size();
    std::vector<std::uint32_t> begin(n + 1, 0); // children of node i: ids[begin[i]..begin[i+1])
    for (model::StackId i = 1; i < n; ++i)
        ++begin[trie.node(i).parent + 1];
    for (std::size_t i = 0; i < n; ++i)
        begin[i + 1] += begin[i];
    std::vector<model::StackId> ids(n == 0 ? 0 : n - 1);
    std::vector<std::uint32_t> fill(begin.begin(), begin.end() - 1);
    for (model::StackId i = 1; i < n; ++i)
        ids[fill[trie.node(i).parent]++] = i;

    std::vector<std::uint32_t> onPath(entries.size(), 0);
    struct Visit {
        model::StackId node;
        std::uint32_t next;
    };
    std::vector<Visit> todo{{model::kEmptyStack, begin[0]}};
    while (!todo.empty()) {
        const Visit top = todo.back();
        if (top.next == begin[top.node + 1]) {
            if (top.node != model::kEmptyStack)
                --onPath[entryOf[top.node]];
            todo.pop_back();
            continue;
        }
        ++todo.back().next;
        const model::StackId child = ids[top.next];
        if (subtree[child] == 0)
            continue;
        if (onPath[entryOf[child]]++ == 0)
            entries[entryOf[child]].total += subtree[child];
        todo.push_back({child, begin[child]});
    }
}

} // namespace

TopFunctions TopFunctions::compute(const FunctionTable &functions, const StackWeights &weights)
{
    const auto &trie = functions.profile().stacks;
    std::vector<Entry> entries;
    const auto entryOf = labelNodes(functions, entries);
    std::vector<std::uint64_t> subtree(trie.size(), 0);
    std::copy_n(weights.self.begin(), std::min(weights.self.size(), subtree.size()), subtree.begin());
    for (std::size_t i = 1; i < subtree.size(); ++i)
        entries[entryOf[i]].self += subtree[i];
    for (auto i = static_cast<model::StackId>(subtree.size()); i-- > 1;)
        subtree[trie.node(i).parent] += subtree[i];
    addTotals(trie, subtree, entryOf, entries);

    TopFunctions top;
    top.grandTotal = weights.total;
    std::copy_if(entries.begin(), entries.end(), std::back_inserter(top.entries),
                 [](const Entry &e) { return e.total > 0; });
    const auto siteName = [&](const Entry &e) {
        return e.inlinedInto == kNone ? std::string_view() : functions.name(e.inlinedInto);
    };
    std::sort(top.entries.begin(), top.entries.end(), [&](const Entry &a, const Entry &b) {
        if (a.self != b.self)
            return a.self > b.self;
        if (a.total != b.total)
            return a.total > b.total;
        if (functions.name(a.function) != functions.name(b.function))
            return functions.name(a.function) < functions.name(b.function);
        return std::pair(a.inlined, siteName(a)) < std::pair(b.inlined, siteName(b));
    });
    return top;
}

std::string TopFunctions::label(const FunctionTable &functions, const Entry &entry)
{
    std::string out(functions.name(entry.function));
    if (entry.inlined && entry.inlinedInto != kNone)
        out += " (inlined in " + std::string(functions.name(entry.inlinedInto)) + ")";
    else if (entry.inlined)
        out += " (inlined)";
    return out;
}

} // namespace perfwb::analysis
